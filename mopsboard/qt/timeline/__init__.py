"""qt/timeline."""
