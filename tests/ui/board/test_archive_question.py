"""Delete on several selected cards asks first, naming how many; one card goes at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import EditorRun, answer_when_asked
from tests.ui.board.test_board_selection import click
from tests.ui.board.test_board_window import task_id, view_of


def archived(path: Path) -> list[str]:
    with Workspace.open(path) as ws:
        return sorted(t.title for t in ws.tasks(include_archived=True) if t.archived)


def test_delete_on_three_cards_asks_and_cancel_keeps_them(qtbot: QtBot, window: MainWindow) -> None:
    path = window.workspace.path
    click(qtbot, window, "A", "Backlog")
    click(qtbot, window, "B", "Backlog", Qt.KeyboardModifier.ControlModifier)
    click(qtbot, window, "C", "Backlog", Qt.KeyboardModifier.ControlModifier)
    backlog = view_of(window, "Backlog")

    run = EditorRun()
    answer_when_asked("Cancel", run)
    qtbot.keyClick(backlog, Qt.Key.Key_Delete)
    assert run.asked == ["Archive the 3 selected tasks? [Archive 3 tasks / Cancel]"]
    assert archived(path) == []
    assert window.workspace_actions.undo_stack.count() == 0

    # Offscreen Qt has no window manager to hand the window back its focus once the box
    # closes, as a desktop does.
    window.activateWindow()
    qtbot.waitUntil(backlog.hasFocus)
    assert backlog.selected_task_ids() == [task_id(window, t) for t in "ABC"]
    answer_when_asked("Archive 3 tasks", run)
    qtbot.keyClick(backlog, Qt.Key.Key_Delete)
    assert len(run.asked) == 2
    assert archived(path) == ["A", "B", "C"]
    assert backlog.model().rowCount() == 0
    assert window.workspace_actions.undo_stack.count() == 1
    window.undo_action.trigger()
    assert archived(path) == []


def test_delete_on_one_card_archives_it_without_asking(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    click(qtbot, window, "D", "Ready")
    qtbot.keyClick(view_of(window, "Ready"), Qt.Key.Key_Delete)
    assert archived(window.workspace.path) == ["D"]
    assert shown == []
    window.undo_action.trigger()
    assert archived(window.workspace.path) == []


def test_edit_archive_on_three_cards_asks_as_delete_does(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, "A", "Backlog")
    click(qtbot, window, "B", "Backlog", Qt.KeyboardModifier.ControlModifier)
    click(qtbot, window, "C", "Backlog", Qt.KeyboardModifier.ControlModifier)
    edit_menu = window.menuBar().actions()[1].menu()
    archive = next(a for a in edit_menu.actions() if a.text() == "&Archive task")
    run = EditorRun()
    answer_when_asked("Cancel", run)
    archive.trigger()
    assert run.asked == ["Archive the 3 selected tasks? [Archive 3 tasks / Cancel]"]
    assert archived(window.workspace.path) == []
