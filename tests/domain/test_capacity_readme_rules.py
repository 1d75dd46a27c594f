"""The capacity map against the rules as the README states them, implemented here a second
time, day by day and without the map's code: its calendars, its week shares, its caches. Only
the models and the `holidays` package are shared (the README says whose holidays count)."""

from __future__ import annotations

from datetime import date, timedelta

import holidays as holiday_package
from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import WorkItem
from mopsboard.domain.capacity_inputs import compute_capacity
from mopsboard.domain.ids import MemberId, TaskId, TeamId
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.domain.remaining_work import ActualHours

FIRST = date(2026, 11, 30)  # a Monday; the weeks shown run over Christmas and New Year
WEEKS = 6
TEAM = Team(id=1, name="Content")


def public_holidays(country: str | None) -> set[date]:
    if not country:
        return set()
    return set(holiday_package.country_holidays(country, years=[2026, 2027]))


def capacity_on(member: Member, day: date, off: list[TimeOff]) -> float:
    """ "weekly hours / working days per week x availability on their working days that are
    neither time off nor a public holiday of their country, and 0 on other days. An inactive
    person has no capacity, nor has one before their first day or after their last.\""""
    working_days = {int(d) for d in member.working_days}
    if not member.active or str(day.isoweekday()) not in member.working_days:
        return 0.0
    if (member.active_from and day < member.active_from) or (
        member.active_until and day > member.active_until
    ):
        return 0.0
    if any(t.start_date <= day <= t.end_date for t in off if t.member_id == member.id):
        return 0.0
    if day in public_holidays(member.holiday_country):
        return 0.0
    return member.weekly_hours / len(working_days) * member.availability


def readme_map(
    members: list[Member],
    off: list[TimeOff],
    tasks: list[WorkItem],
    logs: dict[TaskId, list[ActualHours]],
    today: date,
) -> dict[tuple[int | None, int], tuple[float, float, float]]:
    """(member id or None for Unassigned, week) -> (planned, actual, available)."""
    by_id = {m.id: m for m in members}
    planned: dict[tuple[int | None, date], float] = {}
    for task in tasks:
        if task.estimate_hours is None or task.due_date is None:
            continue
        if task.assignee_id is None and task.team_id is None:
            continue
        logged = sum(entry.hours for entry in logs.get(task.id, []))
        left = max(0.0, task.estimate_hours - logged)
        start = task.start_date
        if start is None or start > task.due_date:
            start = task.due_date
        first_day = max(today, start)
        due = task.due_date
        if due < today:  # overdue: what is left lands on today
            first_day = due = today
        span = [first_day + timedelta(days=n) for n in range((due - first_day).days + 1)]
        if task.assignee_id is not None:
            member = by_id[task.assignee_id]
            days = [d for d in span if capacity_on(member, d, off) > 0]
            row: int | None = member.id
        else:
            days = [d for d in span if d.isoweekday() <= 5]  # Unassigned: Monday to Friday
            row = None
        if not days:
            days = [due]
        for day in days:
            planned[(row, day)] = planned.get((row, day), 0.0) + left / len(days)
    actual: dict[tuple[int | None, date], float] = {}
    for entries in logs.values():
        for entry in entries:
            key = (entry.member_id, entry.day)
            actual[key] = actual.get(key, 0.0) + entry.hours
    found = {}
    rows: list[int | None] = [m.id for m in members]
    rows.append(None)
    for row in rows:
        for week in range(WEEKS):
            days = [FIRST + timedelta(days=7 * week + n) for n in range(7)]
            available = sum(capacity_on(by_id[row], d, off) for d in days) if row else 0.0
            found[(row, week)] = (
                round(sum(planned.get((row, d), 0.0) for d in days), 6),
                round(sum(actual.get((row, d), 0.0) for d in days), 6),
                round(available, 6),
            )
    return found


PEOPLE = [
    Member(id=10, team_id=1, name="Ana", holiday_country="DE"),
    Member(id=11, team_id=1, name="Ben", weekly_hours=20, working_days="135", holiday_country="GB"),
    Member(id=12, team_id=1, name="Caro", weekly_hours=32, availability=0.5, holiday_country="US"),
    Member(id=13, team_id=1, name="Dev", working_days="234567"),
    # A contractor for three weeks from a Wednesday to a Tuesday, over Christmas.
    Member(
        id=14,
        team_id=1,
        name="Eli",
        weekly_hours=30,
        active_from=FIRST + timedelta(days=9),
        active_until=FIRST + timedelta(days=29),
    ),
]

offset = st.integers(min_value=-45, max_value=60)
hours = st.floats(min_value=0.25, max_value=10).map(lambda h: round(h, 2))


@st.composite
def workspaces(draw: st.DrawFn) -> tuple[list[TimeOff], list[WorkItem], dict, date]:
    today = FIRST + timedelta(days=draw(st.integers(min_value=-10, max_value=45)))
    off = [
        TimeOff(
            id=n + 1,
            member_id=draw(st.sampled_from([m.id for m in PEOPLE])),
            start_date=(start := FIRST + timedelta(days=draw(offset))),
            end_date=start + timedelta(days=draw(st.integers(0, 9))),
        )
        for n in range(draw(st.integers(0, 3)))
    ]
    tasks = []
    logs: dict[TaskId, list[ActualHours]] = {}
    for n in range(draw(st.integers(1, 8))):
        who = draw(st.sampled_from([*(m.id for m in PEOPLE), None]))
        due = FIRST + timedelta(days=draw(offset))
        start = draw(st.one_of(st.none(), st.just(due - timedelta(days=draw(st.integers(-3, 15))))))
        estimate = draw(st.one_of(st.none(), st.floats(0, 60).map(lambda h: round(h, 2))))
        task_id = TaskId(n + 1)
        tasks.append(
            WorkItem(task_id, f"t{n}", None if who is None else MemberId(who), TeamId(1),
                     estimate, start, due)
        )  # fmt: skip
        entries = []
        for _ in range(draw(st.integers(0, 3))):
            # A log names its person; naming nobody it is the assignee's (the README).
            named = draw(st.sampled_from([*(m.id for m in PEOPLE), None]))
            member = named if named is not None else who
            day = FIRST + timedelta(days=draw(offset))
            entries.append(
                ActualHours(None if member is None else MemberId(member), TeamId(1), day,
                            draw(hours))
            )  # fmt: skip
        if entries:
            logs[task_id] = entries
    return off, tasks, logs, today


@settings(max_examples=250, deadline=None)
@given(workspaces())
def test_the_map_is_the_readme_rules(workspace) -> None:
    off, tasks, logs, today = workspace
    logged = {task_id: sum(e.hours for e in entries) for task_id, entries in logs.items()}
    everything = [entry for entries in logs.values() for entry in entries]
    period = Period(FIRST, WEEKS)
    capacity = compute_capacity(
        period, [TEAM], PEOPLE, off, tasks, today=today, logged=logged, actual=everything
    )
    expected = readme_map(PEOPLE, off, tasks, logs, today)
    for row in capacity.rows:
        if row.member is None and row.kind.value == "total":
            continue
        key = row.member.id if row.member else None
        for week in range(WEEKS):
            cell = capacity.cell(row, week)
            want = expected[(key, week)]
            got = (cell.planned, cell.actual, cell.available)
            assert all(abs(a - b) < 1e-6 for a, b in zip(got, want, strict=True)), (
                row.label,
                week,
                got,
                want,
            )
