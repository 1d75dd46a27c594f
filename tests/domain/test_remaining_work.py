"""The capacity rule with logged hours: what is left planned from today, actual hours before."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.calendar import WEEKDAYS_MON_FRI, Calendar, Period
from mopsboard.domain.ids import MemberId
from mopsboard.domain.remaining_work import (
    actual_by_week,
    actual_member,
    plan_task,
    planned_by_day,
    planned_by_week,
    remaining_hours,
    remaining_span,
)

TODAY = date(2026, 3, 11)  # a Wednesday


def d(day: date) -> int:
    return day.toordinal()


def on(month_day: int) -> int:
    return d(date(2026, 3, month_day))


def week_calendar(off: list[tuple[int, int]] | None = None) -> Calendar:
    return Calendar(WEEKDAYS_MON_FRI, 8.0, off or [])


def by_date(hours: dict[int, float]) -> dict[date, float]:
    return {date.fromordinal(day): round(value, 4) for day, value in sorted(hours.items())}


def test_a_half_logged_task_spreads_what_is_left_from_today():
    # 16 hours Monday 9 to Friday 13; 4 logged on Monday and 4 on Tuesday; today Wednesday:
    # 8 left over Wednesday, Thursday and Friday, 8/3 each; Monday and Tuesday hold actuals only.
    days = plan_task(week_calendar(), 16, on(9), on(13), [(on(9), 4), (on(10), 4)], d(TODAY))
    third = round(8 / 3, 4)
    assert by_date(days.planned) == {
        date(2026, 3, 11): third,
        date(2026, 3, 12): third,
        date(2026, 3, 13): third,
    }
    assert by_date(days.actual) == {date(2026, 3, 9): 4, date(2026, 3, 10): 4}


def test_a_task_started_in_the_past_is_planned_from_today_only():
    # 12 hours from Monday 2 to Friday 13, nothing logged: the old rule put 1.2 on each of the
    # ten days; now the 12 go on Wednesday 11 to Friday 13, 4 a day, and the past holds nothing.
    days = plan_task(week_calendar(), 12, on(2), on(13), [], d(TODAY))
    assert by_date(days.planned) == {
        date(2026, 3, 11): 4,
        date(2026, 3, 12): 4,
        date(2026, 3, 13): 4,
    }
    assert days.actual == {}


def test_an_overdue_task_lands_what_is_left_today():
    # Due Monday 9, 10 hours, 3 logged on Friday 6: the 7 left are today's load.
    days = plan_task(week_calendar(), 10, on(2), on(9), [(on(6), 3)], d(TODAY))
    assert by_date(days.planned) == {TODAY: 7}
    assert by_date(days.actual) == {date(2026, 3, 6): 3}


def test_an_overdue_task_lands_today_even_on_a_day_off():
    saturday = date(2026, 3, 14)
    days = plan_task(week_calendar(), 5, None, on(9), [], d(saturday))
    assert by_date(days.planned) == {saturday: 5}


def test_a_task_logged_beyond_its_estimate_plans_nothing():
    days = plan_task(week_calendar(), 5, on(9), on(20), [(on(9), 4), (on(10), 3)], d(TODAY))
    assert days.planned == {}
    assert days.logged_hours == 7
    assert remaining_hours(5, 7) == 0


def test_a_task_starting_later_keeps_its_own_span():
    days = plan_task(week_calendar(), 4, on(16), on(17), [], d(TODAY))
    assert by_date(days.planned) == {date(2026, 3, 16): 2, date(2026, 3, 17): 2}


def test_what_is_left_lands_on_the_due_date_when_no_day_from_today_is_available():
    # Off from today to the due date: the 6 left land on the due date, as the old rule did.
    calendar = week_calendar(off=[(on(11), on(13))])
    days = plan_task(calendar, 6, on(9), on(13), [], d(TODAY))
    assert by_date(days.planned) == {date(2026, 3, 13): 6}


def test_a_task_due_today_is_not_overdue():
    assert remaining_span(on(2), on(11), d(TODAY)) == (on(11), on(11))
    assert remaining_span(None, on(10), d(TODAY)) == (on(11), on(11))
    assert remaining_span(on(16), on(13), d(TODAY)) == (on(13), on(13))  # start after due


def test_planned_by_week_places_the_span_in_the_weeks_of_a_period():
    period = Period.of(date(2026, 3, 9), 2)
    calendar = week_calendar()
    # 10 hours from today (Wednesday 11) to Tuesday 17: 3 days this week, 2 the next.
    parts = planned_by_week(
        calendar, 10, remaining_span(on(2), on(17), d(TODAY)), d(period.first), d(period.last)
    )
    assert [(week, round(hours, 4)) for week, hours in parts] == [(0, 6.0), (1, 4.0)]
    assert planned_by_week(calendar, 0, (on(11), on(17)), d(period.first), d(period.last)) == ()


def test_actual_hours_fall_in_their_weeks():
    first = d(date(2026, 3, 9))
    logs = [(on(6), 1.0), (on(9), 2.0), (on(15), 0.5), (on(16), 3.0), (on(30), 9.0)]
    assert actual_by_week(logs, first, 2) == [2.5, 3.0]


def test_a_log_naming_nobody_is_the_assignees():
    assert actual_member(MemberId(4), MemberId(7)) == 4
    assert actual_member(None, MemberId(7)) == 7
    assert actual_member(None, None) is None


@pytest.mark.parametrize("hours", [0.0, 3.0])
def test_planned_by_day_spreads_evenly(hours: float):
    spread = planned_by_day(week_calendar(), hours, (on(9), on(15)))
    assert sum(spread.values()) == pytest.approx(hours)
    assert all(date.fromordinal(day).weekday() < 5 for day in spread)


BASE = d(date(2026, 1, 5))
offsets = st.integers(min_value=0, max_value=120)


@settings(max_examples=300, deadline=None)
@given(
    estimate=st.floats(min_value=0, max_value=500, allow_nan=False),
    logs=st.lists(
        st.tuples(offsets, st.floats(min_value=0.01, max_value=24, allow_nan=False)), max_size=8
    ),
    start=st.one_of(st.none(), offsets),
    due=offsets,
    today=offsets,
    weekdays=st.frozensets(st.integers(min_value=1, max_value=7)),
    off=st.lists(st.tuples(offsets, st.integers(min_value=0, max_value=20)), max_size=3),
)
def test_planned_plus_logged_is_the_larger_of_estimate_and_logged(
    estimate: float,
    logs: list[tuple[int, float]],
    start: int | None,
    due: int,
    today: int,
    weekdays: frozenset[int],
    off: list[tuple[int, int]],
) -> None:
    calendar = Calendar(weekdays, 8.0, [(BASE + a, BASE + a + n) for a, n in off])
    dated = [(BASE + day, hours) for day, hours in logs]
    days = plan_task(
        calendar, estimate, None if start is None else BASE + start, BASE + due, dated, BASE + today
    )
    logged = sum(hours for _day, hours in logs)
    assert days.planned_hours + days.logged_hours == pytest.approx(max(estimate, logged))
    # Nothing is planned before today, and nothing after the due date (or today, if later).
    assert all(BASE + today <= day <= max(BASE + due, BASE + today) for day in days.planned)
    # By week the map adds up the same hours, where the whole span lies in its period.
    span = remaining_span(None if start is None else BASE + start, BASE + due, BASE + today)
    first = BASE - 7
    weeks = 30
    parts = planned_by_week(calendar, days.planned_hours, span, first, first + 7 * weeks - 1)
    by_week = [0.0] * weeks
    for day, hours in days.planned.items():
        by_week[(day - first) // 7] += hours
    found = [0.0] * weeks
    for week, hours in parts:
        found[week] += hours
    assert found == pytest.approx(by_week, abs=1e-6)


def test_what_is_left_spreads_across_a_year_end():
    calendar = week_calendar()
    due = d(date(2027, 1, 8))
    today = d(date(2026, 12, 28))
    # From Monday 28 December to Friday 8 January: ten working days, 0.7 hours each.
    days = plan_task(calendar, 9, today - 10, due, [(today - 3, 2.0)], today)
    assert by_date(days.planned) == {
        date(2026, 12, 28) + timedelta(days=n): 0.7 for n in range(12) if n not in (5, 6)
    }
