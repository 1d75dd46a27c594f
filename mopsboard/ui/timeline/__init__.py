"""ui/timeline."""
