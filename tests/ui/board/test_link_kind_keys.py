"""A link's kind changed in the "Depends on" table by key presses, as in any table cell: the
arrows change the kind shown only, Enter applies it (one undo step, the task editor stays open),
Escape puts the old kind back and closes the cell's editor only; a kind chosen with the mouse in
the list applies it at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.links import TaskLink
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.board.task_links import TaskLinksEditor
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window
from tests.ui.board.test_task_link_editing import click_cell, opened
from tests.ui.board.test_task_links import links_in_file, open_links

EDITING = QAbstractItemView.State.EditingState


def _kind_editor(qtbot: QtBot, editor: TaskLinksEditor) -> QComboBox:
    click_cell(qtbot, editor, 0, 1)
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    return opened(qtbot, editor, QComboBox, "linkKindEditor")


def _closed(qtbot: QtBot, editor: TaskLinksEditor) -> None:
    qtbot.waitUntil(lambda: editor.table.state() is not EDITING)


# The open list grabs the keyboard, which the offscreen platform cannot do (and says so).
@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", extend=True)
def test_arrows_show_a_kind_enter_applies_it_escape_puts_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    ids = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=ids["A"], successor_id=ids["C"], lag_days=2))
    path = Path(ws.path)
    stack = window.workspace_actions.undo_stack
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        kinds = _kind_editor(qtbot, editor)
        qtbot.keyClick(kinds, Qt.Key.Key_Down)
        seen["shown_after_down"] = kinds.currentText()
        seen["editing_after_down"] = editor.table.state() is EDITING
        seen["file_after_down"] = links_in_file(path)
        qtbot.keyClick(kinds, Qt.Key.Key_Escape)
        _closed(qtbot, editor)
        seen["open_after_escape"] = dialog.isVisible()
        seen["cell_after_escape"] = editor.table.item(0, 1).text()
        seen["file_after_escape"] = links_in_file(path)
        seen["steps_after_escape"] = stack.count()

        kinds = _kind_editor(qtbot, editor)
        qtbot.keyClick(kinds, Qt.Key.Key_Down)
        qtbot.keyClick(kinds, Qt.Key.Key_Return)
        _closed(qtbot, editor)
        qtbot.wait(50)  # a Return that reached the dialog would have closed it by now
        seen["open_after_enter"] = dialog.isVisible()
        seen["cell_after_enter"] = editor.table.item(0, 1).text()
        seen["file_after_enter"] = links_in_file(path)
        seen["steps_after_enter"] = stack.count()

        # Back to finish to start, chosen with the mouse in the open list.
        kinds = _kind_editor(qtbot, editor)
        kinds.showPopup()
        view = kinds.view()
        qtbot.waitUntil(view.isVisible)
        first = view.visualRect(view.model().index(0, 0)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
        _closed(qtbot, editor)
        seen["file_after_click"] = links_in_file(path)
        seen["open_after_click"] = dialog.isVisible()
        dialog.reject()

    run = edit_in_window(window, "C", steps)
    assert seen["shown_after_down"] == "Start to start"
    assert seen["editing_after_down"] is True
    assert seen["file_after_down"] == [("A", "C", "finish_to_start", 2)]
    assert seen["open_after_escape"] is True
    assert seen["cell_after_escape"] == "Finish to start"
    assert seen["file_after_escape"] == [("A", "C", "finish_to_start", 2)]
    assert seen["steps_after_escape"] == 0
    assert seen["open_after_enter"] is True
    assert seen["cell_after_enter"] == "Start to start"
    assert seen["file_after_enter"] == [("A", "C", "start_to_start", 2)]
    assert seen["steps_after_enter"] == 1
    assert seen["file_after_click"] == [("A", "C", "finish_to_start", 2)]
    assert seen["open_after_click"] is True
    assert not run.left_open  # the test's Cancel closed it, not a key that leaked
    assert stack.count() == 2
    stack.undo()
    assert links_in_file(path) == [("A", "C", "start_to_start", 2)]
