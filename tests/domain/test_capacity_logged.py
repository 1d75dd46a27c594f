"""The capacity map under the rule with logged hours: what is left planned from today, overdue
work landing today, past weeks holding the hours logged. Hand-computed, then checked against
the one-task rule of domain/remaining_work.py."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.calendar import WEEKDAYS_MON_FRI, Calendar, Period
from mopsboard.domain.capacity import CapacityMap, LoadLevel, WorkItem
from mopsboard.domain.capacity_inputs import compute_capacity
from mopsboard.domain.ids import MemberId, TaskId, TeamId
from mopsboard.domain.models import Member, Team
from mopsboard.domain.remaining_work import ActualHours, plan_task

CONTENT = Team(id=1, name="Content")
LEGAL = Team(id=2, name="Legal")
ANA = Member(id=10, team_id=1, name="Ana")  # 40 h a week, Monday to Friday
BEA = Member(id=20, team_id=2, name="Bea")
TODAY = date(2026, 3, 11)  # a Wednesday
WEEK_OF_TODAY = Period(date(2026, 3, 9), 2)


def work(task_id: int, estimate: float | None, start: date | None, due: date | None) -> WorkItem:
    return WorkItem(
        TaskId(task_id), f"task {task_id}", MemberId(10), TeamId(1), estimate, start, due
    )


def logged_by_ana(day: date, hours: float) -> ActualHours:
    return ActualHours(MemberId(10), TeamId(1), day, hours)


def ana_weeks(capacity: CapacityMap) -> list[tuple[float, float]]:
    """(planned, actual) of Ana's row per week."""
    row = next(r for r in capacity.rows if r.label == "Ana")
    cells = [capacity.cell(row, week) for week in range(capacity.period.weeks)]
    return [(round(c.planned, 2), round(c.actual, 2)) for c in cells]


def test_a_week_holding_today_plans_what_is_left_from_today_and_shows_what_was_logged():
    items = [
        work(1, 16, date(2026, 3, 9), date(2026, 3, 13)),  # half logged: 8 left, Wed to Fri
        work(2, 10, date(2026, 2, 23), date(2026, 3, 2)),  # overdue, 3 logged: 7 land today
        work(3, 12, date(2026, 3, 2), date(2026, 3, 13)),  # started in the past: 12, Wed to Fri
        work(4, 5, date(2026, 3, 16), date(2026, 3, 17)),  # 9 logged, more than its 5: none
        work(5, 6, date(2026, 3, 12), date(2026, 3, 17)),  # Thu, Fri, Mon, Tue: 3 and 3
    ]
    logged = {TaskId(1): 8.0, TaskId(2): 3.0, TaskId(4): 9.0}
    actual = [
        logged_by_ana(date(2026, 3, 9), 4),  # task 1
        logged_by_ana(date(2026, 3, 10), 4),  # task 1
        logged_by_ana(date(2026, 2, 27), 3),  # task 2, before the period
        logged_by_ana(date(2026, 3, 10), 9),  # task 4
    ]
    capacity = compute_capacity(
        WEEK_OF_TODAY, [CONTENT], [ANA], [], items, today=TODAY, logged=logged, actual=actual
    )
    assert ana_weeks(capacity) == [(8 + 7 + 12 + 3, 4 + 4 + 9), (3, 0)]
    row = next(r for r in capacity.rows if r.label == "Ana")
    this_week = capacity.cell(row, 0)
    # The week's load is what was logged and what is still planned in it: 47 of 40 hours.
    assert round(this_week.hours, 2) == 47
    assert this_week.level is LoadLevel.OVER
    # The drill-down lists what each task still puts in the week.
    assert {c.task_id: round(c.hours, 2) for c in capacity.contributions(row, 0)} == {
        1: 8,
        2: 7,
        3: 12,
        5: 3,
    }
    assert not capacity.is_past(0) and not capacity.is_past(1)


def test_a_past_week_holds_the_hours_logged_and_no_plan():
    period = Period(date(2026, 3, 2), 2)  # the week before today's, and today's
    items = [work(1, 20, date(2026, 3, 2), date(2026, 3, 13))]  # 10 working days
    actual = [logged_by_ana(date(2026, 3, 3), 6), logged_by_ana(date(2026, 3, 9), 2)]
    capacity = compute_capacity(
        period, [CONTENT], [ANA], [], items, today=TODAY, logged={TaskId(1): 8.0}, actual=actual
    )
    # Under the old rule 10 hours a week; now the 12 left go on Wednesday to Friday.
    assert ana_weeks(capacity) == [(0, 6), (12, 2)]
    assert capacity.is_past(0) and not capacity.is_past(1)
    row = next(r for r in capacity.rows if r.label == "Ana")
    assert capacity.contributions(row, 0) == []


def test_an_overdue_task_lands_today_only_on_a_map_holding_today():
    overdue = [work(1, 5, None, date(2026, 2, 20))]
    holding_today = compute_capacity(WEEK_OF_TODAY, [CONTENT], [ANA], [], overdue, today=TODAY)
    assert ana_weeks(holding_today) == [(5, 0), (0, 0)]
    later = Period(date(2026, 3, 16), 2)
    assert ana_weeks(compute_capacity(later, [CONTENT], [ANA], [], overdue, today=TODAY)) == [
        (0, 0),
        (0, 0),
    ]
    # Today a Sunday: what is left lands on it all the same (a day without hours: over-booked).
    sunday = date(2026, 3, 15)
    weekend = compute_capacity(WEEK_OF_TODAY, [CONTENT], [ANA], [], overdue, today=sunday)
    assert ana_weeks(weekend) == [(5, 0), (0, 0)]


def test_logs_land_in_the_row_of_whom_they_name_or_of_the_unassigned_work_of_the_team():
    actual = [
        ActualHours(MemberId(10), TeamId(2), date(2026, 3, 9), 1.5),  # Ana, on a Legal task
        ActualHours(None, TeamId(1), date(2026, 3, 10), 2.0),  # nobody, a Content task
        ActualHours(MemberId(20), TeamId(1), date(2026, 3, 10), 4.0),  # Bea: not on this map
        ActualHours(None, None, date(2026, 3, 10), 3.0),  # nobody, no team: nowhere
    ]
    capacity = CapacityMap(
        WEEK_OF_TODAY, [CONTENT, LEGAL], [ANA, BEA], team_id=1, today=TODAY, actual=actual
    )
    capacity.lay_out()
    cells = {r.label: capacity.cell(r, 0).actual for r in capacity.rows}
    assert cells == {"Content": 3.5, "Ana": 1.5, "Unassigned": 2.0}


def test_an_inactive_person_with_hours_logged_still_shows():
    gone = ANA.model_copy(update={"active": False})
    actual = [logged_by_ana(date(2026, 3, 9), 3)]
    capacity = compute_capacity(
        WEEK_OF_TODAY, [CONTENT], [gone], [], [], today=TODAY, actual=actual
    )
    assert "Ana" in [r.label for r in capacity.rows]


def test_a_map_with_no_today_plans_every_task_from_its_start():
    items = [work(1, 10, date(2026, 3, 9), date(2026, 3, 13))]
    capacity = compute_capacity(WEEK_OF_TODAY, [CONTENT], [ANA], [], items, logged={TaskId(1): 4})
    assert ana_weeks(capacity) == [(6, 0), (0, 0)]


# -- the map against the one-task rule --------------------------------------------------------

FIRST = date(2026, 3, 2)
WIDE = Period(FIRST - timedelta(days=7 * 4), 14)  # covers every day the tasks below use
day_in = st.integers(min_value=0, max_value=41).map(lambda n: FIRST + timedelta(days=n))


@settings(max_examples=200, deadline=None)
@given(
    estimate=st.floats(min_value=0, max_value=80).map(lambda h: round(h, 2)),
    logs=st.lists(
        st.tuples(day_in, st.floats(min_value=0.25, max_value=12).map(lambda h: round(h, 2))),
        max_size=5,
    ),
    start=st.one_of(st.none(), day_in),
    due=day_in,
    today=day_in,
)
def test_the_map_plans_a_task_as_the_one_task_rule_does(estimate, logs, start, due, today):
    item = work(1, estimate, start, due)
    logged = sum(hours for _day, hours in logs)
    actual = [logged_by_ana(day, hours) for day, hours in logs]
    capacity = compute_capacity(
        WIDE, [CONTENT], [ANA], [], [item], today=today, logged={TaskId(1): logged}, actual=actual
    )
    calendar = Calendar(WEEKDAYS_MON_FRI, 8.0)
    days = plan_task(
        calendar,
        estimate,
        None if start is None else start.toordinal(),
        due.toordinal(),
        [(day.toordinal(), hours) for day, hours in logs],
        today.toordinal(),
    )
    weeks = [0.0] * WIDE.weeks
    for ordinal, hours in days.planned.items():
        weeks[(ordinal - WIDE.first.toordinal()) // 7] += hours
    # Compared unrounded: the two add the same shares in another order, and a share such as
    # 0.005 rounds to 0.0 one way and to 0.01 the other.
    planned = capacity.planned[(TeamId(1), MemberId(10))]
    assert all(abs(a - b) < 1e-9 for a, b in zip(planned, weeks, strict=True)), (planned, weeks)
    # What a counted task holds on the map: planned and logged make the larger of its estimate
    # and its logged hours, and nothing is planned before today.
    total_planned = sum(capacity.planned[(TeamId(1), MemberId(10))])
    total_actual = sum(capacity.actual.get((TeamId(1), MemberId(10)), []))
    assert abs(total_planned + total_actual - max(estimate, logged)) < 1e-6
    today_week = (today - WIDE.first).days // 7
    assert all(p == 0 for p in planned[:today_week])
