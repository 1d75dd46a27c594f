"""Pushing a task's successors when it moves later: which of them must move, and to when.

The rule, as the README states it (section Timeline):

- The tasks that may move are those that follow the moved task along links, directly or through
  each other; done tasks are not moved, and nothing is pushed through them.
- In link order, such a task moves when a link from a task that moved (the moved task, or one
  pushed before it) no longer holds (domain/link_check.py): it then starts on the latest of the
  days those links allow, and keeps its length in working days of its own calendar (its team's):
  its due date is `duration - 1` working days after its new start, its duration being the
  working days from its start date to its due date, both included. A date it does not have it
  still does not have. A task whose links still hold stays where it is (it had slack), and so
  do the tasks after it, unless another pushed task reaches them.
- How far a task moved is counted in working days of its calendar: those after its old start
  (rolled forward to a working day) up to its new start. The moved task's own move is the larger
  of its start's and its due date's, counted so on its calendar.
- A move makes a task due after its campaign's launch when it was due on or before the launch
  day and is then due after it (a missing due date counts as the start date, as the critical
  path counts it). Launch at risk counts only the tasks due on or before the launch, so the push
  question is where this is said; a task already due after the launch is work that follows it.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.critical_path import slack_days
from mopsboard.domain.launch_risk import ChainTask, first_working_day
from mopsboard.domain.link_check import Span, allowed_start
from mopsboard.domain.link_rules import Edge
from mopsboard.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class Push:
    """A successor's new dates, and by how many of its working days it moved."""

    task_id: int
    start_date: date | None
    due_date: date | None
    working_days: int


def span_of(task: ChainTask) -> Span:
    return Span(task.start_date, task.due_date)


def days_moved(old: date, new: date, calendar: WorkCalendar) -> int:
    """The working days after `old` (rolled forward to a working day) up to `new`: how far a day
    moved, negative when earlier. Saturday to the next Tuesday is 1 (Monday to Tuesday)."""
    return slack_days(first_working_day(old, calendar), new, calendar)


def working_days_later(before: Span, after: Span, calendar: WorkCalendar) -> int:
    """How many working days later `after` is than `before`: the larger of the moves of its
    start and of its due date, each counted as `days_moved` counts (0 when neither moved
    later)."""
    moves = [
        days_moved(old, new, calendar)
        for old, new in ((before.first, after.first), (before.last, after.last))
        if old is not None and new is not None
    ]
    return max([0, *moves])


def due_past_launch(before: Span, after: Span, launch: date | None) -> date | None:
    """The day a task moved from `before` to `after` is then due, when the move makes it due
    after `launch` (the module's rule); None otherwise."""
    old, new = before.last, after.last
    if launch is None or old is None or new is None:
        return None
    return new if old <= launch < new else None


def push_successors(
    moved: ChainTask, tasks: Mapping[int, ChainTask], edges: Iterable[Edge]
) -> list[Push]:
    """The successors of `moved` (given with its new dates) that must move, in link order (the
    module's rule). `tasks` are the open tasks that may move; links to others are left out."""
    following: dict[int, list[Edge]] = {}
    for edge in edges:
        if edge.successor in tasks and edge.successor != moved.id:
            following.setdefault(edge.predecessor, []).append(edge)
    # The tasks after the moved one, and the links into each from tasks that may have moved.
    reached: dict[int, list[Edge]] = {}
    frontier = [moved.id]
    while frontier:
        ahead = []
        for key in frontier:
            for edge in following.get(key, ()):
                if edge.successor not in reached:
                    reached[edge.successor] = []
                    ahead.append(edge.successor)
                reached[edge.successor].append(edge)
        frontier = ahead
    sorter = graphlib.TopologicalSorter(
        {
            key: {e.predecessor for e in into if e.predecessor != moved.id}
            for key, into in reached.items()
        }
    )
    now: dict[int, Span] = {moved.id: span_of(moved)}
    pushes: list[Push] = []
    for key in sorter.static_order():
        if key not in reached:
            continue
        task = tasks[key]
        calendar = task.calendar
        planned = span_of(task)
        start = planned.first
        allowed = [
            day
            for edge in reached[key]
            if edge.predecessor in now
            and (day := allowed_start(edge, now[edge.predecessor], calendar)) is not None
        ]
        if start is None or not allowed or first_working_day(start, calendar) >= max(allowed):
            continue
        new_start = max(allowed)
        new_due = calendar.add_working_days(new_start, task.duration - 1)
        push = Push(
            key,
            new_start if task.start_date is not None else None,
            new_due if task.due_date is not None else None,
            days_moved(start, new_start, calendar),
        )
        pushes.append(push)
        now[key] = Span(push.start_date, push.due_date)
    return pushes


__all__ = [
    "Push",
    "days_moved",
    "due_past_launch",
    "push_successors",
    "span_of",
    "working_days_later",
]
