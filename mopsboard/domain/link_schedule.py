"""Scheduling backwards from a launch along the links between tasks.

The rules, as the README states them:

- A task takes `duration` working days of its own calendar (domain/workdays.py), its due day
  included: it starts `duration - 1` working days before it is due.
- A task nothing follows is due on its own anchor (for a template task, its offset from the
  launch), rolled back to a working day.
- A task that others follow is due as late as all its links allow, the earliest of:
  for a finish-to-start link with lag L, `1 + L` working days before the successor's start
  (lag 0: the successor starts the next working day; a negative lag overlaps them);
  for a start-to-start link with lag L, the due day of a start L working days before the
  successor's start.
- Working days are counted on the calendar of the task being placed (its team's, or its
  assignee's); a loop of links is refused.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.link_rules import CycleError, Edge, LinkKind, cycle_refusal
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar


@dataclass(frozen=True)
class Placement:
    """What scheduling knows of a task: where it is due when nothing follows it, how many
    working days it takes, and on whose days."""

    anchor: date
    duration: int = 1
    calendar: WorkCalendar = WEEKDAYS_ONLY

    def __post_init__(self) -> None:
        if self.duration < 1:
            raise ValueError(f"a task takes at least one working day, not {self.duration}")


def duration_in_working_days(start: date | None, due: date | None, calendar: WorkCalendar) -> int:
    """The working days a task spans on `calendar` (at least one; a missing date counts as the
    other)."""
    due = due or start
    start = start or due
    if start is None or due is None:
        return 1
    return max(1, calendar.working_days_in(start, due))


def latest_due(successor_start: date, edge: Edge, placement: Placement) -> date:
    """The latest due day of a predecessor placed as `placement` that `edge` allows."""
    calendar = placement.calendar
    if edge.kind is LinkKind.FINISH_TO_START:
        return calendar.add_working_days(successor_start, -(1 + edge.lag_days))
    start = calendar.add_working_days(successor_start, -edge.lag_days)
    return calendar.add_working_days(start, placement.duration - 1)


def schedule_along_links(
    placements: Mapping[int, Placement],
    edges: Iterable[Edge],
    titles: Mapping[int, str] | None = None,
) -> dict[int, tuple[date, date]]:
    """(start, due) of every task, placed backwards from its successors (see the module's
    rules). Raises CycleError, naming the tasks by `titles`, for links that loop."""
    following: dict[int, list[Edge]] = {key: [] for key in placements}
    for edge in edges:
        if edge.predecessor not in placements or edge.successor not in placements:
            raise ValueError(f"a link names a task that is not planned: {edge}")
        following[edge.predecessor].append(edge)
    # Successors are "dependencies" to the sorter: each task comes after everything it precedes.
    sorter = graphlib.TopologicalSorter(
        {key: {e.successor for e in out} for key, out in following.items()}
    )
    try:
        order = list(sorter.static_order())
    except graphlib.CycleError as error:
        loop = list(error.args[1])[:-1]
        raise cycle_refusal(loop[::-1], titles or {}) from None
    placed: dict[int, tuple[date, date]] = {}
    for key in order:
        placement = placements[key]
        calendar = placement.calendar
        out = following[key]
        if out:
            due = min(latest_due(placed[e.successor][0], e, placement) for e in out)
        else:
            due = calendar.previous_working_day(placement.anchor)
        start = calendar.add_working_days(due, -(placement.duration - 1))
        placed[key] = (start, due)
    return placed


__all__ = [
    "CycleError",
    "Placement",
    "duration_in_working_days",
    "latest_due",
    "schedule_along_links",
]
