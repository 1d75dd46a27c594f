"""What the campaign views show about a campaign's work: its figures, and its tasks as bars."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.filtering import is_overdue
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.models import Campaign

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


@dataclass(frozen=True)
class CampaignFigures:
    """A campaign's tasks in numbers (archived tasks do not count)."""

    tasks: int = 0
    open: int = 0
    overdue: int = 0
    hours_done: float = 0.0
    hours_total: float = 0.0

    @property
    def progress(self) -> float | None:
        """Estimated hours done / estimated hours in all; None when nothing is estimated."""
        if self.hours_total <= 0:
            return None
        return min(1.0, self.hours_done / self.hours_total)


class TaskBar(NamedTuple):
    """A task as the timeline draws it (a tuple: a timeline may hold 50,000 of them)."""

    id: TaskId
    campaign_id: CampaignId
    title: str
    start: date | None
    due: date | None
    done: bool
    estimate_hours: float | None

    def overdue(self, today: date) -> bool:
        return is_overdue(self.due, done=self.done, today=today)

    @property
    def first(self) -> date | None:
        return self.start or self.due

    @property
    def last(self) -> date | None:
        return self.due or self.start


def shifted(day: date | None, days: int) -> date | None:
    """`day` moved by `days` calendar days; refuses to leave the years a workspace holds."""
    if day is None:
        return None
    try:
        moved = day + timedelta(days=days)
    except OverflowError:
        moved = LAST_DAY + timedelta(days=1)
    if not FIRST_DAY <= moved <= LAST_DAY:
        raise MopsboardError(
            f"Moving {day.isoformat()} by {days} days leaves the years 1900 to 2999; "
            "nothing was moved."
        )
    return moved


def shifted_campaign(campaign: Campaign, days: int) -> Campaign:
    return campaign.model_copy(
        update={
            "start_date": shifted(campaign.start_date, days),
            "launch_date": shifted(campaign.launch_date, days),
            "end_date": shifted(campaign.end_date, days),
        }
    )


def campaign_span(
    campaign: Campaign, bars: list[TaskBar] | None = None
) -> tuple[date, date] | None:
    """The days a campaign's bar covers: start to end, else whichever dates it has, widened to
    its tasks when given; None when nothing is dated."""
    days = [d for d in (campaign.start_date, campaign.launch_date, campaign.end_date) if d]
    for bar in bars or ():
        days += [d for d in (bar.start, bar.due) if d]
    if not days:
        return None
    return min(days), max(days)


# -- cost --------------------------------------------------------------------------------------

# (campaign id, hours, the person's hourly rate, their team's): one task's estimate or one time
# log, as the cost rule reads it. The person is the task's assignee (for a log, whoever it
# names, else the assignee); the team is theirs, or the task's when nobody is.
PricedHours = tuple[int, float, float | None, float | None]


def hourly_rate(person_rate: float | None, team_rate: float | None) -> float | None:
    """What an hour costs: the person's rate, else their team's (an agency's), else not known."""
    return person_rate if person_rate is not None else team_rate


@dataclass(frozen=True)
class CampaignCost:
    """A campaign's cost (archived tasks do not count): planned is estimated hours x rate,
    actual is logged hours x rate; hours at no known rate are counted apart, never as free."""

    logged_hours: float = 0.0
    planned_cost: float = 0.0
    actual_cost: float = 0.0
    unpriced_planned_hours: float = 0.0
    unpriced_logged_hours: float = 0.0

    def over_budget(self, budget: float | None) -> bool:
        """The planned cost is above the budget (compared to the cent, as shown)."""
        return budget is not None and round(self.planned_cost, 2) > round(budget, 2)


def campaign_costs(
    planned: Iterable[PricedHours], logged: Iterable[PricedHours]
) -> dict[int, CampaignCost]:
    """Per campaign id: its cost, from its tasks' estimates and the hours logged on them."""
    totals: dict[int, list[float]] = {}
    for campaign_id, hours, person_rate, team_rate in planned:
        figures = totals.setdefault(campaign_id, [0.0] * 5)
        rate = hourly_rate(person_rate, team_rate)
        if rate is None:
            figures[3] += hours
        else:
            figures[1] += hours * rate
    for campaign_id, hours, person_rate, team_rate in logged:
        figures = totals.setdefault(campaign_id, [0.0] * 5)
        figures[0] += hours
        rate = hourly_rate(person_rate, team_rate)
        if rate is None:
            figures[4] += hours
        else:
            figures[2] += hours * rate
    return {
        campaign_id: CampaignCost(*(round(value, 2) for value in figures))
        for campaign_id, figures in totals.items()
    }
