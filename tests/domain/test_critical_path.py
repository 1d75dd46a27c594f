"""The critical path, computed by hand on a December 2026 calendar (Monday 14 to Thursday 31;
HOLIDAY_WEEK has the week of the 21st off)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.critical_path import CriticalPath, critical_path, slack_days
from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar

HOLIDAY_WEEK = WorkCalendar(off=[(date(2026, 12, 21), date(2026, 12, 25))])
LAUNCH = date(2026, 12, 29)  # a Tuesday
SS = LinkKind.START_TO_START


def slacks(path: CriticalPath) -> dict[int, int | None]:
    return {key: path.slack(key) for key in path.ends}


def day(number: int) -> date:
    return date(2026, 12, number)


def task(key: int, start: int, due: int, calendar: WorkCalendar = HOLIDAY_WEEK) -> ChainTask:
    return ChainTask(key, f"task {key}", day(start), day(due), calendar)


def test_a_tight_chain_over_a_holiday_week_is_critical_and_a_branch_with_slack_is_not() -> None:
    # Brief 14-16; Copy 17, 18 and (the holiday week off) 28; Legal review on the launch, the
    # 29th. Visuals, due on the 15th, could finish on the 28th: the 16th, 17th, 18th and 28th.
    brief, copy, legal, visuals = task(1, 14, 16), task(2, 17, 28), task(3, 29, 29), task(4, 14, 15)
    edges = [Edge(1, 2), Edge(2, 3), Edge(4, 3)]
    path = critical_path(LAUNCH, [brief, copy, legal, visuals], edges)
    assert slacks(path) == {1: 0, 2: 0, 3: 0, 4: 4}
    assert path.tasks == {1, 2, 3}
    assert path.links == {(1, 2), (2, 3)}


def test_the_same_chain_on_weekdays_has_a_weeks_slack() -> None:
    # Without the holiday week, Copy takes four working days (17 to 22).
    brief, copy = task(1, 14, 16, WEEKDAYS_ONLY), task(2, 17, 22, WEEKDAYS_ONLY)
    legal = task(3, 29, 29, WEEKDAYS_ONLY)
    path = critical_path(LAUNCH, [brief, copy, legal], [Edge(1, 2), Edge(2, 3)])
    # Copy may finish on the 28th (the 23rd, 24th, 25th and 28th after its due day) and start
    # on the 23rd; Brief may then finish on the 22nd (the 17th, 18th, 21st and 22nd).
    assert slacks(path) == {1: 4, 2: 4, 3: 0}
    assert path.tasks == {3}
    assert path.links == frozenset()


def test_a_task_due_after_its_latest_finish_has_negative_slack() -> None:
    # Copy due on the launch, the 29th, though Legal review starts that day: it should have
    # finished on the 28th, a working day earlier.
    copy, legal = task(2, 17, 29), task(3, 29, 29)
    path = critical_path(LAUNCH, [copy, legal], [Edge(2, 3)])
    assert slacks(path) == {2: -1, 3: 0}
    assert path.tasks == {2, 3}


def test_start_to_start_with_a_lag() -> None:
    # Organic posts on the launch day; paid posts start a working day before them (lag 1), on
    # the 28th, and run two days: their latest finish is the 29th, as planned.
    paid, organic = task(1, 28, 29), task(2, 29, 29)
    path = critical_path(LAUNCH, [paid, organic], [Edge(1, 2, SS, 1)])
    assert slacks(path) == {1: 0, 2: 0}
    assert path.links == {(1, 2)}
    # Lag 0: paid may start with organic on the 29th, and finish on the 30th, but never after
    # the launch: its latest finish stays the 29th, and the launch (not the link) holds it.
    path = critical_path(LAUNCH, [paid, organic], [Edge(1, 2, SS, 0)])
    assert slacks(path) == {1: 0, 2: 0}
    assert path.links == frozenset()


def test_a_negative_lag_never_lets_a_task_finish_after_the_launch() -> None:
    # Event setup Monday 14 to Friday 18; the invite goes out three days before setup ends
    # (lag -3) on the 16th; the launch is the 18th. The link would let setup finish on the
    # 22nd, but the launch holds it to the 18th: no slack. The invite may go on the 18th.
    setup, invite = task(1, 14, 18, WEEKDAYS_ONLY), task(2, 16, 16, WEEKDAYS_ONLY)
    path = critical_path(day(18), [setup, invite], [Edge(1, 2, LinkKind.FINISH_TO_START, -3)])
    assert slacks(path) == {1: 0, 2: 2}
    assert path.tasks == {1}


def test_tasks_due_after_the_launch_or_without_dates_are_left_out() -> None:
    follow_up = task(5, 30, 31)
    undated = ChainTask(6, "undated")
    legal = task(3, 29, 29)
    path = critical_path(LAUNCH, [legal, follow_up, undated], [Edge(3, 5), Edge(6, 3)])
    assert slacks(path) == {3: 0}
    assert critical_path(None, [legal], []).tasks == frozenset()


def test_slack_days_counts_working_days_either_way() -> None:
    assert slack_days(day(16), day(28), HOLIDAY_WEEK) == 3  # the 17th, 18th and 28th
    assert slack_days(day(28), day(16), HOLIDAY_WEEK) == -3
    assert slack_days(day(19), day(18), WEEKDAYS_ONLY) == 0  # due on a Saturday


@settings(max_examples=300, deadline=None)
@given(
    st.dates(date(2026, 12, 1), date(2027, 1, 31)),
    st.dates(date(2026, 12, 1), date(2027, 1, 31)),
    st.booleans(),
)
def test_the_path_takes_exactly_the_tasks_whose_slack_is_none_or_less(
    due: date, latest: date, holidays: bool
) -> None:
    calendar = HOLIDAY_WEEK if holidays else WEEKDAYS_ONLY
    # One task due on `due`, nothing after it, with a launch on `latest` (a working day).
    launch = calendar.previous_working_day(latest)
    alone = ChainTask(1, "alone", due, due, calendar)
    path = critical_path(launch, [alone], [])
    if due > launch:
        assert path.ends == {}
    else:
        assert (1 in path.tasks) == (slack_days(due, launch, calendar) <= 0)
