"""What a comparison of plans is made of: per team and week its hours, planned and logged, as
the Capacity view shows them, and its available hours (`TeamWeek`: over-booked when one of its
people is, or its Unassigned hours are more than its people have left, to the hundredth as the
heat map compares them; the overload is the sum of those excesses, `team_week`), each team's
weeks (`TeamLoad`), each campaign's launch, risk and cost (`CampaignOutlook`), one plan's
figures (`PlanFigures`), how a scenario differs from the real plan (`PlanDifferences`, made by
`differences`), and the whole comparison (`Comparison`). domain/scenario_compare.py computes
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import CampaignId, ScenarioId, TeamId
from mopsboard.domain.scenario_apply import Applied, ChangeProblem


@dataclass(frozen=True, slots=True)
class TeamWeek:
    """A team's week: its hours as the Capacity view shows them (planned and logged), its
    available hours, and the hours its people are over-booked by (`team_week`)."""

    hours: float
    available: float
    overload: float = 0.0
    people_over: int = 0  # members whose week is over-booked

    @property
    def planned(self) -> float:
        """The week's hours (planned and logged): the name the heat map's callers read."""
        return self.hours

    @property
    def over_booked(self) -> bool:
        return self.overload > 0


def over_by(hours: float, available: float) -> float:
    """Hours beyond the available ones, compared as shown (to the hundredth); 0 when none."""
    hours, available = round(hours, 2), round(available, 2)
    return round(hours - available, 2) if hours > available else 0.0


def team_week(
    people: Iterable[tuple[float, float]], unassigned: float, available: float | None = None
) -> TeamWeek:
    """A team's week from each member's (hours, available hours) and its Unassigned hours: each
    member over-booked by their hours beyond their own available ones (as the capacity map marks
    a person's cell), the Unassigned hours over-booked by what is beyond the hours the members
    have left that week; the team's overload is their sum."""
    hours, free, overload, people_over = unassigned, 0.0, 0.0, 0
    total_available = 0.0
    for own, own_available in people:
        hours += own
        total_available += own_available
        over = over_by(own, own_available)
        if over:
            overload += over
            people_over += 1
        else:
            free += max(own_available - own, 0.0)
    overload += over_by(unassigned, free)
    return TeamWeek(
        hours,
        total_available if available is None else available,
        round(overload, 2),
        people_over,
    )


@dataclass(frozen=True)
class TeamLoad:
    team_id: TeamId
    name: str
    weeks: tuple[TeamWeek, ...]

    @property
    def overload(self) -> float:
        return round(sum(week.overload for week in self.weeks), 2)

    @property
    def over_booked_weeks(self) -> int:
        return sum(1 for week in self.weeks if week.over_booked)


@dataclass(frozen=True)
class CampaignOutlook:
    campaign_id: CampaignId
    name: str
    launch_date: date | None
    risk: str | None  # why the launch is at risk; None: it is not
    cost: CampaignCost
    budget: float | None

    @property
    def at_risk(self) -> bool:
        return self.risk is not None

    @property
    def over_budget(self) -> bool:
        return self.cost.over_budget(self.budget)


@dataclass(frozen=True)
class PlanFigures:
    """One compared plan: the real one (`scenario_id` None) or a scenario."""

    name: str
    scenario_id: ScenarioId | None
    capacity: CapacityMap
    teams: tuple[TeamLoad, ...]
    campaigns: tuple[CampaignOutlook, ...]
    problems: tuple[ChangeProblem, ...] = ()
    applied: Applied | None = None

    def team(self, team_id: TeamId) -> TeamLoad | None:
        return next((t for t in self.teams if t.team_id == team_id), None)

    def campaign(self, campaign_id: CampaignId) -> CampaignOutlook | None:
        return next((c for c in self.campaigns if c.campaign_id == campaign_id), None)

    @property
    def overload(self) -> float:
        return round(sum(team.overload for team in self.teams), 2)

    @property
    def launches_at_risk(self) -> tuple[CampaignOutlook, ...]:
        return tuple(c for c in self.campaigns if c.at_risk)


@dataclass(frozen=True)
class CellDifference:
    team_id: TeamId
    week: int
    real: TeamWeek
    scenario: TeamWeek


@dataclass(frozen=True)
class CampaignDifference:
    campaign_id: CampaignId
    name: str
    real: CampaignOutlook
    scenario: CampaignOutlook

    @property
    def launch_moved(self) -> bool:
        return self.real.launch_date != self.scenario.launch_date

    @property
    def risk_changed(self) -> bool:
        return self.real.at_risk != self.scenario.at_risk

    @property
    def cost_delta(self) -> float:
        return round(self.scenario.cost.planned_cost - self.real.cost.planned_cost, 2)


@dataclass(frozen=True)
class PlanDifferences:
    """How a scenario differs from the real plan: overload per team (scenario minus real), the
    team-week cells whose hours or over-booking differ, the campaigns whose launch, risk or cost
    differ."""

    overload_by_team: Mapping[TeamId, float]
    cells: tuple[CellDifference, ...]
    campaigns: tuple[CampaignDifference, ...]

    def cell(self, team_id: TeamId, week: int) -> CellDifference | None:
        return next((c for c in self.cells if (c.team_id, c.week) == (team_id, week)), None)


@dataclass(frozen=True)
class Comparison:
    """The real plan (`plans[0]`) and the scenarios, each computed once."""

    period: Period
    plans: tuple[PlanFigures, ...]
    differences: tuple[PlanDifferences, ...]  # per scenario: differences[i] is plans[i + 1]'s

    @property
    def real(self) -> PlanFigures:
        return self.plans[0]

    @property
    def scenarios(self) -> tuple[PlanFigures, ...]:
        return self.plans[1:]

    def differences_of(self, plan: PlanFigures) -> PlanDifferences | None:
        """A scenario's differences from the real plan (None for the real plan)."""
        index = self.plans.index(plan)
        return self.differences[index - 1] if index else None


def differences(real: PlanFigures, scenario: PlanFigures, weeks: int) -> PlanDifferences:
    none = tuple(TeamWeek(0.0, 0.0) for _ in range(weeks))
    team_ids = [t.team_id for t in real.teams]
    team_ids += [t.team_id for t in scenario.teams if t.team_id not in team_ids]
    overload: dict[TeamId, float] = {}
    cells: list[CellDifference] = []
    for team_id in team_ids:
        before, after = real.team(team_id), scenario.team(team_id)
        old = before.weeks if before else none
        new = after.weeks if after else none
        overload[team_id] = round(
            (after.overload if after else 0.0) - (before.overload if before else 0.0), 2
        )
        for week, (was, now) in enumerate(zip(old, new, strict=True)):
            if (round(was.hours, 2), round(was.available, 2), was.overload) != (
                round(now.hours, 2),
                round(now.available, 2),
                now.overload,
            ):
                cells.append(CellDifference(team_id, week, was, now))
    campaigns = []
    for outlook in scenario.campaigns:
        was_outlook = real.campaign(outlook.campaign_id)
        if was_outlook is None:
            continue
        if (was_outlook.launch_date, was_outlook.risk, was_outlook.cost) != (
            outlook.launch_date,
            outlook.risk,
            outlook.cost,
        ):
            campaigns.append(
                CampaignDifference(outlook.campaign_id, outlook.name, was_outlook, outlook)
            )
    return PlanDifferences(overload, tuple(cells), tuple(campaigns))


__all__ = [
    "CampaignDifference",
    "CampaignOutlook",
    "CellDifference",
    "Comparison",
    "PlanDifferences",
    "PlanFigures",
    "TeamLoad",
    "TeamWeek",
    "differences",
    "over_by",
    "team_week",
]
