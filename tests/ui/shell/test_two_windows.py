"""Two windows, or a window and another process, on one file: each sees the other's changes by
itself, refreshing only what changed; a stale edit is detected and the user chooses. (How soon
a change shows is a figure of `make bench`: external_move_shown_ms.)"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow], board_ws: Workspace) -> MainWindow:
    board = board_ws.boards()[0].key
    backlog = board_ws.stage_named(board, "Backlog").key
    # Enough cards that the backlog column scrolls.
    board_ws.add_tasks(
        [Task(board_id=board, stage_id=backlog, title=f"Filler {n}") for n in range(40)]
    )
    return open_window(board_ws)


def column(win: MainWindow, stage_name: str) -> StageListView:
    stage = next(s for s in win.model.stages if s.name == stage_name)
    view = win.board_view.view_for_stage(stage.key)
    assert view is not None
    return view


def titles_in(win: MainWindow, stage_name: str) -> list[str]:
    return [win.model.tasks[i].title for i in column(win, stage_name).cell_model.task_ids]


def task_id(win: MainWindow, title: str) -> int:
    return next(i for i, t in win.model.tasks.items() if t.title == title)


def run_cli(*argv: str | Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mopsboard", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr


def test_another_process_move_shows_keeping_selection_and_scroll(
    qtbot: QtBot, window: MainWindow
) -> None:
    backlog = column(window, "Backlog")
    window.board_view.select_task(task_id(window, "Filler 30"))
    bar = backlog.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum() // 2)
    scrolled = bar.value()
    reloads: list[None] = []
    window.model.boardReloaded.connect(lambda: reloads.append(None))

    run_cli("move-task", window.workspace.path, task_id(window, "E"), "--stage", "Ready")
    # The real poll timer, not a direct call: the window must notice by itself. How soon is a
    # figure for `make bench` (external_move_shown_ms), not for a test on a busy machine.
    qtbot.waitUntil(lambda: "E" in titles_in(window, "Ready"), timeout=10_000)
    assert titles_in(window, "Ready") == ["D", "E"]
    assert titles_in(window, "In progress") == []
    assert backlog.selected_task_ids() == [task_id(window, "Filler 30")]
    assert bar.value() == scrolled
    assert reloads == []  # only the moved card was refreshed


def test_two_windows_on_one_file_follow_each_other(qtbot: QtBot, window: MainWindow) -> None:
    other_ws = Workspace.open(window.workspace.path)
    other = MainWindow(other_ws)
    qtbot.addWidget(other)
    other.show()
    try:
        window.workspace_actions.move_tasks(
            [task_id(window, "A")], column_stage(window, "Done"), None
        )
        qtbot.waitUntil(lambda: titles_in(other, "Done") == ["G", "A"], timeout=3000)
        title = "C, renamed in the second window"
        c = other.workspace.task(task_id(other, "C"))
        other.workspace_actions.edit_task(c, c.model_copy(update={"title": title}))
        qtbot.waitUntil(lambda: title in titles_in(window, "Backlog"), timeout=3000)
        # Undo in the second window shows up in the first one too.
        other.undo_action.trigger()
        qtbot.waitUntil(lambda: "C" in titles_in(window, "Backlog"), timeout=3000)
    finally:
        other.close()
        other_ws.close()


def column_stage(win: MainWindow, stage_name: str) -> int:
    return next(s.key for s in win.model.stages if s.name == stage_name)


# -- stale edits ----------------------------------------------------------------------------------


def _edited_elsewhere(window: MainWindow, title: str) -> Task:
    original = window.workspace.task(task_id(window, title))
    with Workspace.open(window.workspace.path) as other:
        theirs = other.task(original.key)
        other.update_task(theirs.model_copy(update={"title": f"{title} (theirs)"}))
    return original


def _answer(monkeypatch: pytest.MonkeyPatch, button: str, asked: list[str]) -> None:
    def choose(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", choose)


def test_stale_edit_keep_mine_overwrites_knowingly_and_undo_restores_theirs(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _edited_elsewhere(window, "C")
    asked: list[str] = []
    _answer(monkeypatch, "Keep mine", asked)
    window._save_edit(original, original.model_copy(update={"title": "C (mine)"}))
    assert len(asked) == 1 and "'C (theirs)' was changed in another window" in asked[0]
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(original.key).title == "C (mine)"
    assert window.workspace_actions.undo_stack.count() == 1
    window.undo_action.trigger()
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(original.key).title == "C (theirs)"


def test_stale_edit_reopen_shows_their_version_and_writes_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _edited_elsewhere(window, "B")
    asked: list[str] = []
    _answer(monkeypatch, "Reopen", asked)
    reopened: list[str] = []

    def cancel(dialog: TaskDialog) -> int:
        reopened.append(dialog.title.text())
        return 0

    monkeypatch.setattr(TaskDialog, "exec", cancel)
    window._save_edit(original, original.model_copy(update={"title": "B (mine)"}))
    assert len(asked) == 1
    assert reopened == ["B (theirs)"]
    assert window.workspace_actions.undo_stack.count() == 0
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(original.key).title == "B (theirs)"


def test_stale_edit_keep_theirs_leaves_no_undo_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = _edited_elsewhere(window, "D")
    _answer(monkeypatch, "Keep theirs", [])
    window._save_edit(original, original.model_copy(update={"title": "D (mine)"}))
    assert window.workspace_actions.undo_stack.count() == 0
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(original.key).title == "D (theirs)"
