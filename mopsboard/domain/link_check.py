"""Whether a planned link holds: the first day its successor may start, and by how many working
days a successor planned earlier starts too soon (a "broken" link, drawn red on the timeline).

The rule, as the README states it (section Timeline):

- A task starts on its start date and finishes on its due date; a missing one counts as the
  other. A task with neither has no place in time, and its links always hold.
- A finish-to-start link with lag L lets its successor start `1 + L` working days after the
  predecessor finishes; a start-to-start link with lag L, L working days after the predecessor
  starts. Working days are the successor's own (its team's calendar, domain/workdays.py), counted
  as `WorkCalendar.add_working_days` counts them (a day off first rolls back to the working day
  before it), as launch at risk counts them (domain/launch_risk.py).
- The successor's start, rolled forward to a working day, is too soon by the working days from it
  up to the day before the allowed one; none when it is on or after the allowed day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from mopsboard.domain.launch_risk import first_working_day
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.workdays import WorkCalendar


class Span(NamedTuple):
    """A task's planned dates, either of which may be missing."""

    start: date | None
    due: date | None

    @property
    def first(self) -> date | None:
        return self.start or self.due

    @property
    def last(self) -> date | None:
        return self.due or self.start


def allowed_start(edge: Edge, predecessor: Span, calendar: WorkCalendar) -> date | None:
    """The first day `edge` lets its successor (on `calendar`) start; None when the predecessor
    has no dates."""
    if edge.kind is LinkKind.FINISH_TO_START:
        finish = predecessor.last
        return None if finish is None else calendar.add_working_days(finish, 1 + edge.lag_days)
    start = predecessor.first
    return None if start is None else calendar.add_working_days(start, edge.lag_days)


def days_missing(edge: Edge, predecessor: Span, successor: Span, calendar: WorkCalendar) -> int:
    """The working days of `calendar` (the successor's) by which the successor starts before
    `edge` allows: 0 when the link holds."""
    allowed = allowed_start(edge, predecessor, calendar)
    planned = successor.first
    if allowed is None or planned is None:
        return 0
    start = first_working_day(planned, calendar)
    if start >= allowed:
        return 0
    return calendar.working_days_in(start, allowed - timedelta(days=1))


__all__ = ["Span", "allowed_start", "days_missing"]
