"""Links between tasks: what is refused in words, what is blocked, and scheduling backwards
along them over a team's working days. Every expected date is counted by hand on a calendar of
December 2026 / January 2027 (25 December and 1 January are Fridays)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import (
    CycleError,
    DuplicateLinkError,
    Edge,
    LinkKind,
    SelfLinkError,
    blocked_tasks,
    check_new_link,
    cycle_through,
)
from mopsboard.domain.link_schedule import (
    Placement,
    duration_in_working_days,
    schedule_along_links,
)
from mopsboard.domain.links import TaskLink
from mopsboard.domain.workdays import WEEKDAYS_ONLY, person_calendar, team_calendar

SS = LinkKind.START_TO_START
TITLES = {1: "Brief", 2: "Copy", 3: "Legal review", 4: "Send"}
LAUNCH = date(2027, 1, 5)  # a Tuesday
US = team_calendar(["US", "US", None])


def d(month: int, day: int) -> date:
    return date(2027 if month == 1 else 2026, month, day)


# -- refusals ------------------------------------------------------------------------------------


def test_a_link_closing_a_loop_is_refused_naming_the_loop() -> None:
    edges = [(1, 2), (2, 3)]
    assert cycle_through(edges, 3, 1) == [1, 2, 3]
    with pytest.raises(CycleError) as refused:
        check_new_link(edges, 3, 1, TITLES)
    message = str(refused.value)
    assert message.startswith("Task 1 'Brief' cannot wait for task 3 'Legal review'")
    assert "task 1 'Brief' \u2192 task 2 'Copy' \u2192 task 3 'Legal review'" in message
    assert "Remove one of those links" in message
    assert refused.value.path == (1, 2, 3)


def test_the_loop_named_is_the_shortest() -> None:
    edges = [(1, 2), (2, 3), (3, 4), (1, 4)]
    assert cycle_through(edges, 4, 1) == [1, 4]


def test_links_that_do_not_loop_pass() -> None:
    edges = [(1, 2), (2, 3), (1, 3)]
    check_new_link(edges, 1, 4, TITLES)
    check_new_link(edges, 4, 1, TITLES)
    assert cycle_through(edges, 2, 4) == []


def test_a_task_cannot_wait_for_itself_nor_twice_for_one_task() -> None:
    with pytest.raises(SelfLinkError, match="Task 2 'Copy' cannot wait for itself"):
        check_new_link([], 2, 2, TITLES)
    with pytest.raises(DuplicateLinkError, match="Task 2 'Copy' already waits for task 1"):
        check_new_link([(1, 2)], 1, 2, TITLES)
    with pytest.raises(ValidationError):
        TaskLink(predecessor_id=TaskId(1), successor_id=TaskId(3), lag_days=1001)


# -- blocked -------------------------------------------------------------------------------------


def test_a_task_is_blocked_while_a_finish_to_start_predecessor_is_not_done() -> None:
    edges = [Edge(1, 2), Edge(5, 2), Edge(3, 4, SS), Edge(1, 6)]
    assert blocked_tasks(edges, done={1}) == {2}
    assert blocked_tasks(edges, done={1, 5}) == frozenset()
    assert blocked_tasks(edges, done=set()) == {2, 6}


# -- working days --------------------------------------------------------------------------------


def test_a_team_has_off_the_holidays_all_its_countries_share() -> None:
    both = team_calendar(["US", "GB"])
    # Boxing Day's substitute, Monday 28 December, is a holiday in Britain only.
    assert not person_calendar("GB", []).is_working_day(d(12, 28))
    assert both.is_working_day(d(12, 28)) and US.is_working_day(d(12, 28))
    assert not both.is_working_day(d(12, 25)) and not both.is_working_day(d(1, 1))
    assert WEEKDAYS_ONLY.is_working_day(d(12, 25))
    # Monday 21 to Thursday 31 December: 9 weekdays, 8 working days in the US.
    assert US.working_days_in(d(12, 21), d(12, 31)) == 8
    assert duration_in_working_days(d(12, 24), d(12, 28), US) == 2
    assert duration_in_working_days(None, None, US) == 1


# -- scheduling backwards ------------------------------------------------------------------------


def test_a_chain_over_the_holiday_week_skips_christmas_and_new_year() -> None:
    placements = {
        1: Placement(LAUNCH, 2, US),  # Brief
        2: Placement(LAUNCH, 3, US),  # Copy
        3: Placement(LAUNCH, 2, US),  # Legal review
        4: Placement(LAUNCH, 1, US),  # Send, on the launch
    }
    edges = [
        Edge(3, 4),  # Send starts the working day after Legal review is due
        Edge(2, 3, lag_days=2),  # two working days between Copy and Legal review
        Edge(1, 2, lag_days=-2),  # Copy starts two working days before the Brief is due
    ]
    placed = schedule_along_links(placements, edges, TITLES)
    assert placed[4] == (d(1, 5), d(1, 5))
    # Due Monday 4 January; two days back over the weekend and New Year: Thursday 31 December.
    assert placed[3] == (d(12, 31), d(1, 4))
    # Legal starts Thursday 31st; 1 + 2 working days before: 30th, 29th, Monday 28th. Three
    # days ending the 28th, skipping Christmas: Wednesday 23rd.
    assert placed[2] == (d(12, 23), d(12, 28))
    # Copy starts Wednesday 23rd; lag -2: due 1 - 2 = one working day after, Thursday 24th.
    assert placed[1] == (d(12, 23), d(12, 24))


def test_without_holidays_the_same_chain_lands_on_christmas() -> None:
    placements = {3: Placement(LAUNCH, 2), 4: Placement(LAUNCH, 1)}
    placed = schedule_along_links(placements, [Edge(3, 4, lag_days=2)])
    # 1 + 2 working days before Tuesday 5 January, weekends only: Thursday 31 December.
    assert placed[3] == (d(12, 30), d(12, 31))
    placed = schedule_along_links(
        {3: Placement(LAUNCH, 2), 4: Placement(LAUNCH, 1)}, [Edge(3, 4, lag_days=4)]
    )
    assert placed[3][1] == d(12, 29)
    placed = schedule_along_links(
        {3: Placement(LAUNCH, 2), 4: Placement(LAUNCH, 1)}, [Edge(3, 4, lag_days=6)]
    )
    assert placed[3] == (d(12, 24), d(12, 25))


def test_an_assigned_persons_time_off_is_skipped() -> None:
    # Off Monday 4 January: Legal review must be due before, past New Year, on Thursday 31st.
    away = person_calendar("US", [(d(1, 4), d(1, 4))])
    placements = {3: Placement(LAUNCH, 2, away), 4: Placement(LAUNCH, 1, US)}
    placed = schedule_along_links(placements, [Edge(3, 4)])
    assert placed[3] == (d(12, 30), d(12, 31))


def test_start_to_start_places_starts_and_the_earliest_successor_wins() -> None:
    placements = {
        1: Placement(LAUNCH, 3, US),  # Landing page
        2: Placement(LAUNCH, 1, US),  # Send
        3: Placement(d(1, 12), 1, US),  # Follow-up, a week after
    }
    edges = [Edge(1, 2, SS, lag_days=1), Edge(1, 3)]
    placed = schedule_along_links(placements, edges)
    # Send starts Tuesday 5th one working day after the landing page starts: Monday 4th; three
    # days from Monday: due Wednesday 6th (before the follow-up's Tuesday 12th allows).
    assert placed[1] == (d(1, 4), d(1, 6))
    placed = schedule_along_links(placements, [Edge(1, 2, SS, lag_days=-2), Edge(1, 3)])
    # Lag -2: it starts two working days after Send, Thursday 7th, due Monday 11th; the
    # follow-up on the 12th still allows that.
    assert placed[1] == (d(1, 7), d(1, 11))


def test_a_task_nothing_follows_is_due_on_its_anchor_rolled_to_a_working_day() -> None:
    placed = schedule_along_links({1: Placement(d(1, 1), 2, US)}, [])
    assert placed[1] == (d(12, 30), d(12, 31))


def test_a_loop_is_refused_when_scheduling_too() -> None:
    placements = {key: Placement(LAUNCH) for key in (1, 2, 3)}
    with pytest.raises(CycleError, match="cannot wait for"):
        schedule_along_links(placements, [Edge(1, 2), Edge(2, 3), Edge(3, 1)], TITLES)
    with pytest.raises(ValueError, match="not planned"):
        schedule_along_links(placements, [Edge(1, 9)])
