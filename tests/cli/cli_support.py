"""Helpers shared by the CLI tests: a real `python -m mopsboard` process and error checks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 3, 2)
# A locked workspace gives up after this long instead of the default five seconds.
FAST_LOCK = {"MOPSBOARD_BUSY_TIMEOUT_MS": "150"}

Run = Callable[..., tuple[int, str, str]]


def run_process(*argv: str | Path, code: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "mopsboard"]
    return subprocess.run(
        [*command, *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **FAST_LOCK},
    )


def assert_one_line_error(err: str, *words: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("mopsboard: ")
    for word in words:
        assert word.lower() in lines[0].lower(), lines[0]


def rows(out: str) -> list[dict[str, Any]]:
    data = json.loads(out)
    assert isinstance(data, list)
    return data
