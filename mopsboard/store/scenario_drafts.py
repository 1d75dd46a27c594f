"""Drafting what-if scenarios: named drafts (`scenarios`) and their ordered changes
(`scenario_changes`), each write one unit of work. The real plan never changes here.

Reading:
- `scenarios() -> list[Scenario]` by name; `scenario(id)`; `scenario_named(name)` (without case).
- `changes(scenario_id) -> list[DraftedChange]` in order (`position`, then id).

Drafting:
- `add_scenario(name, note="") -> Scenario`: refused in words when the name is taken (case does
  not count) or blank.
- `rename_scenario(scenario_id, name) -> Scenario`; `update_scenario(scenario)` saves an edited
  copy (ConflictError when it changed since it was read), for the undo history's `Table`.
- `delete_scenario(scenario_id) -> DeletedScenario` (discard: the scenario with its changes, for
  undo); `restore_scenario(deleted)` puts it back, ids included.
- `add_change(scenario_id, change) -> DraftedChange`: at the end of the order, recording in
  `base` the rows it touches as they stand now (the task; a campaign and all its tasks; the
  person); refused (NotFoundError) when a row it names does not exist.
- `remove_change(change_id) -> DraftedChange` (for undo); `restore_change(drafted)` puts it
  back at its place, id and base included.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import ScenarioChangeId, ScenarioId
from mopsboard.store.base import inserted_id, now_text
from mopsboard.store.scenario_reading import PlanReader

if TYPE_CHECKING:
    # The scenario models load when scenarios are first read: a board window needs none.
    from mopsboard.domain.scenarios import ChangeBase, DraftedChange, Scenario, ScenarioChange


class ScenarioNameTaken(MopsboardError):
    """Another scenario has this name (names are compared without case)."""


@dataclass(frozen=True)
class DeletedScenario:
    """A discarded scenario with its changes, as they were: what undo puts back."""

    scenario: Scenario
    changes: tuple[DraftedChange, ...]


def _stamp(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else now_text()


class ScenarioDrafts(PlanReader):
    # -- reading --------------------------------------------------------------------------------

    def scenarios(self) -> list[Scenario]:
        """Every scenario, by name (case does not count)."""
        from mopsboard.domain.scenarios import Scenario

        return self._all(Scenario, "scenarios", order="name COLLATE NOCASE, id")

    def scenario(self, scenario_id: ScenarioId) -> Scenario:
        from mopsboard.domain.scenarios import Scenario

        return self._get(Scenario, "scenarios", scenario_id, "scenario")

    def scenario_named(self, name: str) -> Scenario:
        """The scenario of that name, compared without case; NotFoundError naming it."""
        wanted = name.strip().casefold()
        for scenario in self.scenarios():
            if scenario.name.casefold() == wanted:
                return scenario
        raise NotFoundError(f"There is no scenario named '{name.strip()}'.")

    def changes(self, scenario_id: ScenarioId) -> list[DraftedChange]:
        """The scenario's changes in the order they apply."""
        rows = self._rows(
            "SELECT id, scenario_id, position, kind, payload, base, version, updated_at "
            "FROM scenario_changes WHERE scenario_id = ? ORDER BY position, id",
            [scenario_id],
        )
        return [_drafted(row) for row in rows]

    def scenario_change(self, change_id: ScenarioChangeId) -> DraftedChange:
        rows = self._rows(
            "SELECT id, scenario_id, position, kind, payload, base, version, updated_at "
            "FROM scenario_changes WHERE id = ?",
            [change_id],
        )
        if not rows:
            raise NotFoundError(f"There is no scenario change with id {change_id}.")
        return _drafted(rows[0])

    # -- drafting -------------------------------------------------------------------------------

    def add_scenario(self, name: str, note: str = "") -> Scenario:
        """A new, empty scenario; refused in words when another has the name."""
        from mopsboard.domain.scenarios import Scenario

        scenario = Scenario.model_validate({"name": name, "note": note})
        with self._write():
            self._refuse_taken(scenario.name, None)
            stamped = scenario.model_copy(update={"created_at": datetime.fromisoformat(now_text())})
            return self.scenario(self._insert("scenarios", stamped).key)

    def rename_scenario(self, scenario_id: ScenarioId, name: str) -> Scenario:
        """Gives the scenario another name (refused when another scenario has it)."""
        with self._write():
            current = self.scenario(scenario_id)
            return self.update_scenario(current.model_copy(update={"name": name}))

    def update_scenario(self, scenario: Scenario) -> Scenario:
        """Saves an edited scenario (its name, its note); ConflictError when it changed since
        it was read; refused when the name is another scenario's."""
        from mopsboard.domain.scenarios import Scenario

        checked = Scenario.model_validate(scenario.model_dump())
        with self._write():
            self._refuse_taken(checked.name, checked.key)
            return self.scenario(self._update("scenarios", checked, "scenario").key)

    def delete_scenario(self, scenario_id: ScenarioId) -> DeletedScenario:
        """Discards the scenario and its changes; returns them as they were (for undo)."""
        with self._write() as db:
            scenario = self.scenario(scenario_id)
            changes = self.changes(scenario_id)
            db.execute("DELETE FROM scenario_changes WHERE scenario_id = ?", [scenario_id])
            db.execute("DELETE FROM scenarios WHERE id = ?", [scenario_id])
            if changes:
                self._changed("scenario_changes", [c.key for c in changes], "deleted")
            self._changed("scenarios", [scenario_id], "deleted")
        return DeletedScenario(scenario, tuple(changes))

    def restore_scenario(self, deleted: DeletedScenario) -> Scenario:
        """Puts a discarded scenario back with its changes, ids, versions and bases included."""
        scenario = deleted.scenario
        with self._write() as db:
            self._refuse_taken(scenario.name, None)
            row = {
                "id": scenario.key,
                "name": scenario.name,
                "note": scenario.note,
                "created_at": _stamp(scenario.created_at),
                "version": scenario.version,
                "updated_at": _stamp(scenario.updated_at),
            }
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            db.execute(
                f"INSERT INTO scenarios ({columns}) VALUES ({marks})",  # noqa: S608
                list(row.values()),
            )
            self._changed("scenarios", [scenario.key], "inserted")
            for drafted in deleted.changes:
                self._insert_change(drafted)
        return scenario

    def add_change(self, scenario_id: ScenarioId, change: ScenarioChange) -> DraftedChange:
        """The change at the end of the scenario's order, with the rows it touches as they
        stand now in its base; NotFoundError when a row it names does not exist."""
        from mopsboard.domain.scenarios import DraftedChange, checked_change

        checked = checked_change(change)
        with self._write() as db:
            self.scenario(scenario_id)
            last = db.execute(
                "SELECT MAX(position) FROM scenario_changes WHERE scenario_id = ?", [scenario_id]
            ).fetchone()[0]
            position = 0 if last is None else int(last) + 1
            base = self._base(checked)
            drafted = DraftedChange(
                scenario_id=scenario_id, position=position, change=checked, base=base
            )
            return self._insert_change(drafted)

    def remove_change(self, change_id: ScenarioChangeId) -> DraftedChange:
        """Takes the change out of its scenario; returns it as it was (for undo)."""
        with self._write() as db:
            drafted = self.scenario_change(change_id)
            db.execute("DELETE FROM scenario_changes WHERE id = ?", [change_id])
            self._changed("scenario_changes", [change_id], "deleted")
        return drafted

    def restore_change(self, drafted: DraftedChange) -> DraftedChange:
        """Puts a removed change back at its place, with its id and base."""
        if drafted.id is None:
            raise MopsboardError("Only a change that was stored can be put back.")
        with self._write():
            self.scenario(drafted.scenario_id)
            return self._insert_change(drafted)

    # -- helpers --------------------------------------------------------------------------------

    def _refuse_taken(self, name: str, own_id: int | None) -> None:
        wanted = name.casefold()
        for row in self.db.execute("SELECT id, name FROM scenarios").fetchall():
            if row[0] != own_id and str(row[1]).casefold() == wanted:
                raise ScenarioNameTaken(
                    f"There is already a scenario named '{row[1]}'; choose another name."
                )

    def _insert_change(self, drafted: DraftedChange) -> DraftedChange:
        from mopsboard.domain.scenarios import change_payload

        restored = drafted.id is not None
        row: dict[str, Any] = {
            "scenario_id": drafted.scenario_id,
            "position": drafted.position,
            "kind": drafted.change.kind,
            "payload": json.dumps(change_payload(drafted.change), ensure_ascii=False),
            "base": drafted.base.model_dump_json(),
            "version": drafted.version if restored else 1,
            "updated_at": _stamp(drafted.updated_at if restored else None),
        }
        if restored:
            row = {"id": drafted.id, **row}
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"INSERT INTO scenario_changes ({columns}) VALUES ({marks})",  # noqa: S608
            list(row.values()),
        )
        new_id = ScenarioChangeId(inserted_id(cursor, drafted.id))
        self._changed("scenario_changes", [new_id], "inserted")
        return drafted.model_copy(
            update={
                "id": new_id,
                "version": row["version"],
                "updated_at": datetime.fromisoformat(str(row["updated_at"])),
            }
        )

    def _base(self, change: ScenarioChange) -> ChangeBase:
        """The rows `change` touches as they stand now; NotFoundError naming one that does not
        exist."""
        from mopsboard.domain.scenario_base import base_of, touched_rows

        tables = touched_rows(change)
        found: dict[str, list[Any]] = {}
        for campaign_id in tables.campaigns:
            found.setdefault("campaigns", []).append(self.campaign(campaign_id))
            ids = [
                r[0]
                for r in self.db.execute(
                    "SELECT id FROM tasks WHERE campaign_id = ? ORDER BY id", [campaign_id]
                ).fetchall()
            ]
            found.setdefault("tasks", []).extend(self.tasks_by_id(ids))
        for task_id in tables.tasks:
            found.setdefault("tasks", []).append(self.task(task_id))
        for member_id in tables.members:
            found.setdefault("members", []).append(self.member(member_id))
        for team_id in tables.teams:
            self.team(team_id)  # named, so it must exist; its edits do not conflict
        if (assignee := tables.assignee) is not None:
            self.member(assignee)
        return base_of(found.get("tasks", []), found.get("campaigns", []), found.get("members", []))


def _drafted(row: dict[str, Any]) -> DraftedChange:
    from mopsboard.domain.scenarios import ChangeBase, DraftedChange, parse_change

    payload = json.loads(row["payload"] or "{}")
    base = ChangeBase.model_validate_json(row["base"] or "{}")
    return DraftedChange(
        id=ScenarioChangeId(row["id"]),
        scenario_id=ScenarioId(row["scenario_id"]),
        position=int(row["position"]),
        change=parse_change(str(row["kind"]), payload),
        base=base,
        version=int(row["version"]),
        updated_at=row["updated_at"],
    )
