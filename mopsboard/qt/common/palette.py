"""The colours item models hand to views through their colour roles (load levels, campaign
statuses, overdue and archived rows). They are here, not in `ui/common/theme.py`, because `qt/`
cannot import `ui/`; the theme names every other colour and reuses these where it means the same
thing. Colours that are user data (a campaign's, a persona's, a team's) live in the file and the
domain models, not here."""

from __future__ import annotations

OVERDUE = "#dc2626"
ARCHIVED = "#9ca3af"

# Capacity load levels, background and text: readable at a glance and in print.
LOAD_EMPTY_BG, LOAD_EMPTY_FG = "#f9fafb", ARCHIVED
LOAD_UNDER_BG, LOAD_UNDER_FG = "#dcfce7", "#166534"
LOAD_FULL_BG, LOAD_FULL_FG = "#fef3c7", "#92400e"
LOAD_OVER_BG, LOAD_OVER_FG = "#fecaca", "#991b1b"
LOAD_NO_CAPACITY_BG, LOAD_NO_CAPACITY_FG = "#e9d5ff", "#6b21a8"

# Campaign statuses, as text colours.
STATUS_PLANNED = "#6b7280"
STATUS_ACTIVE = "#2563eb"
STATUS_LAUNCHED = "#7c3aed"
STATUS_DONE = "#059669"
STATUS_CANCELLED = ARCHIVED
