"""The values a capacity map is made of: what it reads of a task, cells and their load levels,
rows, and what it lists as not counted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from mopsboard.domain.ids import MemberId, TaskId, TeamId
from mopsboard.domain.models import Member, Task, Team

RowKey = tuple[
    TeamId, MemberId | None
]  # (team id, member id); no member: the team's Unassigned row
OFF_MAP: RowKey = (TeamId(0), None)  # the owner is on another team than the map shows
EPSILON = 1e-9
FULL_FROM = 0.8

NO_ESTIMATE = "no estimate"
NO_DUE_DATE = "no due date"
NO_OWNER = "no assignee or team"
# The fields a task's hours are placed by: one the file holds but cannot be read (another
# program wrote it) keeps the task off the map, listed with this reason.
PLACING_FIELDS = ("estimate_hours", "start_date", "due_date")
UNREADABLE = {
    "estimate_hours": "estimate cannot be read",
    "start_date": "start date cannot be read",
    "due_date": "due date cannot be read",
}


class WorkItem(NamedTuple):
    """What the capacity rules read of a task."""

    id: TaskId
    title: str
    assignee_id: MemberId | None
    team_id: TeamId | None
    estimate_hours: float | None
    start_date: date | None
    due_date: date | None
    done: bool = False
    archived: bool = False
    unreadable: tuple[str, ...] = ()  # of PLACING_FIELDS

    @classmethod
    def of(cls, task: Task, *, done: bool = False) -> WorkItem:
        return cls(
            task.key,
            task.title,
            task.assignee_id,
            task.team_id,
            task.estimate_hours,
            task.start_date,
            task.due_date,
            done,
            task.archived,
            tuple(p.field for p in task.problems if p.field in PLACING_FIELDS),
        )


class LoadLevel(StrEnum):
    EMPTY = "empty"  # nothing planned and no capacity
    UNDER = "under"  # under 80% of the available hours
    FULL = "full"  # 80 to 100%
    OVER = "over"  # over 100%
    NO_CAPACITY = "no capacity"  # hours planned where there are none available


def load_level(planned: float, available: float) -> LoadLevel:
    # Compared as shown (to the hundredth), so a cell reading "32 / 32" is never "over".
    planned, available = round(planned, 2), round(available, 2)
    if available <= 0:
        return LoadLevel.NO_CAPACITY if planned > 0 else LoadLevel.EMPTY
    if planned > available:
        return LoadLevel.OVER
    return LoadLevel.FULL if planned >= FULL_FROM * available else LoadLevel.UNDER


@dataclass(frozen=True, slots=True)
class Cell:
    planned: float
    available: float
    actual: float = 0.0  # hours logged on the week's days

    @property
    def hours(self) -> float:
        """What the week holds: hours logged on it and hours still planned in it."""
        return self.planned + self.actual

    @property
    def level(self) -> LoadLevel:
        return load_level(self.hours, self.available)

    @property
    def load(self) -> float | None:
        """The week's hours over its available hours; None when nothing is available."""
        return self.hours / self.available if self.available > EPSILON else None


class RowKind(StrEnum):
    TOTAL = "total"
    MEMBER = "member"
    UNASSIGNED = "unassigned"


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    team: Team
    member: Member | None = None

    @property
    def key(self) -> RowKey:
        return (self.team.key, self.member.id if self.member else None)

    @property
    def label(self) -> str:
        if self.kind is RowKind.TOTAL:
            return self.team.name
        return self.member.name if self.member else "Unassigned"


@dataclass(frozen=True, slots=True)
class Uncounted:
    task_id: TaskId
    title: str
    team_id: TeamId | None
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return ", ".join(self.reasons)


@dataclass(frozen=True, slots=True)
class Contribution:
    """One task's hours in one cell of the map."""

    task_id: TaskId
    title: str
    hours: float
    start_date: date | None
    due_date: date | None
    key: RowKey
    # Hours logged on the task in that week (not planned: not to be dragged elsewhere).
    logged: bool = False


Parts = tuple[tuple[int, float], ...]  # (week index, hours)
