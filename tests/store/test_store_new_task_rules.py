"""A task added straight into a stage obeys the board rules a move into that stage obeys: a
hard WIP limit counts it as arriving, and a review gate sees it come from the board's first
stage (a new card has been through none of the stages before its own). Undo of a delete puts
back what was there and is not refused."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import ChecklistItem, Stage, Task
from mopsboard.store.workspace import Workspace


def full(ws: Workspace, stage: Stage, add: Callable[..., Task], limit: int = 1) -> None:
    for n in range(limit):
        add(f"Already there {n}", stage.name)
    ws.update_stage(ws.stage(stage.key).model_copy(update={"wip_limit": limit, "wip_hard": True}))


def test_a_task_added_into_a_stage_at_its_hard_limit_is_refused_in_the_move_s_words(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    full(ws, stage["Review"], add, limit=3)
    with pytest.raises(RuleError) as refused:
        add("One too many", "Review")
    assert str(refused.value) == (
        "'Review' has a hard WIP limit of 3 and holds 3 tasks already; finish or move work "
        "out of it first, or raise the limit in the stage editor."
    )
    assert titles("Review") == ["Already there 0", "Already there 1", "Already there 2"]


def test_add_tasks_refuses_the_whole_batch_when_one_stage_would_go_over(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    full(ws, stage["Ready"], add, limit=2)
    ws.update_stage(ws.stage(stage["Ready"].key).model_copy(update={"wip_limit": 3}))
    board = stage["Ready"].board_id
    batch = [
        Task(board_id=board, stage_id=stage["Backlog"].key, title="Fine"),
        Task(board_id=board, stage_id=stage["Ready"].key, title="Third"),
        Task(board_id=board, stage_id=stage["Ready"].key, title="Fourth"),
    ]
    with pytest.raises(RuleError, match="hard WIP limit of 3 and holds 2 tasks"):
        ws.add_tasks(batch)
    assert titles("Backlog") == [] and titles("Ready") == ["Already there 0", "Already there 1"]


def test_a_soft_limit_takes_the_new_task(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    full(ws, stage["Ready"], add)
    ws.update_stage(ws.stage(stage["Ready"].key).model_copy(update={"wip_hard": False}))
    add("Over, softly", "Ready")
    assert titles("Ready") == ["Already there 0", "Over, softly"]


def test_a_new_task_beyond_a_gate_must_have_its_checklist_done(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    ws.update_stage(stage["Review"].model_copy(update={"is_gate": True}))
    open_item = (ChecklistItem(text="GDPR consent wording"),)
    with pytest.raises(RuleError) as refused:
        add("Send the mailing", "Done", checklist=open_item)
    assert str(refused.value) == (
        "'Send the mailing' cannot pass the review gate 'Review' into 'Done': its checklist "
        "has 1 open item: GDPR consent wording."
    )
    assert titles("Done") == []
    # Into the gate itself, or before it: a move from the first stage would be taken too.
    add("Check the mailing", "Review", checklist=open_item)
    add("Plan the mailing", "Ready", checklist=open_item)
    add("Done already", "Done", checklist=(ChecklistItem(text="Signed", done=True),))
    assert titles("Review") == ["Check the mailing"] and titles("Done") == ["Done already"]


def test_a_duplicate_obeys_the_hard_limit_of_its_stage(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    full(ws, stage["Ready"], add)
    original = ws.tasks(stage["Ready"].board_id)[0]
    with pytest.raises(RuleError, match="'Ready' has a hard WIP limit of 1"):
        ws.duplicate_tasks([original.key])
    assert titles("Ready") == ["Already there 0"]


def test_undoing_a_delete_puts_the_task_back_even_into_a_full_stage(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], titles: Callable[..., list]
) -> None:
    task = add("Kept", "Ready")
    other = add("Took its place")
    ws.update_stage(
        ws.stage(stage["Ready"].key).model_copy(update={"wip_limit": 1, "wip_hard": True})
    )
    deleted = ws.delete_tasks([task.key])
    ws.move_tasks([other.key], stage["Ready"].key, None)
    ws.restore_tasks(deleted)
    assert sorted(titles("Ready")) == ["Kept", "Took its place"]
