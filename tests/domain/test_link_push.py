"""Pushing successors, computed by hand on a December 2026 calendar (Monday 14 to Thursday 31;
HOLIDAY_WEEK has the week of the 21st off)."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_check import Span
from mopsboard.domain.link_push import (
    Push,
    due_past_launch,
    push_successors,
    working_days_later,
)
from mopsboard.domain.link_rules import Edge, LinkKind
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar

HOLIDAY_WEEK = WorkCalendar(off=[(date(2026, 12, 21), date(2026, 12, 25))])
FS, SS = LinkKind.FINISH_TO_START, LinkKind.START_TO_START


def day(number: int) -> date:
    return date(2026, 12, number)


def task(
    key: int, start: int | None, due: int | None, calendar: WorkCalendar = WEEKDAYS_ONLY
) -> ChainTask:
    return ChainTask(
        key,
        f"task {key}",
        day(start) if start else None,
        day(due) if due else None,
        calendar,
    )


def by_id(*tasks: ChainTask) -> dict[int, ChainTask]:
    return {t.id: t for t in tasks}


def test_a_chain_is_pushed_over_the_successors_holiday_week() -> None:
    # Brief moves from 14-16 to 16-18. Copy (17 and 18, on the holiday calendar) may start
    # the working day after the 18th: the 28th; it keeps its two days, 28 and 29 (moved by the
    # 18th and the 28th: 2). Legal review (the 28th) may then start on the 30th (moved 2).
    brief = task(1, 16, 18)
    copy, legal = task(2, 17, 18, HOLIDAY_WEEK), task(3, 28, 28, HOLIDAY_WEEK)
    pushes = push_successors(brief, by_id(copy, legal), [Edge(1, 2), Edge(2, 3)])
    assert pushes == [Push(2, day(28), day(29), 2), Push(3, day(30), day(30), 2)]


def test_a_successor_with_enough_slack_stays_and_so_does_what_follows_it() -> None:
    brief = task(1, 16, 18)
    copy, legal = task(2, 17, 18, HOLIDAY_WEEK), task(3, 31, 31, HOLIDAY_WEEK)
    report = task(4, 31, 31, HOLIDAY_WEEK)
    edges = [Edge(1, 2), Edge(2, 3), Edge(3, 4, SS, 0)]
    # Copy moves to 28-29; Legal may start on the 30th and starts on the 31st: it stays, and
    # Report (starting with Legal) has nothing to follow that moved.
    assert push_successors(brief, by_id(copy, legal, report), edges) == [
        Push(2, day(28), day(29), 2)
    ]


def test_a_negative_lag_pushes_only_as_far_as_the_overlap_allows() -> None:
    # Event setup moves from 14-18 to 16-22. The invite goes out three days before setup ends
    # (lag -3): two working days before the 22nd, on the 18th, not the 16th: moved by the 17th
    # and the 18th.
    setup = task(1, 16, 22)
    invite = task(2, 16, 16)
    assert push_successors(setup, by_id(invite), [Edge(1, 2, FS, -3)]) == [
        Push(2, day(18), day(18), 2)
    ]


def test_start_to_start_follows_the_start() -> None:
    # Paid posts move from 14-15 to 16-17; organic posts start with them (lag 0), or a working
    # day after (lag 1).
    paid = task(1, 16, 17)
    organic = task(2, 14, 15)
    assert push_successors(paid, by_id(organic), [Edge(1, 2, SS, 0)]) == [
        Push(2, day(16), day(17), 2)
    ]
    assert push_successors(paid, by_id(organic), [Edge(1, 2, SS, 1)]) == [
        Push(2, day(17), day(18), 3)
    ]


def test_two_paths_join_and_the_later_one_sets_the_start() -> None:
    # A moves from the 14th to Wednesday 16th. B (15th) and C (16th) may start on the 17th:
    # B moves 2, C 1. D (17th, after both) may start on the 18th: it moves 1, once.
    a = task(1, 16, 16)
    b, c, d = task(2, 15, 15), task(3, 16, 16), task(4, 17, 17)
    edges = [Edge(1, 2), Edge(1, 3), Edge(2, 4), Edge(3, 4)]
    pushes = push_successors(a, by_id(b, c, d), edges)
    assert sorted(pushes, key=lambda p: p.task_id) == [
        Push(2, day(17), day(17), 2),
        Push(3, day(17), day(17), 1),
        Push(4, day(18), day(18), 1),
    ]
    # D comes after both B and C.
    assert pushes[-1].task_id == 4


def test_a_done_task_is_not_moved_nor_pushed_through() -> None:
    # B is done (not among the tasks that may move): neither it nor C after it moves.
    a = task(1, 16, 16)
    c = task(3, 16, 16)
    assert push_successors(a, by_id(c), [Edge(1, 2), Edge(2, 3)]) == []


def test_a_missing_date_stays_missing() -> None:
    a = task(1, 16, 16)
    due_only, start_only = task(2, None, 15), task(3, 15, None)
    pushes = push_successors(a, by_id(due_only, start_only), [Edge(1, 2), Edge(1, 3)])
    assert sorted(pushes, key=lambda p: p.task_id) == [
        Push(2, None, day(17), 2),
        Push(3, day(17), None, 2),
    ]


def test_how_many_working_days_a_task_moved_later() -> None:
    assert working_days_later(Span(day(14), day(16)), Span(day(16), day(18)), WEEKDAYS_ONLY) == 2
    # Friday to Monday is one working day; only the due date moving counts too.
    assert working_days_later(Span(day(18), day(18)), Span(day(21), day(21)), WEEKDAYS_ONLY) == 1
    assert working_days_later(Span(day(14), day(16)), Span(day(14), day(21)), HOLIDAY_WEEK) == 2
    assert working_days_later(Span(day(16), day(18)), Span(day(14), day(16)), WEEKDAYS_ONLY) == 0


def test_a_move_off_a_weekend_counts_from_the_next_working_day_as_a_successors_does() -> None:
    # Build and QA moves from Saturday the 5th to Tuesday the 8th. Its old start rolls forward
    # to Monday the 7th; Tuesday is one working day after it (not two: Sunday-to-Tuesday
    # would count Monday and Tuesday).
    saturday, tuesday = Span(day(5), day(5)), Span(day(8), day(8))
    assert working_days_later(saturday, tuesday, WEEKDAYS_ONLY) == 1
    # A successor planned on that Saturday, pushed to that Tuesday, moves by the same count.
    build = task(1, 7, 7)
    qa = task(2, 5, 5)
    assert push_successors(build, by_id(qa), [Edge(1, 2)]) == [Push(2, day(8), day(8), 1)]
    # A two-day span off the weekend: the start moves 1 (Mon 7 to Tue 8), the due date 2
    # (Tue 8, its old due day, to Thu 10): the larger counts.
    assert working_days_later(Span(day(5), day(8)), Span(day(8), day(10)), WEEKDAYS_ONLY) == 2
    # Saturday to Monday is no working day later.
    assert working_days_later(saturday, Span(day(7), day(7)), WEEKDAYS_ONLY) == 0


def test_a_move_past_the_launch_is_told_only_when_it_makes_the_task_late_for_it() -> None:
    launch = day(15)
    # Due on the launch day, pushed to the 22nd: then due after it.
    assert due_past_launch(Span(day(14), day(15)), Span(day(21), day(22)), launch) == day(22)
    # Still due on the launch day, or earlier: nothing to tell.
    assert due_past_launch(Span(day(10), day(11)), Span(day(14), day(15)), launch) is None
    # Already due after the launch (work that follows it, as a report does): not made late.
    assert due_past_launch(Span(day(16), day(16)), Span(day(17), day(17)), launch) is None
    # Without a due date, the start counts; without a launch, nothing is late for it.
    assert due_past_launch(Span(day(14), None), Span(day(16), None), launch) == day(16)
    assert due_past_launch(Span(day(14), day(15)), Span(day(21), day(22)), None) is None
