"""Launch at risk: whether a campaign's chain of linked open tasks can still finish by its launch.

The rule, as the README states it (section Dependencies):

- Only the campaign's open tasks count (not archived, not in a stage of kind done), and only the
  links with both ends among them. A campaign without a launch date, with a launch date before
  today, or without such a link is never at risk.
- Walking forward from today in link order, each such task's earliest start is the latest of:
  today (rolled forward to a working day); for each finish-to-start link with lag L, the day
  `1 + L` working days after the predecessor's earliest finish; for each start-to-start link
  with lag L, the day L working days after the predecessor's earliest start. Its earliest finish
  is `duration - 1` working days after its earliest start, where its duration is the working
  days from its start date to its due date, both included (at least one; a missing date counts
  as the other, both missing: one). Days are counted on the calendar of the task's team
  (weekdays only when it has none), as domain/workdays.py counts them.
- A linked task due on or before the launch is late by the working days of its own calendar
  after the launch up to its earliest finish. The campaign is at risk when one is late; the
  reason names the latest (the lowest id among equals), the link that set its earliest start,
  and the chain of such links back to the task that starts on its own.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.link_schedule import duration_in_working_days
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar


@dataclass(frozen=True)
class ChainTask:
    """An open task of a campaign as the rule sees it."""

    id: int
    title: str
    start_date: date | None = None
    due_date: date | None = None
    calendar: WorkCalendar = WEEKDAYS_ONLY

    @property
    def duration(self) -> int:
        return duration_in_working_days(self.start_date, self.due_date, self.calendar)


@dataclass(frozen=True)
class LaunchRisk:
    task_id: int
    working_days_late: int
    earliest_finish: date
    reason: str


@dataclass(frozen=True)
class Earliest:
    start: date
    finish: date
    # The link that pushed the start past today, None when the task starts today.
    set_by: Edge | None


def first_working_day(day: date, calendar: WorkCalendar) -> date:
    """`day` itself when it is a working day, else the next working day after it."""
    if calendar.is_working_day(day):
        return day
    return calendar.add_working_days(day, 1)


def _start_allowed_by(edge: Edge, predecessor: Earliest, calendar: WorkCalendar) -> date:
    if edge.kind is LinkKind.FINISH_TO_START:
        return calendar.add_working_days(predecessor.finish, 1 + edge.lag_days)
    return calendar.add_working_days(predecessor.start, edge.lag_days)


def earliest_dates(
    tasks: Mapping[int, ChainTask], edges: Iterable[Edge], today: date
) -> dict[int, Earliest]:
    """Earliest start and finish of every task in `tasks`, along the edges between them."""
    incoming: dict[int, list[Edge]] = {key: [] for key in tasks}
    for edge in edges:
        if edge.predecessor in tasks and edge.successor in tasks:
            incoming[edge.successor].append(edge)
    sorter = graphlib.TopologicalSorter(
        {key: {e.predecessor for e in into} for key, into in incoming.items()}
    )
    found: dict[int, Earliest] = {}
    for key in sorter.static_order():
        task = tasks[key]
        calendar = task.calendar
        start = first_working_day(today, calendar)
        set_by: Edge | None = None
        for edge in incoming[key]:
            allowed = _start_allowed_by(edge, found[edge.predecessor], calendar)
            if allowed > start:
                start, set_by = allowed, edge
        finish = calendar.add_working_days(start, task.duration - 1)
        found[key] = Earliest(start, finish, set_by)
    return found


def launch_risk(
    launch: date | None, tasks: Iterable[ChainTask], edges: Iterable[Edge], today: date
) -> LaunchRisk | None:
    """Why the campaign launching on `launch` is at risk, or None when it is not (the module's
    rule). `tasks` are its open tasks; edges reaching other tasks are left out."""
    if launch is None or launch < today:
        return None
    by_id = {task.id: task for task in tasks}
    counted = sorted(
        (e for e in edges if e.predecessor in by_id and e.successor in by_id),
        key=lambda e: (e.successor, e.predecessor),
    )
    if not counted:
        return None
    linked = {e.predecessor for e in counted} | {e.successor for e in counted}
    earliest = earliest_dates({key: by_id[key] for key in linked}, counted, today)
    worst: tuple[int, int] | None = None
    for key in sorted(linked):
        task = by_id[key]
        if task.due_date is None or task.due_date > launch:
            continue
        late = task.calendar.working_days_in(launch + timedelta(days=1), earliest[key].finish)
        if late > 0 and (worst is None or late > worst[0]):
            worst = (late, key)
    if worst is None:
        return None
    late, key = worst
    finish = earliest[key].finish
    return LaunchRisk(key, late, finish, _reason(by_id, earliest, key, late, launch))


def _reason(
    tasks: Mapping[int, ChainTask],
    earliest: Mapping[int, Earliest],
    key: int,
    late: int,
    launch: date,
) -> str:
    task = tasks[key]
    finish = earliest[key].finish.isoformat()
    days = "working day" if late == 1 else "working days"
    text = (
        f"'{task.title}' can finish on {finish} at the earliest, {late} {days} after the "
        f"launch on {launch.isoformat()}"
    )
    edge = earliest[key].set_by
    if edge is None:
        return text + " (starting today)."
    kind = "finish to start" if edge.kind is LinkKind.FINISH_TO_START else "start to start"
    text += f", waiting for '{tasks[edge.predecessor].title}' ({kind}, lag {edge.lag_days})"
    chain = [key]
    while (step := earliest[chain[-1]].set_by) is not None:
        chain.append(step.predecessor)
    names = " → ".join(f"'{tasks[k].title}'" for k in reversed(chain))
    return f"{text}; chain: {names}."


__all__ = [
    "ChainTask",
    "Earliest",
    "LaunchRisk",
    "earliest_dates",
    "first_working_day",
    "launch_risk",
]
