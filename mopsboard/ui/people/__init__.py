"""ui/people."""
