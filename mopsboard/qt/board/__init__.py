"""qt/board."""
