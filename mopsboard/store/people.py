"""Teams, their members and members' time off: the supply side of capacity."""

from __future__ import annotations

from typing import TypeVar

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import MemberId, TeamId
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.store.base import StoreBase, now_text
from mopsboard.store.salvage import keep_unread

_Rated = TypeVar("_Rated", Team, Member)


class PeopleStore(StoreBase):
    def _insert_rated(self, table: str, record: _Rated) -> _Rated:
        # A file from before a schema step (which an older release makes, as the upgrade tests
        # do) is written without the columns it lacks while they hold nothing (`_known_columns`).
        return self._insert(table, record)

    def teams(self, *, include_archived: bool = False) -> list[Team]:
        where = "" if include_archived else "archived = 0"
        return self._all(Team, "teams", where, order="name COLLATE NOCASE, id")

    def team(self, team_id: TeamId) -> Team:
        return self._get(Team, "teams", team_id, "team")

    def team_named(self, name: str) -> Team:
        wanted = name.strip().casefold()
        for team in self.teams(include_archived=True):
            if team.name.casefold() == wanted:
                return team
        raise NotFoundError(f"There is no team named '{name}'.")

    def add_team(self, team: Team) -> Team:
        with self._write():
            return self._insert_rated("teams", Team.model_validate(team.model_dump()))

    def update_team(self, team: Team) -> Team:
        checked = Team.model_validate(team.model_dump())
        with self._write() as db:
            return keep_unread(db, "teams", team, self._update("teams", checked, "team"))

    def members(
        self, team_id: TeamId | None = None, *, include_inactive: bool = True
    ) -> list[Member]:
        clauses, params = [], []
        if team_id is not None:
            clauses.append("team_id = ?")
            params.append(team_id)
        if not include_inactive:
            clauses.append("active = 1")
        return self._all(
            Member, "members", " AND ".join(clauses), params, order="name COLLATE NOCASE, id"
        )

    def member(self, member_id: MemberId) -> Member:
        return self._get(Member, "members", member_id, "team member")

    def member_named(self, name: str) -> Member:
        wanted = name.strip().casefold()
        matches = [m for m in self.members() if m.name.casefold() == wanted]
        if not matches:
            raise NotFoundError(f"There is no team member named '{name}'.")
        return matches[0]

    def add_member(self, member: Member) -> Member:
        member = Member.model_validate(member.model_dump())
        with self._write():
            self._require("teams", member.team_id, "team")
            return self._insert_rated("members", member)

    def update_member(self, member: Member) -> Member:
        sent, member = member, Member.model_validate(member.model_dump())
        with self._write() as db:
            self._require("teams", member.team_id, "team")
            updated = keep_unread(
                db, "members", sent, self._update("members", member, "team member")
            )
            # A task assigned to a member belongs to the member's team.
            retagged = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM tasks "
                    "WHERE assignee_id = ? AND (team_id IS NULL OR team_id != ?)",
                    [member.id, member.team_id],
                ).fetchall()
            ]
            stamp = now_text()
            for task_id in retagged:
                db.execute(
                    "UPDATE tasks SET team_id = ?, updated_at = ?, version = version + 1 "
                    "WHERE id = ?",
                    [member.team_id, stamp, task_id],
                )
            if retagged:
                self._changed("tasks", retagged, fields={"team_id"})
            return updated

    def time_off(self, member_id: MemberId | None = None) -> list[TimeOff]:
        if member_id is None:
            entries = self._all(TimeOff, "time_off", order="start_date, id")
        else:
            entries = self._all(
                TimeOff, "time_off", "member_id = ?", [member_id], order="start_date, id"
            )
        # Dates that cannot be read (another program wrote them) read as a stand-in day, which
        # must not take hours off anyone's weeks: such an entry is left out.
        return [e for e in entries if not (e.problem("start_date") or e.problem("end_date"))]

    def add_time_off(self, entry: TimeOff) -> TimeOff:
        entry = TimeOff.model_validate(entry.model_dump())
        with self._write():
            self._require("members", entry.member_id, "team member")
            return self._insert("time_off", entry)

    def delete_time_off(self, entry_id: int) -> TimeOff:
        with self._write() as db:
            entry = self._get(TimeOff, "time_off", entry_id, "time off")
            db.execute("DELETE FROM time_off WHERE id = ?", [entry_id])
            self._changed("time_off", [entry_id], "deleted")
            return entry

    def update_time_off(self, entry: TimeOff) -> TimeOff:
        sent, entry = entry, TimeOff.model_validate(entry.model_dump())
        with self._write() as db:
            self._require("members", entry.member_id, "team member")
            return keep_unread(db, "time_off", sent, self._update("time_off", entry, "time off"))

    # -- undoing an add -------------------------------------------------------------------------
    # Undo removes what an add created and redo puts it back under the same id, so later steps
    # in the history that name it still apply. Removing is refused once anything refers to it.

    def delete_team(self, team_id: TeamId) -> Team:
        with self._write() as db:
            team = self.team(team_id)
            for table, what in (("members", "members"), ("tasks", "tasks")):
                used = db.execute(
                    f"SELECT COUNT(*) FROM {table} WHERE team_id = ?",  # noqa: S608
                    [team_id],
                ).fetchone()[0]
                if used:
                    raise MopsboardError(
                        f"The team '{team.name}' has {used} {what}; archive it instead."
                    )
            db.execute("DELETE FROM teams WHERE id = ?", [team_id])
            self._changed("teams", [team_id], "deleted")
            return team

    def restore_team(self, team: Team) -> Team:
        with self._write():
            return self._insert_rated("teams", Team.model_validate(team.model_dump()))

    def delete_member(self, member_id: MemberId) -> Member:
        with self._write() as db:
            member = self.member(member_id)
            used = db.execute(
                "SELECT COUNT(*) FROM tasks WHERE assignee_id = ?", [member_id]
            ).fetchone()[0]
            if used:
                raise MopsboardError(
                    f"{member.name} is assigned {used} tasks; deactivate them instead."
                )
            db.execute("DELETE FROM members WHERE id = ?", [member_id])
            self._changed("members", [member_id], "deleted")
            return member

    def restore_member(self, member: Member) -> Member:
        member = Member.model_validate(member.model_dump())
        with self._write():
            self._require("teams", member.team_id, "team")
            return self._insert_rated("members", member)
