"""What a move changes besides the stage is in the task's history too: the person a swimlane drop
assigns, the campaign a lane sets, the board a card is moved to."""

from __future__ import annotations

from mopsboard.domain.activity import ActivityKind
from mopsboard.domain.models import Member, Team
from mopsboard.store.workspace import Workspace


def edits(ws: Workspace, task_id: int) -> list[tuple[str, ...]]:
    return [e.fields for e in ws.task_activity(task_id) if e.kind is ActivityKind.EDITED]  # type: ignore[arg-type]


def test_a_lane_drop_logs_the_field_it_set(board_ws: Workspace) -> None:
    board = board_ws.boards()[0].key
    task = next(t for t in board_ws.tasks(board) if t.title == "A")
    team = board_ws.add_team(Team(name="Web"))
    person = board_ws.add_member(Member(name="Ben Ode", team_id=team.key))
    ready = board_ws.stage_named(board, "Ready").key
    board_ws.move_tasks([task.key], ready, None, assign=("assignee_id", person.key))
    # The team follows the person, and is logged with them.
    assert edits(board_ws, task.key) == [("assignee_id", "team_id")]


def test_a_move_to_another_board_logs_the_board(board_ws: Workspace) -> None:
    board = board_ws.boards()[0].key
    task = next(t for t in board_ws.tasks(board) if t.title == "B")
    other = board_ws.add_board("Events")
    board_ws.move_tasks_to_board([task.key], other.key)
    assert ("board_id",) in edits(board_ws, task.key)
