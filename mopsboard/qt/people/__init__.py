"""qt/people."""
