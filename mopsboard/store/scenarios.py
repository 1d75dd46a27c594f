"""What-if scenarios in the workspace (`ScenarioStore`, mixed into the Workspace).

- Drafting (store/scenario_drafts.py): scenarios by id and by name, add, rename, discard and
  restore; a scenario's changes, adding one (its base recorded), removing and restoring one.
"""

from __future__ import annotations

from mopsboard.store.scenario_drafts import DeletedScenario, ScenarioDrafts, ScenarioNameTaken

__all__ = ["DeletedScenario", "ScenarioNameTaken", "ScenarioStore"]


class ScenarioStore(ScenarioDrafts):
    """Every scenario operation of a workspace."""
