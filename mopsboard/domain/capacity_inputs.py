"""What a capacity map is computed from, and computing it: the map of a period (optionally
one team's) in one pass over its tasks (the rules: domain/capacity.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.domain.remaining_work import ActualHours
from mopsboard.domain.workload import WorkItem


@dataclass(frozen=True, slots=True)
class CapacityInputs:
    """Everything a map is computed from, as the store reads it for a period."""

    teams: list[Team]
    members: list[Member]
    time_off: list[TimeOff]
    tasks: list[WorkItem]
    today: date | None = None
    logged: dict[TaskId, float] = field(default_factory=dict)
    actual: list[ActualHours] = field(default_factory=list)

    def compute(self, period: Period, *, team_id: int | None = None) -> CapacityMap:
        return compute_capacity(
            period,
            self.teams,
            self.members,
            self.time_off,
            self.tasks,
            team_id=team_id,
            today=self.today,
            logged=self.logged,
            actual=self.actual,
        )


def compute_capacity(
    period: Period,
    teams: Iterable[Team],
    members: Iterable[Member],
    time_off: Iterable[TimeOff],
    tasks: Iterable[WorkItem],
    *,
    team_id: int | None = None,
    today: date | None = None,
    logged: Mapping[TaskId, float] | None = None,
    actual: Iterable[ActualHours] = (),
) -> CapacityMap:
    """The map for a period (optionally one team's), in one pass over the tasks."""
    capacity = CapacityMap(
        period,
        teams,
        members,
        time_off,
        team_id=team_id,
        today=today,
        logged=logged,
        actual=actual,
    )
    capacity.add(tasks)
    capacity.lay_out()
    return capacity
