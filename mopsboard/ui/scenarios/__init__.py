"""ui/scenarios."""
