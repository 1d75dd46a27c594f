"""What the capacity map reads: the open tasks of a period in one query, the people and their
time off, and each member's work in progress. Edits made from the map (reassign, reschedule)
are written here too, several tasks in one unit of work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from mopsboard.domain.models import StageKind, Task
from mopsboard.store.people import PeopleStore
from mopsboard.store.task_rows import MAX_HOURS
from mopsboard.store.tasks import TaskStore
from mopsboard.store.time_logs import TimeLogStore

if TYPE_CHECKING:
    # Loaded when a map is first read: a board window or a command that shows no capacity
    # never needs the capacity rules.
    from mopsboard.domain.calendar import Period
    from mopsboard.domain.capacity import WorkItem
    from mopsboard.domain.capacity_inputs import CapacityInputs

_ITEM_COLUMNS = (
    "SELECT t.id, t.title, t.assignee_id, t.team_id, t.estimate_hours, t.start_date, t.due_date"
)


# Deleting a board archives it: its tasks no longer load anyone's weeks.
_ON_LIVE_BOARD = "t.board_id NOT IN (SELECT id FROM boards WHERE archived = 1)"


# A date another program wrote in another form is taken in, to be listed as unreadable: SQLite
# compares it as text, so the period test would keep it out or let it in by chance.
_NOT_A_DAY = "NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"


def _open_items(rows: Sequence[Sequence[Any]]) -> list[WorkItem]:
    """Rows of open tasks (neither done nor archived) as work items: the hot path of a map of
    tens of thousands of tasks, so tuples are unpacked and made without keyword handling. Rows
    with a value that cannot be read (rare) are read again one field at a time."""
    from mopsboard.domain.capacity import WorkItem

    make, day, limit = WorkItem._make, date.fromisoformat, MAX_HOURS
    try:
        return [
            make(
                (
                    i,
                    title,
                    who,
                    team,
                    h if h is None or (h.__class__ is float and h <= limit) else _refuse(h),
                    day(s) if s else None,
                    day(d) if d else None,
                    False,
                    False,
                    (),
                )
            )
            for i, title, who, team, h, s, d in rows
        ]
    except (ValueError, TypeError):
        return [_item(row) for row in rows]


def _refuse(value: object) -> float:
    raise ValueError(value)


def _item(row: Sequence[Any], done: bool = False, archived: bool = False) -> WorkItem:
    """One row as a work item, naming the values that cannot be read instead of guessing."""
    from mopsboard.domain.capacity import WorkItem
    from mopsboard.domain.workload import PLACING_FIELDS

    hours, hours_read = _read_hours(row[4])
    start, start_read = _read_day(row[5])
    due, due_read = _read_day(row[6])
    read = (hours_read, start_read, due_read)
    bad = tuple(name for name, ok in zip(PLACING_FIELDS, read, strict=True) if not ok)
    return WorkItem(row[0], row[1], row[2], row[3], hours, start, due, done, archived, bad)


def _read_hours(value: object) -> tuple[float | None, bool]:
    if value is None:
        return None, True
    if isinstance(value, float) and 0.0 <= value <= MAX_HOURS:
        return value, True
    return None, False


def _read_day(value: object) -> tuple[date | None, bool]:
    if not value:
        return None, True
    try:
        return date.fromisoformat(value if isinstance(value, str) else ""), True
    except ValueError:
        return None, False


class CapacityStore(TaskStore, PeopleStore, TimeLogStore):
    def capacity_inputs(self, period: Period, today: date | None = None) -> CapacityInputs:
        """What a map of `period` is computed from, as of `today` (the real today when not
        given): open tasks whose dates touch the period or that have no due date (those are
        listed as not counted), and, when today is in the period, the overdue ones (what is
        left of them lands today); every team, member and time off; the hours logged per task
        and those logged in the period. One query for the tasks, whatever their number. Tasks
        of a deleted (archived) board count as archived."""
        from mopsboard.domain.capacity_inputs import CapacityInputs

        today = today or date.today()
        overdue = " OR t.due_date < ?" if period.first <= today <= period.last else ""
        sql = (
            f"{_ITEM_COLUMNS} FROM tasks t WHERE t.archived = 0 "  # noqa: S608
            "AND t.stage_id NOT IN (SELECT id FROM stages WHERE kind = ?) "
            f"AND {_ON_LIVE_BOARD} AND (t.due_date IS NULL "
            "OR (t.due_date >= ? AND COALESCE(t.start_date, t.due_date) <= ?) "
            f"OR t.due_date {_NOT_A_DAY} OR t.start_date {_NOT_A_DAY}{overdue})"
        )
        params = [StageKind.DONE.value, period.first.isoformat(), period.last.isoformat()]
        if overdue:
            params.append(today.isoformat())
        with self._read() as db:
            tasks = _open_items(db.execute(sql, params).fetchall())
            logged = self.logged_hours()
            actual = self.actual_hours(period.first, period.last)
        return CapacityInputs(
            self.teams(include_archived=True),
            self.members(),
            self.time_off(),
            tasks,
            today,
            logged,
            actual,
        )

    def capacity_items(self, task_ids: Iterable[int]) -> list[WorkItem]:
        """These tasks as the capacity rules read them, archived and done ones included (so a
        map can drop them); ids that no longer exist are left out."""
        ids = list(task_ids)
        found: list[WorkItem] = []
        with self._read() as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                rows = db.execute(
                    # Both engines' truth values: PostgreSQL takes no integer as one.
                    f"{_ITEM_COLUMNS}, s.kind = 'done', t.archived <> 0 OR NOT {_ON_LIVE_BOARD} "
                    f"FROM tasks t JOIN stages s ON s.id = t.stage_id WHERE t.id IN ({marks})",
                    chunk,
                )
                found.extend(_item(row, bool(row[7]), bool(row[8])) for row in rows.fetchall())
        return found

    def member_wip(self, member_ids: Iterable[int] | None = None) -> dict[int, int]:
        """How many open tasks each member has in stages of kind active, on boards that are not
        deleted (members with none are left out)."""
        sql = (
            "SELECT t.assignee_id, COUNT(*) FROM tasks t JOIN stages s ON s.id = t.stage_id "  # noqa: S608
            "WHERE t.archived = 0 AND s.kind = ? AND t.assignee_id IS NOT NULL "
            f"AND {_ON_LIVE_BOARD}"
        )
        params: list[Any] = [StageKind.ACTIVE.value]
        if member_ids is not None:
            wanted = list(member_ids)
            if not wanted:
                return {}
            sql += f" AND t.assignee_id IN ({', '.join('?' for _ in wanted)})"
            params += wanted
        with self._read() as db:
            rows = db.execute(f"{sql} GROUP BY t.assignee_id", params).fetchall()
        return {int(member_id): int(count) for member_id, count in rows}

    def wip_assignees(self, task_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Task id -> assignee of the tasks member_wip counts (of `task_ids` only, when given):
        what lets a watch recount only the tasks a change touched."""
        sql = (
            "SELECT t.id, t.assignee_id FROM tasks t JOIN stages s ON s.id = t.stage_id "  # noqa: S608
            "WHERE t.archived = 0 AND s.kind = ? AND t.assignee_id IS NOT NULL "
            f"AND {_ON_LIVE_BOARD}"
        )
        params: list[Any] = [StageKind.ACTIVE.value]
        found: dict[int, int] = {}
        wanted = None if task_ids is None else list(task_ids)
        # SQLite takes at most 32,766 parameters: a large change is asked for in parts.
        batches = (
            [None]
            if wanted is None
            else [wanted[n : n + 10_000] for n in range(0, len(wanted), 10_000)]
        )
        with self._read() as db:
            for batch in batches:
                where = "" if batch is None else f" AND t.id IN ({', '.join('?' for _ in batch)})"
                for task_id, member_id in db.execute(sql + where, params + (batch or [])):
                    found[int(task_id)] = int(member_id)
        return found

    def update_tasks(self, tasks: Sequence[Task]) -> list[Task]:
        """Saves several edited tasks in one unit of work: all or none (a drag from the map)."""
        with self._write():
            return [self.update_task(task) for task in tasks]
