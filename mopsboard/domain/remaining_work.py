"""The capacity rule once hours are logged: what is left of a task is planned from today on, and
the days before today hold what was actually logged on them.

- What is left of a task is its estimate minus the hours logged on it, never below zero.
- It is spread evenly over the assignee's available days from today (or the task's start date,
  if later; its due date when it has none) to its due date, inclusive. When that span holds no
  available day, all of it lands on the due date.
- An overdue task (due before today) has what is left land today, so it shows as load.
- A day's actual hours are the hours logged on it; days before today hold no planned hours.

So a counted task's planned hours plus its logged hours are the larger of its estimate and its
logged hours. Days are proleptic ordinals (`date.toordinal()`) and availability is asked of a
`Calendar`, as the capacity map counts them; the map (domain/capacity.py) applies the same rule
to all its tasks in one pass, and tests hold it to these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from mopsboard.domain.calendar import Calendar, Shares
from mopsboard.domain.ids import MemberId, TaskId, TeamId
from mopsboard.domain.models import Member, Team
from mopsboard.domain.workload import Contribution, RowKey

# (day ordinal, hours): one time log as these rules read it.
Logged = tuple[int, float]


def remaining_hours(estimate: float, logged: float) -> float:
    """What is left of an estimate after `logged` hours: never below zero."""
    return max(0.0, estimate - logged)


def remaining_span(start: int | None, due: int, today: int) -> tuple[int, int]:
    """The first and last day what is left of a task is spread over: from today, or the start
    date if later (the due date when there is none, or when the start is after it), to the due
    date; today alone for an overdue task."""
    if due < today:
        return (today, today)
    first = due if start is None or start > due else start
    return (max(first, today), due)


def planned_by_day(calendar: Calendar, hours: float, span: tuple[int, int]) -> dict[int, float]:
    """`hours` spread evenly over the available days of `span`; all on its last day when it
    holds none. (Walks the span day by day: for one task, as a drill-down lists it.)"""
    first, last = span
    calendar.widen(first, last)  # time off and holidays count inside the window only
    days = [day for day in range(first, last + 1) if calendar.is_available(day)]
    if not days:
        return {last: hours} if hours else {}
    share = hours / len(days)
    return dict.fromkeys(days, share) if hours else {}


def planned_by_week(
    calendar: Calendar, hours: float, span: tuple[int, int], first: int, last: int
) -> tuple[tuple[int, float], ...]:
    """(week index, hours) of what is left in the weeks of a period [first, last] (ordinals,
    from a Monday), as `Calendar.shares` places a span: what the capacity map adds up."""
    calendar.widen(span[0], span[1])
    shares: Shares = calendar.shares(span[0], span[1], first, last)
    return tuple(
        (week, hours * inside / days if days else hours) for week, inside, days in shares if hours
    )


def actual_by_day(logs: Iterable[Logged]) -> dict[int, float]:
    """The hours logged on each day."""
    found: dict[int, float] = {}
    for day, hours in logs:
        found[day] = found.get(day, 0.0) + hours
    return found


def actual_by_week(logs: Iterable[Logged], first: int, weeks: int) -> list[float]:
    """The hours logged in each week of a period starting on the Monday `first` (ordinal)."""
    found = [0.0] * weeks
    for day, hours in logs:
        week, offset = divmod(day - first, 7)
        if 0 <= week < weeks and offset >= 0:
            found[week] += hours
    return found


class ActualHours(NamedTuple):
    """Hours logged on one day for one person (None: nobody, on a task with no assignee), with
    the team of the task they were logged on."""

    member_id: MemberId | None
    team_id: TeamId | None
    day: date
    hours: float
    # The task they were logged on (what a cell's drill-down lists), when known.
    task_id: TaskId | None = None
    title: str = ""


def actual_row_key(
    entry: ActualHours, members: Mapping[MemberId, Member], teams: Mapping[TeamId, Team]
) -> RowKey | None:
    """The row of a map a log's hours land in (None: a row the map does not show)."""
    if entry.member_id is not None:
        member = members.get(entry.member_id)
        return None if member is None else (member.team_id, entry.member_id)
    if entry.team_id is not None and entry.team_id in teams:
        return (entry.team_id, None)
    return None


def actual_rows(
    logged: Iterable[ActualHours],
    members: Mapping[MemberId, Member],
    teams: Mapping[TeamId, Team],
    first: int,
    weeks: int,
) -> dict[RowKey, list[float]]:
    """The actual hours of each row of a map per week of a period starting on the Monday
    `first` (ordinal): a person's row holds what they logged; a team's Unassigned row what was
    logged naming nobody on its tasks without an assignee. Logs of people or teams the map does
    not show are left out."""
    days: dict[RowKey, list[tuple[int, float]]] = {}
    for entry in logged:
        key = actual_row_key(entry, members, teams)
        if key is not None:
            days.setdefault(key, []).append((entry.day.toordinal(), entry.hours))
    return {key: actual_by_week(found, first, weeks) for key, found in days.items()}


def actual_member(logged_by: MemberId | None, assignee_id: MemberId | None) -> MemberId | None:
    """Whose actual hours a log is: the person it names, or the task's assignee when it names
    nobody (None: the Unassigned row of the task's team)."""
    return logged_by if logged_by is not None else assignee_id


@dataclass(frozen=True, slots=True)
class TaskDays:
    """One counted task under the rule: planned hours per day (from today on) and the hours
    actually logged per day."""

    planned: dict[int, float]
    actual: dict[int, float]

    @property
    def planned_hours(self) -> float:
        return sum(self.planned.values())

    @property
    def logged_hours(self) -> float:
        return sum(self.actual.values())


def plan_task(
    calendar: Calendar,
    estimate: float,
    start: int | None,
    due: int,
    logs: Iterable[Logged],
    today: int,
) -> TaskDays:
    """A counted task's days: what is left of `estimate` after its `logs`, spread from today (or
    its start) to its due date over `calendar`'s available days, and the logged hours."""
    actual = actual_by_day(logs)
    left = remaining_hours(estimate, sum(actual.values()))
    planned = planned_by_day(calendar, left, remaining_span(start, due, today))
    return TaskDays(planned, actual)


def logged_tasks(
    logged: Iterable[ActualHours],
    members: Mapping[MemberId, Member],
    teams: Mapping[TeamId, Team],
    days: tuple[int, int],
    row: RowKey | TeamId,
) -> list[Contribution]:
    """The tasks hours were logged on from day `days[0]` to `days[1]` (ordinals) in one row of
    a map (or every row of a team, given its id), with those hours, most first."""
    hours: dict[tuple[RowKey, TaskId], float] = {}
    titles: dict[TaskId, str] = {}
    for entry in logged:
        if entry.task_id is None or not days[0] <= entry.day.toordinal() <= days[1]:
            continue
        key = actual_row_key(entry, members, teams)
        if key is None or (key[0] != row if isinstance(row, int) else key != row):
            continue
        hours[(key, entry.task_id)] = hours.get((key, entry.task_id), 0.0) + entry.hours
        titles[entry.task_id] = entry.title
    found = [
        Contribution(task_id, titles[task_id], value, None, None, key, logged=True)
        for (key, task_id), value in hours.items()
    ]
    found.sort(key=lambda c: (-c.hours, c.title.casefold(), c.task_id))
    return found
