"""Drops between swimlanes by assignee: the card changes hands, in one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Member, Task, Team
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import below_all, drop, mime_for, task_id
from tests.ui.conftest import OpenWindow
from tests.values import present


def lanes_by_assignee(qtbot: QtBot, window: MainWindow) -> None:
    combo = window.board_view.filter_bar.grouping
    combo.setFocus()
    while combo.currentData() != "assignee":
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def cell(window: MainWindow, stage: str, lane: str) -> StageListView:
    stage_id = next(s.key for s in window.model.stages if s.name == stage)
    lane_number = [lane.title for lane in window.model.lanes].index(lane)
    return present(window.board_view.view_for_stage(stage_id, lane_number))


def shown_titles(view: StageListView) -> list[str]:
    return [view.model().index(row, 0).data() for row in range(view.model().rowCount())]


def click_undo(qtbot: QtBot, window: MainWindow) -> None:
    toolbar = present(window.findChild(QToolBar))
    # The toolbar's own Undo (a short twin of the Edit menu's, ui/shell/menus.py).
    undo = present(window.findChild(QAction, "undoActionButton"))
    qtbot.mouseClick(present(toolbar.widgetForAction(undo)), Qt.MouseButton.LeftButton)


def test_a_drop_into_another_persons_lane_reassigns_and_undo_gives_it_back(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    web = board_ws.add_team(Team(name="Web"))
    ben = board_ws.add_member(Member(team_id=web.key, name="Ben Ode"))
    board = board_ws.boards()[0].key
    board_ws.add_task(
        Task(
            board_id=board,
            stage_id=board_ws.stage_named(board, "Done").key,
            title="H",
            assignee_id=ben.key,
        )
    )
    window = open_window(board_ws)
    lanes_by_assignee(qtbot, window)
    assert [lane.title for lane in window.model.lanes] == ["Ana Lima", "Ben Ode", "Unassigned"]
    a = task_id(window, "A")
    steps = window.workspace_actions.undo_stack.count()

    target = cell(window, "Ready", "Ben Ode")
    drop(target, mime_for(window, ["A"]), below_all(target))
    with Workspace.open(board_ws.path) as ws:
        moved = ws.task(a)
        assert ws.stage(moved.stage_id).name == "Ready"
        assert moved.assignee_id == ben.key
        assert moved.team_id == web.key
    assert shown_titles(cell(window, "Ready", "Ben Ode")) == ["A"]
    assert "A" not in shown_titles(cell(window, "Backlog", "Ana Lima"))
    assert window.workspace_actions.undo_stack.count() == steps + 1
    assert window.undo_action.text() == "&Undo Move task to Ready and assign it to Ben Ode"

    click_undo(qtbot, window)
    with Workspace.open(board_ws.path) as ws:
        back = ws.task(a)
        assert ws.stage(back.stage_id).name == "Backlog"
        assert ws.member(present(back.assignee_id)).name == "Ana Lima"
        assert back.team_id == ws.team_named("Content").id
    assert shown_titles(cell(window, "Backlog", "Ana Lima")) == ["A"]


def test_a_drop_into_the_unassigned_lane_unassigns(qtbot: QtBot, window: MainWindow) -> None:
    lanes_by_assignee(qtbot, window)
    d = task_id(window, "D")
    target = cell(window, "Ready", "Unassigned")
    drop(target, mime_for(window, ["D"]), below_all(target))
    with Workspace.open(window.workspace.path) as ws:
        unassigned = ws.task(d)
        assert unassigned.assignee_id is None
        # Still the team's work: only the person is taken off it.
        assert unassigned.team_id == ws.team_named("Content").id
    assert shown_titles(cell(window, "Ready", "Unassigned")) == ["D"]
    assert window.undo_action.text() == "&Undo Move task to Ready and unassign it"
    click_undo(qtbot, window)
    with Workspace.open(window.workspace.path) as ws:
        assert ws.member(present(ws.task(d).assignee_id)).name == "Ana Lima"
