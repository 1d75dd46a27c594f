"""The refusal a drag shows while it hovers is the one the move would raise."""

from __future__ import annotations

import pytest

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import ChecklistItem, Stage, StageKind, Task
from mopsboard.domain.rules import check_gate, check_wip, move_refusal

BACKLOG = Stage(id=1, board_id=1, name="Backlog", position=0, kind=StageKind.BACKLOG)
REVIEW = Stage(
    id=2, board_id=1, name="Legal review", position=1, kind=StageKind.REVIEW, is_gate=True
)
DONE = Stage(id=3, board_id=1, name="Done", position=2, kind=StageKind.DONE)
HARD = Stage(id=4, board_id=1, name="Ready", position=3, wip_limit=2, wip_hard=True)
SOFT = Stage(id=5, board_id=1, name="Doing", position=4, wip_limit=2)
STAGES = [BACKLOG, REVIEW, DONE, HARD, SOFT]


def task(stage: Stage, *, open_item: bool = False, task_id: int = 9) -> Task:
    items = (ChecklistItem(text="GDPR consent wording", done=not open_item),)
    return Task(id=task_id, board_id=1, stage_id=stage.key, title="Launch email", checklist=items)


def raised(check: object) -> str:
    assert callable(check)
    with pytest.raises(RuleError) as caught:
        check()
    return str(caught.value)


def test_a_gate_refuses_while_hovering_in_the_words_of_the_refused_move() -> None:
    tasks = [task(REVIEW, open_item=True)]
    reason = move_refusal(STAGES, tasks, DONE, tasks_in_target=0)
    assert reason == raised(lambda: check_gate(STAGES, tasks, DONE))
    assert reason is not None and "GDPR consent wording" in reason
    assert move_refusal(STAGES, [task(REVIEW)], DONE, tasks_in_target=0) is None


def test_a_hard_limit_refuses_in_the_same_words_and_a_soft_one_never_does() -> None:
    two = [task(BACKLOG, task_id=1), task(BACKLOG, task_id=2)]
    assert move_refusal(STAGES, two[:1], HARD, tasks_in_target=1) is None
    reason = move_refusal(STAGES, two, HARD, tasks_in_target=1)
    assert reason == raised(lambda: check_wip(HARD, 1, 2))
    assert reason is not None and "hard WIP limit of 2 and holds 1 task already" in reason
    assert move_refusal(STAGES, two, SOFT, tasks_in_target=5) is None
    assert check_wip(SOFT, 5, 2) is True


def test_cards_reordered_within_a_full_column_are_not_arriving() -> None:
    inside = [task(HARD, task_id=1), task(HARD, task_id=2)]
    assert move_refusal(STAGES, inside, HARD, tasks_in_target=3) is None
