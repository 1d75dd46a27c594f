"""The task editor's Activity tab: the task's moves and edits, newest first, undo included (an
undo is itself a change, so it is listed too); comments and history come back with a task
whose removal is undone."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTabWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Task
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.board.editor_driver import edit_in_window

# "Edited: estimate, 1 Dec 10:47": the time, as the list shows it, taken off.
TIME = re.compile(r", \d{1,2} [A-Z][a-z]{2}( \d{4})? \d{2}:\d{2}$")


def activity_shown(qtbot: QtBot, window: MainWindow, title: str) -> list[str]:
    """Opens the task's editor, clicks its Activity tab and reads the list, times taken off."""
    lines: list[str] = []

    def steps(dialog: TaskDialog) -> None:
        tabs = dialog.findChild(QTabWidget, "taskTabs")
        assert tabs is not None and dialog.activity is not None
        bar = tabs.tabBar()
        index = tabs.indexOf(dialog.activity)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert dialog.activity.isVisible()
        for line in dialog.activity.lines():
            assert TIME.search(line), line
            lines.append(TIME.sub("", line))

    edit_in_window(window, title, steps)
    return lines


def test_edits_and_moves_are_listed_newest_first_and_so_are_their_undos(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert activity_shown(qtbot, window, "D") == ["Created in Ready"]

    def edit(dialog: TaskDialog) -> None:
        dialog.estimate.selectAll()
        qtbot.keyClicks(dialog.estimate, "6")
        due = dialog.due.findChild(QLineEdit)
        assert due is not None
        due.selectAll()
        qtbot.keyClicks(due, (TODAY + timedelta(days=9)).isoformat())
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    edit_in_window(window, "D", edit)
    task_id = next(i for i, t in window.model.tasks.items() if t.title == "D")
    window.board_view.select_task(task_id)
    ready = next(s for s in window.model.stages if s.name == "Ready")
    column = window.board_view.view_for_stage(ready.key)
    assert column is not None
    # Back in the window once the editor has closed, as the user is.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(column, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert activity_shown(qtbot, window, "D") == [
        "Moved from Ready to In progress",
        "Edited: estimate, due date",
        "Created in Ready",
    ]

    window.undo_action.trigger()  # the move
    window.undo_action.trigger()  # the edit
    assert activity_shown(qtbot, window, "D") == [
        "Edited: estimate, due date",
        "Moved from In progress to Ready",
        "Moved from Ready to In progress",
        "Edited: estimate, due date",
        "Created in Ready",
    ]


def test_archiving_is_listed(qtbot: QtBot, window: MainWindow) -> None:
    task_id = next(i for i, t in window.model.tasks.items() if t.title == "B")
    window.board_view.select_task(task_id)
    window.archive_selected()  # Delete on the board, or Edit > Archive
    window.undo_action.trigger()
    assert activity_shown(qtbot, window, "B")[:2] == ["Restored from the archive", "Archived"]


def test_a_task_whose_adding_is_undone_and_redone_keeps_its_comments_and_history(
    window: MainWindow,
) -> None:
    actions = window.workspace_actions
    ws = window.workspace
    board = ws.boards()[0].key
    backlog = ws.stages(board)[0].key
    created = actions.add_task(Task(board_id=board, stage_id=backlog, title="New brief"))
    assert created is not None
    actions.post_comment(created.key, "Ana Lima", "Brief from the client")
    actions.undo_stack.undo()  # the comment
    actions.undo_stack.undo()  # the task
    assert ws.tasks_by_id([created.key]) == []
    actions.undo_stack.redo()
    actions.undo_stack.redo()
    assert [c.body for c in ws.comments(created.key)] == ["Brief from the client"]
    assert [e.kind.value for e in ws.task_activity(created.key)] == ["created"]
    # And the other way round: the task goes with its comment, and comes back with it.
    actions.undo_stack.undo()
    actions.undo_stack.undo()
    actions.undo_stack.redo()
    assert [c.body for c in ws.comments(created.key)] == []
    actions.undo_stack.redo()
    assert [c.body for c in ws.comments(created.key)] == ["Brief from the client"]
