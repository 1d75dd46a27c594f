"""Actions on the hours logged on a task (log, delete): each one transaction and one undo step.
Undo of a log deletes it; redo puts it back with its own id and moment."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.time_logs import TimeLog
from mopsboard.qt.common.actions import EntityActions


class TimeActions(EntityActions):
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
