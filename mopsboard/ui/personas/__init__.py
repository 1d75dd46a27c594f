"""ui/personas."""
