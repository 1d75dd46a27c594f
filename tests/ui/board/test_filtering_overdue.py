"""The board's Overdue filter, picked as a user picks it: open work due before today, never
finished work, whatever its due date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import StageKind
from mopsboard.qt.campaigns.campaign_model import OVERDUE, CampaignTableModel
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def _overdue_in_file(ws: Workspace) -> set[str]:
    """What the file holds as overdue, read through a connection of its own."""
    with Workspace.open(ws.path) as fresh:
        board = fresh.boards()[0].key
        done = {s.key for s in fresh.stages(board) if s.kind is StageKind.DONE}
        return {
            t.title
            for t in fresh.tasks(board)
            if t.stage_id not in done and t.due_date is not None and t.due_date < date.today()
        }


def test_overdue_filter_shows_open_late_work_only(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    launch = board_ws.campaign_named("Spring launch").key
    finished = next(t for t in board_ws.tasks() if t.title == "G")
    late = {"due_date": date.today() - timedelta(5), "campaign_id": launch}
    board_ws.update_task(finished.model_copy(update=late))
    win = open_window(board_ws)
    due = win.board_view.filter_bar.due
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Down)
    assert due.currentText() == "Overdue"

    shown = {
        win.model.tasks[task_id].title
        for cell in range(len(win.model.stages))
        for task_id in win.model.cell_task_ids(cell)
    }
    assert shown == {"A"} == _overdue_in_file(board_ws)
    assert win.board_view.headers[-1].stats.text().startswith("0 of 1")

    # The campaigns table counts the same work as overdue.
    table = CampaignTableModel(board_ws)
    table.set_active(True)
    assert table.index(table.row_of(launch), OVERDUE).data() == "1"


def test_overdue_goes_by_the_stage_a_card_is_in_not_a_stamp(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    # Review becomes the board's Done stage after its cards got there: they are finished, though
    # no completion was stamped on them when they entered it.
    board = board_ws.boards()[0].key
    review = board_ws.stage_named(board, "Review")
    late = date.today() - timedelta(3)
    for task in board_ws.tasks(board):
        if task.stage_id == review.key:
            board_ws.update_task(task.model_copy(update={"due_date": late}))
    in_review = {t.title for t in board_ws.tasks(board) if t.stage_id == review.key}
    assert in_review and all(
        t.completed_at is None for t in board_ws.tasks(board) if t.stage_id == review.key
    )
    board_ws.update_stage(review.model_copy(update={"kind": StageKind.DONE}))
    win = open_window(board_ws)
    due = win.board_view.filter_bar.due
    due.setFocus()
    qtbot.keyClick(due, Qt.Key.Key_Down)
    assert due.currentText() == "Overdue"
    shown = {
        win.model.tasks[task_id].title
        for cell in range(len(win.model.stages))
        for task_id in win.model.cell_task_ids(cell)
    }
    assert shown == _overdue_in_file(board_ws)
    assert not shown & in_review
