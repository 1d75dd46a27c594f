"""Actions on what-if scenarios (new, rename, discard, add a change, remove one, adopt): each one
transaction and one undo step on the window's history. A refusal (a taken name, a row a change
names that is gone, a conflict when adopting) is reported through `history.failed` and gives
None, as every action's is.

Made by the view that uses them, over the window's history: `ScenarioActions(actions)`.

Adopting asks first: `adoption_conflicts(scenario_id)` lists the changes whose rows moved since
they were drafted (each with its words); the page asks the user per change and passes the
answers as `decisions` ({change id: "apply" or "skip"}). Undo of an adoption puts every row
back and brings the scenario back with its changes; redo adopts it again as it was first made.
Both ask, as every undo does, when someone changed those rows meanwhile.
"""

from __future__ import annotations

from collections.abc import Mapping

from mopsboard.domain.ids import ScenarioChangeId, ScenarioId
from mopsboard.domain.scenario_words import change_text
from mopsboard.domain.scenarios import DraftedChange, Scenario, ScenarioChange
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Checked, Table
from mopsboard.store.scenarios import (
    Adoption,
    ChangeConflict,
    Decision,
    DeletedScenario,
    ScenarioConflicts,
)


class ScenarioActions(EntityActions):
    @property
    def _scenarios(self) -> Table[Scenario]:
        ws = self.workspace
        return Table.one(ws, "scenarios", ws.scenario, ws.update_scenario)

    # -- reading (for the page; no undo step) ---------------------------------------------------

    def scenarios(self) -> list[Scenario]:
        return self.workspace.scenarios()

    def changes(self, scenario_id: ScenarioId) -> list[DraftedChange]:
        return self.workspace.changes(scenario_id)

    def change_words(self, changes: list[DraftedChange]) -> list[str]:
        """Each change in words ("Shift 'Spring' 14 days later"), in the order given."""
        names = self.workspace.change_names([c.change for c in changes])
        return [change_text(c.change, names) for c in changes]

    def adoption_conflicts(self, scenario_id: ScenarioId) -> list[ChangeConflict] | None:
        """The changes whose rows moved since they were drafted (empty: adopting needs no
        question); None when the scenario cannot be read (`failed` says why)."""
        return self._attempt(lambda: self.workspace.adoption_conflicts(scenario_id))

    # -- the scenario itself --------------------------------------------------------------------

    def new_scenario(self, name: str, note: str = "") -> Scenario | None:
        ws = self.workspace
        made = self._attempt(lambda: ws.add_scenario(name, note))
        if made is None:
            return None
        empty = DeletedScenario(made, ())
        self._push(
            f"New scenario '{made.name}'",
            lambda: ws.restore_scenario(empty),
            lambda: ws.delete_scenario(made.key),
        )
        return made

    def rename_scenario(self, scenario_id: ScenarioId, name: str) -> Scenario | None:
        done = self._attempt(lambda: self._scenarios.set_one(scenario_id, {"name": name}))
        if done is None:
            return None
        before, after = done
        if before.name != after.name:
            self._push_fields(
                f"Rename scenario '{before.name}' to '{after.name}'",
                self._scenarios,
                ["name"],
                [before],
                [after],
            )
        return after

    def discard_scenario(self, scenario_id: ScenarioId) -> bool:
        ws = self.workspace
        deleted = self._attempt(lambda: ws.delete_scenario(scenario_id))
        if deleted is None:
            return False
        self._push(
            f"Discard scenario '{deleted.scenario.name}'",
            lambda: ws.delete_scenario(scenario_id),
            lambda: ws.restore_scenario(deleted),
        )
        return True

    # -- its changes ----------------------------------------------------------------------------

    def add_change(self, scenario_id: ScenarioId, change: ScenarioChange) -> DraftedChange | None:
        ws = self.workspace
        added = self._attempt(lambda: ws.add_change(scenario_id, change))
        if added is None:
            return None
        scenario = ws.scenario(scenario_id).name
        (words,) = self.change_words([added])
        self._push(
            f"{words} in '{scenario}'",
            lambda: ws.restore_change(added),
            lambda: ws.remove_change(added.key),
        )
        return added

    def remove_change(self, change_id: ScenarioChangeId) -> bool:
        ws = self.workspace
        removed = self._attempt(lambda: ws.remove_change(change_id))
        if removed is None:
            return False
        scenario = ws.scenario(removed.scenario_id).name
        (words,) = self.change_words([removed])
        words = words[0].lower() + words[1:]
        self._push(
            f"Take '{words}' out of '{scenario}'",
            lambda: ws.remove_change(change_id),
            lambda: ws.restore_change(removed),
        )
        return True

    # -- adopting -------------------------------------------------------------------------------

    def adopt(
        self,
        scenario_id: ScenarioId,
        decisions: Mapping[ScenarioChangeId, Decision] | None = None,
        *,
        conflicts_to_caller: bool = False,
    ) -> Adoption | None:
        """Adopts the scenario (one transaction, one undo step); None when refused. With
        `conflicts_to_caller`, ScenarioConflicts is raised for the page to ask about."""
        ws = self.workspace

        def write() -> Adoption:
            try:
                return ws.adopt(scenario_id, decisions)
            except ScenarioConflicts as conflicts:
                if conflicts_to_caller:
                    raise _Raised(conflicts) from conflicts
                raise

        try:
            adoption = self._attempt(write)
        except _Raised as raised:
            raise raised.conflicts from None
        if adoption is None:
            return None
        self._push(
            f"Adopt scenario '{adoption.name}'",
            Checked(
                lambda: ws.redo_adoption(adoption, check=True),
                lambda: ws.redo_adoption(adoption, check=False),
            ),
            Checked(
                lambda: ws.undo_adoption(adoption, check=True),
                lambda: ws.undo_adoption(adoption, check=False),
            ),
        )
        return adoption


class _Raised(Exception):
    """Carries a conflict past the one place refusals are caught, to a caller that asks."""

    def __init__(self, conflicts: ScenarioConflicts) -> None:
        super().__init__(str(conflicts))
        self.conflicts = conflicts
