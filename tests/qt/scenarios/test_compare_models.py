"""The comparison's heat map and summary models, checked by Qt's model tester, against the
store's comparison: each cell and figure says what the comparison computed; switching plans
reads nothing; differences are marked by a sign, not only by a colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import CampaignId, ScenarioId
from mopsboard.domain.models import Campaign
from mopsboard.domain.scenario_compare import CampaignOutlook, Comparison, PlanFigures, differences
from mopsboard.domain.scenario_launch_work import launch_work_reason
from mopsboard.domain.scenarios import ChangeAvailability, ReassignTask, Scenario, ShiftCampaign
from mopsboard.qt.scenarios.compare_summary_model import (
    ChangedRole,
    CompareSummaryModel,
    Figure,
)
from mopsboard.qt.scenarios.plan_heat_model import (
    FIRST_WEEK_COLUMN,
    DifferenceRole,
    LevelRole,
    OverloadRole,
    PeopleOverRole,
    PlanHeatModel,
)
from mopsboard.store.workspace import Workspace
from tests.conftest import CAPACITY_MONDAY


def _hand_landing_page_to_ben(ws: Workspace) -> Scenario:
    landing = next(t for t in ws.tasks() if t.title == "Landing page")
    ben = ws.member_named("Ben")
    plan = ws.add_scenario("Ben builds it")
    ws.add_change(plan.key, ReassignTask(task_id=landing.key, assignee_id=ben.key))
    return plan


def _ana_half_time(ws: Workspace) -> Scenario:
    plan = ws.add_scenario("Ana half time")
    ws.add_change(
        plan.key, ChangeAvailability(member_id=ws.member_named("Ana").key, availability=0.5)
    )
    return plan


def _compare(ws: Workspace, *plans: Scenario) -> Comparison:
    # Weeks from today on hold plans; weeks gone by hold what was logged.
    return ws.compare_scenarios([p.key for p in plans], Period(CAPACITY_MONDAY, 2), CAPACITY_MONDAY)


def test_the_map_shows_each_plan_as_compared_and_switches_without_reading(
    qtmodeltester, qtbot, capacity_ws: Workspace, monkeypatch
) -> None:
    comparison = _compare(
        capacity_ws, _hand_landing_page_to_ben(capacity_ws), _ana_half_time(capacity_ws)
    )
    model = PlanHeatModel()
    qtmodeltester.check(model, force_py=True)
    model.set_comparison(comparison)
    assert model.columnCount() == FIRST_WEEK_COLUMN + 2
    for number, figures in enumerate(comparison.plans):
        # Nothing is read when switching: the store is out of reach.
        monkeypatch.setattr(capacity_ws, "compare_scenarios", None)
        model.show_plan(number)
        for row, team in enumerate(figures.teams):
            assert model.index(row, 0).data() == team.name
            for week, load in enumerate(team.weeks):
                index = model.index(row, FIRST_WEEK_COLUMN + week)
                assert index.data() == f"{load.hours:g} / {load.available:g}"
                assert index.data(OverloadRole) == load.overload
                assert (index.data(LevelRole) == "over") == load.over_booked
    content = [t.name for t in comparison.real.teams].index("Content")
    model.show_plan(0)
    first_week = model.index(content, FIRST_WEEK_COLUMN)
    assert first_week.data() == "50 / 60"
    # The team's total fits, but Ana is 44 / 40: the cell is over-booked by her 4 h.
    assert (first_week.data(LevelRole), first_week.data(OverloadRole)) == ("over", 4.0)
    assert first_week.data(PeopleOverRole) == 1 and first_week.data(DifferenceRole) == ""
    assert "4 h over-booked (1 person over-booked)" in first_week.data(Qt.ItemDataRole.ToolTipRole)
    model.show_plan(1)
    # Ana's 40 h landing page goes to Ben: Content's first week is 40 h lighter, said in a sign.
    assert first_week.data() == "10 / 60"
    assert first_week.data(DifferenceRole) == "\u221240 h"
    assert "against the real plan: \u221240 h" in first_week.data(Qt.ItemDataRole.ToolTipRole)
    model.show_plan(2)
    # Ana at half time: her 44 h on 20, 24 h over, which Luis's 14 h free do not hide.
    assert first_week.data() == "50 / 40"
    assert (first_week.data(LevelRole), first_week.data(OverloadRole)) == ("over", 24.0)
    assert first_week.data(DifferenceRole) == "\u221220 h available"
    qtmodeltester.check(model, force_py=True)


def test_the_summary_gives_each_plans_figures_and_marks_what_differs(
    qtmodeltester, qtbot, capacity_ws: Workspace
) -> None:
    spring = capacity_ws.add_campaign(
        Campaign(name="Spring", launch_date=CAPACITY_MONDAY.replace(day=20), budget=100)
    )
    plan = _ana_half_time(capacity_ws)
    capacity_ws.add_change(plan.key, ShiftCampaign(campaign_id=spring.key, days=7))
    comparison = _compare(capacity_ws, plan)
    model = CompareSummaryModel()
    qtmodeltester.check(model, force_py=True)
    model.set_comparison(comparison)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (1, 2)] == [
        "Real plan",
        "Ana half time",
    ]
    rows = {(row.figure, row.label): n for n, row in enumerate(model.rows)}
    real, scenario = comparison.plans
    for team in real.teams:
        n = rows[(Figure.OVERLOAD, team.name)]
        assert model.index(n, 1).data() == f"{team.overload:g} h"
        assert model.index(n, 1).data(ChangedRole) == ""
    total = rows[(Figure.TOTAL_OVERLOAD, "All teams")]
    # Ana is 4 h over in the real plan (44 / 40), 24 h at half time (44 / 20).
    assert (real.overload, scenario.overload) == (4.0, 24.0)
    cell = model.index(total, 2)
    assert cell.data(ChangedRole) == "worse"
    # Marked by a sign and the change, in bold: not by the colour alone.
    assert cell.data() == "\u25b2 24 h (+20 h)"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(total, 1).data() == "4 h"
    launch = model.index(rows[(Figure.LAUNCH, "Spring")], 2)
    assert launch.data() == "\u25b2 27 Mar 2026 (+7 d)"
    assert launch.data(ChangedRole) == "worse"
    assert model.index(rows[(Figure.LAUNCH, "Spring")], 1).data() == "20 Mar 2026"
    qtmodeltester.check(model, force_py=True)


def test_every_plans_cells_are_given_for_sizing_whatever_plan_is_shown(
    qtbot, capacity_ws: Workspace
) -> None:
    comparison = _compare(capacity_ws, _hand_landing_page_to_ben(capacity_ws))
    model = PlanHeatModel()
    model.set_comparison(comparison)
    cells = list(model.every_plans_cells())
    teams, weeks = len(comparison.real.teams), comparison.period.weeks
    assert len(cells) == 2 * teams * weeks
    assert model.shown == 0
    real, scenario = cells[: teams * weeks], cells[teams * weeks :]
    assert all(difference == "" for _text, _level, difference in real)
    assert ("10 / 60", "under", "\u221240 h") in scenario


def test_a_launch_no_longer_at_risk_says_so(qtbot, board_ws: Workspace) -> None:
    from datetime import timedelta

    from mopsboard.domain.links import TaskLink
    from mopsboard.domain.models import Task
    from mopsboard.domain.scenarios import CutTask
    from tests.conftest import TODAY

    board = board_ws.boards()[0].key
    ready = board_ws.stages(board)[1].key
    spring = board_ws.campaign_named("Spring launch")
    board_ws.update_campaign(spring.model_copy(update={"launch_date": TODAY + timedelta(days=7)}))
    first, second = (
        board_ws.add_task(
            Task(
                board_id=board,
                stage_id=ready,
                title=title,
                campaign_id=spring.key,
                start_date=TODAY + timedelta(days=1),
                due_date=TODAY + timedelta(days=due),
            )
        )
        # The build can start only once the brief is done: it finishes after the launch.
        for title, due in (("Brief", 5), ("Build", 7))
    )
    board_ws.add_link(TaskLink(predecessor_id=first.key, successor_id=second.key))
    # Cutting the build leaves no chain to finish after the launch.
    plan = board_ws.add_scenario("No build")
    board_ws.add_change(plan.key, CutTask(task_id=second.key))
    comparison = board_ws.compare_scenarios([plan.key], Period.of(TODAY, 6))
    real = comparison.real.campaign(spring.key)
    assert real is not None and real.at_risk
    model = CompareSummaryModel()
    model.set_comparison(comparison)
    row = next(
        n for n, r in enumerate(model.rows) if (r.figure, r.key) == (Figure.LAUNCH, spring.key)
    )
    assert model.index(row, 1).data().endswith("\u00b7 at risk")
    shown = model.index(row, 2)
    if comparison.scenarios[0].campaign(spring.key).at_risk:  # type: ignore[union-attr]
        pytest.fail("the cut was meant to take the launch out of risk")
    assert shown.data().endswith("\u00b7 no longer at risk")
    assert shown.data(ChangedRole) == "better"


def test_launch_work_after_the_launch_reads_at_risk_not_no_longer_at_risk(qtmodeltester, qtbot):
    period = Period(CAPACITY_MONDAY, 1)
    launch = CAPACITY_MONDAY.replace(day=20)
    late = launch_work_reason("Legal review", launch.replace(day=24), launch, 0)

    def plan(name: str, risk: str | None, number: int | None) -> PlanFigures:
        outlook = CampaignOutlook(CampaignId(1), "Spring", launch, risk, CampaignCost(), None)
        empty = CapacityMap(period, [], [])
        return PlanFigures(
            name, None if number is None else ScenarioId(number), empty, (), (outlook,)
        )

    real = plan("Real plan", "'Legal review' can finish on 2026-03-23 at the earliest", None)
    deferred = plan("Defer the email", late, 1)
    model = CompareSummaryModel()
    model.set_comparison(
        Comparison(period, (real, deferred), (differences(real, deferred, period.weeks),))
    )
    qtmodeltester.check(model, force_py=True)
    row = next(n for n, r in enumerate(model.rows) if r.figure is Figure.LAUNCH)
    assert model.index(row, 2).data() == "20 Mar 2026 \u00b7 at risk: launch work after the launch"
    assert "no longer" not in model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "'Legal review' is due on 2026-03-24" in model.index(row, 2).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_cost_that_rises_within_budget_is_marked_but_not_coloured_as_bad(
    qtmodeltester, qtbot
) -> None:
    period = Period(CAPACITY_MONDAY, 1)
    launch = CAPACITY_MONDAY.replace(day=20)

    def plan(name: str, cost: float, number: int | None) -> PlanFigures:
        outlook = CampaignOutlook(
            CampaignId(1), "Atlas", launch, None, CampaignCost(planned_cost=cost), 85_000
        )
        empty = CapacityMap(period, [], [])
        return PlanFigures(
            name, None if number is None else ScenarioId(number), empty, (), (outlook,)
        )

    real, agency, lavish = (
        plan("Real plan", 13_515, None),
        plan("Agency", 14_955, 1),
        plan("Lavish", 90_000, 2),
    )
    model = CompareSummaryModel()
    model.set_comparison(
        Comparison(
            period,
            (real, agency, lavish),
            (differences(real, agency, period.weeks), differences(real, lavish, period.weeks)),
        )
    )
    qtmodeltester.check(model, force_py=True)
    row = next(n for n, r in enumerate(model.rows) if r.figure is Figure.COST)
    within, over = model.index(row, 2), model.index(row, 3)
    # Within budget: the rise is said (sign, change, bold), but not painted as a problem.
    assert within.data().startswith("\u25b2 14,955 of 85,000")
    assert within.data(Qt.ItemDataRole.FontRole).bold()
    assert within.data(Qt.ItemDataRole.BackgroundRole) is None
    # Over budget it is.
    assert "over budget" in over.data()
    assert over.data(Qt.ItemDataRole.BackgroundRole) is not None
