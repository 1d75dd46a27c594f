"""A scenario's changes in words, as lists, conflicts and the command line name them:
"Shift 'Spring launch' 14 days later", "Cut 'Webinar'", "Hand 'Landing page' to Brightline".

`Names` holds the names of the rows changes refer to (the store's `change_names(changes)`
reads them); a row no longer there is named by its id.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ScenarioChange,
    ShiftCampaign,
    TimeOffChange,
)


@dataclass(frozen=True)
class Names:
    tasks: Mapping[int, str] = field(default_factory=dict)
    campaigns: Mapping[int, str] = field(default_factory=dict)
    members: Mapping[int, str] = field(default_factory=dict)
    teams: Mapping[int, str] = field(default_factory=dict)

    def task(self, task_id: int) -> str:
        title = self.tasks.get(task_id)
        return f"'{title}'" if title is not None else f"task {task_id} (deleted)"

    def campaign(self, campaign_id: int) -> str:
        name = self.campaigns.get(campaign_id)
        return f"'{name}'" if name is not None else f"campaign {campaign_id} (deleted)"

    def member(self, member_id: int) -> str:
        return self.members.get(member_id) or f"person {member_id} (removed)"

    def team(self, team_id: int) -> str:
        return self.teams.get(team_id) or f"team {team_id} (deleted)"


def _days(days: int) -> str:
    return "1 day" if abs(days) == 1 else f"{abs(days)} days"


def change_text(change: ScenarioChange, names: Names) -> str:
    """One change in words, starting with its verb."""
    if isinstance(change, ShiftCampaign):
        way = "later" if change.days > 0 else "earlier"
        return f"Shift {names.campaign(change.campaign_id)} {_days(change.days)} {way}"
    if isinstance(change, CutTask):
        return f"Cut {names.task(change.task_id)}"
    if isinstance(change, DeferTask):
        return f"Defer {names.task(change.task_id)} {_days(change.days)}"
    if isinstance(change, ReassignTask):
        if change.assignee_id is not None:
            to = names.member(change.assignee_id)
        else:
            to = names.team(change.team_id or 0)
        return f"Hand {names.task(change.task_id)} to {to}"
    if isinstance(change, AddCapacity):
        return (
            f"Add {change.name} to {names.team(change.team_id)}, {change.weekly_hours:g} h a "
            f"week from {change.first.isoformat()} to {change.last.isoformat()}"
        )
    if isinstance(change, ChangeAvailability):
        return (
            f"Make {names.member(change.member_id)} {round(change.availability * 100):d}% available"
        )
    if isinstance(change, TimeOffChange):
        return (
            f"Give {names.member(change.member_id)} time off from {change.first.isoformat()} "
            f"to {change.last.isoformat()}"
        )
    raise TypeError(f"not a scenario change: {change!r}")  # pragma: no cover


__all__ = ["Names", "change_text"]
