"""Actions on the hours logged on a task (log, change, delete): each one transaction and one undo
step. Undo of a log deletes it; redo puts it back with its own id and moment; undo of a change
sets the person, day, hours and note back, asking if someone else changed them meanwhile."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.time_logs import TimeLog
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields

# What a log's change may set: its task and the moment it was logged stay.
EDITABLE = ("member_id", "day", "hours", "note")


class TimeActions(EntityActions):
    @property
    def _logs(self) -> Table[TimeLog]:
        ws = self.workspace
        return Table.one(ws, "time_logs", ws.time_log, ws.update_time_log)

    def time_logs(self, task_id: TaskId) -> list[TimeLog]:
        return self.workspace.time_logs(task_id)

    def logged_hours(self, task_id: TaskId) -> float:
        return self.workspace.logged_hours([task_id]).get(task_id, 0.0)

    def log_time(
        self,
        task_id: TaskId,
        member_id: MemberId | None,
        day: date,
        hours: float,
        note: str = "",
    ) -> TimeLog | None:
        """Logs hours; on refusal emits `failed` with the reason and returns None."""
        ws = self.workspace
        logged = self._attempt(
            lambda: ws.log_time(
                TimeLog(task_id=task_id, member_id=member_id, day=day, hours=hours, note=note)
            )
        )
        if logged is None:
            return None
        self._push(
            f"Log {logged.hours:g} h on '{ws.task(task_id).title}'",
            lambda: ws.log_time(logged),
            lambda: ws.delete_time_log(logged.key),
        )
        return logged

    def edit_time_log(self, edited: TimeLog) -> TimeLog | None:
        """Saves a log's new person, day, hours and note; None (and `failed`) when refused."""
        values = {name: getattr(edited, name) for name in EDITABLE}
        done = self._attempt(lambda: self._logs.set_one(edited.key, values))
        if done is None:
            return None
        before, after = done
        fields = changed_fields(before, after, EDITABLE)
        if fields:
            title = self.workspace.task(after.task_id).title
            self._push_fields(
                f"Change the {before.hours:g} h logged on '{title}'",
                self._logs,
                fields,
                [before],
                [after],
            )
        return after

    def delete_time_log(self, log: TimeLog) -> bool:
        ws = self.workspace
        deleted = self._attempt(lambda: ws.delete_time_log(log.key))
        if deleted is None:
            return False
        self._push(
            f"Delete {deleted.hours:g} h logged on '{ws.task(deleted.task_id).title}'",
            lambda: ws.delete_time_log(deleted.key),
            lambda: ws.log_time(deleted),
        )
        return True
