"""Periods, calendars and following changes: checked against the obvious day-by-day answer."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.calendar import (
    Calendar,
    Period,
    holiday_countries,
    holiday_ordinals,
    holidays_between,
    is_known_holiday_country,
    merge_ranges,
    week_start,
    weekdays_text,
)
from mopsboard.domain.capacity import WorkItem
from mopsboard.domain.capacity_inputs import compute_capacity
from mopsboard.domain.models import Member, Team, TimeOff

MON = date(2026, 3, 2)


def test_weeks_start_on_monday():
    assert week_start(date(2026, 3, 8)) == MON  # a Sunday
    assert week_start(MON) == MON
    period = Period.of(date(2026, 3, 4), 3)
    assert period.first == MON and period.last == date(2026, 3, 22)
    assert period.starts == (MON, date(2026, 3, 9), date(2026, 3, 16))
    assert period.week_of(date(2026, 3, 15)) == 1
    assert period.week_of(date(2026, 3, 1)) is None
    assert period.week_of(date(2026, 3, 23)) is None


@pytest.mark.parametrize("weeks", [0, 105])
def test_periods_are_bounded(weeks: int) -> None:
    with pytest.raises(ValueError, match="1 to 104 weeks"):
        Period(MON, weeks)


def test_a_weeks_monday_is_the_periods_start_of_it():
    period = Period(MON, 5)
    assert [period.start_of(week) for week in range(5)] == list(period.starts)
    for week in (-1, 5):
        with pytest.raises(IndexError):
            period.start_of(week)


def test_a_period_starts_on_a_monday():
    with pytest.raises(ValueError, match="Monday"):
        Period(date(2026, 3, 3), 1)


def test_merge_ranges():
    assert merge_ranges([(5, 6), (1, 2), (3, 3), (10, 12), (11, 20)]) == [(1, 3), (5, 6), (10, 20)]


def test_holidays():
    good_friday, easter_monday = date(2026, 4, 3), date(2026, 4, 6)
    assert good_friday.toordinal() in holiday_ordinals("DE", 2026)
    # Easter Monday is a bank holiday in England, not in Scotland, so not in all of the UK.
    assert holidays_between("GB", date(2026, 4, 1), date(2026, 4, 7)) == [good_friday]
    assert holidays_between("GB-ENG", date(2026, 4, 1), date(2026, 4, 7)) == [
        good_friday,
        easter_monday,
    ]
    # A subdivision adds its own days: Epiphany in Bavaria, not in Berlin.
    assert date(2026, 1, 6).toordinal() in holiday_ordinals("DE-BY", 2026)
    assert date(2026, 1, 6).toordinal() not in holiday_ordinals("DE-BE", 2026)
    assert holiday_ordinals("XX", 2026) == frozenset()
    assert is_known_holiday_country("US") and is_known_holiday_country("US-CA")
    assert not is_known_holiday_country("XX") and not is_known_holiday_country("US-ZZ")
    names = dict(holiday_countries())
    assert names["US"] == "United States" and names["DE"] == "Germany"


def _package_holidays(code: str, year: int) -> frozenset[int]:
    import holidays

    country, _, subdivision = code.partition("-")
    try:
        found = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()
    return frozenset(day.toordinal() for day in found)


# Countries with and without subdivisions, one whose module builds on another's (American
# Samoa's on the United States'), and codes the package does not know.
@pytest.mark.parametrize(
    "code",
    ["US", "US-CA", "DE", "DE-BY", "GB", "GB-SCT", "FR", "JP", "AS", "XX", "US-ZZ", "us", ""],
)
def test_a_countrys_holidays_are_the_packages_own(code: str) -> None:
    for year in (2025, 2026, 2027):
        assert holiday_ordinals(code, year) == _package_holidays(code, year)


LOAD_ONE_COUNTRY = """
import sys
from mopsboard.domain.calendar import holiday_ordinals
assert holiday_ordinals("US", 2026) and holiday_ordinals("DE-BY", 2026)
print(",".join(sorted(m for m in sys.modules if m.startswith("holidays.countries"))))
"""


def test_a_countrys_holidays_load_that_country_only() -> None:
    # The package's own way loads every country it knows (80 ms, at a map's first showing).
    done = subprocess.run(
        [sys.executable, "-c", LOAD_ONE_COUNTRY], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


def _brute(
    weekdays: frozenset[int], off: list[tuple[int, int]], holidays: set[int], a: int, b: int
) -> int:
    return sum(
        1
        for n in range(a, b + 1)
        if date.fromordinal(n).isoweekday() in weekdays
        and not any(x <= n <= y for x, y in off)
        and n not in holidays
    )


BASE = MON.toordinal()


@settings(max_examples=150, deadline=None)
@given(
    weekdays=st.frozensets(st.integers(1, 7), min_size=1),
    off=st.lists(st.tuples(st.integers(-40, 80), st.integers(0, 12)), max_size=4),
    window=st.tuples(st.integers(-30, 30), st.integers(0, 60)),
    span=st.tuples(st.integers(-60, 100), st.integers(0, 70)),
)
def test_calendar_counts_match_day_by_day(weekdays, off, window, span):
    ranges = [(BASE + a, BASE + a + n) for a, n in off]
    lo = BASE + window[0]
    calendar = Calendar(weekdays, 8.0, ranges, "GB", (lo, lo + window[1]))
    a = BASE + span[0]
    b = a + span[1]
    holidays = set(holiday_ordinals("GB", 2025) | holiday_ordinals("GB", 2026))
    # Outside its window a calendar counts plain working days: compare inside the reach only.
    inside_lo, inside_hi = max(a, calendar.lo), min(b, calendar.hi)
    if inside_lo <= inside_hi:
        assert calendar.count(inside_lo, inside_hi) == _brute(
            weekdays, ranges, holidays, inside_lo, inside_hi
        )
    calendar.widen(a, b)
    assert calendar.count(a, b) == _brute(weekdays, ranges, holidays, a, b)


def test_a_calendar_with_no_hours_has_no_days():
    assert (
        Calendar(frozenset({1, 2, 3, 4, 5}), 0.0, window=(BASE, BASE + 6)).count(BASE, BASE + 6)
        == 0
    )


TEAMS = [Team(id=1, name="Content"), Team(id=2, name="Web")]
MEMBERS = [
    Member(id=1, team_id=1, name="Ana", holiday_country="GB"),
    Member(id=2, team_id=1, name="Luis", working_days="135", weekly_hours=24),
    Member(id=3, team_id=2, name="Ben", availability=0.5),
]
TIME_OFF = [TimeOff(member_id=1, start_date=date(2026, 3, 9), end_date=date(2026, 3, 13))]

items = st.builds(
    lambda task_id, owner, estimate, start, length, no_start: WorkItem(
        task_id,
        f"t{task_id}",
        owner if owner and owner > 0 else None,
        {1: 1, 2: 1, 3: 2}.get(owner or 0, 2 if owner == -1 else None),
        estimate,
        None if no_start else MON + timedelta(days=start),
        MON + timedelta(days=start + length),
    ),
    st.integers(1, 30),
    st.sampled_from([1, 2, 3, -1, None]),
    st.one_of(st.none(), st.floats(0, 40)),
    st.integers(-20, 40),
    st.integers(0, 15),
    st.booleans(),
)


@settings(max_examples=150, deadline=None)
@given(before=st.lists(items, max_size=12), after=st.lists(items, max_size=6))
def test_following_changes_gives_the_map_a_recompute_gives(before, after):
    period = Period(MON, 4)
    first = {i.id: i for i in before}
    changed = {i.id: i for i in after}
    gone = [i for i in first if i % 5 == 0 and i not in changed]
    followed = compute_capacity(period, TEAMS, MEMBERS, TIME_OFF, first.values())
    followed.replace(changed.values(), gone)
    final = {**first, **changed}
    for task_id in gone:
        final.pop(task_id)
    fresh = compute_capacity(period, TEAMS, MEMBERS, TIME_OFF, final.values())
    assert [r.key for r in followed.rows] == [r.key for r in fresh.rows]
    for row in fresh.rows:
        for week in range(period.weeks):
            a, b = followed.cell(row, week), fresh.cell(row, week)
            assert a.planned == pytest.approx(b.planned, abs=1e-6)
            assert a.available == b.available
            # The tasks behind each cell follow too, each with the hours a recompute gives it.
            assert followed.contributions(row, week) == fresh.contributions(row, week)
    assert followed.uncounted == fresh.uncounted
    assert followed.counted == fresh.counted


@pytest.mark.parametrize(
    ("days", "text"),
    [
        ("12345", "Mon\u2013Fri"),
        ("1234", "Mon\u2013Thu"),
        ("135", "Mon, Wed, Fri"),
        ("45", "Thu, Fri"),
        ("12367", "Mon\u2013Wed, Sat, Sun"),
        ("", "no days"),
    ],
)
def test_weekdays_text(days: str, text: str) -> None:
    assert weekdays_text(days) == text
