"""The maps of these tests are of March 2026, planned before it began."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from time_machine import TimeMachineFixture


@pytest.fixture(autouse=True)
def _before_the_weeks_shown(time_machine: TimeMachineFixture) -> None:
    # Nothing of the weeks shown is past yet: days before today would hold logged hours only
    # (the capacity rule). A test of that rule moves the day itself.
    time_machine.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC), tick=False)
