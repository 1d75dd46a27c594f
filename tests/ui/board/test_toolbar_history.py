"""The toolbar's Undo and Redo keep short labels, whatever the step is called, so the buttons
after them stay where they are; the step's name is in the tooltip and in the Edit menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import task_id


def button(window: MainWindow, text: str) -> QToolButton:
    toolbar = window.findChild(QToolBar, "mainToolbar")
    assert toolbar is not None
    found = [
        b
        for b in toolbar.findChildren(QToolButton)
        if b.defaultAction() is not None and b.defaultAction().text().replace("&", "") == text
    ]
    assert len(found) == 1, [b.text() for b in toolbar.findChildren(QToolButton)]
    return found[0]


def test_undo_and_redo_stay_short_on_the_toolbar_after_a_long_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    undo, redo = button(window, "Undo"), button(window, "Redo")
    stages = button(window, "Stages\u2026")
    assert not undo.isEnabled() and not redo.isEnabled()
    before = stages.mapTo(window, stages.rect().topLeft())
    events = window.workspace_actions.add_board("Events 2027")
    assert events is not None
    # A step with a long name (the card menu's Move to another board...).
    assert window.workspace_actions.move_tasks_to_board([task_id(window, "A")], events.key)
    assert window.undo_action.text() == "&Undo Move task to board 'Events 2027'"
    assert undo.isEnabled() and undo.text().replace("&", "") == "Undo"
    assert undo.toolTip().startswith("Undo Move task to board 'Events 2027'")
    assert stages.mapTo(window, stages.rect().topLeft()) == before
    # The short button does what the menu's Undo does.
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(task_id(window, "A")).board_id == window.model.board_id
    assert redo.isEnabled() and redo.text().replace("&", "") == "Redo"
    assert redo.toolTip().startswith("Redo Move task to board 'Events 2027'")
    assert not undo.toolTip().startswith("Undo Move")
