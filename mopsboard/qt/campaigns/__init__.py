"""qt/campaigns."""
