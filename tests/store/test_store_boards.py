"""Boards and stages: add, rename, reorder, delete, restore."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError
from mopsboard.domain.models import Stage, StageKind, Task
from mopsboard.store.base import Change
from mopsboard.store.moves import Placement
from mopsboard.store.workspace import Workspace


def positions(ws: Workspace, board_id: int) -> list[tuple[str, int]]:
    return [(s.name, s.position) for s in ws.stages(board_id)]


# -- boards ---------------------------------------------------------------------------------------


def test_add_board_with_default_stages_goes_last(ws: Workspace) -> None:
    board = ws.add_board("  Events  ")
    assert board.name == "Events"
    assert board.id is not None and board.version == 1
    assert [b.name for b in ws.boards()] == ["Campaign board", "Events"]
    assert [b.position for b in ws.boards()] == [0, 1]
    assert [s.name for s in ws.stages(board.id)] == [
        "Backlog",
        "Ready",
        "In progress",
        "Review",
        "Done",
    ]


def test_add_board_with_its_own_stages(ws: Workspace) -> None:
    board = ws.add_board("Webinars", [("Idea", StageKind.BACKLOG), ("Live", StageKind.DONE)])
    assert [(s.name, s.kind) for s in ws.stages(board.key)] == [
        ("Idea", StageKind.BACKLOG),
        ("Live", StageKind.DONE),
    ]


def test_add_board_refuses_an_empty_name(ws: Workspace) -> None:
    with pytest.raises(ValidationError):
        ws.add_board("   ")
    assert len(ws.boards()) == 1


def test_rename_board(ws: Workspace) -> None:
    board = ws.boards()[0]
    renamed = ws.update_board(board.model_copy(update={"name": "Q3 campaigns"}))
    assert renamed.version == board.version + 1
    stored = ws.board(board.key)
    assert stored.name == "Q3 campaigns"
    assert stored.version == renamed.version
    assert ws.board_named(" q3 CAMPAIGNS ").id == board.id


def test_rename_with_a_stale_copy_is_a_conflict(ws: Workspace) -> None:
    board = ws.boards()[0]
    ws.update_board(board.model_copy(update={"name": "First edit"}))
    with pytest.raises(ConflictError) as caught:
        ws.update_board(board.model_copy(update={"name": "Second edit"}))
    assert (caught.value.table, caught.value.row_id) == ("boards", board.id)
    assert ws.board(board.key).name == "First edit"


def test_rename_board_to_an_empty_name_is_refused(ws: Workspace) -> None:
    board = ws.boards()[0]
    with pytest.raises(ValidationError):
        ws.update_board(board.model_copy(update={"name": "   "}))
    assert [b.name for b in ws.boards()] == ["Campaign board"]


def test_archived_board_is_hidden_unless_asked_for(ws: Workspace) -> None:
    board = ws.add_board("Old")
    ws.update_board(board.model_copy(update={"archived": True}))
    assert [b.name for b in ws.boards()] == ["Campaign board"]
    assert [b.name for b in ws.boards(include_archived=True)] == ["Campaign board", "Old"]


def test_reorder_boards(ws: Workspace) -> None:
    first = ws.boards()[0]
    second = ws.add_board("Second")
    third = ws.add_board("Third")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    ws.reorder_boards([third.key, first.key, second.key])
    assert [b.name for b in ws.boards()] == ["Third", "Campaign board", "Second"]
    assert changes == [Change("boards", frozenset({first.id, second.id, third.id}), "updated")]
    # Every board changed position, so an old copy is now stale.
    with pytest.raises(ConflictError):
        ws.update_board(second.model_copy(update={"name": "Renamed"}))


def test_delete_board_removes_its_stages_tasks_and_history(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    other = ws.add_board("Keep me")
    other_stage = ws.stages(other.key)[0]
    kept = ws.add_task(Task(board_id=other.key, stage_id=other_stage.key, title="Kept"))
    board = ws.boards()[0]
    gone = add("Gone")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    ws.delete_board(board.key)
    assert [b.name for b in ws.boards()] == ["Keep me"]
    assert ws.stages(board.key) == []
    assert [t.id for t in ws.tasks()] == [kept.id]
    assert ws.task_events(gone.key) == []
    with pytest.raises(NotFoundError):
        ws.board(board.key)
    assert Change("tasks", frozenset({gone.id}), "deleted") in changes
    assert Change("boards", frozenset({board.id}), "deleted") in changes
    assert len(ws.personas()) == 4  # the workspace's catalogue stays


def test_delete_missing_board_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no board with id 999"):
        ws.delete_board(999)


def test_update_deleted_board_is_not_found(ws: Workspace) -> None:
    board = ws.add_board("Short-lived")
    ws.delete_board(board.key)
    with pytest.raises(NotFoundError, match="deleted meanwhile"):
        ws.update_board(board.model_copy(update={"name": "Renamed"}))


def test_board_named_missing(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no board named 'Nope'"):
        ws.board_named("Nope")


# -- stages ---------------------------------------------------------------------------------------


def test_add_stage_in_the_middle_shifts_the_rest(ws: Workspace, board_id: int) -> None:
    created = ws.add_stage(
        Stage(board_id=board_id, name="Legal", kind=StageKind.REVIEW, position=3)
    )
    assert created.position == 3
    assert positions(ws, board_id) == [
        ("Backlog", 0),
        ("Ready", 1),
        ("In progress", 2),
        ("Legal", 3),
        ("Review", 4),
        ("Done", 5),
    ]
    assert ws.stage(created.key).kind is StageKind.REVIEW


@pytest.mark.parametrize(("asked", "placed"), [(99, 5), (-4, 0)])
def test_add_stage_position_is_clamped(
    ws: Workspace, board_id: int, asked: int, placed: int
) -> None:
    created = ws.add_stage(Stage(board_id=board_id, name="Extra", position=asked))
    assert created.position == placed
    assert [p for _, p in positions(ws, board_id)] == [0, 1, 2, 3, 4, 5]


def test_add_stage_to_a_missing_board(ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        ws.add_stage(Stage(board_id=999, name="Orphan"))


def test_add_stage_reports_its_insert_once(ws: Workspace, board_id: int) -> None:
    changes: list[Change] = []
    ws.subscribe(changes.append)
    created = ws.add_stage(Stage(board_id=board_id, name="Legal", position=1))
    assert [c for c in changes if c.table == "stages" and c.kind == "inserted"] == [
        Change("stages", frozenset({created.id}), "inserted")
    ]


@pytest.mark.parametrize("operation", ["add", "delete"])
def test_stale_copy_of_a_shifted_stage_cannot_break_the_order(
    ws: Workspace, board_id: int, stage: dict[str, Stage], operation: str
) -> None:
    stale = stage["Review"]
    if operation == "add":
        ws.add_stage(Stage(board_id=board_id, name="Legal", position=1))
    else:
        ws.delete_stage(stage["Ready"].key, None)
    # Shifting a stage changes its version: the stale copy is refused, never written back.
    with pytest.raises(ConflictError, match="changed elsewhere"):
        ws.update_stage(stale.model_copy(update={"name": "Sign-off"}))
    stages = ws.stages(board_id)
    assert [s.position for s in stages] == list(range(len(stages)))
    review = next(s for s in stages if s.id == stale.id)
    assert review.name == "Review"
    assert review.position == stale.position + (1 if operation == "add" else -1)


def test_update_stage(ws: Workspace, stage: dict[str, Stage]) -> None:
    review = stage["Review"]
    updated = ws.update_stage(
        review.model_copy(update={"name": "Legal review", "is_gate": True, "wip_limit": 4})
    )
    stored = ws.stage(review.key)
    assert (stored.name, stored.is_gate, stored.wip_limit) == ("Legal review", True, 4)
    assert stored.version == updated.version == review.version + 1
    with pytest.raises(ConflictError):
        ws.update_stage(review.model_copy(update={"name": "Stale"}))


def test_update_stage_refuses_invalid_values(ws: Workspace, stage: dict[str, Stage]) -> None:
    with pytest.raises(ValidationError):
        ws.update_stage(stage["Ready"].model_copy(update={"is_gate": True}))
    assert not ws.stage(stage["Ready"].key).is_gate


def test_reorder_stages(ws: Workspace, board_id: int, stage: dict[str, Stage]) -> None:
    order = ["Done", "Backlog", "Review", "Ready", "In progress"]
    ws.reorder_stages(board_id, [stage[name].key for name in order])
    assert positions(ws, board_id) == [(name, n) for n, name in enumerate(order)]


def test_reorder_stages_must_name_every_stage_once(
    ws: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    before = positions(ws, board_id)
    with pytest.raises(MopsboardError, match="every stage of the board once"):
        ws.reorder_stages(board_id, [stage["Done"].key, stage["Backlog"].key])
    other = ws.add_board("Other")
    with pytest.raises(MopsboardError):
        ws.reorder_stages(board_id, [s.key for s in ws.stages(other.key)])
    assert positions(ws, board_id) == before


def test_delete_empty_stage(ws: Workspace, board_id: int, stage: dict[str, Stage]) -> None:
    changes: list[Change] = []
    ws.subscribe(changes.append)
    assert ws.delete_stage(stage["Ready"].key, None) == []
    assert positions(ws, board_id) == [
        ("Backlog", 0),
        ("In progress", 1),
        ("Review", 2),
        ("Done", 3),
    ]
    assert Change("stages", frozenset({stage["Ready"].id}), "deleted") in changes
    with pytest.raises(NotFoundError):
        ws.stage(stage["Ready"].key)


def test_delete_stage_moves_its_tasks_to_the_end_of_another(
    ws: Workspace,
    stage: dict[str, Stage],
    add: Callable[..., Task],
    titles: Callable[[str], list[str]],
) -> None:
    add("Kept 1", "In progress")
    moved = [add(f"Moved {n}", "Ready") for n in range(3)]
    moved_ids = ws.delete_stage(stage["Ready"].key, stage["In progress"].id)
    assert moved_ids == [t.id for t in moved]
    assert titles("In progress") == ["Kept 1", "Moved 0", "Moved 1", "Moved 2"]
    events = ws.task_events(moved[0].key)
    assert events[-1][:2] == (stage["Ready"].id, stage["In progress"].id)


def test_delete_stage_with_tasks_needs_a_target(
    ws: Workspace,
    board_id: int,
    stage: dict[str, Stage],
    add: Callable[..., Task],
    titles: Callable[[str], list[str]],
) -> None:
    add("Stays", "Ready")
    add("Stays too", "Ready")
    before = positions(ws, board_id)
    for target in (None, stage["Ready"].id):
        with pytest.raises(MopsboardError, match="'Ready' holds 2 tasks: choose a stage"):
            ws.delete_stage(stage["Ready"].key, target)
    other = ws.add_board("Other")
    with pytest.raises(MopsboardError, match="same board"):
        ws.delete_stage(stage["Ready"].key, ws.stages(other.key)[0].id)
    assert positions(ws, board_id) == before
    assert titles("Ready") == ["Stays", "Stays too"]


def test_restore_stage_undoes_a_delete(
    ws: Workspace,
    board_id: int,
    stage: dict[str, Stage],
    add: Callable[..., Task],
    titles: Callable[[str], list[str]],
) -> None:
    tasks = [add("One", "Ready"), add("Two", "Ready")]
    before = [(t.id, t.stage_id, t.rank) for t in ws.tasks_by_id([t.key for t in tasks])]
    deleted = ws.stage(stage["Ready"].key)
    ws.delete_stage(deleted.key, stage["Backlog"].id)
    restored = ws.restore_stage(deleted)
    assert restored.id == deleted.id
    assert positions(ws, board_id) == [
        ("Backlog", 0),
        ("Ready", 1),
        ("In progress", 2),
        ("Review", 3),
        ("Done", 4),
    ]
    ws.place_tasks([Placement(task_id, stage_id, rank) for task_id, stage_id, rank in before])
    assert titles("Ready") == ["One", "Two"]
    assert titles("Backlog") == []


def test_stage_named(ws: Workspace, board_id: int, stage: dict[str, Stage]) -> None:
    assert ws.stage_named(board_id, " in PROGRESS ").id == stage["In progress"].id
    with pytest.raises(NotFoundError, match="no stage named 'Shipping'"):
        ws.stage_named(board_id, "Shipping")
