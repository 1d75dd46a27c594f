"""An approval of a campaign's brief and the baseline it takes: the plan as it stood when approved.

A baseline holds the campaign's dates and budget; each of its tasks that was not archived, with
its estimate, dates, owner and team (their names as they were, so renaming or deleting them
later changes nothing here), done or not, and its planned cost; the hours per team and week;
the planned cost and the estimated hours in all. It is taken once and never changed: the store
keeps it as JSON in the approval's row.

The rules it takes them by are the ones the rest of the app uses:
- hours per team and week are the capacity rule's (domain/capacity_inputs.compute_capacity with
  no today, so every task counts from its start): each estimate spread over its assignee's
  available days, or over the weekdays of its team's Unassigned row, restricted to the
  campaign's tasks. Done tasks count too: the baseline is the whole plan approved, so a task
  finished later does not read as a change. A task with no estimate or no due date is in the
  baseline but in no week;
- a task's planned cost is its estimate at the assignee's hourly rate, else their team's (an
  agency's), as domain/campaign_work.campaign_costs prices it; hours at no known rate are counted
  apart (`unpriced_hours`), never as free.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from mopsboard.domain.calendar import MAX_WEEKS, Period, week_start
from mopsboard.domain.campaign_work import hourly_rate
from mopsboard.domain.fields import clean_text
from mopsboard.domain.ids import ApprovalId, CampaignId, MemberId, TaskId, TeamId
from mopsboard.domain.models import Campaign, Member, Task, Team, TimeOff

# The roles most briefs are approved by; any other name may be given too.
COMMON_ROLES: tuple[str, ...] = ("Product", "Legal/compliance", "Requester", "Marketing lead")
MAX_ROLE = 100
MAX_ROLES = 20
MAX_NOTE = 2000


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class BaselineTask(_Frozen):
    id: TaskId
    title: str
    estimate_hours: float | None = None
    start_date: date | None = None
    due_date: date | None = None
    assignee_id: MemberId | None = None
    assignee: str = ""
    team_id: TeamId | None = None
    team: str = ""
    done: bool = False
    planned_cost: float | None = None


class TeamWeekHours(_Frozen):
    team_id: TeamId
    team: str
    week: date  # its Monday
    hours: float


class Baseline(_Frozen):
    campaign_id: CampaignId
    name: str
    start_date: date | None = None
    launch_date: date | None = None
    end_date: date | None = None
    budget: float | None = None
    tasks: tuple[BaselineTask, ...] = ()
    team_weeks: tuple[TeamWeekHours, ...] = ()
    planned_cost: float = 0.0
    unpriced_hours: float = 0.0
    total_hours: float = 0.0

    def hours_by_team(self) -> dict[TeamId | None, float]:
        """Estimated hours per team id (None: tasks of no team)."""
        totals: dict[TeamId | None, float] = {}
        for task in self.tasks:
            if task.estimate_hours is not None:
                totals[task.team_id] = totals.get(task.team_id, 0.0) + task.estimate_hours
        return {team: round(hours, 2) for team, hours in totals.items()}

    def team_names(self) -> dict[TeamId, str]:
        return {t.team_id: t.team for t in self.tasks if t.team_id is not None}


def _role(name: str) -> str:
    cleaned = " ".join(clean_text(name).split())
    if len(cleaned) > MAX_ROLE:
        raise ValueError(f"a role's name has at most {MAX_ROLE} characters")
    return cleaned


def _roles(names: tuple[str, ...]) -> tuple[str, ...]:
    # Blank names (an empty "other" field) are no roles; the same role twice counts once.
    unique: dict[str, str] = {}
    for role in map(_role, names):
        if role:
            unique.setdefault(role.casefold(), role)
    if not unique:
        raise ValueError("name at least one role that approved the brief")
    if len(unique) > MAX_ROLES:
        raise ValueError(f"at most {MAX_ROLES} roles approve one brief")
    return tuple(unique.values())


class Approval(_Frozen):
    """Who approved a campaign's brief (named roles), when (UTC), a note, who recorded it (the
    workspace's user name or the server role), and the baseline taken then."""

    id: ApprovalId | None = None
    campaign_id: CampaignId
    approved_at: datetime
    approved_by: Annotated[tuple[str, ...], AfterValidator(_roles)]
    note: Annotated[str, AfterValidator(clean_text), Field(max_length=MAX_NOTE)] = ""
    author: str | None = None
    baseline: Baseline

    @field_validator("approved_at")
    @classmethod
    def _in_utc(cls, at: datetime) -> datetime:
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)

    @property
    def key(self) -> ApprovalId:
        if self.id is None:
            raise ValueError("this approval has not been stored yet")
        return self.id


def take_baseline(
    campaign: Campaign,
    tasks: Iterable[Task],
    members: Iterable[Member],
    teams: Iterable[Team],
    time_off: Iterable[TimeOff] = (),
    done_task_ids: Iterable[int] = (),
) -> Baseline:
    """The campaign's plan as it is now: `tasks` are its tasks (archived ones are left out)."""
    people = {m.key: m for m in members}
    team_list = list(teams)
    by_team = {t.key: t for t in team_list}
    done = set(done_task_ids)
    taken: list[BaselineTask] = []
    cost = unpriced = hours = 0.0
    live = [t for t in tasks if not t.archived]
    for task in live:
        person = people.get(task.assignee_id) if task.assignee_id is not None else None
        team_id = person.team_id if person is not None else task.team_id
        team = by_team.get(team_id) if team_id is not None else None
        rate = hourly_rate(
            person.hourly_rate if person else None, team.hourly_rate if team else None
        )
        price = None
        if task.estimate_hours is not None:
            hours += task.estimate_hours
            if rate is None:
                unpriced += task.estimate_hours
            else:
                price = round(task.estimate_hours * rate, 2)
                cost += task.estimate_hours * rate
        taken.append(
            BaselineTask(
                id=task.key,
                title=task.title,
                estimate_hours=task.estimate_hours,
                start_date=task.start_date,
                due_date=task.due_date,
                assignee_id=task.assignee_id,
                assignee=person.name if person else "",
                team_id=team_id,
                team=team.name if team else "",
                done=task.key in done,
                planned_cost=price,
            )
        )
    return Baseline(
        campaign_id=campaign.key,
        name=campaign.name,
        start_date=campaign.start_date,
        launch_date=campaign.launch_date,
        end_date=campaign.end_date,
        budget=campaign.budget,
        tasks=tuple(taken),
        team_weeks=team_week_hours(live, people.values(), team_list, time_off),
        planned_cost=round(cost, 2),
        unpriced_hours=round(unpriced, 2),
        total_hours=round(hours, 2),
    )


def _periods(first: date, last: date) -> list[Period]:
    # A campaign longer than a map's longest period is spread over several maps.
    periods = []
    start = week_start(first)
    while start <= last:
        weeks = min(MAX_WEEKS, (last - start).days // 7 + 1)
        periods.append(Period(start, weeks))
        start += timedelta(days=7 * weeks)
    return periods


def team_week_hours(
    tasks: Sequence[Task],
    members: Iterable[Member],
    teams: Iterable[Team],
    time_off: Iterable[TimeOff] = (),
) -> tuple[TeamWeekHours, ...]:
    """Hours of these tasks per team and week, as the capacity map spreads them."""
    # Loaded when a baseline is taken, not by every reader of approvals.
    from mopsboard.domain.capacity_inputs import compute_capacity
    from mopsboard.domain.workload import EPSILON, WorkItem

    items = [WorkItem.of(t) for t in tasks if t.due_date is not None and t.estimate_hours]
    if not items:
        return ()
    days = [d for item in items for d in (item.start_date, item.due_date) if d is not None]
    people, team_list, off = list(members), list(teams), list(time_off)
    found: list[TeamWeekHours] = []
    spans = [(item.start_date or item.due_date, item.due_date) for item in items]
    for period in _periods(min(days), max(days)):
        if not any(
            first <= period.last and last >= period.first for first, last in spans if first and last
        ):
            continue  # years between a plan's tasks (a mistyped date) cost nothing
        capacity = compute_capacity(period, team_list, people, off, items, today=None)
        for team_id, team in capacity.teams.items():
            if team_id is None:
                continue
            for week, monday in enumerate(period.starts):
                planned = capacity.team_cell(TeamId(team_id), week).planned
                if planned > EPSILON:
                    found.append(
                        TeamWeekHours(
                            team_id=TeamId(team_id),
                            team=team.name,
                            week=monday,
                            hours=round(planned, 2),
                        )
                    )
    found.sort(key=lambda cell: (cell.team.casefold(), cell.team_id, cell.week))
    return tuple(found)
