"""The window's first frame comes first (issue 13, "Start fast"): it loads only what the board
needs, and the day's backup and the check of the whole file wait until the board is painted.

Which modules are loaded and in what order things happen, never how long they take (the
figures are in `make bench`, startup_bench)."""

from __future__ import annotations

import contextlib
import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard import app
from mopsboard.app import Windows
from mopsboard.io.demo import create_demo_file
from mopsboard.store.backups import DAILY, list_backups
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.shell.main_window import MainWindow

# Run as `mopsboard FILE`; prints the loaded modules at the first paint of a column of cards.
FIRST_PAINT = """
import json, os, sys
import mopsboard.app
from mopsboard.cli import main
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and type(watched.parent()).__name__ == "StageListView":
            print("LOADED:" + json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False

make_application = mopsboard.app.make_application

def watched_application(argv=None):
    made = make_application(argv)
    made.installEventFilter(FirstPaint(made))
    return made

mopsboard.app.make_application = watched_application
main(sys.argv[1:])
"""

# What the first frame of a board does not need: the other pages, the editors and dialogs,
# imports and exports, and what only writing or planning loads.
NOT_FOR_THE_BOARD = (
    "mopsboard.ui.capacity",
    "mopsboard.ui.campaigns",
    "mopsboard.ui.timeline",
    "mopsboard.ui.personas",
    "mopsboard.ui.people",
    "mopsboard.ui.transfer",
    "mopsboard.ui.board.task_dialog",
    "mopsboard.ui.board.stage_dialog",
    "mopsboard.ui.common.markdown_view",
    "mopsboard.ui.common.file_dialogs",
    "mopsboard.ui.common.page_context",
    "mopsboard.io.ical",
    "mopsboard.io.importers",
    "mopsboard.io.workspace_json",
    "mopsboard.io.capacity_export",
    "mopsboard.io.task_export",
    "mopsboard.domain.builtin_templates",
    "mopsboard.domain.capacity",
    "sqlite_utils",
    "click",
    "dateutil",
    "holidays",
    "icalendar",
    "markdown_it",
)


class CardPaints(QObject):
    """Notes in `events` the first paint of a column with cards, and which page the window shows
    at its own first paint."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events
        self.pages: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            parent = watched.parent()
            if isinstance(watched, MainWindow) and not self.pages:
                self.pages.append(watched.stack.currentWidget().objectName())
            if (
                isinstance(parent, StageListView)
                and parent.model().rowCount() > 0
                and "painted" not in self.events
            ):
                self.events.append("painted")
        return False


@pytest.fixture
def board_file(board_ws: Workspace) -> Path:
    board_ws.close()
    return board_ws.path


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[Windows]:
    opened = Windows()
    yield opened
    for window in list(opened.windows):
        with contextlib.suppress(RuntimeError):  # already closed and deleted
            window.close()
        window.workspace.close()


@pytest.fixture
def paints(qtbot: QtBot) -> Iterator[CardPaints]:
    watcher = CardPaints([])
    application = QApplication.instance()
    assert application is not None
    application.installEventFilter(watcher)
    yield watcher
    application.removeEventFilter(watcher)


def test_the_board_is_painted_before_the_days_backup_and_the_check_of_the_file(
    qtbot: QtBot,
    windows: Windows,
    board_file: Path,
    paints: CardPaints,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    events = paints.events
    backup, check = app.make_daily_backup, Workspace.refuse_if_damaged

    def noted_backup(workspace: Workspace) -> object:
        events.append("backup")
        return backup(workspace)

    def noted_check(workspace: Workspace) -> None:
        events.append("check")
        check(workspace)

    monkeypatch.setattr(app, "make_daily_backup", noted_backup)
    monkeypatch.setattr(Workspace, "refuse_if_damaged", noted_check)
    window = windows.open(board_file)
    assert window is not None
    # The backup is made before the window is handed back, as before; only after its paint.
    assert [b.label for b in list_backups(board_file)] == [DAILY]
    qtbot.waitUntil(lambda: "check" in events)
    assert events == ["painted", "backup", "check"]


def test_the_collector_held_off_by_the_command_runs_again_once_the_board_is_painted(
    windows: Windows, board_file: Path, paints: CardPaints, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real_paint_first = app.paint_first

    def noted_paint_first(window: MainWindow) -> bool:
        painted = real_paint_first(window)
        seen.append(gc.isenabled())
        return painted

    monkeypatch.setattr(app, "paint_first", noted_paint_first)
    gc.disable()
    try:
        window = windows.open(board_file)
        assert window is not None and "painted" in paints.events
        assert seen == [False] and gc.isenabled()
    finally:
        gc.enable()


def test_the_first_frame_shows_the_view_asked_for(
    windows: Windows, board_file: Path, paints: CardPaints
) -> None:
    window = windows.open(board_file, view="timeline")
    assert window is not None
    assert paints.pages == ["timelineView"]
    assert window.stack.currentWidget() is window.pages["timeline"]


def test_the_first_paint_of_a_board_loads_only_what_the_board_needs(tmp_path: Path) -> None:
    path = tmp_path / "demo.mopsboard"
    create_demo_file(path)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    line = next((x for x in result.stdout.splitlines() if x.startswith("LOADED:")), None)
    assert line is not None, result.stderr
    modules = set(json.loads(line.removeprefix("LOADED:")))
    assert "mopsboard.ui.board.card_delegate" in modules  # it did paint the board
    assert sorted(m for m in modules if m.startswith(NOT_FOR_THE_BOARD)) == []


def test_the_first_window_sets_what_start_up_made_aside_from_the_collector(
    windows: Windows, board_file: Path
) -> None:
    gc.unfreeze()
    try:
        window = app.open_first_window(windows, board_file)
        assert window is not None and gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()  # the tests after this one collect as before
