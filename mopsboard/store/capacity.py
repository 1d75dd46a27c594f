"""What the capacity map reads: the open tasks of a period in one query, the people and their
time off, and each member's work in progress. Edits made from the map (reassign, reschedule)
are written here too, several tasks in one unit of work."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import CapacityInputs, WorkItem
from mopsboard.domain.models import StageKind, Task
from mopsboard.store.people import PeopleStore
from mopsboard.store.tasks import TaskStore

_ITEM_COLUMNS = (
    "SELECT t.id, t.title, t.assignee_id, t.team_id, t.estimate_hours, t.start_date, t.due_date"
)


# Deleting a board archives it: its tasks no longer load anyone's weeks.
_ON_LIVE_BOARD = "t.board_id NOT IN (SELECT id FROM boards WHERE archived = 1)"


def _open_items(rows: Iterable[Sequence[Any]]) -> list[WorkItem]:
    """Rows of open tasks (neither done nor archived) as work items: the hot path of a map of
    tens of thousands of tasks, so tuples are unpacked and made without keyword handling."""
    make, day = WorkItem._make, date.fromisoformat
    return [
        make(
            (i, title, who, team, hours, day(s) if s else None, day(d) if d else None, False, False)
        )
        for i, title, who, team, hours, s, d in rows
    ]


class CapacityStore(TaskStore, PeopleStore):
    def capacity_inputs(self, period: Period) -> CapacityInputs:
        """What a map of `period` is computed from: open tasks whose dates touch the period or
        that have no due date (those are listed as not counted), every team, member and time
        off. One query for the tasks, whatever their number. Tasks of a deleted (archived)
        board count as archived."""
        sql = (
            f"{_ITEM_COLUMNS} FROM tasks t WHERE t.archived = 0 "  # noqa: S608
            "AND t.stage_id NOT IN (SELECT id FROM stages WHERE kind = ?) "
            f"AND {_ON_LIVE_BOARD} AND (t.due_date IS NULL "
            "OR (t.due_date >= ? AND COALESCE(t.start_date, t.due_date) <= ?))"
        )
        params = [StageKind.DONE.value, period.first.isoformat(), period.last.isoformat()]
        with self._read() as db:
            tasks = _open_items(db.execute(sql, params).fetchall())
        return CapacityInputs(
            self.teams(include_archived=True), self.members(), self.time_off(), tasks
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
                    f"{_ITEM_COLUMNS}, s.kind = 'done', t.archived OR NOT {_ON_LIVE_BOARD} "
                    f"FROM tasks t JOIN stages s ON s.id = t.stage_id WHERE t.id IN ({marks})",
                    chunk,
                )
                found.extend(
                    WorkItem(
                        *row[:5],
                        *(date.fromisoformat(v) if v else None for v in row[5:7]),
                        *map(bool, row[7:]),
                    )
                    for row in rows.fetchall()
                )
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

    def update_tasks(self, tasks: Sequence[Task]) -> list[Task]:
        """Saves several edited tasks in one unit of work: all or none (a drag from the map)."""
        with self._write():
            return [self.update_task(task) for task in tasks]
