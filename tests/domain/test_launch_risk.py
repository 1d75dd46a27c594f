"""Launch at risk, computed by hand on a December 2026 calendar (Monday 14 to Thursday 31)."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.launch_risk import ChainTask, launch_risk
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar

TODAY = date(2026, 12, 14)  # a Monday
HOLIDAY_WEEK = WorkCalendar(off=[(date(2026, 12, 21), date(2026, 12, 25))])
LAUNCH = date(2026, 12, 29)  # a Tuesday


def chain(calendar: WorkCalendar) -> list[ChainTask]:
    # Brief 3 working days, Copy 3, Legal review 2 (the spans their own dates give).
    return [
        ChainTask(1, "Brief", date(2026, 12, 14), date(2026, 12, 16), calendar),
        ChainTask(2, "Copy", date(2026, 12, 15), date(2026, 12, 17), calendar),
        ChainTask(3, "Legal review", date(2026, 12, 28), LAUNCH, calendar),
    ]


EDGES = [Edge(1, 2), Edge(2, 3, LinkKind.FINISH_TO_START, 1)]


def test_a_chain_over_a_holiday_week_is_late_by_two_working_days() -> None:
    # Brief 14-16; Copy starts 17, works 17, 18 and (the week of the 21st off) 28; Legal review
    # starts two working days after the 28th, on the 30th, and finishes on the 31st: the 30th
    # and the 31st are after the launch on the 29th.
    risk = launch_risk(LAUNCH, chain(HOLIDAY_WEEK), EDGES, TODAY)
    assert risk is not None
    assert (risk.task_id, risk.working_days_late) == (3, 2)
    assert risk.earliest_finish == date(2026, 12, 31)
    assert risk.reason == (
        "'Legal review' can finish on 2026-12-31 at the earliest, 2 working days after the "
        "launch on 2026-12-29, waiting for 'Copy' (finish to start, lag 1); "
        "chain: 'Brief' → 'Copy' → 'Legal review'."
    )


def test_the_same_chain_on_weekdays_only_is_on_time() -> None:
    # Copy 17, 18, 21; Legal review 23, 24: before the launch.
    assert launch_risk(LAUNCH, chain(WEEKDAYS_ONLY), EDGES, TODAY) is None


def test_finishing_on_the_launch_day_is_on_time() -> None:
    # The holiday chain finishes on the 31st: a launch that day is not at risk.
    assert launch_risk(date(2026, 12, 31), chain(HOLIDAY_WEEK), EDGES, TODAY) is None


def test_a_negative_lag_overlaps_the_tasks_and_keeps_the_launch() -> None:
    event = ChainTask(1, "Event setup", date(2026, 12, 14), date(2026, 12, 18))
    invite = ChainTask(2, "Send invite", date(2026, 12, 16), date(2026, 12, 16))
    launch = date(2026, 12, 16)
    # Lag -3: the invite starts two working days before setup ends on Friday 18, on the 16th.
    overlap = [Edge(1, 2, LinkKind.FINISH_TO_START, -3)]
    assert launch_risk(launch, [event, invite], overlap, TODAY) is None
    # Lag 0 would send it on Monday 21: the 17th, 18th and 21st are after the launch.
    risk = launch_risk(launch, [event, invite], [Edge(1, 2)], TODAY)
    assert risk is not None
    assert (risk.task_id, risk.working_days_late) == (2, 3)


def test_a_done_predecessor_is_not_counted() -> None:
    # Brief is done, so it is not among the open tasks: Copy starts today, 14-16, and Legal
    # review two working days after, 18 and (the holiday week off) 28, before the launch.
    open_tasks = chain(HOLIDAY_WEEK)[1:]
    assert launch_risk(LAUNCH, open_tasks, EDGES, TODAY) is None


def test_start_to_start_counts_from_the_predecessors_start() -> None:
    paid = ChainTask(1, "Paid posts", date(2026, 12, 14), date(2026, 12, 14))
    organic = ChainTask(2, "Organic posts", date(2026, 12, 15), date(2026, 12, 16))
    launch = date(2026, 12, 16)
    # Lag 2: organic starts on the 16th (two working days after the 14th), finishes on the 17th.
    risk = launch_risk(launch, [paid, organic], [Edge(1, 2, LinkKind.START_TO_START, 2)], TODAY)
    assert risk is not None
    assert (risk.task_id, risk.working_days_late) == (2, 1)
    assert "(start to start, lag 2)" in risk.reason
    assert "1 working day after" in risk.reason


def test_a_late_task_that_starts_today_says_so() -> None:
    # Copy takes three working days from today, so it finishes on the 16th, a day after the
    # launch on the 15th; nothing before it held it back.
    copy = ChainTask(1, "Copy", date(2026, 12, 10), date(2026, 12, 14))
    send = ChainTask(2, "Send", date(2026, 12, 20), date(2026, 12, 20))
    risk = launch_risk(date(2026, 12, 15), [copy, send], [Edge(1, 2)], TODAY)
    assert risk is not None
    assert risk.task_id == 1
    assert risk.reason.endswith("after the launch on 2026-12-15 (starting today).")


def test_no_launch_a_past_launch_or_no_link_is_never_at_risk() -> None:
    tasks = chain(HOLIDAY_WEEK)
    assert launch_risk(None, tasks, EDGES, TODAY) is None
    assert launch_risk(date(2026, 12, 11), tasks, EDGES, TODAY) is None
    assert launch_risk(LAUNCH, tasks, [], TODAY) is None
    # A link to a task outside the campaign's open tasks is left out.
    assert launch_risk(LAUNCH, tasks, [Edge(99, 3, LinkKind.FINISH_TO_START, 30)], TODAY) is None
