"""Backward scheduling over working days: weekends skipped, offsets after the launch, durations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mopsboard.domain.scheduling import (
    add_working_days,
    is_working_day,
    offset_and_duration,
    previous_working_day,
    schedule_backwards,
    working_days_between,
    working_days_in,
)

# A Wednesday, a Friday, a Saturday and a Monday in the same fortnight.
WED = date(2026, 3, 4)
FRI = date(2026, 3, 6)
SAT = date(2026, 3, 7)
MON = date(2026, 3, 9)


def test_weekends_are_not_working_days() -> None:
    assert is_working_day(FRI) and is_working_day(MON)
    assert not is_working_day(SAT) and not is_working_day(SAT + timedelta(days=1))
    assert not is_working_day(WED, holidays={WED})


def test_stepping_back_skips_the_weekend() -> None:
    assert add_working_days(MON, -1) == FRI
    assert add_working_days(MON, -5) == MON - timedelta(days=7)
    assert add_working_days(WED, -3) == date(2026, 2, 27)


def test_stepping_forward_skips_the_weekend() -> None:
    assert add_working_days(FRI, 1) == MON
    assert add_working_days(WED, 10) == WED + timedelta(days=14)
    assert add_working_days(WED, 0) == WED


def test_a_weekend_day_counts_from_the_friday_before() -> None:
    assert add_working_days(SAT, 0) == FRI
    assert add_working_days(SAT, -1) == FRI - timedelta(days=1)
    assert add_working_days(SAT, 1) == MON
    assert previous_working_day(SAT + timedelta(days=1)) == FRI


def test_holidays_are_skipped_too() -> None:
    assert add_working_days(MON, -1, holidays={FRI}) == FRI - timedelta(days=1)
    assert add_working_days(WED, 2, holidays={FRI - timedelta(days=1)}) == MON


def test_schedule_before_the_launch() -> None:
    # Due 3 working days before a Wednesday launch (the Friday before), taking 2 days.
    start, due = schedule_backwards(WED, -3, 2)
    assert due == date(2026, 2, 27)
    assert start == date(2026, 2, 26)


def test_schedule_across_a_weekend_counts_only_working_days() -> None:
    # Due on a Monday launch, taking 3 working days: Thursday, Friday, Monday.
    start, due = schedule_backwards(MON, 0, 3)
    assert (start, due) == (MON - timedelta(days=4), MON)


def test_schedule_after_the_launch() -> None:
    start, due = schedule_backwards(FRI, 2, 1)
    assert start == due == MON + timedelta(days=1)
    start, due = schedule_backwards(FRI, 5, 3)
    assert due == FRI + timedelta(days=7)
    # Three working days ending that Friday: Wednesday, Thursday, Friday.
    assert start == FRI + timedelta(days=5)


def test_durations() -> None:
    for duration in range(1, 30):
        start, due = schedule_backwards(WED, -7, duration)
        assert working_days_in(start, due) == duration
        assert is_working_day(start) and is_working_day(due)
    with pytest.raises(ValueError, match="at least one working day"):
        schedule_backwards(WED, 0, 0)


def test_working_days_in_a_span() -> None:
    assert working_days_in(MON, MON) == 1
    assert working_days_in(SAT, SAT + timedelta(days=1)) == 0
    assert working_days_in(MON, MON + timedelta(days=13)) == 10
    assert working_days_in(MON, FRI) == 0
    assert working_days_in(MON, MON + timedelta(days=4), holidays={WED + timedelta(days=7)}) == 4


def test_offset_and_duration_give_the_dates_back() -> None:
    start, due = date(2026, 2, 23), date(2026, 2, 26)
    offset, duration = offset_and_duration(WED, start, due)
    assert (offset, duration) == (-4, 4)
    assert schedule_backwards(WED, offset, duration) == (start, due)
    assert offset_and_duration(WED, None, None) == (0, 1)
    assert offset_and_duration(WED, None, FRI) == (2, 1)


def test_huge_offsets_are_refused() -> None:
    with pytest.raises(ValueError, match="more than"):
        add_working_days(WED, 10**6)


working_day = st.dates(date(2000, 1, 1), date(2100, 12, 31)).filter(is_working_day)


@given(working_day, st.integers(-400, 400))
def test_between_inverts_adding(day: date, count: int) -> None:
    later = add_working_days(day, count)
    assert is_working_day(later)
    assert working_days_between(day, later) == count


@given(working_day, st.integers(-60, 60), st.integers(1, 40))
def test_a_plan_keeps_its_shape(launch: date, offset: int, duration: int) -> None:
    start, due = schedule_backwards(launch, offset, duration)
    assert start <= due
    assert working_days_in(start, due) == duration
    assert offset_and_duration(launch, start, due) == (offset, duration)
