"""ui/capacity."""
