"""Comparing on the Scenarios page: the real plan and two scenarios checked in the list; what the
heat map and the summary show is what the store's comparison computes, for each plan the switch
flips to (without reading the store again), and side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.models import Member, Task, Team
from mopsboard.domain.scenario_compare import Comparison
from mopsboard.domain.scenarios import ChangeAvailability, ReassignTask
from mopsboard.qt.scenarios.compare_summary_model import ChangedRole, Figure
from mopsboard.qt.scenarios.plan_heat_model import FIRST_WEEK_COLUMN, OverloadRole
from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.scenarios_view import ScenariosView
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.scenarios.scenario_driver import scenarios_page

LEFT = Qt.MouseButton.LeftButton
MONDAY = date.today() - timedelta(days=date.today().weekday())


def _hours(value: float) -> str:
    return f"{round(value, 1):g}"


@pytest.fixture
def busy_ws(board_ws: Workspace) -> Workspace:
    """The board workspace with Ana over-booked next week by a 60 h landing page, an agency
    of two, and two scenarios: the page to the agency, Ana at half time."""
    agency = board_ws.add_team(Team(name="Agency North", kind=TeamKind.AGENCY))
    for name in ("Rosa", "Sam"):
        board_ws.add_member(Member(team_id=agency.key, name=name))
    ana = board_ws.member_named("Ana Lima")
    board = board_ws.boards()[0].key
    ready = board_ws.stages(board)[1].key
    landing = board_ws.add_task(
        Task(
            board_id=board,
            stage_id=ready,
            title="Landing page",
            assignee_id=ana.key,
            estimate_hours=60,
            start_date=MONDAY + timedelta(days=7),
            due_date=MONDAY + timedelta(days=11),
        )
    )
    to_agency = board_ws.add_scenario("Agency builds it")
    board_ws.add_change(to_agency.key, ReassignTask(task_id=landing.key, team_id=agency.key))
    half = board_ws.add_scenario("Ana half time")
    board_ws.add_change(half.key, ChangeAvailability(member_id=ana.key, availability=0.5))
    return board_ws


def _check_with_space(qtbot: QtBot, page: ScenariosView, name: str) -> None:
    row = next(n for n, s in enumerate(page.scenarios.scenarios) if s.name == name)
    page.panel.list.setCurrentIndex(page.scenarios.index(row))
    page.panel.list.setFocus()
    qtbot.keyClick(page.panel.list, Qt.Key.Key_Space)
    # Computed once the keys' events are done with (checks in a row compute once).
    qtbot.waitUntil(
        lambda: (
            page.compare.comparison is not None
            and len(page.compare.comparison.plans) == 1 + len(page.scenarios.compared)
        )
    )


def _assert_map_shows(page: ScenariosView, comparison: Comparison, number: int) -> None:
    model = page.compare.map.model()
    figures = comparison.plans[number]
    assert model.rowCount() == len(figures.teams)
    for row, team in enumerate(figures.teams):
        assert model.index(row, 0).data() == team.name
        for week, load in enumerate(team.weeks):
            cell = model.index(row, FIRST_WEEK_COLUMN + week)
            assert cell.data() == f"{_hours(load.planned)} / {_hours(load.available)}"
            assert cell.data(OverloadRole) == load.overload


def test_the_page_shows_what_the_comparison_computes_for_each_plan(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    busy_ws: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(busy_ws)
    page = scenarios_page(window)
    # Before anything is checked: the real plan alone, and what to do about it.
    assert page.compare.note.isVisible()
    assert page.compare.note.text().startswith("The real plan alone. Check up to three")
    _check_with_space(qtbot, page, "Agency builds it")
    _check_with_space(qtbot, page, "Ana half time")
    assert not page.compare.note.isVisible()
    names = [s.name for s in busy_ws.scenarios()]
    assert names == ["Agency builds it", "Ana half time"]
    expected = busy_ws.compare_scenarios(list(page.scenarios.compared), page.compare.period())
    assert [p.name for p in expected.plans] == ["Real plan", *names]

    # Switching reads nothing: the store's comparison is out of reach from here on.
    def refused(*_args: object) -> Comparison:
        raise AssertionError("the switch read the store")

    monkeypatch.setattr(busy_ws, "compare_scenarios", refused)
    for number in (1, 2, 0):
        button = page.compare.findChild(QToolButton, f"comparePlan-{number}")
        assert button is not None and button.isVisible()
        qtbot.mouseClick(button, LEFT)
        assert button.isChecked()
        _assert_map_shows(page, expected, number)

    # Next week: Ana's 60 h page over-books Content; with the agency it does not.
    content = [t.name for t in expected.real.teams].index("Content")
    next_week = page.compare.map.model().index(content, FIRST_WEEK_COLUMN + 1)
    assert next_week.data(OverloadRole) > 0
    qtbot.mouseClick(page.compare.findChild(QToolButton, "comparePlan-1"), LEFT)
    assert next_week.data(OverloadRole) == 0.0

    summary = page.compare.summary.model()
    rows = {(r.figure, r.label): n for n, r in enumerate(summary.rows)}  # type: ignore[attr-defined]
    total = rows[(Figure.TOTAL_OVERLOAD, "All teams")]
    for number, plan in enumerate(expected.plans):
        cell = summary.index(total, number + 1)
        assert f"{round(plan.overload, 1):,g} h" in cell.data()
    agency_total = summary.index(total, 2)
    assert agency_total.data(ChangedRole) == "better"
    assert agency_total.data().startswith("\u25bc ")

    # Side by side: one map per plan, each its own, named over it.
    qtbot.mouseClick(page.compare.side_by_side, LEFT)
    assert page.compare.stack.currentIndex() == 1
    views = page.compare.small_views
    assert len(views) == 3
    for number, view in enumerate(views):
        model = view.model()
        assert page.compare.small_titles[number].text() == expected.plans[number].name
        assert model.index(content, FIRST_WEEK_COLUMN + 1).data(OverloadRole) == (
            expected.plans[number].teams[content].weeks[1].overload
        )


def test_a_fourth_scenario_is_not_checked(
    qtbot: QtBot, open_window: Callable[..., MainWindow], busy_ws: Workspace
) -> None:
    for name in ("Third", "Fourth"):
        busy_ws.add_scenario(name)
    page = scenarios_page(open_window(busy_ws))
    for name in ("Agency builds it", "Ana half time", "Third", "Fourth"):
        _check_with_space(qtbot, page, name)
    assert len(page.scenarios.compared) == 3
    # The real plan and three scenarios: four plans on the switch, no fifth.
    buttons = [page.compare.findChild(QToolButton, f"comparePlan-{n}") for n in range(5)]
    assert buttons[4] is None and all(b is not None and b.isVisible() for b in buttons[:4])
    fourth = next(s for s in page.scenarios.scenarios if s.name == "Fourth")
    assert fourth.key not in page.scenarios.compared
