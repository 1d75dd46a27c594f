"""The colours item models hand to views through their colour roles (load levels, campaign
statuses, overdue and archived rows), in a light and a dark set, and which set is in use.

They are here, not in `ui/common/theme.py`, because `qt/` cannot import `ui/`; the theme names
every other colour and reuses these where it means the same thing. Colours that are user data (a
campaign's, a persona's, a team's) live in the file and the domain models, not here.

One set is in use per process, as the application has one palette: `ui/common/colour_scheme.py`
switches it (and the theme follows, since the theme reads `current()`). Paper (the capacity PDF)
is always light: it uses `LIGHT`, never `current()`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelColours:
    """background and text per load level: readable at a glance, and distinct from each other
    in both sets (tests/ui/common/test_colour_contrast.py measures them)."""

    dark: bool
    overdue: str
    archived: str
    load_empty_bg: str
    load_empty_fg: str
    load_under_bg: str
    load_under_fg: str
    load_full_bg: str
    load_full_fg: str
    load_over_bg: str
    load_over_fg: str
    load_no_capacity_bg: str
    load_no_capacity_fg: str
    # Campaign statuses, as text colours.
    status_planned: str
    status_active: str
    status_launched: str
    status_done: str
    status_cancelled: str

    def load(self, level: str) -> tuple[str, str]:
        """The background and text colour of a capacity cell at `level` (a domain LoadLevel,
        which is a string: named by value so that the colours load without the domain's
        models)."""
        return {
            "empty": (self.load_empty_bg, self.load_empty_fg),
            "under": (self.load_under_bg, self.load_under_fg),
            "full": (self.load_full_bg, self.load_full_fg),
            "over": (self.load_over_bg, self.load_over_fg),
            "no capacity": (self.load_no_capacity_bg, self.load_no_capacity_fg),
        }[level]

    def status(self, status: str) -> str:
        """The text colour of a campaign's `status` (a domain CampaignStatus, by value)."""
        return {
            "planned": self.status_planned,
            "active": self.status_active,
            "launched": self.status_launched,
            "done": self.status_done,
            "cancelled": self.status_cancelled,
        }[status]


LIGHT = ModelColours(
    dark=False,
    overdue="#dc2626",
    archived="#9ca3af",
    load_empty_bg="#f9fafb",
    load_empty_fg="#9ca3af",
    load_under_bg="#dcfce7",
    load_under_fg="#166534",
    load_full_bg="#fef3c7",
    load_full_fg="#92400e",
    load_over_bg="#fecaca",
    load_over_fg="#991b1b",
    load_no_capacity_bg="#e9d5ff",
    load_no_capacity_fg="#6b21a8",
    status_planned="#6b7280",
    status_active="#2563eb",
    status_launched="#7c3aed",
    status_done="#059669",
    status_cancelled="#9ca3af",
)

# Dark tiles are deep tints of the light ones' hues with light figures on them: the hue still
# tells the level apart, and the figures stay the brightest thing in the cell.
DARK = ModelColours(
    dark=True,
    overdue="#f87171",
    archived="#7b8494",
    load_empty_bg="#1f2226",
    load_empty_fg="#7b8494",
    load_under_bg="#12372a",
    load_under_fg="#86efac",
    load_full_bg="#42330b",
    load_full_fg="#fcd34d",
    load_over_bg="#5a1e24",
    load_over_fg="#fecaca",
    load_no_capacity_bg="#3b2458",
    load_no_capacity_fg="#e9d5ff",
    status_planned="#9ca3af",
    status_active="#60a5fa",
    status_launched="#a78bfa",
    status_done="#34d399",
    status_cancelled="#7b8494",
)

_in_use = LIGHT


def current() -> ModelColours:
    """The set the app shows now."""
    return _in_use


def use(colours: ModelColours) -> None:
    """Switches the process to `colours` (the colour scheme does, with the theme's)."""
    global _in_use
    _in_use = colours


# The light set by their former names, for the models that read them at import (and for paper).
OVERDUE = LIGHT.overdue
ARCHIVED = LIGHT.archived
LOAD_EMPTY_BG, LOAD_EMPTY_FG = LIGHT.load_empty_bg, LIGHT.load_empty_fg
LOAD_UNDER_BG, LOAD_UNDER_FG = LIGHT.load_under_bg, LIGHT.load_under_fg
LOAD_FULL_BG, LOAD_FULL_FG = LIGHT.load_full_bg, LIGHT.load_full_fg
LOAD_OVER_BG, LOAD_OVER_FG = LIGHT.load_over_bg, LIGHT.load_over_fg
LOAD_NO_CAPACITY_BG, LOAD_NO_CAPACITY_FG = LIGHT.load_no_capacity_bg, LIGHT.load_no_capacity_fg
STATUS_PLANNED = LIGHT.status_planned
STATUS_ACTIVE = LIGHT.status_active
STATUS_LAUNCHED = LIGHT.status_launched
STATUS_DONE = LIGHT.status_done
STATUS_CANCELLED = LIGHT.status_cancelled
