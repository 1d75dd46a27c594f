"""Time logs and hourly rates, as the models check them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from mopsboard.domain.models import Member, Team
from mopsboard.domain.time_logs import TimeLog


def test_a_time_log_keeps_hours_to_the_hundredth_and_its_moment_in_utc():
    moment = datetime(2026, 3, 9, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    log = TimeLog(task_id=3, member_id=2, day=date(2026, 3, 9), hours=1.256, note="copy", at=moment)
    assert log.hours == 1.26
    assert log.note == "copy"
    assert log.at == datetime(2026, 3, 9, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize("hours", [0, -1, 0.001, 24.5, float("nan"), float("inf")])
def test_a_time_log_refuses_hours_that_are_not_a_days_work(hours: float):
    with pytest.raises(ValidationError):
        TimeLog(task_id=3, day=date(2026, 3, 9), hours=hours)


def test_a_time_log_needs_a_task_and_a_readable_day():
    with pytest.raises(ValidationError):
        TimeLog(task_id=0, day=date(2026, 3, 9), hours=1)
    with pytest.raises(ValidationError):
        TimeLog(task_id=1, day=date(1800, 1, 1), hours=1)


def test_hourly_rates_are_optional_and_never_negative():
    assert Member(team_id=1, name="Ada").hourly_rate is None
    assert Team(name="Agency", hourly_rate=120.5).hourly_rate == 120.5
    with pytest.raises(ValidationError):
        Member(team_id=1, name="Ada", hourly_rate=-1)
    with pytest.raises(ValidationError):
        Team(name="Agency", hourly_rate=float("nan"))
