"""What-if scenarios in the workspace (`ScenarioStore`, mixed into the Workspace).

- Drafting (store/scenario_drafts.py): scenarios by id and by name, add, rename, discard and
  restore; a scenario's changes, adding one (its base recorded), removing and restoring one.
- Comparing (store/scenario_inputs.py): the rows a scenario's changes touch, the real plan's
  inputs read once, the real plan and scenarios side by side.
- Adopting (store/scenario_adopt.py): the changes written for real in one unit of work after a
  check that nothing they touch moved (or a decision per change), the scenario deleted with
  them; undo and redo of an adoption as one step each.
"""

from __future__ import annotations

from mopsboard.store.scenario_adopt import (
    Adoption,
    ChangeConflict,
    Decision,
    ScenarioAdoption,
    ScenarioConflicts,
)
from mopsboard.store.scenario_drafts import DeletedScenario, ScenarioNameTaken

__all__ = [
    "Adoption",
    "ChangeConflict",
    "Decision",
    "DeletedScenario",
    "ScenarioConflicts",
    "ScenarioNameTaken",
    "ScenarioStore",
]


class ScenarioStore(ScenarioAdoption):
    """Every scenario operation of a workspace."""
