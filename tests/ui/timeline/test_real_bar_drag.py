"""Esc during a real bar drag on the timeline, as a person makes it: mouse down on a task's
bar, moves, the Escape key, release, on an X display (Xvfb) driven by xdotool. The bar says its
new dates while dragged; after Esc and the release nothing is written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from test_timeline_links import plan

from mopsboard.store.workspace import Workspace
from tests.ui.board.test_real_drag import display, xdotool

pytestmark = pytest.mark.xvfb

HERE = Path(__file__).parent
__all__ = ["display"]


def dates_on_file(path: Path) -> dict[str, tuple[date | None, date | None]]:
    with Workspace.open(path) as fresh:
        return {t.title: (t.start_date, t.due_date) for t in fresh.tasks()}


def test_escape_during_a_real_bar_drag_writes_nothing(display: str, planned_ws: Workspace) -> None:
    plan(planned_ws, "A", 0, 2)
    path = Path(planned_ws.path)
    planned_ws.close()
    before = dates_on_file(path)
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, str(HERE / "xvfb_timeline_app.py"), str(path), "Spring launch", "A", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None
        line = app.stdout.readline()
        if not line:
            pytest.fail(f"the app did not start: {app.stderr.read() if app.stderr else ''}")
        where = json.loads(line)
        (x0, y0), (x1, _y1) = where["start"], where["end"]
        xdotool(display, "mousemove", str(x0), str(y0))
        xdotool(display, "mousedown", "1")
        for step in range(1, 9):
            xdotool(display, "mousemove", str(x0 + (x1 - x0) * step // 8), str(y0))
            time.sleep(0.05)
        time.sleep(0.2)
        xdotool(display, "key", "Escape")
        time.sleep(0.2)
        xdotool(display, "mouseup", "1")
        output, errors = app.communicate(timeout=25)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, errors
    ended = next(json.loads(x)["ended"] for x in output.splitlines() if x.startswith('{"ended"'))
    assert ended["dragged"], "the drag began"
    assert str(ended["words"]).endswith("(+2 working days)")
    assert ended["undo"] == 0
    assert dates_on_file(path) == before
