"""Task rows as tasks: the board's hot path, read without validation, and the rare row another
program wrote badly, read through the salvage every table uses (see store/salvage)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from mopsboard.domain.models import ChecklistItem, Priority, Task
from mopsboard.store.base import JSON_COLUMNS
from mopsboard.store.salvage import salvage

TASK_COLUMNS = (
    "id, board_id, stage_id, rank, title, description, campaign_id, persona_id, assignee_id, "
    "team_id, estimate_hours, start_date, due_date, priority, labels, checklist, archived, "
    "created_at, updated_at, completed_at, version"
)
COLUMN_NAMES = tuple(name.strip() for name in TASK_COLUMNS.split(","))
MAX_HOURS = 10_000.0

_TASK_FIELDS = frozenset(Task.model_fields)
_ITEM_FIELDS = frozenset(ChecklistItem.model_fields)
_PRIORITIES = {int(p): p for p in Priority}


class Unreadable(ValueError):
    """A value the fast path will not guess at: the row goes through the salvage."""


def _built(cls: type[Any], values: dict[str, Any], fields: frozenset[str]) -> Any:
    """What `model_construct` makes, without its per-call bookkeeping: reading a 10,000-task board
    spends most of its time here otherwise."""
    instance = object.__new__(cls)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(fields))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


@functools.lru_cache(maxsize=8192)
def _labels(text: str) -> tuple[str, ...]:
    # Boards repeat the same few label sets, so each distinct one is parsed once (a text that
    # fails is parsed again next time, which only a bad row pays).
    if not text or text == "[]":
        return ()
    labels = json.loads(text)
    if type(labels) is not list or not all(type(label) is str for label in labels):
        raise Unreadable(text)
    return tuple(labels)


@functools.lru_cache(maxsize=8192)
def _checklist(text: str) -> tuple[ChecklistItem, ...]:
    if not text or text == "[]":
        return ()
    items = json.loads(text)
    if type(items) is not list or not all(
        type(item) is dict and type(item.get("text")) is str for item in items
    ):
        raise Unreadable(text)
    return tuple(
        _built(ChecklistItem, {"text": item["text"], "done": bool(item.get("done"))}, _ITEM_FIELDS)
        for item in items
    )


def task_from_row(row: Sequence[Any]) -> Task:
    """A task from a row of TASK_COLUMNS. Rows mopsboard wrote were validated on the way in, so
    this only converts types (as validation would) and checks what a wrong value would break
    later; a row that fails is salvaged instead. The shared tuples are immutable, as tasks are."""
    moment, day = datetime.fromisoformat, date.fromisoformat
    try:
        hours = row[10]
        if hours is not None and not (hours.__class__ is float and 0.0 <= hours <= MAX_HOURS):
            raise Unreadable(hours)
        if row[4].__class__ is not str or row[5].__class__ is not str:
            raise Unreadable(row[4])
        values = {
            "id": row[0],
            "version": row[20],
            "updated_at": moment(row[18]) if row[18] else None,
            "problems": (),
            "board_id": row[1],
            "stage_id": row[2],
            "title": row[4],
            "description": row[5],
            "rank": row[3],
            "campaign_id": row[6],
            "persona_id": row[7],
            "assignee_id": row[8],
            "team_id": row[9],
            "estimate_hours": hours,
            "start_date": day(row[11]) if row[11] else None,
            "due_date": day(row[12]) if row[12] else None,
            "priority": _PRIORITIES[row[13]],
            "labels": _labels(row[14]),
            "checklist": _checklist(row[15]),
            "archived": bool(row[16]),
            "created_at": moment(row[17]) if row[17] else None,
            "completed_at": moment(row[19]) if row[19] else None,
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return salvage(Task, dict(zip(COLUMN_NAMES, row, strict=True)), JSON_COLUMNS)
    task: Task = _built(Task, values, _TASK_FIELDS)
    return task
