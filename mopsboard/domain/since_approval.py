"""What changed in a campaign since its brief was approved: the latest baseline against the plan
as it is now (a baseline of it taken the same way, domain/baselines.take_baseline).

- `launch_shift_days`: signed working days from the baseline's launch to the current one: the
  working days after the earlier date up to and including the later one (Monday to Friday,
  minus the public holidays of the campaign's audience country when it has one;
  domain/workdays.py), negative when the launch came forward. None when either has no launch.
- `tasks_added`: tasks in the campaign now that were not in the baseline; `tasks_removed`:
  tasks of the baseline that are not in it now (deleted, archived, or taken out of the
  campaign). Each with its id, title and estimated hours (now for an added task, at approval
  for a removed one).
- `hours_delta`: estimated hours now minus at approval (every task's estimate, done or not).
- `hours_by_team_delta`: per team, estimated hours now minus at approval, keyed by the team's
  name (as it is now; a team deleted since by its name then; "No team" for tasks of none).
  Teams are matched by id, so renaming a team moves no hours; a task handed from one team to
  another shows as minus its hours on the first and plus on the second. Teams with no change
  are left out.
- `cost_delta`: planned cost now minus at approval (estimates at the person's rate, else the
  team's; domain/campaign_work.py), so a rate changed since moves it too. `rates_changed`:
  a task in both whose estimate, assignee and team are as approved is priced differently now,
  so a rate changed since: the cost moved with no change of the plan's to list.
- `changes`: the campaign's log since the approval, with when and by whom: its fields edited,
  its dates shifted, tasks added to it or taken out, deleted, archived or restored, approvals,
  and the edits of its tasks (and of the baseline's), oldest first; only those whose effect is
  still there. An entry of a row that is now as the baseline holds it is left out: a task whose
  title, estimate, dates, assignee, team and done are as approved (or that is in neither, added
  and deleted since), the campaign's name, dates and budget as approved. An entry naming a
  field the baseline does not hold (a brief, a description) cannot be seen to be undone, and
  stays. Of those listed, an entry that reverses an earlier one (the same fields back to their
  values before, a task restored after its delete: an undo, or the same change made by hand)
  says which it takes back ("Takes back the change of 14:02: …"), and one that makes a
  taken-back change again says so ("Made again: …", a redo).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel, ConfigDict

from mopsboard.domain.baselines import Approval, Baseline, BaselineTask
from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry
from mopsboard.domain.ids import CampaignId, TaskId, TeamId
from mopsboard.domain.scheduling import MAX_SPAN
from mopsboard.domain.workdays import WorkCalendar

NO_TEAM = "No team"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class TaskHours(_Frozen):
    id: TaskId
    title: str
    hours: float


class TeamHours(_Frozen):
    team_id: TeamId | None
    team: str
    before: float
    now: float

    @property
    def delta(self) -> float:
        return round(self.now - self.before, 2)


class SinceApproval(_Frozen):
    campaign_id: CampaignId
    approval: Approval
    launch_before: date | None
    launch_now: date | None
    launch_shift_days: int | None
    tasks_added: tuple[TaskHours, ...]
    tasks_removed: tuple[TaskHours, ...]
    hours_before: float
    hours_now: float
    teams: tuple[TeamHours, ...]
    cost_before: float
    cost_now: float
    budget: float | None
    changes: tuple[ChangeEntry, ...]
    rates_changed: bool = False

    @property
    def hours_delta(self) -> float:
        return round(self.hours_now - self.hours_before, 2)

    @property
    def cost_delta(self) -> float:
        return round(self.cost_now - self.cost_before, 2)

    @property
    def hours_by_team_delta(self) -> dict[str, float]:
        return {t.team: t.delta for t in self.teams if t.delta != 0}

    def as_json(self) -> dict[str, Any]:
        """The figures the CLI prints (`mopsboard since-approval --json`)."""
        approval = self.approval
        return {
            "campaign_id": self.campaign_id,
            "campaign": approval.baseline.name,
            "approved_at": approval.approved_at.isoformat(),
            "approved_by": list(approval.approved_by),
            "note": approval.note,
            "launch_before": _day(self.launch_before),
            "launch_now": _day(self.launch_now),
            "launch_shift_days": self.launch_shift_days,
            "tasks_added": [t.model_dump(mode="json") for t in self.tasks_added],
            "tasks_removed": [t.model_dump(mode="json") for t in self.tasks_removed],
            "hours_before": self.hours_before,
            "hours_now": self.hours_now,
            "hours_delta": self.hours_delta,
            "hours_by_team_delta": self.hours_by_team_delta,
            "cost_before": self.cost_before,
            "cost_now": self.cost_now,
            "cost_delta": self.cost_delta,
            "rates_changed": self.rates_changed,
            "changes": [
                {
                    "at": c.at.isoformat(),
                    "author": c.author,
                    "kind": c.kind.value,
                    "task_id": c.task_id,
                    "what": c.text,
                }
                for c in self.changes
            ],
        }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def working_days_moved(before: date, after: date, country: str | None = None) -> int:
    """Signed working days from `before` to `after` (see the module's rule)."""
    first, last = sorted((before, after))
    sign = 1 if after >= before else -1
    if (last - first).days > 2 * MAX_SPAN:
        # Decades apart (a mistyped year): weekdays are counted, holidays are not looked up.
        return sign * _weekdays_after(first, last)
    calendar = WorkCalendar([country] if country else [])
    return sign * calendar.working_days_in(first + timedelta(days=1), last)


def _weekdays_after(first: date, last: date) -> int:
    """Mondays to Fridays after `first` up to and including `last`."""
    days = (last - first).days
    weeks, rest = divmod(days, 7)
    start = first.weekday()  # 0 Monday
    extra = sum(1 for n in range(1, rest + 1) if (start + n) % 7 < 5)
    return weeks * 5 + extra


def since_approval(
    approval: Approval,
    now: Baseline,
    *,
    audience_country: str | None = None,
    changes: Iterable[ChangeEntry] = (),
) -> SinceApproval:
    """`approval`'s baseline against `now` (the campaign's plan taken as a baseline today)."""
    then = approval.baseline
    before_ids = {t.id for t in then.tasks}
    now_ids = {t.id for t in now.tasks}
    added = tuple(
        TaskHours(id=t.id, title=t.title, hours=t.estimate_hours or 0.0)
        for t in now.tasks
        if t.id not in before_ids
    )
    removed = tuple(
        TaskHours(id=t.id, title=t.title, hours=t.estimate_hours or 0.0)
        for t in then.tasks
        if t.id not in now_ids
    )
    shift = None
    if then.launch_date and now.launch_date:
        shift = working_days_moved(then.launch_date, now.launch_date, audience_country)
    return SinceApproval(
        campaign_id=then.campaign_id,
        approval=approval,
        launch_before=then.launch_date,
        launch_now=now.launch_date,
        launch_shift_days=shift,
        tasks_added=added,
        tasks_removed=removed,
        hours_before=then.total_hours,
        hours_now=now.total_hours,
        teams=_team_hours(then, now),
        cost_before=then.planned_cost,
        cost_now=now.planned_cost,
        budget=now.budget,
        rates_changed=_rates_changed(then, now),
        changes=_in_effect(
            sorted((c for c in changes if c.at > approval.approved_at), key=lambda c: c.at),
            then,
            now,
        ),
    )


# What a baseline holds of a task and of the campaign: a change to these can be seen undone.
_TASK_FIELDS = frozenset(
    {"title", "estimate_hours", "start_date", "due_date", "assignee_id", "team_id", "campaign_id"}
)
_CAMPAIGN_FIELDS = frozenset({"name", "start_date", "launch_date", "end_date", "budget"})
_K = CampaignEditKind
# Each kind of entry, and the kinds that reverse it.
_OPPOSITES: dict[CampaignEditKind, frozenset[CampaignEditKind]] = {
    _K.TASK_DELETED: frozenset({_K.TASK_RESTORED}),
    _K.TASK_ARCHIVED: frozenset({_K.TASK_RESTORED}),
    _K.TASK_RESTORED: frozenset({_K.TASK_DELETED, _K.TASK_ARCHIVED}),
    _K.TASK_REMOVED: frozenset({_K.TASK_ADDED}),
    _K.TASK_ADDED: frozenset({_K.TASK_REMOVED, _K.TASK_DELETED}),
}


def _task_state(task: BaselineTask) -> tuple[object, ...]:
    return (
        task.title,
        task.estimate_hours,
        task.start_date,
        task.due_date,
        task.assignee_id,
        task.team_id,
        task.done,
    )


def _still_there(entry: ChangeEntry, then: Baseline, now: Baseline) -> bool:
    """Whether the row `entry` changed differs now from the baseline (see the module's rule)."""
    if entry.kind is _K.APPROVED:
        return True
    if entry.task_id is None:
        fields = set(entry.fields)
        if not fields or not fields <= _CAMPAIGN_FIELDS:
            return True
        return any(getattr(then, f) != getattr(now, f) for f in fields)
    if entry.kind is _K.TASK_EDITED and not set(entry.fields) <= _TASK_FIELDS:
        return True
    before = next((t for t in then.tasks if t.id == entry.task_id), None)
    after = next((t for t in now.tasks if t.id == entry.task_id), None)
    if before is None or after is None:
        return before is not after  # in neither: added and gone again since
    return _task_state(before) != _task_state(after)


def _reverses(later: ChangeEntry, earlier: ChangeEntry) -> bool:
    if later.task_id != earlier.task_id:
        return False
    if later.kind in _OPPOSITES.get(earlier.kind, frozenset()):
        return later.task_id is not None  # an entry of no task names no row to match
    if later.kind is not earlier.kind or not earlier.values or later.fields != earlier.fields:
        return False
    return later.values == {f: (new, old) for f, (old, new) in earlier.values.items()}


def _same(one: ChangeEntry, other: ChangeEntry) -> bool:
    return (one.kind, one.task_id, one.fields, one.values) == (
        other.kind,
        other.task_id,
        other.fields,
        other.values,
    )


def _marked(entries: Sequence[ChangeEntry]) -> list[ChangeEntry]:
    """The entries, each that reverses an earlier one or makes a taken-back one again marked."""
    standing: list[ChangeEntry] = []  # changes not taken back (yet)
    taken_back: list[ChangeEntry] = []
    marked: list[ChangeEntry] = []
    for entry in entries:
        reversed_one = next((e for e in reversed(standing) if _reverses(entry, e)), None)
        if reversed_one is not None:
            standing.remove(reversed_one)
            taken_back.append(reversed_one)
            marked.append(entry.model_copy(update={"takes_back": reversed_one.at}))
            continue
        again = next((e for e in reversed(taken_back) if _same(entry, e)), None)
        if again is not None:
            taken_back.remove(again)
            entry = entry.model_copy(update={"made_again": True})
        standing.append(entry)
        marked.append(entry)
    return marked


def _in_effect(
    entries: Sequence[ChangeEntry], then: Baseline, now: Baseline
) -> tuple[ChangeEntry, ...]:
    return tuple(e for e in _marked(entries) if _still_there(e, then, now))


def _rates_changed(then: Baseline, now: Baseline) -> bool:
    before = {t.id: t for t in then.tasks}
    for task in now.tasks:
        was = before.get(task.id)
        same_work = was is not None and (was.estimate_hours, was.assignee_id, was.team_id) == (
            task.estimate_hours,
            task.assignee_id,
            task.team_id,
        )
        if same_work and was is not None and was.planned_cost != task.planned_cost:
            return True
    return False


def _team_hours(then: Baseline, now: Baseline) -> tuple[TeamHours, ...]:
    before, after = then.hours_by_team(), now.hours_by_team()
    names = then.team_names() | now.team_names()
    rows = [
        TeamHours(
            team_id=team_id,
            team=names.get(team_id, NO_TEAM) if team_id is not None else NO_TEAM,
            before=before.get(team_id, 0.0),
            now=after.get(team_id, 0.0),
        )
        for team_id in dict.fromkeys([*before, *after])
    ]
    return tuple(sorted(rows, key=lambda r: (r.team_id is None, r.team.casefold())))
