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


def real_drag(display: str, path: Path, *app_args: str) -> list[str]:
    """Starts the board on `display` (xvfb_drag_app.py with these arguments), drags with the
    mouse from where it says to where it says, lets go, and gives back what it printed."""
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, str(HERE / "xvfb_drag_app.py"), str(path), *app_args],
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
        # A last small move over the target, as a hand's: the drag says what it would do.
        xdotool(display, "mousemove", str(x1 + 2), str(y1))
        time.sleep(0.3)
        xdotool(display, "mouseup", "1")
        output, errors = app.communicate(timeout=25)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, errors
    return output.splitlines()


def said(lines: list[str], key: str) -> dict[str, object]:
    found = [json.loads(line)[key] for line in lines if line.startswith(f'{{"{key}"')]
    assert found, f"the app never said {key!r}: {lines}"
    return dict(found[0])


def test_a_real_mouse_drag_moves_the_card(
    display: str, board_ws: Workspace, titles_by_stage: Callable[[Path], dict[str, list[str]]]
) -> None:
    path = board_ws.path
    board_ws.close()
    lines = real_drag(display, path, "B", "Ready")
    # The moved card is the one selected, in its new column.
    assert said(lines, "moved") == {"selected": ["B"]}
    # Over a column that takes the card, nothing is refused.
    hover = said(lines, "hover")
    assert hover["refusing"] in (None, "false") and hover["cursor"] != "ForbiddenCursor"
    assert titles_by_stage(path)["Ready"] == ["D", "B"]
    assert titles_by_stage(path)["Backlog"] == ["A", "C"]


def test_a_real_drag_over_a_full_column_shows_the_refusal_before_the_drop(
    display: str, board_ws: Workspace, titles_by_stage: Callable[[Path], dict[str, list[str]]]
) -> None:
    path = board_ws.path
    board_ws.close()
    lines = real_drag(display, path, "B", "Ready", "--full")
    hover = said(lines, "hover")
    assert hover["cursor"] == "ForbiddenCursor"
    assert hover["refusing"] == "true"
    assert str(hover["status"]).startswith("'Ready' has a hard WIP limit of 1 and holds 1 task")
    # Let go there: nothing moves; once the drag is over the column's mark goes and the
    # refusal stays in the window's banner and status bar, as a refused Ctrl+Right's does.
    ended = said(lines, "ended")
    assert ended == {"status": hover["status"], "refusing": "false", "banner": hover["status"]}
    assert not any(line.startswith('{"moved"') for line in lines)
    assert titles_by_stage(path)["Ready"] == ["D"]
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]


def test_a_real_drag_reaches_a_swimlane_below_the_fold_and_reassigns(
    display: str, board_ws: Workspace
) -> None:
    from tests.ui.board.test_drag_scroll import many_lanes

    many_lanes(board_ws)
    path = board_ws.path
    board_ws.close()
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    args = ["A", "Backlog", "--lanes", "assignee", "--lane", "Unassigned", "--size", "1024x700"]
    app = subprocess.Popen(
        [sys.executable, str(HERE / "xvfb_drag_app.py"), str(path), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert app.stdout is not None
        where = json.loads(app.stdout.readline() or "{}")
        assert where, app.stderr.read() if app.stderr else ""
        (x0, y0), (x1, y1) = where["start"], where["end"]
        xdotool(display, "mousemove", str(x0), str(y0))
        xdotool(display, "mousedown", "1")
        for step in range(1, 11):
            xdotool(
                display,
                "mousemove",
                str(x0 + (x1 - x0) * step // 10),
                str(y0 + (y1 - y0) * step // 10),
            )
            time.sleep(0.05)
        # Resting at the foot of the board, the board scrolls until the lane is in view.
        line = app.stdout.readline()
        while line.startswith('{"hover"'):  # the lane may come up under the pointer first
            line = app.stdout.readline()
        assert line.startswith('{"target"'), line
        x2, y2 = json.loads(line)["target"]
        for step in range(1, 6):
            xdotool(
                display,
                "mousemove",
                str(x1 + (x2 - x1) * step // 5),
                str(y1 + (y2 - y1) * step // 5),
            )
            time.sleep(0.05)
        time.sleep(0.3)
        xdotool(display, "mouseup", "1")
        output, errors = app.communicate(timeout=25)
    finally:
        if app.poll() is None:
            app.kill()
    assert said(output.splitlines(), "moved") == {"selected": ["A"]}, errors
    with Workspace.open(path) as ws:
        moved = next(t for t in ws.tasks() if t.title == "A")
        assert moved.assignee_id is None
        assert ws.stage(moved.stage_id).name == "Backlog"
