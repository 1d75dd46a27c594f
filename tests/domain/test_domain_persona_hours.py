"""Planned hours per persona and team in a period, the estimate spread over working days."""

from __future__ import annotations

from datetime import date

import pytest

from mopsboard.domain.persona_hours import (
    ALL_TEAMS,
    Period,
    PlannedWork,
    persona_hours,
    share_in,
)

MON = date(2026, 3, 2)


def work(
    persona: int | None,
    team: int | None,
    hours: float,
    start: date | None,
    due: date | None,
) -> PlannedWork:
    return PlannedWork(persona, team, hours, start, due)


def test_share_counts_working_days_inside_the_period() -> None:
    # Two weeks of work (10 working days); the period holds the first week.
    task = work(1, 1, 20, MON, date(2026, 3, 13))
    assert share_in(task, Period(MON, date(2026, 3, 8))) == pytest.approx(0.5)
    assert share_in(task, Period(date(2026, 3, 16), None)) == 0
    assert share_in(task, Period()) == 1
    assert share_in(work(1, 1, 5, None, date(2026, 3, 4)), Period(MON, MON)) == 0
    assert share_in(work(1, 1, 5, None, date(2026, 3, 4)), Period(MON, date(2026, 3, 4))) == 1
    assert share_in(work(1, 1, 5, None, None), Period(MON, MON)) == 0
    weekend = work(1, 1, 4, date(2026, 3, 7), date(2026, 3, 8))
    assert share_in(weekend, Period(date(2026, 3, 8), None)) == pytest.approx(0.5)


def test_hours_per_persona_with_a_team_filter() -> None:
    works = [
        work(1, 10, 8, MON, MON),
        work(1, 20, 4, MON, MON),
        work(2, 10, 3, MON, MON),
        work(None, 10, 5, MON, MON),
        work(2, None, 1, None, None),
    ]
    period = Period(MON, date(2026, 3, 8))
    everyone = persona_hours(works, period)
    assert everyone.load(1).hours == 12 and everyone.load(1).tasks == 2
    assert everyone.load(None).hours == 5
    assert everyone.load(2).tasks == 1  # the undated task is outside any bounded period
    assert everyone.largest == 12
    content = persona_hours(works, period, team_id=10)
    assert content.load(1).hours == 8 and content.load(2).hours == 3
    assert content.by_team == everyone.by_team  # the table shows every team
    assert everyone.by_team[(1, 20)] == 4
    no_team = persona_hours(works, Period(), team_id=None)
    assert no_team.load(2).hours == 1 and no_team.load(1).tasks == 0
    assert persona_hours(works, Period(), ALL_TEAMS).load(2).tasks == 2


def test_periods() -> None:
    assert Period.weeks_from(date(2026, 3, 4), 2) == Period(MON, date(2026, 3, 15))
    assert Period.quarter_of(date(2026, 11, 30)) == Period(date(2026, 10, 1), date(2026, 12, 31))
    assert Period.quarter_of(date(2026, 2, 1)) == Period(date(2026, 1, 1), date(2026, 3, 31))
    assert Period(MON, None).holds(date(2030, 1, 1))
    assert not Period(MON, None).holds(date(2020, 1, 1))
