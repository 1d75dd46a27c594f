"""ui/board."""
