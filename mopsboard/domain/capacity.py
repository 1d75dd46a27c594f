"""The capacity rules: planned hours against available hours, per person and per week.

- A member's capacity on a day is weekly hours / working days per week x availability, on their
  working days that are neither time off nor a public holiday of their country; 0 on other days.
  An inactive member has no capacity, nor has one before their first day (`active_from`) or after
  their last (`active_until`).
- A task counts when it is not archived, not in a done stage, and has an estimate, a due date and
  an assignee or a team. What is left of it (its estimate minus the hours logged on it, never
  below zero) is spread evenly over the assignee's available days from today (or its start date,
  if later; its due date when it has none) to its due date, inclusive; when that span holds no
  available day, all of it lands on the due date. An overdue task (due before today) has what is
  left land today. (domain/remaining_work.py states the rule for one task.)
- A week's actual hours are the hours logged on its days: in the row of the person a log names,
  or, naming nobody, of the task's assignee; a log on a task with neither lands in the task's
  team's Unassigned row. Days before today hold no planned hours, only these.
- A task with a team and no assignee is spread over Monday to Friday in the team's Unassigned row.
- Tasks that are not counted for want of an estimate, a due date or an owner are listed, never
  silently dropped: those without a due date always, the others when their dates touch the period.
  So are tasks whose estimate or dates the file holds in a form that cannot be read (another
  program wrote them): as if without an estimate, or, for a date, as if without a due date.

`CapacityMap` computes a whole map in one pass over the tasks (domain/capacity_inputs.py,
`compute_capacity`) and then follows single-task changes (`replace`), so a view can update a
cell without recomputing the map.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from mopsboard.domain.calendar import (
    CALENDAR_REACH_DAYS,
    WEEKDAYS_MON_FRI,
    Calendar,
    Period,
    Shares,
    time_off_ranges,
)
from mopsboard.domain.ids import TaskId, TeamId
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.domain.remaining_work import ActualHours, actual_rows, logged_tasks
from mopsboard.domain.workload import (
    EPSILON,
    FULL_FROM,
    NO_DUE_DATE,
    NO_ESTIMATE,
    NO_OWNER,
    OFF_MAP,
    UNREADABLE,
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

# Days of calendar kept ready on each side of a period or span, so few tasks need a rebuild.
WIDEN_MARGIN = 42

__all__ = [
    "EPSILON",
    "FULL_FROM",
    "NO_DUE_DATE",
    "NO_ESTIMATE",
    "NO_OWNER",
    "OFF_MAP",
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
    "daily_hours",
    "load_level",
]


def hours_by_week(shares: Shares, estimate: float) -> Parts:
    """A task's hours in each week its span falls in (the sums `CapacityMap.add` makes)."""
    return tuple(
        (week, estimate * inside / days if days else estimate) for week, inside, days in shares
    )


def outside_engagement(member: Member) -> list[tuple[date, date]]:
    """The days before a member's `active_from` and after their `active_until`, as time off."""
    spans = []
    if member.active_from is not None and member.active_from > date.min:
        spans.append((date.min, member.active_from - timedelta(days=1)))
    if member.active_until is not None and member.active_until < date.max:
        spans.append((member.active_until + timedelta(days=1), date.max))
    return spans


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
        today: date | None = None,
        logged: Mapping[TaskId, float] | None = None,
        actual: Iterable[ActualHours] = (),
    ) -> None:
        """`today` None is a plan with no past: every task from its start, logs only shown."""
        self.period = period
        self.team_id = team_id
        self.today = today
        self._today = today.toordinal() if today is not None else None
        self.logged: dict[TaskId, float] = dict(logged or {})
        self.teams = {t.id: t for t in teams if t.id and team_id in (None, t.id)}
        self.members = {m.id: m for m in members if m.id and m.team_id in self.teams}
        self._first = period.first.toordinal()
        self._last = period.last.toordinal()
        self._reach = (self._first - CALENDAR_REACH_DAYS, self._last + CALENDAR_REACH_DAYS)
        window = (self._first - WIDEN_MARGIN, self._last + WIDEN_MARGIN)
        offs: dict[int, list[tuple[date, date]]] = {}
        for entry in time_off:
            if entry.member_id in self.members:
                offs.setdefault(entry.member_id, []).append((entry.start_date, entry.end_date))
        for member_id, member in self.members.items():
            offs.setdefault(member_id, []).extend(outside_engagement(member))
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
        # Per task on the map: its row, how its span falls in the weeks, its estimate, itself.
        self._spread: dict[int, tuple[RowKey, Shares, float, WorkItem]] = {}
        self._member_keys: dict[int, RowKey] = {
            member_id: (member.team_id, member_id) for member_id, member in self.members.items()
        }
        self._team_keys: dict[int, RowKey] = {team_id_: (team_id_, None) for team_id_ in self.teams}
        # (member id, or None for a team's row; first day; last day) -> its Shares.
        self._shares: dict[tuple[int | None, int, int], Shares] = {}
        # The tasks that put hours in each row: what a cell's drill-down reads.
        self._tasks_of: dict[RowKey, set[int]] = {key: set() for key in self.planned}
        self.uncounted: dict[int, Uncounted] = {}
        self.actual: dict[RowKey, list[float]] = {}
        self._logged_entries: list[ActualHours] = []
        self.set_actual(actual)
        self.rows: list[Row] = []
        self.lay_out()

    # -- the rules -------------------------------------------------------------------------------

    def _not_counted(self, item: WorkItem, key: RowKey | None) -> None:
        if key is None and self.team_id is not None:
            return  # no team: listed on the map of all teams only
        reasons = [UNREADABLE[name] for name in item.unreadable]
        if item.estimate_hours is None and "estimate_hours" not in item.unreadable:
            reasons.append(NO_ESTIMATE)
        if item.due_date is None and "due_date" not in item.unreadable:
            reasons.append(NO_DUE_DATE)
        if key is None:
            reasons.append(NO_OWNER)
        team = key[0] if key else None
        self.uncounted[item.id] = Uncounted(item.id, item.title, team, tuple(reasons))

    def _widen(self, calendar: Calendar, start: int, due: int) -> None:
        # A margin beyond the span, so the next task a little further out needs no rebuild.
        reach_lo, reach_hi = self._reach
        calendar.widen(max(start - WIDEN_MARGIN, reach_lo), min(due + WIDEN_MARGIN, reach_hi))

    # -- building and following changes -----------------------------------------------------------

    def add(self, items: Iterable[WorkItem]) -> set[RowKey]:
        """Counts these tasks (not yet on the map); returns the rows whose hours changed.
        Call `lay_out` afterwards when members or teams may have to appear.

        One pass, written out inline: it runs once per task of a large workspace. Tasks of one
        person with the same dates share how their span falls in the weeks (worked out once)."""
        touched: set[RowKey] = set()
        first, last = self._first, self._last
        team_keys, team_calendar = self._team_keys, self._team_calendar
        planned, spread = self.planned, self._spread
        # A member's row and calendar, in one look-up.
        owned = {m: (key, self.calendars[m]) for m, key in self._member_keys.items()}
        tasks_of, shares_of = self._tasks_of, self._shares
        today, logged = self._today, self.logged
        for item in items:
            task_id, _, assignee_id, team_id, estimate, start_date, due_date, done, gone, bad = item
            if done or gone:
                continue
            start = due = 0
            if bad and "start_date" in bad:
                due_date = None  # not spread from a guessed start: listed, as if undated
            if due_date is not None:
                due = due_date.toordinal()
                start = start_date.toordinal() if start_date is not None else due
                if start > due:
                    start = due
                # remaining_work.remaining_span, written out: this loop runs once per task.
                if today is not None:
                    if due < today:
                        start = due = today
                    elif start < today:
                        start = today
                if due < first or start > last:
                    continue
            key: RowKey | None
            if assignee_id is not None:
                mine = owned.get(assignee_id)
                if mine is None:
                    continue  # another team's member
                key, calendar = mine
            elif team_id is not None:
                key = team_keys.get(team_id)
                if key is None:
                    continue
                calendar = team_calendar
            else:
                key, calendar = None, team_calendar
            if estimate is None or due_date is None or key is None:
                self._not_counted(item, key)
                continue
            if logged and task_id in logged:
                estimate = max(0.0, estimate - logged[task_id])
            span = (assignee_id, start, due)
            shares = shares_of.get(span)
            if shares is None:
                if start < calendar.lo or due > calendar.hi:
                    self._widen(calendar, start, due)
                shares = shares_of[span] = calendar.shares(start, due, first, last)
            spread[task_id] = (key, shares, estimate, item)
            if not shares:
                continue
            row = planned[key]
            if len(shares) == 1:
                week, inside, days = shares[0]
                row[week] += estimate * inside / days if days else estimate
            else:
                for week, inside, days in shares:
                    row[week] += estimate * inside / days
            tasks_of[key].add(task_id)
            touched.add(key)
        return touched

    def remove(self, task_ids: Iterable[int]) -> set[RowKey]:
        """Takes these tasks off the map; returns the rows whose hours changed."""
        touched: set[RowKey] = set()
        for task_id in task_ids:
            self.uncounted.pop(task_id, None)
            spread = self._spread.pop(task_id, None)
            if spread is None:
                continue
            key, shares, estimate, _item = spread
            row = self.planned[key]
            for week, hours in hours_by_week(shares, estimate):
                value = row[week] - hours
                row[week] = value if abs(value) > EPSILON else 0.0
            if shares:
                self._tasks_of[key].discard(task_id)
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

    def set_actual(self, actual: Iterable[ActualHours]) -> None:
        """The hours logged in the period (all of them, replacing what the map held)."""
        entries = list(actual)
        self.actual = actual_rows(
            entries, self.members, self.teams, self.period.first.toordinal(), self.period.weeks
        )
        self._logged_entries = entries

    def set_logged(self, logged: Mapping[TaskId, float]) -> None:
        """The hours logged per task (all of them): follow with `replace` of the tasks whose
        logged hours changed."""
        self.logged = dict(logged)

    def is_past(self, week: int) -> bool:
        """True for a week that ended before today: it holds actual hours only."""
        if self._today is None:
            return False
        return self._first + 7 * week + 6 < self._today

    def lay_out(self) -> None:
        rows: list[Row] = []
        teams = sorted(self.teams.values(), key=lambda t: (t.name.casefold(), t.key))
        by_team: dict[int, list[Member]] = {}
        for member in sorted(self.members.values(), key=lambda m: (m.name.casefold(), m.id)):
            by_team.setdefault(member.team_id, []).append(member)
        for team in teams:
            team_id = team.key
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

    @property
    def counted(self) -> int:
        """How many tasks put hours in the period."""
        return sum(len(tasks) for tasks in self._tasks_of.values())

    def has_plan(self, key: RowKey) -> bool:
        """Planned or logged hours land in this row (so an inactive member still shows)."""
        return any(value > EPSILON for value in self.planned.get(key, ())) or any(
            value > EPSILON for value in self.actual.get(key, ())
        )

    def cell(self, row: Row, week: int) -> Cell:
        if row.kind is RowKind.TOTAL:
            return self.team_cell(row.team.key, week)
        key = row.key
        available = self.available.get(key)
        actual = self.actual.get(key)
        return Cell(
            self.planned[key][week],
            available[week] if available else 0.0,
            actual[week] if actual else 0.0,
        )

    def team_cell(self, team_id: TeamId, week: int) -> Cell:
        key: RowKey = (team_id, None)
        planned = self.planned[key][week]
        actual = self.actual[key][week] if key in self.actual else 0.0
        available = 0.0
        for member_id, member in self.members.items():
            if member.team_id == team_id:
                key = (team_id, member_id)
                planned += self.planned[key][week]
                available += self.available[key][week]
                if key in self.actual:
                    actual += self.actual[key][week]
        return Cell(planned, available, actual)

    def key_of(self, task_id: int) -> RowKey | None:
        spread = self._spread.get(task_id)
        return spread[0] if spread else None

    def contributions(self, row: Row, week: int) -> list[Contribution]:
        """The tasks behind a cell with the hours each puts in that week, most hours first."""
        if row.kind is RowKind.TOTAL:
            team_id = row.team.key
            wanted = [key for key in self._tasks_of if key[0] == team_id]
        else:
            wanted = [row.key] if row.key in self._tasks_of else []
        found = []
        spread = self._spread
        for key in wanted:
            for task_id in self._tasks_of[key]:
                _key, shares, estimate, item = spread[task_id]
                for part_week, inside, days in shares:
                    if part_week == week:
                        hours = estimate * inside / days if days else estimate
                        found.append(
                            Contribution(
                                item.id, item.title, hours, item.start_date, item.due_date, key
                            )
                        )
        found.sort(key=lambda c: (-c.hours, c.title.casefold(), c.task_id))
        return found

    def logged_contributions(self, row: Row, week: int) -> list[Contribution]:
        """The tasks hours were logged on in a cell's week, with those hours, most first."""
        first = self._first + 7 * week
        team = row.team.key if row.kind is RowKind.TOTAL else None
        return logged_tasks(
            self._logged_entries, self.members, self.teams, (first, first + 6), team or row.key
        )

    def uncounted_by_team(self) -> list[tuple[Team | None, list[Uncounted]]]:
        """The uncounted tasks per team (teams by name, then tasks without a team)."""
        groups: dict[TeamId | None, list[Uncounted]] = {}
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
