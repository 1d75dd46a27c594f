"""The capacity rules: planned hours against available hours, per person and per week.

- A member's capacity on a day is weekly hours / working days per week x availability, on their
  working days that are neither time off nor a public holiday of their country; 0 on other days.
  An inactive member has no capacity.
- A task counts when it is not archived, not in a done stage, and has an estimate, a due date and
  an assignee or a team. Its estimate is spread evenly over the assignee's available days from its
  start date (its due date when it has none) to its due date, inclusive; when that span holds no
  available day, the whole estimate lands on the due date.
- A task with a team and no assignee is spread over Monday to Friday in the team's Unassigned row.
- Tasks that are not counted for want of an estimate, a due date or an owner are listed, never
  silently dropped: those without a due date always, the others when their dates touch the period.

`CapacityMap` computes a whole map in one pass over the tasks and then follows single-task
changes (`replace`), so a view can update a cell without recomputing the map.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.calendar import (
    CALENDAR_REACH_DAYS,
    WEEKDAYS_MON_FRI,
    Calendar,
    Period,
    time_off_ranges,
)
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.domain.workload import (
    EPSILON,
    FULL_FROM,
    NO_DUE_DATE,
    NO_ESTIMATE,
    NO_OWNER,
    OFF_MAP,
    Cell,
    Contribution,
    LoadLevel,
    Parts,
    Row,
    RowKey,
    RowKind,
    Uncounted,
    WorkItem,
    load_level,
)

__all__ = [
    "EPSILON",
    "FULL_FROM",
    "NO_DUE_DATE",
    "NO_ESTIMATE",
    "NO_OWNER",
    "OFF_MAP",
    "CapacityInputs",
    "CapacityMap",
    "Cell",
    "Contribution",
    "LoadLevel",
    "Parts",
    "Row",
    "RowKey",
    "RowKind",
    "Uncounted",
    "WorkItem",
    "compute_capacity",
    "daily_hours",
    "load_level",
]


def daily_hours(member: Member) -> float:
    if not member.active or not member.weekdays:
        return 0.0
    return member.weekly_hours / len(member.weekdays) * member.availability


class CapacityMap:
    """Planned and available hours of every member (and team's Unassigned row) per week."""

    def __init__(
        self,
        period: Period,
        teams: Iterable[Team],
        members: Iterable[Member],
        time_off: Iterable[TimeOff] = (),
        *,
        team_id: int | None = None,
    ) -> None:
        self.period = period
        self.team_id = team_id
        self.teams = {t.id: t for t in teams if t.id and team_id in (None, t.id)}
        self.members = {m.id: m for m in members if m.id and m.team_id in self.teams}
        self._first = period.first.toordinal()
        self._last = period.last.toordinal()
        self._reach = (self._first - CALENDAR_REACH_DAYS, self._last + CALENDAR_REACH_DAYS)
        window = (self._first, self._last)
        offs: dict[int, list[tuple[date, date]]] = {}
        for entry in time_off:
            if entry.member_id in self.members:
                offs.setdefault(entry.member_id, []).append((entry.start_date, entry.end_date))
        self.calendars: dict[int, Calendar] = {
            member_id: Calendar(
                member.weekdays,
                daily_hours(member),
                time_off_ranges(offs.get(member_id, ())),
                member.holiday_country,
                window,
            )
            for member_id, member in self.members.items()
        }
        self._team_calendar = Calendar(WEEKDAYS_MON_FRI, 1.0, window=window)
        weeks = period.weeks
        self.available: dict[RowKey, list[float]] = {}
        self.planned: dict[RowKey, list[float]] = {}
        for member_id, member in self.members.items():
            calendar = self.calendars[member_id]
            key = (member.team_id, member_id)
            self.available[key] = [
                calendar.daily_hours * calendar.count(start, start + 6)
                for start in range(self._first, self._last, 7)
            ]
            self.planned[key] = [0.0] * weeks
        for team_id_ in self.teams:
            self.planned[(team_id_, None)] = [0.0] * weeks
        self._spread: dict[int, tuple[RowKey, Parts]] = {}
        self._items: dict[int, WorkItem] = {}
        self.uncounted: dict[int, Uncounted] = {}
        self.rows: list[Row] = []
        self.lay_out()

    # -- the rules -------------------------------------------------------------------------------

    def _owner(self, item: WorkItem) -> RowKey | None:
        """The row a task lands in; None when it has no owner; OFF_MAP when its owner is not on
        this map (another team's)."""
        if item.assignee_id is not None:
            member = self.members.get(item.assignee_id)
            return (member.team_id, item.assignee_id) if member else OFF_MAP
        if item.team_id is not None:
            return (item.team_id, None) if item.team_id in self.teams else OFF_MAP
        return None

    def _touches_period(self, item: WorkItem) -> bool:
        if item.due_date is None:
            return True
        start = item.start_date or item.due_date
        return start.toordinal() <= self._last and item.due_date.toordinal() >= self._first

    def _calendar(self, key: RowKey) -> Calendar:
        return self.calendars[key[1]] if key[1] is not None else self._team_calendar

    def _parts(self, item: WorkItem, key: RowKey) -> Parts:
        """The task's hours per week of the period."""
        due = item.due_date.toordinal()  # type: ignore[union-attr]
        start = min(item.start_date.toordinal(), due) if item.start_date else due
        estimate = item.estimate_hours or 0.0
        calendar = self._calendar(key)
        first, last = self._first, self._last
        days = calendar.count(start, due)
        if days == 0:
            return (((due - first) // 7, estimate),) if first <= due <= last else ()
        a, b = max(start, first), min(due, last)
        if a > b:
            return ()
        per_day = estimate / days
        week_a, week_b = (a - first) // 7, (b - first) // 7
        if week_a == week_b:
            inside = days if (a, b) == (start, due) else calendar.count(a, b)
            return ((week_a, per_day * inside),) if inside else ()
        parts = []
        for week in range(week_a, week_b + 1):
            monday = first + 7 * week
            inside = calendar.count(max(a, monday), min(b, monday + 6))
            if inside:
                parts.append((week, per_day * inside))
        return tuple(parts)

    # -- building and following changes -----------------------------------------------------------

    def add(self, items: Iterable[WorkItem]) -> set[RowKey]:
        """Counts these tasks (not yet on the map); returns the rows whose hours changed.
        Call `lay_out` afterwards when members or teams may have to appear."""
        counted: list[tuple[WorkItem, RowKey]] = []
        spans: dict[RowKey, tuple[int, int]] = {}
        for item in items:
            if item.done or item.archived or not self._touches_period(item):
                continue
            owner = self._owner(item)
            if owner == OFF_MAP:
                continue
            reasons = []
            if item.estimate_hours is None:
                reasons.append(NO_ESTIMATE)
            if item.due_date is None:
                reasons.append(NO_DUE_DATE)
            if owner is None:
                if self.team_id is not None:
                    continue
                reasons.append(NO_OWNER)
            if reasons:
                team = owner[0] if owner else None
                self.uncounted[item.id] = Uncounted(item.id, item.title, team, tuple(reasons))
                continue
            assert owner is not None and item.due_date is not None
            counted.append((item, owner))
            due = item.due_date.toordinal()
            start = item.start_date.toordinal() if item.start_date else due
            low, high = spans.get(owner, (start, due))
            spans[owner] = (min(low, start, due), max(high, due))
        reach_lo, reach_hi = self._reach
        for key, (low, high) in spans.items():
            self._calendar(key).widen(max(low, reach_lo), min(high, reach_hi))
        touched: set[RowKey] = set()
        for item, key in counted:
            parts = self._parts(item, key)
            self._spread[item.id] = (key, parts)
            self._items[item.id] = item
            row = self.planned[key]
            for week, hours in parts:
                row[week] += hours
            if parts:
                touched.add(key)
        return touched

    def remove(self, task_ids: Iterable[int]) -> set[RowKey]:
        """Takes these tasks off the map; returns the rows whose hours changed."""
        touched: set[RowKey] = set()
        for task_id in task_ids:
            self.uncounted.pop(task_id, None)
            self._items.pop(task_id, None)
            spread = self._spread.pop(task_id, None)
            if spread is None:
                continue
            key, parts = spread
            row = self.planned[key]
            for week, hours in parts:
                value = row[week] - hours
                row[week] = value if abs(value) > EPSILON else 0.0
            if parts:
                touched.add(key)
        return touched

    def replace(self, items: Iterable[WorkItem], gone: Iterable[int] = ()) -> set[RowKey]:
        """Follows edited tasks (`items`, as they are now) and deleted ones (`gone`); returns the
        rows whose hours changed. `rows` is laid out again (a member may appear or go)."""
        fresh = list(items)
        touched = self.remove([item.id for item in fresh] + list(gone))
        touched |= self.add(fresh)
        self.lay_out()
        return touched

    def lay_out(self) -> None:
        rows: list[Row] = []
        teams = sorted(self.teams.values(), key=lambda t: (t.name.casefold(), t.id or 0))
        by_team: dict[int, list[Member]] = {}
        for member in sorted(self.members.values(), key=lambda m: (m.name.casefold(), m.id)):
            by_team.setdefault(member.team_id, []).append(member)
        for team in teams:
            team_id = team.id or 0
            shown = [
                m for m in by_team.get(team_id, []) if m.active or self.has_plan((team_id, m.id))
            ]
            busy = self.has_plan((team_id, None)) or any(
                self.has_plan((team_id, m.id)) for m in shown
            )
            # An archived team (or inactive member) shows only while work still lands on it.
            if team.archived and not busy:
                continue
            rows.append(Row(RowKind.TOTAL, team))
            rows.extend(Row(RowKind.MEMBER, team, member) for member in shown)
            rows.append(Row(RowKind.UNASSIGNED, team))
        self.rows = rows

    # -- reading ---------------------------------------------------------------------------------

    def has_plan(self, key: RowKey) -> bool:
        return any(value > EPSILON for value in self.planned.get(key, ()))

    def cell(self, row: Row, week: int) -> Cell:
        if row.kind is RowKind.TOTAL:
            return self.team_cell(row.team.id or 0, week)
        key = row.key
        available = self.available.get(key)
        return Cell(self.planned[key][week], available[week] if available else 0.0)

    def team_cell(self, team_id: int, week: int) -> Cell:
        planned = self.planned[(team_id, None)][week]
        available = 0.0
        for member_id, member in self.members.items():
            if member.team_id == team_id:
                planned += self.planned[(team_id, member_id)][week]
                available += self.available[(team_id, member_id)][week]
        return Cell(planned, available)

    def key_of(self, task_id: int) -> RowKey | None:
        spread = self._spread.get(task_id)
        return spread[0] if spread else None

    def contributions(self, row: Row, week: int) -> list[Contribution]:
        """The tasks behind a cell with the hours each puts in that week, most hours first."""
        if row.kind is RowKind.TOTAL:
            team_id = row.team.id or 0
            wanted = {key for key in self.planned if key[0] == team_id}
        else:
            wanted = {row.key}
        found = []
        for task_id, (key, parts) in self._spread.items():
            if key not in wanted:
                continue
            for part_week, hours in parts:
                if part_week == week:
                    item = self._items[task_id]
                    found.append(
                        Contribution(
                            task_id, item.title, hours, item.start_date, item.due_date, key
                        )
                    )
        found.sort(key=lambda c: (-c.hours, c.title.casefold(), c.task_id))
        return found

    def uncounted_by_team(self) -> list[tuple[Team | None, list[Uncounted]]]:
        """The uncounted tasks per team (teams by name, then tasks without a team)."""
        groups: dict[int | None, list[Uncounted]] = {}
        for entry in sorted(self.uncounted.values(), key=lambda u: (u.title.casefold(), u.task_id)):
            groups.setdefault(entry.team_id, []).append(entry)
        named = sorted(
            (team_id for team_id in groups if team_id is not None),
            key=lambda t: (self.teams[t].name.casefold(), t),
        )
        result: list[tuple[Team | None, list[Uncounted]]] = [
            (self.teams[team_id], groups[team_id]) for team_id in named
        ]
        if None in groups:
            result.append((None, groups[None]))
        return result


@dataclass(frozen=True, slots=True)
class CapacityInputs:
    """Everything a map is computed from, as the store reads it for a period."""

    teams: list[Team]
    members: list[Member]
    time_off: list[TimeOff]
    tasks: list[WorkItem]

    def compute(self, period: Period, *, team_id: int | None = None) -> CapacityMap:
        return compute_capacity(
            period, self.teams, self.members, self.time_off, self.tasks, team_id=team_id
        )


def compute_capacity(
    period: Period,
    teams: Iterable[Team],
    members: Iterable[Member],
    time_off: Iterable[TimeOff],
    tasks: Iterable[WorkItem],
    *,
    team_id: int | None = None,
) -> CapacityMap:
    """The map for a period (optionally one team's), in one pass over the tasks."""
    capacity = CapacityMap(period, teams, members, time_off, team_id=team_id)
    capacity.add(tasks)
    capacity.lay_out()
    return capacity
