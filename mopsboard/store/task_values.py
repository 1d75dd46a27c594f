"""A task row's values as the rest of the store reads them, converted without validation and
without pydantic: the board's hot path builds its tasks from these, and the headless listing
prints them. A value the conversion will not guess at raises Unreadable, and the caller takes
the row through the salvage instead (store/task_rows)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from mopsboard.domain.kinds import Priority

TASK_COLUMNS = (
    "id, board_id, stage_id, rank, title, description, campaign_id, persona_id, assignee_id, "
    "team_id, estimate_hours, start_date, due_date, priority, labels, checklist, archived, "
    "created_at, updated_at, completed_at, version"
)
COLUMN_NAMES = tuple(name.strip() for name in TASK_COLUMNS.split(","))
MAX_HOURS = 10_000.0

# What a failed conversion raises, whichever step it failed in.
CONVERSION_ERRORS = (ValueError, TypeError, KeyError, AttributeError)

_PRIORITIES = {int(p): p for p in Priority}

ChecklistPairs = tuple[tuple[str, bool], ...]


# A board's tasks share a few hundred start and due dates: each is parsed once and its date
# shared, which saves a 50,000-card board 3 MiB and a tenth of its reading.
_day = functools.lru_cache(maxsize=4096)(date.fromisoformat)


class Unreadable(ValueError):
    """A value the fast path will not guess at: the row goes through the salvage."""


@functools.lru_cache(maxsize=8192)
def labels_of(text: str) -> tuple[str, ...]:
    # Boards repeat the same few label sets, so each distinct one is parsed once (a text that
    # fails is parsed again next time, which only a bad row pays).
    if not text or text == "[]":
        return ()
    labels = json.loads(text)
    if type(labels) is not list or not all(type(label) is str for label in labels):
        raise Unreadable(text)
    return tuple(labels)


@functools.lru_cache(maxsize=8192)
def checklist_pairs(text: str) -> ChecklistPairs:
    """A stored checklist as (text, done) pairs."""
    if not text or text == "[]":
        return ()
    items = json.loads(text)
    if type(items) is not list or not all(
        type(item) is dict and type(item.get("text")) is str for item in items
    ):
        raise Unreadable(text)
    return tuple((item["text"], bool(item.get("done"))) for item in items)


def task_values(
    row: Sequence[Any], read_checklist: Callable[[str], Any] = checklist_pairs
) -> dict[str, Any]:
    """The fields of a task from a row of TASK_COLUMNS, keyed as the Task model names them.
    Rows mopsboard wrote were validated on the way in, so this only converts types (as
    validation would) and checks what a wrong value would break later. Raises one of
    CONVERSION_ERRORS for a row that needs the salvage."""
    moment, day = datetime.fromisoformat, _day
    hours = row[10]
    if hours is not None and not (hours.__class__ is float and 0.0 <= hours <= MAX_HOURS):
        raise Unreadable(hours)
    if row[4].__class__ is not str or row[5].__class__ is not str:
        raise Unreadable(row[4])
    return {
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
        "labels": labels_of(row[14]),
        "checklist": read_checklist(row[15]),
        "archived": bool(row[16]),
        "created_at": moment(row[17]) if row[17] else None,
        "completed_at": moment(row[19]) if row[19] else None,
    }
