"""ui/campaigns."""
