"""What-if scenarios: the undoable actions over the store's scenarios (scenario_actions.py) and
the item models the scenarios page shows."""
