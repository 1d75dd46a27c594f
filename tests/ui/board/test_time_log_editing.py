"""The Log time dialog lists what is logged on the task: an entry picked there is changed
through the form (Save entry) or deleted, as a user does it by clicks and keys; each change is
one undo step in the SQLite file, and the dialog stays open with the list and the total right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from mopsboard.ui.board.log_time_dialog import NOBODY, LogTimeDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import task_id
from tests.ui.board.test_log_time_dialog import file_logs

LEFT = Qt.MouseButton.LeftButton
MONDAY = date(2026, 3, 2)


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def click_row(qtbot: QtBot, table: QTableWidget, row: int) -> None:
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualItemRect(table.item(row, 0)).center())


def open_dialog(qtbot: QtBot, window: MainWindow) -> LogTimeDialog:
    actions = window.workspace_actions
    d = task_id(window, "D")  # 5 h estimated, Ana Lima's
    assert actions.log_time(d, None, MONDAY, 1.5, "call") is not None
    ana = window.model.tasks[d].assignee_id
    assert actions.log_time(d, ana, date(2026, 3, 3), 2, "draft") is not None
    dialog = LogTimeDialog(window, actions, d, today=date(2026, 3, 4))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_entry_is_changed_through_the_form_in_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.workspace.path
    dialog = open_dialog(qtbot, window)
    assert rows(dialog.logs.table) == [
        ("2026-03-02", NOBODY, "1.5", "call"),
        ("2026-03-03", "Ana Lima", "2", "draft"),
    ]
    assert dialog.so_far.text() == "3.5 of 5 estimated hours logged so far; 1.5 left to plan."
    assert dialog.log_button.text() == "Log"
    # The first entry picked: the form holds it; 2.25 h, Ana's, a longer note.
    click_row(qtbot, dialog.logs.table, 0)
    assert dialog.log_button.text() == "Save entry"
    assert (dialog.hours.value(), dialog.member.currentText(), dialog.note.text()) == (
        1.5,
        NOBODY,
        "call",
    )
    dialog.hours.selectAll()
    qtbot.keyClicks(dialog.hours, "2.25")
    dialog.member.setFocus()
    qtbot.keyClick(dialog.member, Qt.Key.Key_Down)
    assert dialog.member.currentText() == "Ana Lima"
    qtbot.keyClicks(dialog.note, " with legal")
    qtbot.mouseClick(dialog.log_button, LEFT)

    changed = [
        ("D", "Ana Lima", "2026-03-02", 2.25, "call with legal"),
        ("D", "Ana Lima", "2026-03-03", 2.0, "draft"),
    ]
    assert file_logs(path) == changed
    assert dialog.isVisible()
    assert rows(dialog.logs.table)[0] == ("2026-03-02", "Ana Lima", "2.25", "call with legal")
    assert dialog.so_far.text() == "4.25 of 5 estimated hours logged so far; 0.75 left to plan."
    assert window.undo_action.text() == "&Undo Change the 1.5 h logged on 'D'"
    window.undo_action.trigger()
    assert file_logs(path)[0] == ("D", None, "2026-03-02", 1.5, "call")
    window.redo_action.trigger()
    assert file_logs(path) == changed
    # New entry: the form is a new one's again, and Log adds a row.
    qtbot.mouseClick(dialog.logs.new_button, LEFT)
    assert dialog.log_button.text() == "Log" and dialog.note.text() == ""
    assert dialog.hours.value() == 1.0 and dialog.member.currentText() == "Ana Lima"


def test_an_entry_is_deleted_in_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    path = window.workspace.path
    dialog = open_dialog(qtbot, window)
    assert not dialog.logs.delete_button.isEnabled()
    click_row(qtbot, dialog.logs.table, 1)
    qtbot.mouseClick(dialog.logs.delete_button, LEFT)
    assert file_logs(path) == [("D", None, "2026-03-02", 1.5, "call")]
    assert rows(dialog.logs.table) == [("2026-03-02", NOBODY, "1.5", "call")]
    assert dialog.log_button.text() == "Log"
    assert window.undo_action.text() == "&Undo Delete 2 h logged on 'D'"
    window.undo_action.trigger()
    assert len(file_logs(path)) == 2


def test_a_refused_change_is_said_and_nothing_is_written(qtbot: QtBot, window: MainWindow) -> None:
    path = window.workspace.path
    dialog = open_dialog(qtbot, window)
    click_row(qtbot, dialog.logs.table, 0)
    before = file_logs(path)
    # Someone else deletes the entry meanwhile.
    window.workspace.delete_time_log(dialog.logs.current().key)  # type: ignore[union-attr]
    said: list[str] = []
    window.workspace_actions.failed.connect(said.append)
    qtbot.mouseClick(dialog.log_button, LEFT)
    assert said and file_logs(path) == before[1:]
    assert window.workspace_actions.undo_stack.count() == 2


def test_the_dialog_with_its_entries_looks_whole(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    table = dialog.logs.table
    assert table.isVisible() and table.height() >= 3 * table.rowHeight(0)
    header = table.horizontalHeader()
    for column in range(3):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
