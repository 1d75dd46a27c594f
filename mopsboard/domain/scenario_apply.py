"""Applying a scenario's changes, in order, to the real plan's rows: one pure function, which the
comparison and adopting both use, so what one shows the other writes.

`apply_changes(plan, changes) -> Applied`:

- `plan` (`PlanRows`) is the part of the real plan the changes may touch, as the store reads it
  (store/scenario_inputs.py, `plan_rows`): the tasks they name, every task of a shifted
  campaign, the open tasks that follow any of those along links (and the links), which of them
  are done, every person and team, each team's working days.
- Each change sees the rows as the changes before it left them. A change whose row no longer
  exists (or that the rules refuse, such as a shift leaving the years a workspace holds) is
  reported in `Applied.problems` and changes nothing; the others still apply.
- The rules of each kind (domain/scenarios.py): a shift moves the campaign's dates and all its
  tasks' (archived ones too) by calendar days, as `shift_campaign` does, then pushes each open
  successor outside the campaign whose link the move broke (domain/link_push.py, for each moved
  open task of the campaign in turn, later ones seeing earlier pushes); a deferral moves the
  task's dates later by calendar days and pushes its successors likewise; a cut archives the
  task; a reassignment to a person gives the task their team, to a team leaves nobody assigned;
  added capacity is a new person engaged from the first to the last day; availability and time
  off are the person's.

`Applied` holds the rows as they end: the tasks, campaigns and people that differ from the real
plan, the people and time off added, and, per change, the tasks its pushes moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from mopsboard.domain.campaign_work import shifted, shifted_campaign
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import CampaignId, MemberId, TaskId, TeamId
from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_push import Push, push_successors
from mopsboard.domain.link_rules import Edge
from mopsboard.domain.models import Campaign, Member, Task, Team, TimeOff
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
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar


@dataclass(frozen=True)
class PlanRows:
    """The part of the real plan a scenario's changes may touch (see the module's summary)."""

    tasks: Mapping[TaskId, Task] = field(default_factory=dict)
    campaigns: Mapping[CampaignId, Campaign] = field(default_factory=dict)
    members: Mapping[MemberId, Member] = field(default_factory=dict)
    teams: Mapping[TeamId, Team] = field(default_factory=dict)
    # Per shifted campaign: every task it holds, archived ones included.
    campaign_tasks: Mapping[CampaignId, Sequence[TaskId]] = field(default_factory=dict)
    edges: Sequence[Edge] = ()
    done: frozenset[TaskId] = frozenset()
    # Tasks of a deleted (archived) board: they load nobody's weeks.
    on_deleted_board: frozenset[TaskId] = frozenset()
    calendars: Mapping[TeamId, WorkCalendar] = field(default_factory=dict)

    def calendar_of(self, task: Task) -> WorkCalendar:
        """The task's team's working days (weekdays only without a team)."""
        if task.team_id is None:
            return WEEKDAYS_ONLY
        return self.calendars.get(task.team_id, WEEKDAYS_ONLY)


@dataclass(frozen=True)
class ChangeProblem:
    """A change that could not apply (its row is gone, or a rule refused it), in words."""

    index: int
    text: str


@dataclass(frozen=True)
class Applied:
    """The real plan's rows as a scenario's changes leave them (only what differs)."""

    tasks: Mapping[TaskId, Task] = field(default_factory=dict)
    campaigns: Mapping[CampaignId, Campaign] = field(default_factory=dict)
    members: Mapping[MemberId, Member] = field(default_factory=dict)
    new_members: Sequence[Member] = ()
    new_time_off: Sequence[TimeOff] = ()
    problems: Sequence[ChangeProblem] = ()
    # Per change (by index): the successors its pushes moved.
    pushes: Mapping[int, Sequence[Push]] = field(default_factory=dict)

    def problem(self, index: int) -> ChangeProblem | None:
        return next((p for p in self.problems if p.index == index), None)


class _Gone(MopsboardError):
    """A row a change names is not in the plan (deleted since it was drafted)."""


class _Working:
    """The rows as the changes applied so far left them."""

    def __init__(self, plan: PlanRows) -> None:
        self.plan = plan
        self.tasks: dict[TaskId, Task] = dict(plan.tasks)
        self.campaigns: dict[CampaignId, Campaign] = dict(plan.campaigns)
        self.members: dict[MemberId, Member] = dict(plan.members)
        self.new_members: list[Member] = []
        self.new_time_off: list[TimeOff] = []
        self.pushes: dict[int, list[Push]] = {}

    def task(self, task_id: TaskId) -> Task:
        task = self.tasks.get(task_id)
        if task is None:
            raise _Gone(f"the task with id {task_id} no longer exists")
        return task

    def campaign(self, campaign_id: CampaignId) -> Campaign:
        campaign = self.campaigns.get(campaign_id)
        if campaign is None:
            raise _Gone(f"the campaign with id {campaign_id} no longer exists")
        return campaign

    def member(self, member_id: MemberId) -> Member:
        member = self.members.get(member_id)
        if member is None:
            raise _Gone(f"the person with id {member_id} is no longer on any team")
        return member

    def team(self, team_id: TeamId) -> Team:
        team = self.plan.teams.get(team_id)
        if team is None:
            raise _Gone(f"the team with id {team_id} no longer exists")
        return team

    def is_open(self, task: Task) -> bool:
        return not task.archived and task.key not in self.plan.done

    def chain_task(self, task: Task) -> ChainTask:
        return ChainTask(
            task.key, task.title, task.start_date, task.due_date, self.plan.calendar_of(task)
        )

    def push_from(self, index: int, moved: Iterable[Task], movable: Iterable[TaskId]) -> None:
        """Pushes the open tasks of `movable` that follow each of `moved` (in turn) along
        links the move broke."""
        chain: dict[int, ChainTask] = {
            key: self.chain_task(other)
            for key in movable
            if (other := self.tasks.get(key)) is not None and self.is_open(other)
        }
        # Only a moved task with a link into the chain can push anything (a campaign of
        # thousands of tasks has few such).
        leading = {e.predecessor for e in self.plan.edges if e.successor in chain}
        for task in moved:
            if task.key not in leading:
                continue
            for push in push_successors(self.chain_task(task), chain, self.plan.edges):
                self.pushes.setdefault(index, []).append(push)
                pushed = self.tasks[TaskId(push.task_id)].model_copy(
                    update={"start_date": push.start_date, "due_date": push.due_date}
                )
                self.tasks[pushed.key] = pushed
                chain[pushed.key] = self.chain_task(pushed)


def _shift(work: _Working, index: int, change: ShiftCampaign) -> None:
    campaign = work.campaign(change.campaign_id)
    moved_campaign = shifted_campaign(campaign, change.days)
    ids = list(work.plan.campaign_tasks.get(change.campaign_id, ()))
    moved = {
        task.key: task.model_copy(
            update={
                "start_date": shifted(task.start_date, change.days),
                "due_date": shifted(task.due_date, change.days),
            }
        )
        for task_id in ids
        if (task := work.tasks.get(task_id)) is not None
    }
    # All of it or none: a date that leaves the years refuses the shift before anything moves.
    work.campaigns[campaign.key] = moved_campaign
    work.tasks.update(moved)
    if change.days > 0:
        inside = set(moved)
        outside = [key for key in work.tasks if key not in inside]
        work.push_from(
            index,
            [t for key, t in sorted(moved.items()) if work.is_open(t)],
            outside,
        )


def _defer(work: _Working, index: int, change: DeferTask) -> None:
    task = work.task(change.task_id)
    later = task.model_copy(
        update={
            "start_date": shifted(task.start_date, change.days),
            "due_date": shifted(task.due_date, change.days),
        }
    )
    work.tasks[task.key] = later
    work.push_from(index, [later], [key for key in work.tasks if key != task.key])


def _reassign(work: _Working, change: ReassignTask) -> None:
    task = work.task(change.task_id)
    if change.assignee_id is not None:
        person = work.member(change.assignee_id)
        update: dict[str, object] = {"assignee_id": person.key, "team_id": person.team_id}
    else:
        team = work.team(change.team_id) if change.team_id is not None else None
        update = {"assignee_id": None, "team_id": team.key if team else None}
    work.tasks[task.key] = task.model_copy(update=update)


def _apply_one(work: _Working, index: int, change: ScenarioChange) -> None:
    if isinstance(change, ShiftCampaign):
        _shift(work, index, change)
    elif isinstance(change, DeferTask):
        _defer(work, index, change)
    elif isinstance(change, CutTask):
        task = work.task(change.task_id)
        work.tasks[task.key] = task.model_copy(update={"archived": True})
    elif isinstance(change, ReassignTask):
        _reassign(work, change)
    elif isinstance(change, AddCapacity):
        team = work.team(change.team_id)
        work.new_members.append(
            Member(
                team_id=team.key,
                name=change.name,
                weekly_hours=change.weekly_hours,
                hourly_rate=change.hourly_rate,
                active_from=change.first,
                active_until=change.last,
            )
        )
    elif isinstance(change, ChangeAvailability):
        member = work.member(change.member_id)
        work.members[member.key] = member.model_copy(update={"availability": change.availability})
    elif isinstance(change, TimeOffChange):
        member = work.member(change.member_id)
        work.new_time_off.append(
            TimeOff(
                member_id=member.key,
                start_date=change.first,
                end_date=change.last,
                reason=change.reason,
            )
        )
    else:  # pragma: no cover - the union is closed
        raise TypeError(f"not a scenario change: {change!r}")


def apply_changes(plan: PlanRows, changes: Sequence[ScenarioChange]) -> Applied:
    """The plan's rows as `changes`, applied in order, leave them (the module's rules)."""
    work = _Working(plan)
    problems: list[ChangeProblem] = []
    for index, change in enumerate(changes):
        try:
            _apply_one(work, index, change)
        except MopsboardError as refusal:
            problems.append(ChangeProblem(index, str(refusal)))
    return Applied(
        tasks={k: t for k, t in work.tasks.items() if plan.tasks.get(k) != t},
        campaigns={k: c for k, c in work.campaigns.items() if plan.campaigns.get(k) != c},
        members={k: m for k, m in work.members.items() if plan.members.get(k) != m},
        new_members=tuple(work.new_members),
        new_time_off=tuple(work.new_time_off),
        problems=tuple(problems),
        pushes={k: tuple(v) for k, v in work.pushes.items()},
    )


__all__ = ["Applied", "ChangeProblem", "PlanRows", "apply_changes"]
