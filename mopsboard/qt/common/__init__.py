"""qt/common."""
