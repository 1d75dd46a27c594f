"""Where the hours go on the persona grid: planned hours of open work per persona and team.

A task's estimate is spread over the working days from its start to its due date, so a period
counts the share of the work that falls inside it. One pass over the rows, no query per cell.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from mopsboard.domain.scheduling import working_days_in

# A team filter meaning "every team" (None means "no team").
ALL_TEAMS = -1


@dataclass(frozen=True)
class PlannedWork:
    """An open task, as much of it as the persona map needs."""

    persona_id: int | None
    team_id: int | None
    hours: float
    start: date | None
    due: date | None


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included; open ends reach as far as the work does.
    With neither end, work with no dates counts too."""

    start: date | None = None
    end: date | None = None

    @property
    def unbounded(self) -> bool:
        return self.start is None and self.end is None

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    @classmethod
    def weeks_from(cls, today: date, weeks: int) -> Period:
        monday = today - timedelta(days=today.weekday())
        return cls(monday, monday + timedelta(days=7 * weeks - 1))

    @classmethod
    def quarter_of(cls, today: date) -> Period:
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = date(today.year, first_month, 1)
        if first_month == 10:
            return cls(start, date(today.year, 12, 31))
        return cls(start, date(today.year, first_month + 3, 1) - timedelta(days=1))


def share_in(work: PlannedWork, period: Period) -> float:
    """The part (0 to 1) of a task's work that falls in the period."""
    if period.unbounded:
        return 1.0
    if work.start is None and work.due is None:
        return 0.0
    first = work.start or work.due
    last = work.due or work.start
    assert first is not None and last is not None
    if last < first:
        first, last = last, first
    low = max(first, period.start) if period.start else first
    high = min(last, period.end) if period.end else last
    if high < low:
        return 0.0
    total = working_days_in(first, last)
    if total == 0:
        # Work planned only on a weekend: count calendar days instead.
        return ((high - low).days + 1) / ((last - first).days + 1)
    return working_days_in(low, high) / total


@dataclass(frozen=True)
class Load:
    hours: float = 0.0
    tasks: int = 0

    def plus(self, hours: float) -> Load:
        return Load(self.hours + hours, self.tasks + 1)


@dataclass(frozen=True)
class PersonaHours:
    """Per persona (None: no persona): hours and task counts; and hours per persona and team."""

    by_persona: dict[int | None, Load]
    by_team: dict[tuple[int | None, int | None], float]

    def load(self, persona_id: int | None) -> Load:
        return self.by_persona.get(persona_id, Load())

    @property
    def largest(self) -> float:
        return max((load.hours for load in self.by_persona.values()), default=0.0)


def persona_hours(
    works: Iterable[PlannedWork], period: Period, team_id: int | None = ALL_TEAMS
) -> PersonaHours:
    """Planned hours per persona in the period, of one team (or of all: ALL_TEAMS); the table
    by team ignores the team filter, so it always shows every team."""
    by_persona: dict[int | None, Load] = {}
    by_team: dict[tuple[int | None, int | None], float] = {}
    for work in works:
        part = share_in(work, period)
        if part <= 0:
            continue
        hours = work.hours * part
        key = (work.persona_id, work.team_id)
        by_team[key] = by_team.get(key, 0.0) + hours
        if team_id == ALL_TEAMS or work.team_id == team_id:
            by_persona[work.persona_id] = by_persona.get(work.persona_id, Load()).plus(hours)
    return PersonaHours(by_persona, by_team)
