"""The README's trade-off pictures can be made again: docs/trade-off/render.py runs through every
step (approve, since approval, compare, adopt over another window's edit, the timeline) on a
fresh demo and writes each picture."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

RENDER = Path(__file__).resolve().parent.parent / "docs" / "trade-off" / "render.py"
PICTURES = (
    "approve.png",
    "since-approval.png",
    "scenarios-compare.png",
    "adopt.png",
    "timeline-approved.png",
)


def test_the_walk_through_renders_every_picture(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(RENDER), "--out", str(tmp_path), "--size", "1024x700"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert run.returncode == 0, run.stderr
    for name in PICTURES:
        image = QImage(str(tmp_path / name))
        assert not image.isNull(), name
        assert image.width() > 300 and image.height() > 150, name
