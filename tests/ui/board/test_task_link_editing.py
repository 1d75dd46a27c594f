"""An existing link's kind and lag changed in place in the "Depends on" table, by key presses
and clicks as a user makes them: each change is in the file at once, one undo step; Escape
leaves the link as it was."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import TaskId
from mopsboard.domain.links import TaskLink
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.board.task_links import TaskLinksEditor
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window
from tests.ui.board.test_task_links import links_in_file, open_links, rows

LEFT = Qt.MouseButton.LeftButton
W = TypeVar("W", bound=QWidget)


def click_cell(qtbot: QtBot, editor: TaskLinksEditor, row: int, column: int) -> None:
    table = editor.table
    centre = table.visualItemRect(table.item(row, column)).center()
    qtbot.mouseClick(table.viewport(), LEFT, pos=centre)


def opened(qtbot: QtBot, editor: TaskLinksEditor, kind: type[W], name: str) -> W:
    """The editor the table opened over a cell (the dialog's window is not the active one
    offscreen, so it is found by name rather than as the focus widget)."""
    table = editor.table
    # A closed editor lingers, hidden, until Qt deletes it later: the open one is the visible.
    qtbot.waitUntil(lambda: any(w.isVisible() for w in table.findChildren(kind, name)))
    assert table.state() is QAbstractItemView.State.EditingState
    (found,) = [w for w in table.findChildren(kind, name) if w.isVisible()]
    return found


def test_the_lag_and_the_kind_of_a_link_are_changed_in_place(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    ids = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=ids["A"], successor_id=ids["C"], lag_days=2))
    path = Path(ws.path)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        # The lag: the cell picked, F2, a new number typed, Enter.
        click_cell(qtbot, editor, 0, 2)
        qtbot.keyClick(editor.table, Qt.Key.Key_F2)
        lag = opened(qtbot, editor, QSpinBox, "linkLagEditor")
        assert lag.value() == 2
        qtbot.keyClicks(lag, "-3")
        qtbot.keyClick(lag, Qt.Key.Key_Return)
        # Qt applies an editor's Enter once the box has taken the key, on the next turn.
        qtbot.waitUntil(lambda: editor.table.state() is not QAbstractItemView.State.EditingState)
        seen["after_lag"] = links_in_file(path)
        # Typed, then Escape: nothing changes.
        qtbot.keyClick(editor.table, Qt.Key.Key_F2)
        lag = opened(qtbot, editor, QSpinBox, "linkLagEditor")
        qtbot.keyClicks(lag, "9")
        qtbot.keyClick(lag, Qt.Key.Key_Escape)
        assert editor.table.state() is not QAbstractItemView.State.EditingState
        seen["after_escape"] = links_in_file(path)
        # The kind: a double-click opens the list over the cell; the next kind, then Enter.
        table = editor.table
        centre = table.visualItemRect(table.item(0, 1)).center()
        # A double-click as a mouse makes it: QTest's own sends the second click only.
        qtbot.mouseClick(table.viewport(), LEFT, pos=centre)
        qtbot.mouseDClick(table.viewport(), LEFT, pos=centre)
        kinds = opened(qtbot, editor, QComboBox, "linkKindEditor")
        assert kinds.currentText() == "Finish to start"
        qtbot.keyClick(kinds, Qt.Key.Key_Down)
        qtbot.keyClick(kinds, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: editor.table.state() is not QAbstractItemView.State.EditingState)
        seen["after_kind"] = links_in_file(path)
        seen["rows"] = rows(editor.table)
        dialog.reject()  # Cancel: the link was changed at once and stays so

    edit_in_window(window, "C", steps)
    assert seen["after_lag"] == [("A", "C", "finish_to_start", -3)]
    assert seen["after_escape"] == [("A", "C", "finish_to_start", -3)]
    assert seen["after_kind"] == [("A", "C", "start_to_start", -3)]
    assert seen["rows"] == [("A", "Start to start", "-3 working days", "Open")]
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 2
    assert stack.undoText() == "Change how 'C' waits for 'A'"
    stack.undo()
    assert links_in_file(path) == [("A", "C", "finish_to_start", -3)]
    stack.undo()
    assert links_in_file(path) == [("A", "C", "finish_to_start", 2)]


def test_a_read_only_tab_opens_no_editor(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    ids = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=ids["A"], successor_id=ids["C"], lag_days=2))
    editor = TaskLinksEditor(window.workspace_actions, TaskId(ids["C"]), read_only=True)
    qtbot.addWidget(editor)
    editor.show()
    click_cell(qtbot, editor, 0, 2)
    qtbot.keyClick(editor.table, Qt.Key.Key_F2)
    assert editor.table.findChild(QSpinBox, "linkLagEditor") is None
    assert links_in_file(Path(ws.path)) == [("A", "C", "finish_to_start", 2)]
