"""The capacity rules on hand-computed cases, without Qt or SQL.

The weeks used: Monday 2 March 2026 to Sunday 8 March (week 0), 9 to 15 March (week 1). A
default member works 40 hours Monday to Friday: 8 hours a day.
"""

from __future__ import annotations

from datetime import date

import pytest

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import (
    NO_DUE_DATE,
    NO_ESTIMATE,
    NO_OWNER,
    CapacityMap,
    LoadLevel,
    RowKind,
    WorkItem,
    load_level,
)
from mopsboard.domain.capacity_inputs import compute_capacity
from mopsboard.domain.models import Member, Team, TimeOff

MON = date(2026, 3, 2)
PERIOD = Period(MON, 2)
CONTENT = Team(id=1, name="Content")
ANA = Member(id=10, team_id=1, name="Ana")


def day(n: int) -> date:
    """Day n of the period: 0 is Monday 2 March."""
    return date.fromordinal(MON.toordinal() + n)


def item(
    task_id: int, estimate: float | None, start: int | None, due: int | None, **kw
) -> WorkItem:
    fields = {"assignee_id": ANA.id, "team_id": 1} | kw
    return WorkItem(
        task_id,
        f"task {task_id}",
        fields["assignee_id"],
        fields["team_id"],
        estimate,
        day(start) if start is not None else None,
        day(due) if due is not None else None,
        fields.get("done", False),
        fields.get("archived", False),
    )


def hours(capacity: CapacityMap, label: str) -> list[tuple[float, float]]:
    row = next(r for r in capacity.rows if r.label == label)
    cells = [capacity.cell(row, week) for week in range(capacity.period.weeks)]
    return [(round(c.planned, 2), round(c.available, 2)) for c in cells]


def plan(*items: WorkItem, member: Member = ANA, time_off: tuple[TimeOff, ...] = ()) -> CapacityMap:
    return compute_capacity(PERIOD, [CONTENT], [member], time_off, items)


def test_a_task_spanning_two_weeks_is_split_by_its_days_in_each():
    # Thursday to next Tuesday: Thu, Fri | Mon, Tue = 4 days of 2 hours.
    capacity = plan(item(1, 8, 3, 8))
    assert hours(capacity, "Ana") == [(4, 40), (4, 40)]


def test_weekend_and_time_off_inside_a_span_take_no_hours():
    # Friday to next Wednesday with the Monday off: Fri | Tue, Wed = 3 days of 2 hours.
    monday_off = TimeOff(member_id=10, start_date=day(7), end_date=day(7), reason="Dentist")
    capacity = plan(item(1, 6, 4, 9), time_off=(monday_off,))
    assert hours(capacity, "Ana") == [(2, 40), (4, 32)]


def test_a_span_with_no_available_day_lands_whole_on_the_due_date():
    weekend = item(1, 5, 5, 6)  # Saturday and Sunday of week 0
    week_off = TimeOff(member_id=10, start_date=day(7), end_date=day(11))
    during_leave = item(2, 3, 7, 9)  # Monday to Wednesday of week 1, all on leave
    capacity = plan(weekend, during_leave, time_off=(week_off,))
    assert hours(capacity, "Ana") == [(5, 40), (3, 0)]
    row = next(r for r in capacity.rows if r.label == "Ana")
    assert capacity.cell(row, 1).level is LoadLevel.NO_CAPACITY


def test_without_a_start_date_the_task_lands_on_its_due_date():
    capacity = plan(item(1, 6, None, 9))
    assert hours(capacity, "Ana") == [(0, 40), (6, 40)]


def test_availability_of_half_halves_the_capacity():
    half = ANA.model_copy(update={"availability": 0.5})
    # Monday to Friday of week 0: five available days of 4 hours each.
    capacity = plan(item(1, 10, 0, 4), member=half)
    assert hours(capacity, "Ana") == [(10, 20), (0, 20)]
    row = next(r for r in capacity.rows if r.label == "Ana")
    assert capacity.cell(row, 0).level is LoadLevel.UNDER
    assert capacity.cell(row, 0).load == pytest.approx(0.5)


def test_a_four_day_week():
    four_days = ANA.model_copy(update={"weekly_hours": 32, "working_days": "1234"})
    # Friday to Monday: Friday is not a working day, so all 6 hours land on Monday (week 1).
    capacity = plan(item(1, 6, 4, 7), item(2, 8, 0, 4), member=four_days)
    assert hours(capacity, "Ana") == [(8, 32), (6, 32)]


def test_a_public_holiday_of_the_members_country():
    # Germany: Good Friday 3 April and Easter Monday 6 April 2026.
    german = ANA.model_copy(update={"holiday_country": "DE"})
    easter = Period(date(2026, 3, 30), 2)
    # Thursday 2 April to Tuesday 7 April: Thu | Tue are the only available days.
    task = WorkItem(1, "Easter", 10, 1, 6.0, date(2026, 4, 2), date(2026, 4, 7))
    capacity = compute_capacity(easter, [CONTENT], [german], [], [task])
    assert hours(capacity, "Ana") == [(3, 32), (3, 32)]
    # Without a country, both Fridays and Mondays are working days.
    plain = compute_capacity(easter, [CONTENT], [ANA], [], [task])
    assert hours(plain, "Ana") == [(3, 40), (3, 40)]


def test_done_and_archived_tasks_are_not_counted_and_not_listed():
    capacity = plan(item(1, 8, 0, 0, done=True), item(2, 8, 0, 0, archived=True))
    assert hours(capacity, "Ana") == [(0, 40), (0, 40)]
    assert capacity.uncounted == {}


def test_a_team_only_task_is_spread_over_monday_to_friday_in_the_unassigned_row():
    # Friday to Tuesday: Fri | Mon, Tue, 3 hours each. No member's calendar applies.
    capacity = plan(item(1, 9, 4, 8, assignee_id=None))
    assert hours(capacity, "Unassigned") == [(3, 0), (6, 0)]
    assert hours(capacity, "Ana") == [(0, 40), (0, 40)]
    assert hours(capacity, "Content") == [(3, 40), (6, 40)]
    weekend_only = plan(item(2, 4, 5, 6, assignee_id=None))
    assert hours(weekend_only, "Unassigned") == [(4, 0), (0, 0)]


@pytest.mark.parametrize(
    ("fields", "reasons"),
    [
        ({"estimate": None}, (NO_ESTIMATE,)),
        ({"due": None}, (NO_DUE_DATE,)),
        ({"assignee_id": None, "team_id": None}, (NO_OWNER,)),
        (
            {"estimate": None, "due": None, "assignee_id": None, "team_id": None},
            (NO_ESTIMATE, NO_DUE_DATE, NO_OWNER),
        ),
    ],
)
def test_uncounted_tasks_are_listed_with_their_reasons(fields, reasons):
    values = {"estimate": 4.0, "start": 0, "due": 2} | fields
    task = item(
        1,
        values.pop("estimate"),
        values.pop("start"),
        values.pop("due"),
        **values,
    )
    capacity = plan(task)
    assert hours(capacity, "Ana") == [(0, 40), (0, 40)]
    (entry,) = capacity.uncounted.values()
    assert entry.reasons == reasons
    assert entry.reason == ", ".join(reasons)
    groups = capacity.uncounted_by_team()
    owner = None if fields.get("team_id", 1) is None else CONTENT
    assert [(team, [u.task_id for u in tasks]) for team, tasks in groups] == [(owner, [1])]


def test_no_estimate_outside_the_period_is_not_listed_but_no_due_date_always_is():
    capacity = plan(item(1, None, 30, 31), item(2, 4, 30, None), item(3, 4, None, 40))
    assert set(capacity.uncounted) == {2}


def test_only_the_part_of_a_span_inside_the_period_counts():
    # Ten working days from Monday of week 1 to Friday of week 2 (outside): half is in week 1.
    capacity = plan(item(1, 20, 7, 18))
    assert hours(capacity, "Ana") == [(0, 40), (10, 40)]
    # A task due after the period with no available day lands on its due date: not shown.
    assert hours(plan(item(2, 5, 19, 20)), "Ana") == [(0, 40), (0, 40)]


def test_rows_group_members_by_team_with_a_total_and_an_unassigned_row():
    web = Team(id=2, name="Web")
    old = Team(id=3, name="Archived agency", archived=True)
    ben = Member(id=11, team_id=2, name="ben", weekly_hours=20)
    aiko = Member(id=12, team_id=2, name="Aiko")
    gone = Member(id=13, team_id=2, name="Zed", active=False)
    capacity = compute_capacity(
        PERIOD,
        [web, old, CONTENT],
        [ANA, ben, aiko, gone],
        [],
        [item(1, 30, 0, 4, assignee_id=11, team_id=2), item(2, 8, 0, 0, assignee_id=13)],
    )
    labels = [(r.kind.value, r.label) for r in capacity.rows]
    assert labels == [
        ("total", "Content"),
        ("member", "Ana"),
        ("unassigned", "Unassigned"),
        ("total", "Web"),
        ("member", "Aiko"),
        ("member", "ben"),
        # Inactive, but work still lands on him: shown, with no capacity.
        ("member", "Zed"),
        ("unassigned", "Unassigned"),
    ]
    assert hours(capacity, "ben") == [(30, 20), (0, 20)]
    assert hours(capacity, "Zed") == [(8, 0), (0, 0)]
    assert hours(capacity, "Web") == [(38, 60), (0, 60)]
    web_total = next(r for r in capacity.rows if r.kind is RowKind.TOTAL and r.label == "Web")
    # The team has room in total while one of its members is over-booked.
    assert capacity.cell(web_total, 0).level is LoadLevel.UNDER
    ben_row = next(r for r in capacity.rows if r.label == "ben")
    assert capacity.cell(ben_row, 0).level is LoadLevel.OVER


def test_one_team_only():
    web = Team(id=2, name="Web")
    ben = Member(id=11, team_id=2, name="Ben")
    tasks = [
        item(1, 8, 0, 0),
        item(2, 4, 0, 0, assignee_id=11, team_id=2),
        item(3, None, 0, 0, assignee_id=None, team_id=None),
        item(4, None, 0, 0, assignee_id=11, team_id=2),
    ]
    capacity = compute_capacity(PERIOD, [CONTENT, web], [ANA, ben], [], tasks, team_id=2)
    assert [r.label for r in capacity.rows] == ["Web", "Ben", "Unassigned"]
    assert hours(capacity, "Ben") == [(4, 40), (0, 40)]
    assert set(capacity.uncounted) == {4}


def test_the_tasks_behind_a_cell():
    capacity = plan(item(1, 8, 3, 8), item(2, 2, 0, 0), item(3, 9, 4, 8, assignee_id=None))
    ana = next(r for r in capacity.rows if r.label == "Ana")
    behind = capacity.contributions(ana, 0)
    assert [(c.task_id, round(c.hours, 2)) for c in behind] == [(1, 4), (2, 2)]
    total = capacity.rows[0]
    assert [(c.task_id, c.hours) for c in capacity.contributions(total, 1)] == [(3, 6), (1, 4)]
    assert capacity.key_of(3) == (1, None)


@pytest.mark.parametrize(
    ("planned", "available", "level"),
    [
        (0, 0, LoadLevel.EMPTY),
        (0, 40, LoadLevel.UNDER),
        (31.99, 40, LoadLevel.UNDER),
        (32, 40, LoadLevel.FULL),
        (40, 40, LoadLevel.FULL),
        (40.004, 40, LoadLevel.FULL),  # shown as 40 / 40
        (40.01, 40, LoadLevel.OVER),
        (1, 0, LoadLevel.NO_CAPACITY),
    ],
)
def test_load_levels(planned: float, available: float, level: LoadLevel) -> None:
    assert load_level(planned, available) is level
