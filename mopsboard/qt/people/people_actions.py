"""Actions on teams, members and time off, and on tasks from the capacity map (reassign,
reschedule). Written as every action is (qt/common/actions.py): write, then push the command
that undoes and redoes it; a refused write emits `failed` and enters no history.

A first write checks the version the caller read (an edit against a stale copy is refused);
undo and redo set back only the fields the edit changed, and only on a row nobody else changed
meanwhile (qt/common/conflicts.py asks otherwise).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from mopsboard.domain.capacity import RowKey
from mopsboard.domain.errors import NotFoundError
from mopsboard.domain.models import Member, Task, Team, TimeOff
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields, tasks_table

TEAM_FIELDS = ("name", "kind", "colour", "archived", "hourly_rate")
MEMBER_FIELDS = (
    "team_id",
    "name",
    "weekly_hours",
    "working_days",
    "availability",
    "holiday_country",
    "active",
    "wip_limit",
    "hourly_rate",
)
TIME_OFF_FIELDS = ("member_id", "start_date", "end_date", "reason")
PLAN_FIELDS = ("assignee_id", "team_id", "start_date", "due_date")


def _weeks_text(days: int) -> str:
    if days % 7 == 0:
        weeks = abs(days) // 7
        amount = f"{weeks} week{'s' if weeks != 1 else ''}"
    else:
        amount = f"{abs(days)} day{'s' if abs(days) != 1 else ''}"
    return f"{amount} {'later' if days > 0 else 'earlier'}"


class PeopleActions(EntityActions):
    @property
    def _teams(self) -> Table[Team]:
        ws = self.workspace
        return Table.one(ws, "teams", ws.team, ws.update_team)

    @property
    def _members(self) -> Table[Member]:
        ws = self.workspace
        return Table.one(ws, "members", ws.member, ws.update_member)

    @property
    def _time_off(self) -> Table[TimeOff]:
        ws = self.workspace
        return Table(
            ws,
            "time_off",
            lambda ids: [e for e in ws.time_off() if e.id in ids],
            lambda entries: [ws.update_time_off(entries[0])],
        )

    def _time_off_entry(self, entry_id: int) -> TimeOff:
        entry = next((e for e in self.workspace.time_off() if e.id == entry_id), None)
        if entry is None:
            raise NotFoundError("That time off was deleted meanwhile.")
        return entry

    # -- teams ----------------------------------------------------------------------------------

    def add_team(self, team: Team) -> Team | None:
        created = self._attempt(lambda: self.workspace.add_team(team))
        if created is None:
            return None
        self._push(
            f"Add team '{created.name}'",
            lambda: self.workspace.restore_team(created),
            lambda: self.workspace.delete_team(created.key),
        )
        return created

    def edit_team(
        self, edited: Team, text: str | None = None, *, conflicts_to_caller: bool = False
    ) -> Team | None:
        ws = self.workspace
        done = self._attempt(
            lambda: (ws.team(edited.key), ws.update_team(edited)),
            conflicts_to_caller=conflicts_to_caller,
        )
        if done is None:
            return None
        original, saved = done
        fields = changed_fields(original, saved, TEAM_FIELDS)
        self._push_fields(
            text or f"Edit team '{saved.name}'", self._teams, fields, [original], [saved]
        )
        return saved

    def set_team_archived(self, team: Team, archived: bool) -> Team | None:
        word = "Archive" if archived else "Restore"
        return self.edit_team(
            team.model_copy(update={"archived": archived}), f"{word} team '{team.name}'"
        )

    # -- members --------------------------------------------------------------------------------

    def add_member(self, member: Member) -> Member | None:
        created = self._attempt(lambda: self.workspace.add_member(member))
        if created is None:
            return None
        self._push(
            f"Add {created.name}",
            lambda: self.workspace.restore_member(created),
            lambda: self.workspace.delete_member(created.key),
        )
        return created

    def edit_member(
        self, edited: Member, text: str | None = None, *, conflicts_to_caller: bool = False
    ) -> Member | None:
        ws = self.workspace
        done = self._attempt(
            lambda: (ws.member(edited.key), ws.update_member(edited)),
            conflicts_to_caller=conflicts_to_caller,
        )
        if done is None:
            return None
        original, saved = done
        fields = changed_fields(original, saved, MEMBER_FIELDS)
        self._push_fields(text or f"Edit {saved.name}", self._members, fields, [original], [saved])
        return saved

    def set_member_active(self, member: Member, active: bool) -> Member | None:
        word = "Reactivate" if active else "Deactivate"
        return self.edit_member(
            member.model_copy(update={"active": active}), f"{word} {member.name}"
        )

    # -- time off -------------------------------------------------------------------------------

    def add_time_off(self, entry: TimeOff) -> TimeOff | None:
        created = self._attempt(lambda: self.workspace.add_time_off(entry))
        if created is None:
            return None
        self._push(
            "Add time off",
            lambda: self.workspace.add_time_off(created),
            lambda: self.workspace.delete_time_off(created.key),
        )
        return created

    def edit_time_off(self, edited: TimeOff) -> TimeOff | None:
        ws = self.workspace
        done = self._attempt(lambda: (self._time_off_entry(edited.key), ws.update_time_off(edited)))
        if done is None:
            return None
        original, saved = done
        fields = changed_fields(original, saved, TIME_OFF_FIELDS)
        self._push_fields("Edit time off", self._time_off, fields, [original], [saved])
        return saved

    def delete_time_off(self, entry_id: int) -> bool:
        removed = self._attempt(lambda: self.workspace.delete_time_off(entry_id))
        if removed is None:
            return False
        self._push(
            "Delete time off",
            lambda: self.workspace.delete_time_off(entry_id),
            lambda: self.workspace.add_time_off(removed),
        )
        return True

    # -- tasks, from the capacity map -----------------------------------------------------------

    def replan_tasks(self, task_ids: Sequence[int], target: RowKey | None, shift_days: int) -> bool:
        """Reassigns tasks to a member (`target` = (team, member)) or to a team's Unassigned row
        (member None), and/or moves their dates by `shift_days`, keeping each task's span: one
        transaction, one undo step. Returns False (and emits `failed`) when refused."""
        originals = self.workspace.tasks_by_id(task_ids)
        edited = []
        for task in originals:
            update: dict[str, object] = {}
            if target is not None:
                update["team_id"], update["assignee_id"] = target
            if shift_days:
                step = timedelta(days=shift_days)
                if task.start_date is not None:
                    update["start_date"] = task.start_date + step
                if task.due_date is not None:
                    update["due_date"] = task.due_date + step
            if any(getattr(task, name) != value for name, value in update.items()):
                edited.append(task.model_copy(update=update))
        if not edited:
            return False
        saved = self._attempt(lambda: self.workspace.update_tasks(edited), (OverflowError,))
        if saved is None:
            return False
        before = [t for t in originals if t.id in {s.id for s in saved}]
        read = {t.id: t for t in originals}
        fields = {f for new in saved for f in changed_fields(read[new.id], new, PLAN_FIELDS)}
        text = self._replan_text(saved, target, shift_days)
        self._push_fields(text, tasks_table(self.workspace), sorted(fields), before, saved)
        return True

    def _replan_text(self, saved: Sequence[Task], target: RowKey | None, shift_days: int) -> str:
        what = f"'{saved[0].title}'" if len(saved) == 1 else f"{len(saved)} tasks"
        parts = []
        if target is not None:
            if target[1] is not None:
                parts.append(f"Reassign {what} to {self.workspace.member(target[1]).name}")
            else:
                parts.append(f"Move {what} to {self.workspace.team(target[0]).name}, unassigned")
        if shift_days:
            move = _weeks_text(shift_days)
            parts.append(f"reschedule {move}" if parts else f"Reschedule {what} {move}")
        return ", ".join(parts)
