"""qt/personas."""
