"""Task rows as tasks: the board's hot path, read without validation (store/task_values), and
the rare row another program wrote badly, read through the salvage every table uses (see
store/salvage)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from mopsboard.domain.models import ChecklistItem, Task
from mopsboard.store.base import JSON_COLUMNS
from mopsboard.store.salvage import salvage
from mopsboard.store.task_values import (
    COLUMN_NAMES,
    CONVERSION_ERRORS,
    MAX_HOURS,
    TASK_COLUMNS,
    checklist_pairs,
    task_values,
)

__all__ = ["COLUMN_NAMES", "MAX_HOURS", "TASK_COLUMNS", "task_from_row"]

# Every field is set in a task read from its row, so its tasks share one set saying so: a set of
# its own cost each task 1.2 KiB, half of what a card on the board weighs. Sharing is safe as
# the models are frozen: pydantic adds to the set only when a field is assigned, which they
# refuse, and copies it for model_copy.
_TASK_FIELDS = set(Task.model_fields)
_ITEM_FIELDS = set(ChecklistItem.model_fields)


def _built(cls: type[Any], values: dict[str, Any], fields: set[str]) -> Any:
    """What `model_construct` makes, without its per-call bookkeeping: reading a 10,000-task board
    spends most of its time here otherwise."""
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", fields)
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


@functools.lru_cache(maxsize=8192)
def _checklist(stored: str) -> tuple[ChecklistItem, ...]:
    return tuple(
        _built(ChecklistItem, {"text": text, "done": done}, _ITEM_FIELDS)
        for text, done in checklist_pairs(stored)
    )


def task_from_row(row: Sequence[Any]) -> Task:
    """A task from a row of TASK_COLUMNS; a row that fails the conversion is salvaged instead.
    The shared tuples are immutable, as tasks are."""
    try:
        values = task_values(row, _checklist)
    except CONVERSION_ERRORS:
        return salvage(Task, dict(zip(COLUMN_NAMES, row, strict=True)), JSON_COLUMNS)
    task: Task = _built(Task, values, _TASK_FIELDS)
    return task
