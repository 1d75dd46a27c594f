"""What-if scenarios in the workspace (`ScenarioStore`, mixed into the Workspace).

- Drafting (store/scenario_drafts.py): scenarios by id and by name, add, rename, discard and
  restore; a scenario's changes, adding one (its base recorded), removing and restoring one.
- Comparing (store/scenario_inputs.py): the rows a scenario's changes touch, the real plan's
  inputs read once, the real plan and scenarios side by side.
"""

from __future__ import annotations

from mopsboard.store.scenario_drafts import DeletedScenario, ScenarioNameTaken
from mopsboard.store.scenario_inputs import ScenarioInputs

__all__ = ["DeletedScenario", "ScenarioNameTaken", "ScenarioStore"]


class ScenarioStore(ScenarioInputs):
    """Every scenario operation of a workspace."""
