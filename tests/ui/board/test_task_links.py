"""The task editor's "Depends on" tab, driven as a user does: search a task by title, pick it,
give a lag, Add; select a row, Remove; a loop refused in words. Each change is in the file at
once, one undo step, whatever the editor's Save or Cancel does after."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTabWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.links import TaskLink
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.board.task_links import TaskLinksEditor
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window


def links_in_file(path: Path) -> list[tuple[str, str, str, int]]:
    """(predecessor, successor, kind, lag) by title, read through a connection of its own."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT p.title, s.title, l.kind, l.lag_days FROM task_links l "
            "JOIN tasks p ON p.id = l.predecessor_id JOIN tasks s ON s.id = l.successor_id "
            "ORDER BY l.id"
        ).fetchall()
    finally:
        conn.close()


def open_links(qtbot: QtBot, dialog: TaskDialog) -> TaskLinksEditor:
    tabs = dialog.findChild(QTabWidget, "taskTabs")
    assert tabs is not None and dialog.links is not None
    bar = tabs.tabBar()
    index = tabs.indexOf(dialog.links)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentWidget() is dialog.links
    return dialog.links


def rows(table: QTableWidget) -> list[tuple[str, ...]]:
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    ]


def pick(qtbot: QtBot, editor: TaskLinksEditor, typed: str, lag: str) -> None:
    """Types in the search, clicks the first task found, types the lag."""
    editor.search.clear()
    qtbot.keyClicks(editor.search, typed)
    assert editor.results.count() >= 1
    first = editor.results.visualItemRect(editor.results.item(0)).center()
    qtbot.mouseClick(editor.results.viewport(), Qt.MouseButton.LeftButton, pos=first)
    editor.lag.lineEdit().selectAll()
    qtbot.keyClicks(editor.lag.lineEdit(), lag)


def test_adding_and_removing_what_a_task_waits_for(qtbot: QtBot, window: MainWindow) -> None:
    path = Path(window.workspace.path)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        tabs = dialog.findChild(QTabWidget, "taskTabs")
        assert tabs is not None
        seen["tab_before"] = tabs.tabText(tabs.currentIndex())
        assert not editor.add_button.isEnabled()
        pick(qtbot, editor, "a", "2")
        seen["found"] = [editor.results.item(n).text() for n in range(editor.results.count())]
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        pick(qtbot, editor, "g", "-1")
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        seen["rows"] = rows(editor.table)
        seen["tab_after"] = tabs.tabText(tabs.currentIndex())
        seen["file_after_adds"] = links_in_file(path)
        # The task itself is never offered, nor one it already waits for.
        editor.search.clear()
        qtbot.keyClicks(editor.search, "c")
        seen["offered_c"] = editor.results.count()
        editor.search.clear()
        first_row = editor.table.visualItemRect(editor.table.item(0, 0)).center()
        qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=first_row)
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        seen["rows_after_remove"] = rows(editor.table)
        dialog.reject()  # Cancel: the links were made at once and stay

    run = edit_in_window(window, "C", steps)

    assert seen["tab_before"] == "Depends on"
    board = window.workspace.boards()[0].name
    assert seen["found"] == [f"A \u2014 {board}"]
    assert seen["rows"] == [
        ("A", "Finish to start", "+2 working days", "Open"),
        ("G", "Finish to start", "-1 working day", "Done"),
    ]
    assert seen["tab_after"] == "Depends on (2)"
    assert seen["file_after_adds"] == [
        ("A", "C", "finish_to_start", 2),
        ("G", "C", "finish_to_start", -1),
    ]
    assert seen["offered_c"] == 0
    assert seen["rows_after_remove"] == [("G", "Finish to start", "-1 working day", "Done")]
    assert not run.left_open
    assert links_in_file(path) == [("G", "C", "finish_to_start", -1)]
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 3
    stack.undo()
    assert links_in_file(path) == [
        ("A", "C", "finish_to_start", 2),
        ("G", "C", "finish_to_start", -1),
    ]


def test_a_loop_is_refused_in_words_and_nothing_is_written(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    ids = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=ids["C"], successor_id=ids["A"]))  # A waits for C
    path = Path(ws.path)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        kind = editor.kind
        kind.setCurrentIndex(kind.findText("Start to start"))
        pick(qtbot, editor, "a", "0")
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        seen["error"] = editor.error.text() if editor.error.isVisible() else ""
        seen["rows"] = rows(editor.table)
        dialog.reject()

    edit_in_window(window, "C", steps)
    assert str(seen["error"]).startswith(f"Task {ids['C']} 'C' cannot wait for task {ids['A']} 'A'")
    assert seen["rows"] == []
    assert links_in_file(path) == [("C", "A", "finish_to_start", 0)]
    assert window.workspace_actions.undo_stack.count() == 0
