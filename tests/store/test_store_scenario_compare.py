"""Comparing scenarios from the store, on file and server: the rows a scenario touches (links
followed, done tasks and deleted boards known), and a comparison with hand-computed figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.calendar import Period
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.scenario_compare import PlanFigures
from mopsboard.domain.scenarios import (
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ShiftCampaign,
)
from mopsboard.domain.time_logs import TimeLog
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 9)
FRI = date(2026, 3, 13)
PERIOD = Period.of(MON, 2)
TODAY = date(2026, 3, 2)


@pytest.fixture
def plan(ws: Workspace, add: Callable[..., Task]) -> dict[str, int]:
    """Content: Ada (40 h, 50 an hour) and Ben (40 h, 80 an hour). Spring (budget 2000):
    Brief (Ada, 40 h, week of the 9th) then Copy (Ada, 20 h, same week): Ada is 20 h over.
    Copy waits for Brief; Summer's Email (Ben, 10 h) waits for Copy; a done Poster too."""
    content = ws.add_team(Team(name="Content", hourly_rate=30))
    ada = ws.add_member(Member(team_id=content.key, name="Ada", hourly_rate=50))
    ben = ws.add_member(Member(team_id=content.key, name="Ben", hourly_rate=80))
    spring = ws.add_campaign(Campaign(name="Spring", launch_date=FRI, budget=2000))
    summer = ws.add_campaign(Campaign(name="Summer", launch_date=date(2026, 6, 1)))
    brief = add(
        "Brief",
        campaign_id=spring.key,
        assignee_id=ada.key,
        estimate_hours=40,
        start_date=MON,
        due_date=FRI,
    )
    copy = add(
        "Copy",
        campaign_id=spring.key,
        assignee_id=ada.key,
        estimate_hours=20,
        start_date=MON,
        due_date=FRI,
    )
    email = add(
        "Email",
        campaign_id=summer.key,
        assignee_id=ben.key,
        estimate_hours=10,
        start_date=date(2026, 3, 16),
        due_date=date(2026, 3, 16),
    )
    poster = add("Poster", "Done", campaign_id=summer.key, due_date=date(2026, 3, 16))
    ws.add_links(
        [
            TaskLink(predecessor_id=brief.key, successor_id=copy.key),
            TaskLink(predecessor_id=copy.key, successor_id=email.key),
            TaskLink(predecessor_id=copy.key, successor_id=poster.key),
        ]
    )
    # Two hours on Copy logged by nobody: they count for its assignee, at their rate.
    ws.log_time(TimeLog(task_id=copy.key, day=TODAY, hours=2))
    return {"ada": ada.key, "ben": ben.key, "spring": spring.key, "summer": summer.key,
            "brief": brief.key, "copy": copy.key, "email": email.key, "poster": poster.key,
            "team": content.key}  # fmt: skip


def test_the_rows_a_change_touches_follow_the_links(ws: Workspace, plan: dict[str, int]):
    rows = ws.plan_rows([DeferTask(task_id=plan["brief"], days=1)])
    assert set(rows.tasks) == {plan["brief"], plan["copy"], plan["email"], plan["poster"]}
    assert rows.done == {plan["poster"]}
    assert rows.on_deleted_board == frozenset()
    assert {(e.predecessor, e.successor) for e in rows.edges} == {
        (plan["brief"], plan["copy"]),
        (plan["copy"], plan["email"]),
        (plan["copy"], plan["poster"]),
    }
    shifted = ws.plan_rows([ShiftCampaign(campaign_id=plan["summer"], days=3)])
    assert list(shifted.campaign_tasks[plan["summer"]]) == [plan["email"], plan["poster"]]
    assert set(shifted.tasks) == {plan["email"], plan["poster"]}


def test_a_comparison_with_hand_computed_figures(ws: Workspace, plan: dict[str, int]):
    handed = ws.add_scenario("Hand Copy to Ben")
    ws.add_change(handed.key, ReassignTask(task_id=plan["copy"], assignee_id=plan["ben"]))
    cut = ws.add_scenario("Cut Copy")
    ws.add_change(cut.key, CutTask(task_id=plan["copy"]))
    ws.add_change(cut.key, ChangeAvailability(member_id=plan["ben"], availability=0.5))
    comparison = ws.compare_scenarios([handed.key, cut.key], PERIOD, TODAY)
    real, ben_does_it, without = comparison.plans
    (team,) = real.teams
    # Ada and Ben have 40 h a week each; the week of the 9th holds 60 h (Ada's) planned, less
    # the 2 h logged on Copy; the next week Email's 10 h.
    assert [(w.hours, w.available) for w in team.weeks] == [(58.0, 80.0), (10.0, 80.0)]
    assert real.capacity.cell(real.capacity.rows[1], 0).planned == 58.0  # Ada: 18 h over
    # Ada's 18 h over are over-booked though Ben has 40 h free: overload is per person.
    assert (team.weeks[0].overload, team.weeks[0].people_over, team.overload) == (18.0, 1, 18.0)
    # Costs: Brief 40 h x 50 + Copy 20 h x 50; logged 2 h x 50.
    spring = real.campaign(plan["spring"])
    assert spring is not None
    assert (spring.cost.planned_cost, spring.cost.actual_cost) == (3000.0, 100.0)
    assert spring.over_budget
    # Handed to Ben: the same hours in the team, Copy and its logged hours at Ben's rate.
    assert [(w.hours, w.available) for w in ben_does_it.teams[0].weeks] == [
        (58.0, 80.0),
        (10.0, 80.0),
    ]
    assert ben_does_it.overload == 0.0  # Ada 40 / 40, Ben 18 / 40
    moved = ben_does_it.campaign(plan["spring"])
    assert moved is not None
    assert (moved.cost.planned_cost, moved.cost.actual_cost) == (3600.0, 160.0)
    (difference,) = comparison.differences_of(ben_does_it).campaigns  # type: ignore[union-attr]
    assert difference.cost_delta == 600.0 and not difference.launch_moved
    # Cut: Copy's hours and cost gone; Ben at half his week has 20 h.
    assert [(w.hours, w.available) for w in without.teams[0].weeks] == [
        (40.0, 60.0),
        (10.0, 60.0),
    ]
    lean = without.campaign(plan["spring"])
    assert lean is not None
    assert (lean.cost.planned_cost, lean.cost.actual_cost) == (2000.0, 0.0)
    assert not lean.over_budget
    cells = comparison.differences_of(without).cells  # type: ignore[union-attr]
    assert [(c.week, c.real.hours, c.scenario.hours) for c in cells] == [
        (0, 58.0, 40.0),
        (1, 10.0, 10.0),
    ]


def test_launch_at_risk_follows_the_scenario(ws: Workspace, plan: dict[str, int]):
    # From Monday the 2nd, Brief (five working days) then Copy (five) can finish on Friday the
    # 13th at the earliest: Spring's launch that day holds; a week earlier it is at risk.
    earlier = ws.add_scenario("Launch earlier")
    ws.add_change(earlier.key, ShiftCampaign(campaign_id=plan["spring"], days=-7))
    comparison = ws.compare_scenarios([earlier.key], PERIOD, date(2026, 3, 2))
    real, shifted = comparison.plans
    assert real.campaign(plan["spring"]).risk is None  # type: ignore[union-attr]
    at_risk = shifted.campaign(plan["spring"])
    assert at_risk is not None and at_risk.launch_date == date(2026, 3, 6)
    assert at_risk.risk is not None and "'Copy' can finish on" in at_risk.risk
    assert [c.name for c in shifted.launches_at_risk] == ["Spring"]


def test_launch_work_deferred_past_the_launch_keeps_the_launch_at_risk(
    ws: Workspace, plan: dict[str, int]
):
    # From Monday the 9th, Brief (five working days) then Copy (five) finish on the 20th at the
    # earliest: Spring's launch on the 13th is at risk. Deferring Copy past the launch takes it
    # out of the chain's check, but it is launch work the real plan has due by the launch.
    deferred = ws.add_scenario("Defer Copy")
    ws.add_change(deferred.key, DeferTask(task_id=plan["copy"], days=10))
    comparison = ws.compare_scenarios([deferred.key], PERIOD, MON)
    real, scenario = comparison.plans
    assert real.campaign(plan["spring"]).risk is not None  # type: ignore[union-attr]
    outlook = scenario.campaign(plan["spring"])
    assert outlook is not None and outlook.at_risk
    assert outlook.risk == (
        "Launch work after the launch: 'Copy' is due on 2026-03-23, after the launch on "
        "2026-03-13; the real plan has it due by the launch."
    )
    assert [c.name for c in scenario.launches_at_risk] == ["Spring"]
    # Moved with its launch, the same work is due by it: the chain's rule alone decides.
    later = ws.add_scenario("Launch later")
    ws.add_change(later.key, ShiftCampaign(campaign_id=plan["spring"], days=14))
    _real, shifted = ws.compare_scenarios([later.key], PERIOD, MON).plans
    assert shifted.campaign(plan["spring"]).risk is None  # type: ignore[union-attr]


def test_a_teams_week_holds_the_hours_logged_in_it_as_the_capacity_view_shows(
    ws: Workspace, plan: dict[str, int]
):
    # On Wednesday the 11th, with 3 h logged on Copy the day before: Brief's 40 h and what is
    # left of Copy (20 - 2 - 3) are planned from today, and the 3 h logged count too: 58 h.
    ws.log_time(
        TimeLog(task_id=plan["copy"], member_id=plan["ada"], day=date(2026, 3, 10), hours=3)
    )
    today = date(2026, 3, 11)
    comparison = ws.compare_scenarios([], PERIOD, today)
    shown = ws.capacity_inputs(PERIOD, today).compute(PERIOD).team_cell(plan["team"], 0)
    week = comparison.real.teams[0].weeks[0]
    assert (week.hours, shown.hours, shown.planned) == (58.0, 58.0, 55.0)
    assert (week.overload, week.people_over) == (18.0, 1)  # Ada: 58 / 40


def test_a_task_of_a_deleted_board_stays_off_the_scenarios_map(ws: Workspace, plan: dict[str, int]):
    other = ws.add_board("Old board")
    stage = ws.stages(other.key)[0]
    old = ws.add_task(
        Task(board_id=other.key, stage_id=stage.key, title="Old", assignee_id=plan["ben"],
             estimate_hours=30, start_date=MON, due_date=FRI)
    )  # fmt: skip
    # The app deletes a board by archiving it: its tasks load nobody's weeks.
    ws.update_board(ws.board(other.key).model_copy(update={"archived": True}))
    scenario = ws.add_scenario("Defer the old one")
    ws.add_change(scenario.key, DeferTask(task_id=old.key, days=1))
    rows = ws.plan_rows([DeferTask(task_id=old.key, days=1)])
    assert rows.on_deleted_board == {old.key}
    comparison = ws.compare_scenarios([scenario.key], PERIOD, TODAY)
    real, deferred = comparison.plans
    assert [w.hours for w in deferred.teams[0].weeks] == [w.hours for w in real.teams[0].weeks]


def test_hours_logged_by_nobody_follow_a_task_handed_to_someone_else(
    ws: Workspace, plan: dict[str, int]
):
    ws.log_time(TimeLog(task_id=plan["copy"], day=date(2026, 3, 10), hours=3))
    ws.log_time(TimeLog(task_id=plan["copy"], member_id=plan["ada"], day=MON, hours=1))
    handed = ws.add_scenario("Hand Copy to Ben")
    ws.add_change(handed.key, ReassignTask(task_id=plan["copy"], assignee_id=plan["ben"]))
    comparison = ws.compare_scenarios([handed.key], PERIOD, date(2026, 3, 11))
    real, scenario = comparison.plans

    def logged(figures: PlanFigures, name: str) -> float:
        (row,) = [r for r in figures.capacity.rows if r.member and r.member.name == name]
        return figures.capacity.cell(row, 0).actual

    assert (logged(real, "Ada"), logged(real, "Ben")) == (4.0, 0.0)
    # The 3 h named nobody: they follow Copy to Ben; Ada's own hour stays hers.
    assert (logged(scenario, "Ada"), logged(scenario, "Ben")) == (1.0, 3.0)
