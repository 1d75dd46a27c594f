"""What a comparison of plans is made of: per team and week the planned and available hours
(`TeamWeek`: over-booked when planned is above available, to the hundredth, as the heat map
compares them; the overload is the difference), each team's weeks (`TeamLoad`), each campaign's
launch, risk and cost (`CampaignOutlook`), one plan's figures (`PlanFigures`), how a scenario
differs from the real plan (`PlanDifferences`, made by `differences`), and the whole
comparison (`Comparison`). domain/scenario_compare.py computes them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import CampaignId, ScenarioId, TeamId
from mopsboard.domain.scenario_apply import Applied, ChangeProblem


@dataclass(frozen=True, slots=True)
class TeamWeek:
    planned: float
    available: float

    @property
    def over_booked(self) -> bool:
        return round(self.planned, 2) > round(self.available, 2)

    @property
    def overload(self) -> float:
        """Planned hours beyond the available ones (0 when not over-booked)."""
        return round(self.planned - self.available, 2) if self.over_booked else 0.0


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
            if (round(was.planned, 2), round(was.available, 2), was.over_booked) != (
                round(now.planned, 2),
                round(now.available, 2),
                now.over_booked,
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
]
