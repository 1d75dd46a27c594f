"""A real drag, as a person makes it: mouse down on a card, move, release over another column,
on an X display (Xvfb) driven by xdotool. Offscreen Qt cannot start a QDrag from synthetic events,
so this is the one test that exercises Qt's own drag machinery end to end."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mopsboard.store.workspace import Workspace

pytestmark = pytest.mark.xvfb

HERE = Path(__file__).parent


@pytest.fixture
def display() -> Iterator[str]:
    if not shutil.which("Xvfb") or not shutil.which("xdotool"):
        pytest.skip("needs Xvfb and xdotool (apt-get install xvfb xdotool; .ci/run installs them)")
    number = 90 + os.getpid() % 100
    name = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", name, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            pytest.skip("Xvfb did not start")
        time.sleep(0.1)
    yield name
    server.terminate()
    server.wait(timeout=10)


def xdotool(display: str, *args: str) -> None:
    subprocess.run(["xdotool", *args], check=True, env={**os.environ, "DISPLAY": display})


def test_a_real_mouse_drag_moves_the_card(
    display: str, board_ws: Workspace, titles_by_stage: Callable[[Path], dict[str, list[str]]]
) -> None:
    path = board_ws.path
    board_ws.close()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, str(HERE / "xvfb_drag_app.py"), str(path), "B", "Ready"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None
        line = app.stdout.readline()
        if not line:
            pytest.fail(
                f"the app did not start on {display}: {app.stderr.read() if app.stderr else ''}"
            )
        where = json.loads(line)
        (x0, y0), (x1, y1) = where["start"], where["end"]
        xdotool(display, "mousemove", str(x0), str(y0))
        xdotool(display, "mousedown", "1")
        for step in range(1, 11):
            x = x0 + (x1 - x0) * step // 10
            y = y0 + (y1 - y0) * step // 10
            xdotool(display, "mousemove", str(x), str(y))
            time.sleep(0.05)
        time.sleep(0.2)
        xdotool(display, "mouseup", "1")
        output, errors = app.communicate(timeout=25)
        assert "moved" in output, errors
    finally:
        if app.poll() is None:
            app.kill()
    assert titles_by_stage(path)["Ready"] == ["D", "B"]
    assert titles_by_stage(path)["Backlog"] == ["A", "C"]
