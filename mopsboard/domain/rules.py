"""Board rules that may refuse a move: hard WIP limits and review gates.

Each rule is asked twice with the same words: while a drag hovers over a column (`move_refusal`,
so the user sees why before letting go) and when the move is written (`check_gate`,
`check_wip`, which raise the same text as a RuleError).

A stage may also let a task in only once the tasks it waits for are done (`PredecessorGate`):
a finish-to-start predecessor that is not in a Done stage keeps it out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import NamedTuple

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


def gate_refusal(stages: Sequence[Stage], tasks: Sequence[Task], target: Stage) -> str | None:
    """Why a review gate stops these tasks on their way into `target`; None when none does."""
    by_id = {stage.id: stage for stage in stages}
    for task in tasks:
        source = by_id.get(task.stage_id)
        if source is None or source.id == target.id:
            continue
        for gate in gates_passed(stages, source, target):
            if task.problem("checklist"):
                # It reads as empty, which would pass any gate: unknown is not done.
                return (
                    f"'{task.title}' cannot pass the review gate '{gate.name}' into "
                    f"'{target.name}': its checklist cannot be read. Open the task and "
                    "enter the checklist again first."
                )
            open_items = task.open_checklist_items
            if open_items:
                listed = "; ".join(open_items[:8]) + ("; ..." if len(open_items) > 8 else "")
                return (
                    f"'{task.title}' cannot pass the review gate '{gate.name}' into "
                    f"'{target.name}': its checklist has {len(open_items)} open "
                    f"item{'s' if len(open_items) != 1 else ''}: {listed}."
                )
    return None


class PredecessorGate(NamedTuple):
    """The stages that take a task only once its predecessors are done, and each blocked
    task's open finish-to-start predecessors (ids, in the order they were linked)."""

    stage_ids: Collection[int]
    waiting_for: Mapping[int, Sequence[int]]


class PredecessorStop(NamedTuple):
    """A task a predecessor gate keeps out, and the open tasks it waits for."""

    task: Task
    gate: Stage
    waiting_for: tuple[int, ...]

    def words(self, titles: Mapping[int, str]) -> str:
        """The refusal, naming the predecessors by `titles` (by id where one is missing)."""
        named = [f"'{titles[t]}'" if t in titles else f"task {t}" for t in self.waiting_for]
        listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        verb = "is" if len(named) == 1 else "are"
        return (
            f"'{self.task.title}' waits for {listed}, which {verb} not done: "
            f"'{self.gate.name}' takes a task only once the tasks it waits for are done."
        )


def predecessor_stop(
    stages: Sequence[Stage], tasks: Sequence[Task], target: Stage, gate: PredecessorGate
) -> PredecessorStop | None:
    """The first of `tasks` a predecessor gate keeps out on its way into `target`: one still
    waiting that arrives at a gated stage or goes past one from before it (a task already at or
    past the gate, or moving back, is not stopped). None when every task may go."""
    if not gate.stage_ids or not gate.waiting_for:
        return None
    by_id = {stage.id: stage for stage in stages}
    gates = [stage for stage in stages if stage.id in gate.stage_ids]
    for task in tasks:
        waiting = tuple(gate.waiting_for.get(task.key, ()))
        source = by_id.get(task.stage_id)
        if not waiting or source is None or source.id == target.id:
            continue
        for stage in gates:
            if source.position < stage.position <= target.position:
                return PredecessorStop(task, stage, waiting)
    return None


def wip_refusal(target: Stage, tasks_in_target: int, arriving: int) -> str | None:
    """Why a hard WIP limit keeps `arriving` more tasks out of `target`; None when it does
    not (a soft limit never refuses)."""
    if not target.wip_hard or not wip_exceeded(target, tasks_in_target, arriving):
        return None
    return (
        f"'{target.name}' has a hard WIP limit of {target.wip_limit} and holds "
        f"{tasks_in_target} task{'s' if tasks_in_target != 1 else ''} already; finish or "
        "move work out of it first, or raise the limit in the stage editor."
    )


def wip_exceeded(target: Stage, tasks_in_target: int, arriving: int) -> bool:
    """Whether the move puts the stage over its WIP limit, hard or soft."""
    if target.wip_limit is None or arriving == 0:
        return False
    return tasks_in_target + arriving > target.wip_limit


def move_refusal(
    stages: Sequence[Stage], tasks: Sequence[Task], target: Stage, tasks_in_target: int
) -> str | None:
    """Why the board's rules refuse moving `tasks` into `target` (holding `tasks_in_target`
    cards now), in the words the refused move reports; None when they allow it."""
    arriving = sum(1 for task in tasks if task.stage_id != target.id)
    return gate_refusal(stages, tasks, target) or wip_refusal(target, tasks_in_target, arriving)


def check_gate(stages: Sequence[Stage], tasks: Sequence[Task], target: Stage) -> None:
    refusal = gate_refusal(stages, tasks, target)
    if refusal is not None:
        raise RuleError(refusal)


def check_wip(target: Stage, tasks_in_target: int, arriving: int) -> bool:
    """True when the move puts the stage over its WIP limit; raises when the limit is hard."""
    refusal = wip_refusal(target, tasks_in_target, arriving)
    if refusal is not None:
        raise RuleError(refusal)
    return wip_exceeded(target, tasks_in_target, arriving)
