"""Stages that take a task only once the tasks it waits for are done (domain/rules.py,
`predecessor_stop`), checked where every move is written: a drag, a keyboard step, the task
editor's stage, the command line.

A stage's gate is a setting of the workspace, "1" under `gate_setting_key(stage id)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import Stage, StageKind, Task
from mopsboard.domain.rules import PredecessorGate, predecessor_stop
from mopsboard.store.connection import StoreConnection

_KEY_PREFIX, _KEY_SUFFIX = "stage.", ".needs_done_predecessors"
# Beyond this many ids an IN list is split (SQLite's limit on host parameters is 32,766).
_CHUNK = 10_000


def gate_setting_key(stage_id: int) -> str:
    return f"{_KEY_PREFIX}{stage_id}{_KEY_SUFFIX}"


def gated_stages(db: StoreConnection, stages: Sequence[Stage]) -> frozenset[int]:
    """Those of `stages` whose gate is on."""
    keys = [gate_setting_key(stage.key) for stage in stages]
    if not keys:
        return frozenset()
    marks = ", ".join("?" for _ in keys)
    rows = db.execute(
        f"SELECT key FROM settings WHERE value = '1' AND key IN ({marks})",  # noqa: S608
        keys,
    ).fetchall()
    on = {str(row[0]) for row in rows}
    return frozenset(stage.key for stage in stages if gate_setting_key(stage.key) in on)


def _open_predecessors(
    db: StoreConnection, task_ids: Sequence[int]
) -> tuple[dict[int, list[int]], dict[int, str]]:
    """Each task's finish-to-start predecessors not in a done stage (in the order they were
    linked), and their titles."""
    waiting: dict[int, list[int]] = {}
    titles: dict[int, str] = {}
    for start in range(0, len(task_ids), _CHUNK):
        chunk = list(task_ids[start : start + _CHUNK])
        marks = ", ".join("?" for _ in chunk)
        params: list[Any] = [*chunk, StageKind.DONE.value]
        rows = db.execute(
            "SELECT l.successor_id, l.predecessor_id, p.title FROM task_links l "  # noqa: S608
            "JOIN tasks p ON p.id = l.predecessor_id JOIN stages s ON s.id = p.stage_id "
            f"WHERE l.successor_id IN ({marks}) AND l.kind = 'finish_to_start' "
            "AND s.kind <> ? ORDER BY l.id",
            params,
        ).fetchall()
        for successor, predecessor, title in rows:
            waiting.setdefault(int(successor), []).append(int(predecessor))
            titles[int(predecessor)] = str(title)
    return waiting, titles


def check_predecessor_gates(
    db: StoreConnection, stages: Sequence[Stage], tasks: Sequence[Task], target: Stage
) -> None:
    """Refuses (RuleError, in words naming what they wait for) tasks a gate keeps out on
    their way into `target`."""
    gated = gated_stages(db, stages)
    if not gated:
        return
    waiting, titles = _open_predecessors(db, [task.key for task in tasks])
    stop = predecessor_stop(stages, tasks, target, PredecessorGate(gated, waiting))
    if stop is not None:
        raise RuleError(stop.words(titles))
