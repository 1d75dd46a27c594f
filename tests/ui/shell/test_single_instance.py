"""`mopsboard FILE` while the app runs (a double-click in a file manager): the running app opens
FILE, or brings its window to the front, and the second start leaves at once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard import app, instance
from mopsboard.app import Windows
from mopsboard.ui.shell.instance_server import InstanceServer

pytestmark = pytest.mark.skipif(not instance.supported(), reason="needs Unix sockets")


@pytest.fixture
def server(
    qtbot: QtBot, windows: Windows, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[InstanceServer]:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("MOPSBOARD_HOME", str(tmp_path / "home"))
    started = InstanceServer.start()
    assert started is not None
    started.openRequested.connect(lambda asked, view: app._open_asked(windows, asked, view))
    yield started
    started.close()


def second_start(*argv: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "mopsboard", *map(str, argv)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_second_start_hands_its_file_to_the_running_app(
    qtbot: QtBot, server: InstanceServer, windows: Windows, board_file: Path
) -> None:
    started = second_start(board_file, "--view", "timeline")
    qtbot.waitUntil(lambda: started.poll() is not None, timeout=30_000)
    assert started.returncode == 0, started.stderr.read() if started.stderr else ""
    window = windows.window_for(board_file)
    assert window is not None
    assert window.stack.currentWidget() is window.pages["timeline"]
    # Asked again for the same file: the same window, no other.
    again = second_start(board_file)
    qtbot.waitUntil(lambda: again.poll() is not None, timeout=30_000)
    assert again.returncode == 0 and windows.windows == [window]
