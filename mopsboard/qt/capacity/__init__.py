"""qt/capacity."""
