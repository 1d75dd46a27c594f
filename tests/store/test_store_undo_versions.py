"""What undo and redo need from the store: the version each row got from this connection's own
last write, and placements that refuse to land on a row someone else changed meanwhile."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.domain.errors import ConflictError, MopsboardError
from mopsboard.domain.models import Stage, Task
from mopsboard.store.moves import Placement
from mopsboard.store.workspace import Workspace

Add = Callable[..., Task]
Dump = Callable[[Path], list[str]]


def stamped(ws: Workspace, placements: tuple[Placement, ...]) -> list[Placement]:
    """The placements as undo sends them: each expecting the version this connection wrote."""
    return [
        dataclasses.replace(p, version=ws.written_version("tasks", p.task_id)) for p in placements
    ]


def test_a_placement_on_a_row_changed_elsewhere_raises_and_writes_nothing(
    ws: Workspace, ws_path: Path, stage: dict[str, Stage], add: Add, dump: Dump
) -> None:
    a, b = add("A"), add("B")
    result = ws.move_tasks([a.key, b.key], stage["Ready"].key)
    with Workspace.open(ws_path) as other:
        other.move_tasks([b.key], stage["Review"].key)
    file_before = dump(ws_path)
    with pytest.raises(ConflictError) as caught:
        ws.place_tasks(stamped(ws, result.before))
    assert caught.value.table == "tasks"
    assert caught.value.row_ids == (b.id,)
    assert "'B'" in str(caught.value)
    assert dump(ws_path) == file_before


def test_a_placement_on_an_unchanged_row_is_written(
    ws: Workspace, stage: dict[str, Stage], add: Add
) -> None:
    a = add("A")
    result = ws.move_tasks([a.key], stage["Ready"].key)
    ws.place_tasks(stamped(ws, result.before))
    assert ws.task(a.key).stage_id == stage["Backlog"].id
    ws.place_tasks(stamped(ws, result.after))
    assert ws.task(a.key).stage_id == stage["Ready"].id


def test_an_unchecked_placement_writes_only_where_the_task_sits(
    ws: Workspace, ws_path: Path, stage: dict[str, Stage], add: Add
) -> None:
    """Keep mine: the task goes back, and the other person's other edits stay."""
    a = add("A")
    result = ws.move_tasks([a.key], stage["Ready"].key)
    with Workspace.open(ws_path) as other:
        theirs = other.task(a.key)
        other.update_task(
            theirs.model_copy(
                update={
                    "title": "A (theirs)",
                    "estimate_hours": 7.0,
                    "stage_id": stage["Review"].id,
                }
            )
        )
    with pytest.raises(ConflictError):
        ws.place_tasks(stamped(ws, result.before))
    ws.place_tasks(result.before)
    with Workspace.open(ws_path) as fresh:
        now = fresh.task(a.key)
    assert (now.stage_id, now.rank) == (stage["Backlog"].id, a.rank)
    assert (now.title, now.estimate_hours) == ("A (theirs)", 7.0)


def test_written_versions_follow_own_writes_side_effects_included(
    ws: Workspace, ws_path: Path, stage: dict[str, Stage], add: Add, board_id: int
) -> None:
    a = add("A")
    assert ws.written_version("tasks", a.key) == 1
    ws.move_tasks([a.key], stage["Ready"].key)
    assert ws.written_version("tasks", a.key) == ws.task(a.key).version == 2
    # Adding a stage in front shifts the others: a version bump this connection made itself.
    review = stage["Review"].key
    ws.add_stage(Stage(board_id=board_id, name="Legal", position=0))
    assert ws.written_version("stages", review) == ws.stage(review).version
    with Workspace.open(ws_path) as other:
        other.update_task(other.task(a.key).model_copy(update={"title": "theirs"}))
    assert ws.written_version("tasks", a.key) == 2 != ws.task(a.key).version
    ws.delete_tasks([a.key])
    assert ws.written_version("tasks", a.key) is None


def test_a_refused_write_leaves_written_versions_alone(
    ws: Workspace, stage: dict[str, Stage], add: Add
) -> None:
    a = add("A")
    with pytest.raises(MopsboardError):
        ws.place_tasks([Placement(a.key, stage["Ready"].key, "V"), Placement(404, 1, "W")])
    assert ws.written_version("tasks", a.key) == 1
    assert ws.task(a.key).version == 1
