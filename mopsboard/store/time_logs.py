"""Hours logged on tasks: one log per person, task and day's entry, each write one unit of work.

- `log_time(log) -> TimeLog`: stores a log (stamping `at`); one given with its `id` keeps it and
  its moments (undo of a delete puts it back so). `log_times(logs)`: several in one unit.
- `update_time_log(log) -> TimeLog`: saves an edited log; ConflictError when it changed since.
- `delete_time_log(log_id) -> TimeLog`: deletes it and returns it as it was (for undo).
- `time_logs(task_id) -> list[TimeLog]`: a task's logs, by day.
- `logged_hours(task_ids=None) -> dict[TaskId, float]`: hours logged per task (of these tasks).
- `actual_hours(first, last) -> list[ActualHours]`: hours logged per person and day in a period,
  a log that names nobody counting for the task's assignee (`remaining_work.actual_member`).

Deleting a task deletes its logs (and its delete's undo puts them back, store/activity.py);
deleting a person keeps their logs, naming nobody.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from mopsboard.domain.ids import MemberId, TaskId, TeamId
from mopsboard.domain.remaining_work import ActualHours
from mopsboard.domain.time_logs import TimeLog, TimeLogId
from mopsboard.store.base import StoreBase, inserted_id, now_text
from mopsboard.store.comments import stamp

# Beyond this many ids an IN list is split (SQLite's limit on host parameters is 32,766).
_CHUNK = 30_000


class TimeLogStore(StoreBase):
    # -- reading --------------------------------------------------------------------------------

    def time_log(self, log_id: TimeLogId) -> TimeLog:
        return self._get(TimeLog, "time_logs", log_id, "time log")

    def time_logs(self, task_id: TaskId) -> list[TimeLog]:
        return self._all(TimeLog, "time_logs", "task_id = ?", [task_id], order="day, id")

    def logged_hours(self, task_ids: Iterable[int] | None = None) -> dict[TaskId, float]:
        """Hours logged per task that has any (of `task_ids`; every task's: None)."""
        sql = "SELECT task_id, SUM(hours) FROM time_logs"
        if task_ids is None:
            with self._read() as db:
                rows = db.execute(sql + " GROUP BY task_id").fetchall()
            return {TaskId(r[0]): round(float(r[1]), 2) for r in rows}
        wanted = list(dict.fromkeys(task_ids))
        found: dict[TaskId, float] = {}
        with self._read() as db:
            for n in range(0, len(wanted), _CHUNK):
                chunk = wanted[n : n + _CHUNK]
                marks = ", ".join("?" for _ in chunk)
                rows = db.execute(
                    f"{sql} WHERE task_id IN ({marks}) GROUP BY task_id",
                    chunk,
                ).fetchall()
                found.update((TaskId(r[0]), round(float(r[1]), 2)) for r in rows)
        return found

    def actual_hours(self, first: date, last: date) -> list[ActualHours]:
        """Hours logged from `first` to `last` (inclusive) per person, team, day and task."""
        with self._read() as db:
            rows = db.execute(
                "SELECT COALESCE(l.member_id, t.assignee_id), t.team_id, l.day, SUM(l.hours), "
                "t.id, t.title FROM time_logs l JOIN tasks t ON t.id = l.task_id "
                "WHERE l.day BETWEEN ? AND ? GROUP BY 1, 2, 3, 5, 6 ORDER BY 3, 1, 5",
                [first.isoformat(), last.isoformat()],
            ).fetchall()
        found = []
        for member_id, team_id, day, hours, task_id, title in rows:
            try:
                when = date.fromisoformat(day)
            except (TypeError, ValueError):
                continue  # a day another program wrote that cannot be read counts nowhere
            found.append(
                ActualHours(
                    None if member_id is None else MemberId(member_id),
                    None if team_id is None else TeamId(team_id),
                    when,
                    float(hours),
                    TaskId(task_id),
                    str(title),
                )
            )
        return found

    # -- writing --------------------------------------------------------------------------------

    def log_time(self, log: TimeLog) -> TimeLog:
        """Stores a log; one given with its id (undo of a delete) keeps its version and moments."""
        checked = TimeLog.model_validate(log.model_dump())
        restored = checked.id is not None
        with self._write() as db:
            self._require("tasks", checked.task_id, "task")
            self._require("members", checked.member_id, "person")
            now = now_text()
            row = {
                "task_id": checked.task_id,
                "member_id": checked.member_id,
                "day": checked.day.isoformat(),
                "hours": checked.hours,
                "note": checked.note,
                "at": stamp(checked.at) if checked.at else now,
                "version": checked.version if restored else 1,
                "updated_at": stamp(checked.updated_at) if checked.updated_at else now,
            }
            if restored:
                row = {"id": checked.id, **row}
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            cursor = db.execute(
                f"INSERT INTO time_logs ({columns}) VALUES ({marks})",  # noqa: S608
                list(row.values()),
            )
            new_id = TimeLogId(inserted_id(cursor, checked.id))
            self._changed("time_logs", [new_id], "inserted")
        return checked.model_copy(
            update={
                "id": new_id,
                "version": row["version"],
                "at": datetime.fromisoformat(str(row["at"])),
                "updated_at": datetime.fromisoformat(str(row["updated_at"])),
            }
        )

    def log_times(self, logs: Sequence[TimeLog]) -> list[TimeLog]:
        """Stores several logs in one unit of work: all or none (a demo's, an import's)."""
        with self._write():
            return [self.log_time(log) for log in logs]

    def update_time_log(self, log: TimeLog) -> TimeLog:
        """Saves a log's person, day, hours and note (its task and moment stay); refuses with
        ConflictError when it changed since it was read."""
        checked = TimeLog.model_validate(log.model_dump())
        with self._write() as db:
            self._require("members", checked.member_id, "person")
            now = now_text()
            cursor = db.execute(
                "UPDATE time_logs SET member_id = ?, day = ?, hours = ?, note = ?, "
                "updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                [
                    checked.member_id,
                    checked.day.isoformat(),
                    checked.hours,
                    checked.note,
                    now,
                    checked.key,
                    checked.version,
                ],
            )
            if cursor.rowcount == 0:
                self._raise_missing_or_conflict("time_logs", checked.key, "time log")
            self._changed("time_logs", [checked.key], fields={"member_id", "day", "hours", "note"})
            return self.time_log(checked.key)

    def delete_time_log(self, log_id: TimeLogId) -> TimeLog:
        with self._write() as db:
            log = self.time_log(log_id)
            db.execute("DELETE FROM time_logs WHERE id = ?", [log_id])
            self._changed("time_logs", [log_id], "deleted")
        return log
