"""The comparison's rules that need no store: over-booking to the hundredth and per person, the
overload, launch work a scenario puts after the launch, and
which cells and campaigns count as differences."""

from __future__ import annotations

from datetime import date

import pytest

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost, shifted
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import BoardId, CampaignId, StageId, TaskId, TeamId
from mopsboard.domain.models import Campaign, Task, Team
from mopsboard.domain.scenario_compare import (
    CampaignOutlook,
    PlanFigures,
    TeamLoad,
    TeamWeek,
    differences,
)
from mopsboard.domain.scenario_figures import team_week
from mopsboard.domain.scenario_launch_work import launch_work_after_launch

CONTENT, WEB = TeamId(1), TeamId(2)
SPRING = CampaignId(1)
PERIOD = Period.of(date(2026, 3, 2), 2)


def _week(hours: float, available: float) -> TeamWeek:
    return team_week([(hours, available)], 0.0)


def test_a_cell_is_over_booked_as_the_heat_map_shows_it():
    assert not _week(32.004, 32.0).over_booked  # reads "32 / 32"
    assert _week(32.01, 32.0).over_booked
    assert _week(40.0, 32.0).overload == 8.0
    assert _week(30.0, 32.0).overload == 0.0
    assert _week(3.0, 0.0).over_booked and _week(3.0, 0.0).overload == 3.0
    load = TeamLoad(CONTENT, "Content", (_week(40, 32), _week(10, 32), _week(33.5, 32)))
    assert (load.overload, load.over_booked_weeks) == (9.5, 2)


def test_one_persons_overload_is_not_hidden_by_a_colleagues_free_hours():
    # The Capacity view's week: Luis 47 / 36 and Maya 42.2 / 40 over, Ada 10 / 40 free.
    week = team_week([(47.0, 36.0), (42.2, 40.0), (10.0, 40.0)], 0.0)
    assert (week.hours, week.available) == (pytest.approx(99.2), 116.0)
    assert week.over_booked and week.people_over == 2
    assert week.overload == 13.2


def test_unassigned_hours_count_against_what_the_people_have_left():
    # Ada has 10 h left, Ben none (he is 5 h over): 12 Unassigned hours are 2 h too many.
    week = team_week([(30.0, 40.0), (45.0, 40.0)], 12.0)
    assert (week.overload, week.people_over, week.hours) == (7.0, 1, 87.0)
    assert team_week([(30.0, 40.0)], 10.0).overload == 0.0
    assert team_week([], 4.0).overload == 4.0  # nobody to do them


def _plan(name: str, weeks: dict[TeamId, tuple[TeamWeek, ...]], cost: float) -> PlanFigures:
    empty = CapacityMap(PERIOD, [Team(id=CONTENT, name="Content")], [])
    return PlanFigures(
        name,
        None,
        empty,
        tuple(TeamLoad(team, f"Team {team}", w) for team, w in weeks.items()),
        (
            CampaignOutlook(
                SPRING, "Spring", date(2026, 3, 20), None, CampaignCost(planned_cost=cost), 100.0
            ),
        ),
    )


def test_differences_list_only_what_changed():
    real = _plan("Real plan", {CONTENT: (_week(40, 32), _week(10, 32))}, 90.0)
    same = _plan("Same", {CONTENT: (_week(40.001, 32), _week(10, 32))}, 90.0)
    found = differences(real, same, 2)
    assert found.cells == () and found.campaigns == ()
    assert found.overload_by_team == {CONTENT: 0.0}
    other = _plan(
        "Other",
        {CONTENT: (_week(30, 32), _week(10, 32)), WEB: (_week(5, 0), _week(0, 0))},
        120.0,
    )
    found = differences(real, other, 2)
    assert [(c.team_id, c.week) for c in found.cells] == [(CONTENT, 0), (WEB, 0)]
    assert found.overload_by_team == {CONTENT: -8.0, WEB: 5.0}
    (campaign,) = found.campaigns
    assert campaign.cost_delta == 30.0 and not campaign.launch_moved and not campaign.risk_changed
    assert campaign.scenario.over_budget and not campaign.real.over_budget


LAUNCH = date(2026, 12, 22)
TODAY = date(2026, 12, 1)


def _task(key: int, title: str, due: date) -> Task:
    return Task(id=TaskId(key), board_id=BoardId(1), stage_id=StageId(1), title=title,
                campaign_id=SPRING, start_date=due, due_date=due)  # fmt: skip


def test_launch_work_pushed_past_the_launch_puts_the_launch_at_risk():
    spring = Campaign(id=SPRING, name="Spring", launch_date=LAUNCH)
    legal = _task(1, "Legal review", date(2026, 12, 18))
    runbook = _task(2, "Go-live runbook", date(2026, 12, 21))
    after = _task(3, "Retrospective", date(2026, 12, 28))  # after the launch in the real plan
    real = {t.key: t for t in (legal, runbook, after)}

    def later(task: Task, days: int) -> Task:
        return task.model_copy(update={"due_date": shifted(task.due_date, days)})

    pushed = [later(legal, 7), later(runbook, 4), later(after, 9)]
    found = launch_work_after_launch(real, pushed, {SPRING: spring}, {}, frozenset(), TODAY)
    assert found == {
        SPRING: "Launch work after the launch: 'Legal review' (and 1 more launch task) is due on "
        "2026-12-25, after the launch on 2026-12-22; the real plan has it due by the launch."
    }
    # Done, cut, or still due by the launch: nothing after it.
    assert not launch_work_after_launch(
        real, pushed[:1], {SPRING: spring}, {}, frozenset({legal.key}), TODAY
    )
    cut = pushed[0].model_copy(update={"archived": True})
    assert not launch_work_after_launch(real, [cut], {SPRING: spring}, {}, frozenset(), TODAY)
    assert not launch_work_after_launch(
        real, [later(legal, 4)], {SPRING: spring}, {}, frozenset(), TODAY
    )
    # A shift moves the launch with its tasks: the same tasks are still due by it.
    moved = {SPRING: spring.model_copy(update={"launch_date": date(2026, 12, 29)})}
    assert not launch_work_after_launch(
        real, [later(legal, 7), later(runbook, 7)], {SPRING: spring}, moved, frozenset(), TODAY
    )
    assert launch_work_after_launch(
        real, [later(legal, 14)], {SPRING: spring}, moved, frozenset(), TODAY
    )
