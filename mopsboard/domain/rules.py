"""Board rules that may refuse a move: hard WIP limits and review gates."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import Stage, StageKind, Task


def gates_passed(stages: Sequence[Stage], source: Stage, target: Stage) -> list[Stage]:
    """The gate stages a task crosses when it goes from `source` to a stage beyond the gate."""
    return [
        stage
        for stage in stages
        if stage.is_gate
        and stage.kind is StageKind.REVIEW
        and source.position <= stage.position < target.position
    ]


def check_gate(stages: Sequence[Stage], tasks: Sequence[Task], target: Stage) -> None:
    by_id = {stage.id: stage for stage in stages}
    for task in tasks:
        source = by_id.get(task.stage_id)
        if source is None or source.id == target.id:
            continue
        for gate in gates_passed(stages, source, target):
            if task.problem("checklist"):
                # It reads as empty, which would pass any gate: unknown is not done.
                raise RuleError(
                    f"'{task.title}' cannot pass the review gate '{gate.name}' into "
                    f"'{target.name}': its checklist cannot be read. Open the task and "
                    "enter the checklist again first."
                )
            open_items = task.open_checklist_items
            if open_items:
                listed = "; ".join(open_items[:8]) + ("; ..." if len(open_items) > 8 else "")
                raise RuleError(
                    f"'{task.title}' cannot pass the review gate '{gate.name}' into "
                    f"'{target.name}': its checklist has {len(open_items)} open "
                    f"item{'s' if len(open_items) != 1 else ''}: {listed}."
                )


def check_wip(target: Stage, tasks_in_target: int, arriving: int) -> bool:
    """True when the move puts the stage over its WIP limit; raises when the limit is hard."""
    if target.wip_limit is None or arriving == 0:
        return False
    after = tasks_in_target + arriving
    if after <= target.wip_limit:
        return False
    if target.wip_hard:
        raise RuleError(
            f"'{target.name}' has a hard WIP limit of {target.wip_limit} and holds "
            f"{tasks_in_target} task{'s' if tasks_in_target != 1 else ''} already; finish or "
            "move work out of it first, or raise the limit in the stage editor."
        )
    return True
