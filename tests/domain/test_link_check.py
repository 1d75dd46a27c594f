"""Whether a link holds, computed by hand on a December 2026 calendar (Monday 14 to Thursday 31;
the week of the 21st off on HOLIDAY_WEEK)."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.link_check import Span, allowed_start, days_missing
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar

HOLIDAY_WEEK = WorkCalendar(off=[(date(2026, 12, 21), date(2026, 12, 25))])
FS, SS = LinkKind.FINISH_TO_START, LinkKind.START_TO_START


def day(number: int) -> date:
    return date(2026, 12, number)


def test_finish_to_start_lag_zero_allows_the_next_working_day() -> None:
    copy = Span(day(14), day(18))  # due Friday 18
    assert allowed_start(Edge(1, 2), copy, WEEKDAYS_ONLY) == day(21)
    # Starting Monday 21 holds; Friday 18 (the day copy is due) is one working day too soon.
    assert days_missing(Edge(1, 2), copy, Span(day(21), day(22)), WEEKDAYS_ONLY) == 0
    assert days_missing(Edge(1, 2), copy, Span(day(18), day(22)), WEEKDAYS_ONLY) == 1
    # Wednesday 16: the 16th, 17th and 18th.
    assert days_missing(Edge(1, 2), copy, Span(day(16), day(22)), WEEKDAYS_ONLY) == 3


def test_the_successors_holiday_week_counts_on_its_own_calendar() -> None:
    copy = Span(day(16), day(18))
    # Off the week of the 21st, the successor may start on Monday 28 at the earliest...
    assert allowed_start(Edge(1, 2), copy, HOLIDAY_WEEK) == day(28)
    # ... and a start on Tuesday 22 rolls forward to the 28th: it holds.
    assert days_missing(Edge(1, 2), copy, Span(day(22), day(29)), HOLIDAY_WEEK) == 0
    # Lag 2 on that calendar: the 28th and 29th waited, it may start on the 30th; a start on
    # the 28th misses the 28th and the 29th.
    lagged = Edge(1, 2, FS, 2)
    assert allowed_start(lagged, copy, HOLIDAY_WEEK) == day(30)
    assert days_missing(lagged, copy, Span(day(28), day(31)), HOLIDAY_WEEK) == 2


def test_a_weekend_start_rolls_forward_before_it_is_compared() -> None:
    copy = Span(day(14), day(17))  # due Thursday 17: the successor may start Friday 18
    # Saturday 19 rolls forward to Monday 21: it holds.
    assert days_missing(Edge(1, 2), copy, Span(day(19), day(22)), WEEKDAYS_ONLY) == 0
    # Sunday 13 rolls forward to Monday 14: the 14th to the 17th are too soon.
    assert days_missing(Edge(1, 2), copy, Span(day(13), day(22)), WEEKDAYS_ONLY) == 4


def test_a_negative_lag_lets_the_successor_overlap() -> None:
    event = Span(day(14), day(18))
    # Lag -3: the successor may start two working days before the 18th, on the 16th.
    early = Edge(1, 2, FS, -3)
    assert allowed_start(early, event, WEEKDAYS_ONLY) == day(16)
    assert days_missing(early, event, Span(day(16), day(16)), WEEKDAYS_ONLY) == 0
    assert days_missing(early, event, Span(day(15), day(15)), WEEKDAYS_ONLY) == 1


def test_start_to_start_counts_from_the_predecessors_start() -> None:
    paid = Span(day(15), day(18))
    assert allowed_start(Edge(1, 2, SS, 0), paid, WEEKDAYS_ONLY) == day(15)
    assert days_missing(Edge(1, 2, SS, 0), paid, Span(day(15), day(15)), WEEKDAYS_ONLY) == 0
    assert days_missing(Edge(1, 2, SS, 0), paid, Span(day(14), day(15)), WEEKDAYS_ONLY) == 1
    # Lag 2 from Tuesday 15: Thursday 17; a start on the 15th misses the 15th and the 16th.
    assert days_missing(Edge(1, 2, SS, 2), paid, Span(day(15), day(18)), WEEKDAYS_ONLY) == 2


def test_missing_dates_count_as_the_other_and_no_dates_always_hold() -> None:
    due_only = Span(None, day(16))
    assert allowed_start(Edge(1, 2), due_only, WEEKDAYS_ONLY) == day(17)
    assert allowed_start(Edge(1, 2, SS, 0), due_only, WEEKDAYS_ONLY) == day(16)
    # A successor known only by its due date starts then.
    assert days_missing(Edge(1, 2), due_only, Span(None, day(16)), WEEKDAYS_ONLY) == 1
    assert days_missing(Edge(1, 2), Span(None, None), Span(day(1), None), WEEKDAYS_ONLY) == 0
    assert days_missing(Edge(1, 2), due_only, Span(None, None), WEEKDAYS_ONLY) == 0
