"""The real plan and what-if scenarios side by side: per team and week, planned against
available hours and the overload; per campaign, its launch, whether the launch is at risk and
its cost against its budget; and how each scenario differs from the real plan.

Everything is computed once (`compare`): each plan's capacity map, its figures and its
differences are then only read, so a view switching between compared plans shows one already
made. The rules are the real ones, with only what a scenario changes laid over the real plan's
inputs, read once for every plan compared:

- capacity: the capacity map (domain/capacity.py) of the period, from the real plan's
  `CapacityInputs` with the scenario's changed tasks (as `WorkItem`s: a cut one archived),
  changed and added people and added time off put in their place, and the hours logged on a
  task it hands to someone else counted where that puts them (as the store counts a log that
  names nobody: for the task's assignee). A team's week holds its hours as the Capacity view
  shows them (planned and logged); it is over-booked when one of its people is (their hours
  above their available hours, to the hundredth, as the capacity map marks them) or when its
  Unassigned hours are more than its people have left that week; its overload is the sum of
  those excesses (domain/scenario_figures.py, `team_week`), never one person's overload hidden
  by a colleague's free hours.
- launch at risk: domain/launch_risk.py over each campaign's open linked tasks, with the
  scenario's dates, teams (their working days) and cuts; and, in a scenario, at risk too when
  it puts launch work (what the real plan has due by the launch) after the launch
  (domain/scenario_launch_work.py), which then gives the reason.
- cost: domain/campaign_work.py `campaign_costs`, the scenario's assignees and teams pricing the
  estimates and the logged hours as the store prices them (the person, else the task's team).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost, PricedHours, campaign_costs
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.capacity_inputs import CapacityInputs
from mopsboard.domain.ids import CampaignId, MemberId, ScenarioId, TaskId, TeamId
from mopsboard.domain.launch_risk import ChainTask, launch_risk
from mopsboard.domain.link_rules import Edge
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.remaining_work import ActualHours
from mopsboard.domain.scenario_apply import Applied, PlanRows
from mopsboard.domain.scenario_figures import (
    CampaignDifference,
    CampaignOutlook,
    CellDifference,
    Comparison,
    PlanDifferences,
    PlanFigures,
    TeamLoad,
    TeamWeek,
    differences,
    team_week,
)
from mopsboard.domain.scenario_launch_work import launch_work_after_launch
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar
from mopsboard.domain.workload import RowKey, RowKind, WorkItem


@dataclass(frozen=True, slots=True)
class ChainRow:
    """An open, linked task of a campaign, as launch at risk reads it."""

    id: TaskId
    title: str
    campaign_id: CampaignId
    start_date: date | None
    due_date: date | None
    team_id: TeamId | None


@dataclass(frozen=True, slots=True)
class CostRow:
    """A campaign task's estimate (not archived), as the cost rule prices it."""

    task_id: TaskId
    campaign_id: CampaignId
    hours: float
    assignee_id: MemberId | None
    team_id: TeamId | None


@dataclass(frozen=True, slots=True)
class LoggedRow:
    """Hours logged on a campaign's task (not archived) by one person (`member_id`; None:
    nobody named, so they count for the task's assignee), with the task's assignee and team."""

    task_id: TaskId
    campaign_id: CampaignId
    member_id: MemberId | None
    hours: float
    assignee_id: MemberId | None
    team_id: TeamId | None


@dataclass(frozen=True, slots=True)
class PeriodLog:
    """Hours logged in the period on one task by one person (`member_id`; None: nobody named,
    so they count for the task's assignee) on one day."""

    task_id: TaskId
    member_id: MemberId | None
    day: date
    hours: float
    title: str


@dataclass(frozen=True)
class ComparisonInputs:
    """The real plan as every compared plan starts from it, read once (store/scenario_inputs.py,
    `comparison_inputs`)."""

    period: Period
    capacity: CapacityInputs
    campaigns: Sequence[Campaign]
    chains: Sequence[ChainRow] = ()
    links: Sequence[Edge] = ()
    costs: Sequence[CostRow] = ()
    logged: Sequence[LoggedRow] = ()
    calendars: Mapping[TeamId, WorkCalendar] = field(default_factory=dict)
    period_logs: Sequence[PeriodLog] = ()

    @property
    def today(self) -> date:
        return self.capacity.today or date.today()


@dataclass(frozen=True)
class ScenarioPlan:
    """A scenario to compare: its name, id, the rows its changes touch and those applied."""

    name: str
    scenario_id: ScenarioId
    plan: PlanRows
    applied: Applied


# -- laying a scenario over the real plan -------------------------------------------------------


# Ids for people a scenario adds, on its map only: no stored row has a negative id.
def _draft_members(added: Sequence[Member]) -> list[Member]:
    return [m.model_copy(update={"id": -(n + 1)}) for n, m in enumerate(added)]


def _work_item(task: Task, plan: PlanRows) -> WorkItem:
    item = WorkItem.of(task, done=task.key in plan.done)
    return item._replace(archived=True) if task.key in plan.on_deleted_board else item


def scenario_capacity(
    inputs: CapacityInputs, scenario: ScenarioPlan, period_logs: Sequence[PeriodLog] = ()
) -> CapacityInputs:
    """The real plan's capacity inputs with the scenario's changes in their place: its tasks,
    people and time off, and the hours logged in the period on a task it hands to someone else
    in the row of whoever the log names, else of the task's new assignee (and team)."""
    applied, plan = scenario.applied, scenario.plan
    changed = applied.tasks
    tasks = [item for item in inputs.tasks if item.id not in changed]
    tasks += [_work_item(task, plan) for task in changed.values()]
    members = [applied.members.get(m.key, m) for m in inputs.members]
    members += _draft_members(applied.new_members)
    actual = [entry for entry in inputs.actual if entry.task_id not in changed]
    for log in period_logs:
        task = changed.get(log.task_id)
        if task is not None:
            who = log.member_id if log.member_id is not None else task.assignee_id
            actual.append(
                ActualHours(who, task.team_id, log.day, log.hours, log.task_id, log.title)
            )
    return CapacityInputs(
        inputs.teams,
        members,
        [*inputs.time_off, *applied.new_time_off],
        tasks,
        inputs.today,
        inputs.logged,
        actual,
    )


def _team_loads(capacity: CapacityMap) -> tuple[TeamLoad, ...]:
    weeks = range(capacity.period.weeks)
    people: dict[TeamId, list[MemberId]] = {}
    for member_id, member in capacity.members.items():
        people.setdefault(member.team_id, []).append(MemberId(member_id))
    planned, actual, available = capacity.planned, capacity.actual, capacity.available
    no_hours = [0.0] * capacity.period.weeks

    def hours(key: RowKey) -> list[float]:
        logged = actual.get(key, no_hours)
        return [p + a for p, a in zip(planned[key], logged, strict=True)]

    loads = []
    for row in capacity.rows:
        if row.kind is not RowKind.TOTAL:
            continue
        team = row.team.key
        keys: list[RowKey] = [(team, m) for m in people.get(team, [])]
        own = [(hours(key), available.get(key, no_hours)) for key in keys]
        unassigned = hours((team, None))
        loads.append(
            TeamLoad(
                team,
                row.team.name,
                tuple(team_week([(h[w], a[w]) for h, a in own], unassigned[w]) for w in weeks),
            )
        )
    return tuple(loads)


def _chains(
    inputs: ComparisonInputs, changed: Mapping[TaskId, Task]
) -> dict[CampaignId, tuple[list[ChainTask], list[Edge]]]:
    rows: dict[int, ChainRow] = {}
    for row in inputs.chains:
        task = changed.get(row.id)
        if task is None:
            rows[row.id] = row
        elif not task.archived:
            rows[row.id] = ChainRow(
                row.id, row.title, row.campaign_id, task.start_date, task.due_date, task.team_id
            )
    chains: dict[CampaignId, tuple[list[ChainTask], list[Edge]]] = {}
    for edge in inputs.links:
        before, after = rows.get(edge.predecessor), rows.get(edge.successor)
        if before is None or after is None or before.campaign_id != after.campaign_id:
            continue
        chains.setdefault(before.campaign_id, ([], []))[1].append(edge)
    for linked, edges in chains.values():
        ends = {e.predecessor for e in edges} | {e.successor for e in edges}
        for key in sorted(ends):
            row = rows[key]
            calendar = (
                WEEKDAYS_ONLY
                if row.team_id is None
                else inputs.calendars.get(row.team_id, WEEKDAYS_ONLY)
            )
            linked.append(ChainTask(row.id, row.title, row.start_date, row.due_date, calendar))
    return chains


def _costs(
    inputs: ComparisonInputs,
    changed: Mapping[TaskId, Task],
    members: Mapping[int, Member],
    teams: Mapping[int, Team],
    only: set[CampaignId | None] | None = None,
) -> dict[int, CampaignCost]:
    def priced(
        campaign_id: int, hours: float, person_id: int | None, team_id: int | None
    ) -> PricedHours:
        person = members.get(person_id) if person_id is not None else None
        team = teams.get(person.team_id if person is not None else team_id or 0)
        return (
            campaign_id,
            hours,
            person.hourly_rate if person else None,
            team.hourly_rate if team else None,
        )

    planned = []
    for row in inputs.costs:
        if only is not None and row.campaign_id not in only:
            continue
        task = changed.get(row.task_id)
        if task is None:
            planned.append(priced(row.campaign_id, row.hours, row.assignee_id, row.team_id))
        elif not task.archived and task.estimate_hours is not None:
            planned.append(priced(row.campaign_id, row.hours, task.assignee_id, task.team_id))
    logged = []
    for log in inputs.logged:
        if only is not None and log.campaign_id not in only:
            continue
        task = changed.get(log.task_id)
        if task is not None and task.archived:
            continue
        owner, team = (
            (log.assignee_id, log.team_id)
            if task is None
            else (
                task.assignee_id,
                task.team_id,
            )
        )
        who = log.member_id if log.member_id is not None else owner
        logged.append(priced(log.campaign_id, log.hours, who, team))
    return campaign_costs(planned, logged)


def _outlooks(
    inputs: ComparisonInputs,
    campaigns: Iterable[Campaign],
    changed: Mapping[TaskId, Task],
    members: Mapping[int, Member],
    teams: Mapping[int, Team],
    real: Mapping[int, CampaignCost] | None = None,
    late_work: Mapping[CampaignId, str] | None = None,
) -> tuple[CampaignOutlook, ...]:
    """Each campaign's launch, risk and cost; given the real plan's costs, only the campaigns
    whose tasks changed are priced again (a scenario changes no rate a task is priced at but
    through its tasks: the people it adds have none). `late_work`: per campaign whose launch
    work a scenario puts after the launch, why (domain/scenario_launch_work.py)."""
    chains = _chains(inputs, changed)
    if real is None:
        costs = _costs(inputs, changed, members, teams)
    else:
        touched = {task.campaign_id for task in changed.values()}
        costs = {k: v for k, v in real.items() if k not in touched}
        costs |= _costs(inputs, changed, members, teams, touched)
    today = inputs.today
    found = []
    for campaign in campaigns:
        tasks, edges = chains.get(campaign.key, ([], []))
        risk = launch_risk(campaign.launch_date, tasks, edges, today)
        reason = (late_work or {}).get(campaign.key) or (risk.reason if risk else None)
        found.append(
            CampaignOutlook(
                campaign.key,
                campaign.name,
                campaign.launch_date,
                reason,
                costs.get(campaign.key, CampaignCost()),
                campaign.budget,
            )
        )
    return tuple(found)


def real_figures(inputs: ComparisonInputs, name: str = "Real plan") -> PlanFigures:
    capacity = inputs.capacity.compute(inputs.period)
    members: dict[int, Member] = {m.key: m for m in inputs.capacity.members}
    teams: dict[int, Team] = {t.key: t for t in inputs.capacity.teams}
    return PlanFigures(
        name,
        None,
        capacity,
        _team_loads(capacity),
        _outlooks(inputs, inputs.campaigns, {}, members, teams),
    )


def scenario_figures(
    inputs: ComparisonInputs, scenario: ScenarioPlan, real: PlanFigures | None = None
) -> PlanFigures:
    """A scenario's figures; given the real plan's, its costs are reused where nothing of a
    campaign changed."""
    laid = scenario_capacity(inputs.capacity, scenario, inputs.period_logs)
    capacity = laid.compute(inputs.period)
    applied = scenario.applied
    members: dict[int, Member] = {m.key: m for m in laid.members}
    teams: dict[int, Team] = {t.key: t for t in laid.teams}
    campaigns = [applied.campaigns.get(c.key, c) for c in inputs.campaigns]
    plan = scenario.plan
    late_work = launch_work_after_launch(
        plan.tasks,
        applied.tasks.values(),
        plan.campaigns,
        applied.campaigns,
        plan.done | plan.on_deleted_board,
        inputs.today,
    )
    return PlanFigures(
        scenario.name,
        scenario.scenario_id,
        capacity,
        _team_loads(capacity),
        _outlooks(
            inputs,
            campaigns,
            applied.tasks,
            members,
            teams,
            None if real is None else {c.campaign_id: c.cost for c in real.campaigns},
            late_work,
        ),
        tuple(applied.problems),
        applied,
    )


def compare(inputs: ComparisonInputs, scenarios: Sequence[ScenarioPlan]) -> Comparison:
    """The real plan and each scenario over `inputs.period`, each computed once."""
    real = real_figures(inputs)
    plans = [real] + [scenario_figures(inputs, s, real) for s in scenarios]
    weeks = inputs.period.weeks
    return Comparison(
        inputs.period,
        tuple(plans),
        tuple(differences(real, plan, weeks) for plan in plans[1:]),
    )


__all__ = [
    "CampaignDifference",
    "CampaignOutlook",
    "CellDifference",
    "ChainRow",
    "Comparison",
    "ComparisonInputs",
    "CostRow",
    "LoggedRow",
    "PeriodLog",
    "PlanDifferences",
    "PlanFigures",
    "ScenarioPlan",
    "TeamLoad",
    "TeamWeek",
    "compare",
    "differences",
    "real_figures",
    "scenario_capacity",
    "scenario_figures",
]
