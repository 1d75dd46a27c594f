"""The Scenarios page at a laptop's sizes with three scenarios compared: the summary fits its
width (no sideways scrolling) and no figure, name or header is clipped; the side-by-side maps
are named whole; the list gives the maps the room in a small window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView, QToolButton
from pytestqt.qtbot import QtBot

from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.scenarios import ChangeAvailability, ReassignTask, ShiftCampaign
from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.heat_view import name_lines
from mopsboard.ui.scenarios.scenarios_view import ScenariosView
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.scenarios.scenario_driver import scenarios_page

MONDAY = date.today() - timedelta(days=date.today().weekday())
SIZES = [(1440, 900), (1366, 768), (1024, 700)]
NAMES = (
    "Agency builds the landing page",
    "Cut webinar promo, hire a contractor",
    "Launch two weeks later",
)
# Fusion's margins around a cell's text.
CELL_MARGIN = 8


@pytest.fixture
def three_ws(board_ws: Workspace) -> Workspace:
    """Long team, campaign and scenario names, and three scenarios that each change figures."""
    agency = board_ws.add_team(Team(name="Brightline Creative (agency)", kind=TeamKind.AGENCY))
    board_ws.add_member(Member(team_id=agency.key, name="Rosa"))
    legal = board_ws.add_team(Team(name="Legal and compliance"))
    board_ws.add_member(Member(team_id=legal.key, name="Lee"))
    launch = board_ws.add_campaign(
        Campaign(
            name="Webinar: lead scoring that sales trusts",
            colour="#22c55e",
            launch_date=MONDAY + timedelta(days=14),
            budget=85_000,
        )
    )
    ana = board_ws.member_named("Ana Lima")
    board = board_ws.boards()[0].key
    ready = board_ws.stages(board)[1].key
    landing = board_ws.add_task(
        Task(
            board_id=board,
            stage_id=ready,
            title="Landing page",
            assignee_id=ana.key,
            campaign_id=launch.key,
            estimate_hours=60,
            start_date=MONDAY + timedelta(days=7),
            due_date=MONDAY + timedelta(days=11),
        )
    )
    first = board_ws.add_scenario(NAMES[0])
    board_ws.add_change(first.key, ReassignTask(task_id=landing.key, team_id=agency.key))
    second = board_ws.add_scenario(NAMES[1])
    board_ws.add_change(second.key, ChangeAvailability(member_id=ana.key, availability=0.4))
    third = board_ws.add_scenario(NAMES[2])
    board_ws.add_change(third.key, ShiftCampaign(campaign_id=launch.key, days=14))
    return board_ws


def _compare_all(qtbot: QtBot, page: ScenariosView) -> None:
    for scenario in page.scenarios.scenarios:
        page.scenarios.set_compared(scenario.key, True)
    qtbot.waitUntil(
        lambda: page.compare.comparison is not None and len(page.compare.comparison.plans) == 4
    )


def _clipped_cells(table: QTableView) -> list[str]:
    """The cells whose text, wrapped as the table wraps it, is wider or taller than the cell."""
    model = table.model()
    delegate = table.itemDelegate()
    clipped = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            value = index.data()
            if not value:
                continue
            text = delegate.displayText(value, table.locale())  # type: ignore[attr-defined]
            font = index.data(Qt.ItemDataRole.FontRole)
            metrics = QFontMetrics(font if isinstance(font, QFont) else table.font())
            room = table.columnWidth(column) - CELL_MARGIN
            needed = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, text)
            if needed.width() > room or needed.height() > table.rowHeight(row):
                clipped.append(f"{text!r} in {room} x {table.rowHeight(row)}")
    return clipped


@pytest.mark.parametrize("size", SIZES)
def test_the_summary_of_three_scenarios_fits_without_clipping(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    three_ws: Workspace,
    size: tuple[int, int],
) -> None:
    page = scenarios_page(open_window(three_ws, size))
    _compare_all(qtbot, page)
    table = page.compare.summary
    widths = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    assert widths <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert _clipped_cells(table) == []
    header = table.horizontalHeader()
    for column in range(1, table.model().columnCount()):
        name = str(table.model().headerData(column, Qt.Orientation.Horizontal))
        room = table.columnWidth(column) - CELL_MARGIN
        needed = header.fontMetrics().boundingRect(
            QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, name
        )
        assert needed.width() <= room and needed.height() <= header.height(), name


@pytest.mark.parametrize("size", SIZES)
def test_side_by_side_maps_are_named_whole(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    three_ws: Workspace,
    size: tuple[int, int],
) -> None:
    page = scenarios_page(open_window(three_ws, size))
    _compare_all(qtbot, page)
    qtbot.mouseClick(page.compare.side_by_side, Qt.MouseButton.LeftButton)
    titles = page.compare.small_titles
    assert [t.text() for t in titles] == ["Real plan", *NAMES]
    for title in titles:
        assert title.isVisible()
        metrics = title.fontMetrics()
        needed = metrics.boundingRect(
            QRect(0, 0, title.contentsRect().width(), 10_000),
            Qt.TextFlag.TextWordWrap,
            title.text(),
        )
        assert needed.width() <= title.contentsRect().width(), title.text()
        assert needed.height() <= title.contentsRect().height(), title.text()


def test_in_a_small_window_the_list_is_narrow_and_the_split_can_be_dragged(
    qtbot: QtBot, open_window: Callable[..., MainWindow], three_ws: Workspace
) -> None:
    page = scenarios_page(open_window(three_ws, (1024, 700)))
    _compare_all(qtbot, page)
    left, right = page.splitter.sizes()
    assert left <= page.width() // 4 + 1
    assert right >= 0.7 * page.width()
    # Dragged wider by the user, the list keeps the width it was given.
    page.splitter.moveSplitter(left + 120, 1)
    assert page.splitter.sizes()[0] == left + 120


def test_a_long_team_name_breaks_between_words_onto_two_lines(qtbot: QtBot) -> None:
    metrics = QFontMetrics(QFont())
    name = "Legal and compliance"
    width = metrics.horizontalAdvance("Legal and compliance") - 10
    first, second = name_lines(name, metrics, width)
    assert (first, second) == ("Legal and", "compliance")
    assert name_lines("Web", metrics, width) == ("Web", "")
    # Too long for two lines: the second is elided, the first is whole words.
    long_first, long_second = name_lines(
        "Brightline Creative agency partners worldwide", metrics, width
    )
    assert long_second.endswith("\u2026") and not long_first.endswith("\u2026")


@pytest.mark.parametrize("size", SIZES)
def test_the_switch_names_every_plan_whole(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    three_ws: Workspace,
    size: tuple[int, int],
) -> None:
    page = scenarios_page(open_window(three_ws, size))
    _compare_all(qtbot, page)
    buttons = [page.compare.findChild(QToolButton, f"comparePlan-{n}") for n in range(4)]
    for button in buttons:
        assert button is not None and button.isVisible()
        # Not squeezed (a squeezed tool button elides its name) and not cut at the right.
        assert button.width() >= button.sizeHint().width(), button.text()
        row = button.parentWidget()
        assert row is not None and button.geometry().right() <= row.width(), button.text()
