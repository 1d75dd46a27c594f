"""A drag near the edge of the board scrolls it, so a swimlane below the fold can be reached
without letting go (tests/ui/board/test_real_drag.py makes such a drag with a real mouse)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QCursor
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Member, Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import below_all, drop, mime_for
from tests.ui.board.test_drag_feedback import hover
from tests.ui.conftest import OpenWindow


@pytest.fixture(autouse=True)
def cursor_put_back() -> Iterator[None]:
    """These tests move the (offscreen) pointer; the next test finds it where it was."""
    where = QCursor.pos()
    yield
    QCursor.setPos(where)


def many_lanes(ws: Workspace) -> None:
    """Six more people with a card each in Backlog: lanes by assignee run below the fold."""
    board = ws.boards()[0].key
    backlog = ws.stage_named(board, "Backlog").key
    team = ws.team_named("Content").key
    for name in ("Bea", "Cai", "Dev", "Eli", "Fay", "Gus"):
        person = ws.add_member(Member(team_id=team, name=name))
        ws.add_task(
            Task(board_id=board, stage_id=backlog, title=f"{name}'s brief", assignee_id=person.key)
        )


def test_a_drag_resting_at_the_foot_of_the_board_scrolls_it_down(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    many_lanes(board_ws)
    window: MainWindow = open_window(board_ws, (1024, 700))
    grouping = window.board_view.filter_bar.grouping
    grouping.setCurrentIndex(grouping.findData("assignee"))
    board = window.board_view
    area = board.scroll_area
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    first_lane = board.views[0]
    # A card of the first lane is picked up (Qt's startDrag says so; offscreen Qt starts none)
    # and carried over its own column.
    first_lane.dragStarted.emit()
    data = mime_for(window, ["A"])
    hover(first_lane, data, below_all(first_lane))
    assert board.drag_scroller.active
    # Resting in the middle of the board: nothing moves.
    middle = area.viewport().rect().center()
    QCursor.setPos(area.viewport().mapToGlobal(middle))
    board.drag_scroller.step()
    assert bar.value() == 0
    # At its foot: it scrolls down, step by step, to the last lane.
    foot = QPoint(middle.x(), area.viewport().height() - 8)
    QCursor.setPos(area.viewport().mapToGlobal(foot))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    last_lane = board.views[-len(window.model.stages)]
    assert window.model.lanes[-1].title == "Unassigned"
    drop(last_lane, data, below_all(last_lane))
    assert not board.drag_scroller.active
    with Workspace.open(board_ws.path) as ws:
        assert next(t for t in ws.tasks() if t.title == "A").assignee_id is None


def test_a_drag_resting_at_the_right_edge_scrolls_to_the_columns_beyond(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    window: MainWindow = open_window(board_ws, (1024, 700))
    board = window.board_view
    area = board.scroll_area
    bar = area.horizontalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    backlog = board.views[0]
    backlog.dragStarted.emit()
    hover(backlog, mime_for(window, ["A"]), below_all(backlog))
    edge = QPoint(area.viewport().width() - 8, area.viewport().height() // 2)
    QCursor.setPos(area.viewport().mapToGlobal(edge))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    # Let go (anywhere): the board stops following the pointer.
    backlog.dragFinished.emit()
    assert not board.drag_scroller.active
