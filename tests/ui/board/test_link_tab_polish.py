"""The "Depends on" tab as a keyboard and a long list meet it: Enter in the search adds the
task highlighted (the arrows move the highlight), the link added is selected and scrolled into
view, Remove selects the next link (Remove stays on for it), and a lag reads the same in the
table as in the box that edits it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QSpinBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Task
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.board.task_links import TaskLinksEditor
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window
from tests.ui.board.test_task_link_editing import click_cell, opened
from tests.ui.board.test_task_links import links_in_file, open_links


def _selected_titles(editor: TaskLinksEditor) -> list[str]:
    rows = sorted(index.row() for index in editor.table.selectionModel().selectedRows())
    return [editor.table.item(row, 0).text() for row in rows]


def _in_view(editor: TaskLinksEditor, title: str) -> bool:
    table = editor.table
    (item,) = table.findItems(title, Qt.MatchFlag.MatchExactly)
    return table.viewport().rect().contains(table.visualItemRect(item))


def _with_steps(window: MainWindow) -> Path:
    """C waits for Step 01 to Step 20 (more than the table shows); Step 21 to 24 and Zebra
    wait for nothing."""
    ws = window.workspace
    board = ws.boards()[0].key
    stage = ws.stages(board)[0].key
    c = next(t.key for t in ws.tasks() if t.title == "C")
    for n in range(1, 25):
        step = ws.add_task(Task(board_id=board, stage_id=stage, title=f"Step {n:02d}"))
        if n <= 20:
            ws.add_link(TaskLink(predecessor_id=step.key, successor_id=c))
    ws.add_task(Task(board_id=board, stage_id=stage, title="Zebra"))
    return Path(ws.path)


def test_enter_adds_the_highlighted_task_and_shows_the_link_added(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = _with_steps(window)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        qtbot.keyClicks(editor.search, "zeb")
        qtbot.keyClick(editor.search, Qt.Key.Key_Return)
        seen["open_after_enter"] = dialog.isVisible()
        seen["selected_after_zebra"] = _selected_titles(editor)
        seen["zebra_in_view"] = _in_view(editor, "Zebra")
        seen["remove_on"] = editor.remove_button.isEnabled()
        # Several found: Down twice highlights the second; Enter adds it.
        qtbot.keyClicks(editor.search, "step 2")
        qtbot.keyClick(editor.search, Qt.Key.Key_Down)
        qtbot.keyClick(editor.search, Qt.Key.Key_Down)
        qtbot.keyClick(editor.search, Qt.Key.Key_Return)
        seen["selected_after_step"] = _selected_titles(editor)
        seen["step_in_view"] = _in_view(editor, "Step 22")
        seen["search_after"] = editor.search.text()
        dialog.reject()

    run = edit_in_window(window, "C", steps)
    assert not run.left_open
    assert seen["open_after_enter"] is True
    assert seen["selected_after_zebra"] == ["Zebra"]
    assert seen["zebra_in_view"] is True
    assert seen["remove_on"] is True
    assert seen["selected_after_step"] == ["Step 22"]
    assert seen["step_in_view"] is True
    assert seen["search_after"] == ""
    added = [row[0] for row in links_in_file(path)[20:]]
    assert added == ["Zebra", "Step 22"]


def test_remove_selects_the_next_link_and_remove_stays_on_for_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = _with_steps(window)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        click_cell(qtbot, editor, 1, 0)
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        seen["selected_after_remove"] = _selected_titles(editor)
        seen["remove_on"] = editor.remove_button.isEnabled()
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        seen["selected_after_second"] = _selected_titles(editor)
        # The last link removed: the one before it is selected.
        last = editor.table.rowCount() - 1
        editor.table.scrollToBottom()
        click_cell(qtbot, editor, last, 0)
        qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
        seen["selected_after_last"] = _selected_titles(editor)
        dialog.reject()

    edit_in_window(window, "C", steps)
    assert seen["selected_after_remove"] == ["Step 03"]
    assert seen["remove_on"] is True
    assert seen["selected_after_second"] == ["Step 04"]
    assert seen["selected_after_last"] == ["Step 19"]
    left = [row[0] for row in links_in_file(path)]
    assert "Step 02" not in left and "Step 03" not in left and "Step 20" not in left
    assert len(left) == 17


def test_a_lag_reads_the_same_in_the_table_and_in_its_editor(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    ids = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=ids["A"], successor_id=ids["C"]))
    ws.add_link(TaskLink(predecessor_id=ids["B"], successor_id=ids["C"], lag_days=1))
    path = Path(ws.path)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        editor = open_links(qtbot, dialog)
        for row in (0, 1):
            click_cell(qtbot, editor, row, 2)
            qtbot.keyClick(editor.table, Qt.Key.Key_F2)
            lag = opened(qtbot, editor, QSpinBox, "linkLagEditor")
            seen[f"cell_{row}"] = editor.table.item(row, 2).text()
            seen[f"editor_{row}"] = lag.text()
            qtbot.keyClick(lag, Qt.Key.Key_Escape)
            qtbot.waitUntil(
                lambda: editor.table.state() is not QAbstractItemView.State.EditingState
            )
        # A number typed over the words is read as working days.
        click_cell(qtbot, editor, 0, 2)
        qtbot.keyClick(editor.table, Qt.Key.Key_F2)
        lag = opened(qtbot, editor, QSpinBox, "linkLagEditor")
        qtbot.keyClicks(lag, "-2")
        qtbot.keyClick(lag, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: editor.table.state() is not QAbstractItemView.State.EditingState)
        seen["cell_typed"] = editor.table.item(0, 2).text()
        seen["new_link_lag"] = editor.lag.text()
        dialog.reject()

    edit_in_window(window, "C", steps)
    assert seen["cell_0"] == seen["editor_0"] == "none"
    assert seen["cell_1"] == seen["editor_1"] == "+1 working day"
    assert seen["cell_typed"] == "-2 working days"
    assert seen["new_link_lag"] == "none"
    assert links_in_file(path)[0] == ("A", "C", "finish_to_start", -2)
