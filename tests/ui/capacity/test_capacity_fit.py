"""The capacity map's texts fit where they are painted, at the screen sizes people use: a week's
"planned / available" never runs into the next week's, a team's name is whole where there is
room for it, and the bar above the map fits a 1024 px window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import RowKind
from mopsboard.domain.models import Member, Task, Team
from mopsboard.qt.capacity.capacity_model import FIRST_WEEK_COLUMN, NAME_COLUMN
from mopsboard.store.workspace import Workspace
from mopsboard.ui.capacity.capacity_map import NAME_INDENT, TILE_INSET
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.common.wrapping_bar import WrappingBar
from mopsboard.ui.shell.main_window import MainWindow

MON = date(2026, 3, 2)
AGENCY = "Brightline Creative (agency)"


@pytest.fixture
def wide_ws(capacity_ws: Workspace) -> Iterator[Workspace]:
    """The small capacity workspace and an agency whose week reads "74.5 / 78.4", the widest
    figures a team total shows in the demo."""
    ws = capacity_ws
    agency = ws.add_team(Team(name=AGENCY, colour="#9333ea"))
    grace = ws.add_member(Member(team_id=agency.key, name="Grace", weekly_hours=39.2))
    ws.add_member(Member(team_id=agency.key, name="Tom", weekly_hours=39.2))
    board = ws.boards()[0].key
    ws.add_task(
        Task(
            board_id=board,
            stage_id=ws.stages(board)[1].key,
            title="Booth design",
            assignee_id=grace.key,
            estimate_hours=74.5,
            start_date=MON,
            due_date=MON + timedelta(days=4),
        )
    )
    yield ws


def text_room(combo: QComboBox) -> int:
    """How wide a text the combo box's edit field holds, as its style lays it out."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    style = combo.style()
    field = style.subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def capacity_at(
    open_window: Callable[..., MainWindow], ws: Workspace, size: tuple[int, int]
) -> CapacityView:
    window = open_window(ws, size)
    assert window.show_view("capacity")
    view = window.pages["capacity"]
    assert isinstance(view, CapacityView)
    view.set_period(Period(MON, 8))
    return view


def painted_font(view: CapacityView, kind: RowKind) -> QFontMetrics:
    font = QFont(view.map.font())
    font.setBold(kind is RowKind.TOTAL)
    return QFontMetrics(font)


@pytest.mark.parametrize("size", [(1366, 768), (1024, 700), (1440, 900)])
def test_week_figures_fit_their_tiles(
    open_window: Callable[..., MainWindow], wide_ws: Workspace, size: tuple[int, int]
) -> None:
    view = capacity_at(open_window, wide_ws, size)
    model = view.model
    widest = ""
    for number, row in enumerate(model.capacity.rows):
        metrics = painted_font(view, row.kind)
        for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
            index = model.index(number, column)
            text = str(index.data())
            tile = view.map.visualRect(index).adjusted(TILE_INSET, 0, -TILE_INSET, 0)
            assert metrics.horizontalAdvance(text) <= tile.width(), (row.label, text, size)
            widest = max(widest, text, key=len)
    assert widest == "74.5 / 78.4"


def test_a_team_name_is_whole_where_there_is_room(
    open_window: Callable[..., MainWindow], wide_ws: Workspace
) -> None:
    view = capacity_at(open_window, wide_ws, (1920, 1080))
    model = view.model
    for number, row in enumerate(model.capacity.rows):
        index = model.index(number, NAME_COLUMN)
        text = str(index.data())
        cell = view.map.visualRect(index)
        room = cell.width() - NAME_INDENT - 4
        assert painted_font(view, row.kind).horizontalAdvance(text) <= room, text
    assert AGENCY in [row.label for row in model.capacity.rows]


def test_the_bar_above_the_map_fits_a_1024_window(
    open_window: Callable[..., MainWindow], wide_ws: Workspace
) -> None:
    view = capacity_at(open_window, wide_ws, (1024, 700))
    window = view.window()
    assert window.width() == 1024
    bar = view.findChild(QWidget, "capacityBar")
    assert bar is not None
    assert bar.geometry().right() < view.width()
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    toolbar = bar.findChild(WrappingBar)
    assert toolbar is not None
    controls = [
        control
        for parent in (toolbar, bar)
        for control in parent.findChildren(QWidget, options=direct)
        if control.isVisible() and control is not toolbar
    ]
    assert view.team in controls and view.note in controls and len(controls) > 10
    area = bar.rect()
    boxes = [QRect(c.mapTo(bar, QPoint(0, 0)), c.size()) for c in controls]
    for control, box in zip(controls, boxes, strict=True):
        assert area.contains(box), control.accessibleName()
    for number, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[number + 1 :])
    for control in (view.team, view.first, view.weeks):
        assert control.width() >= control.sizeHint().width(), control.accessibleName()
    team = view.team
    assert QFontMetrics(team.font()).horizontalAdvance(team.currentText()) <= text_room(team)


def test_the_team_picker_shows_a_long_team_name_whole(
    open_window: Callable[..., MainWindow], wide_ws: Workspace
) -> None:
    view = capacity_at(open_window, wide_ws, (1440, 900))
    view.set_team(next(t.id for t in wide_ws.teams() if t.name == AGENCY))
    assert view.team.currentText() == AGENCY
    metrics = QFontMetrics(view.team.font())
    assert metrics.horizontalAdvance(AGENCY) <= text_room(view.team)


def test_the_weeks_follow_the_widest_figures_as_tasks_change(
    open_window: Callable[..., MainWindow], wide_ws: Workspace
) -> None:
    # Past 12 weeks each week is as wide as the widest figures, not stretched to fill.
    view = capacity_at(open_window, wide_ws, (1440, 900))
    view.set_period(Period(MON, 20))
    model = view.model

    def week_width() -> int:
        widths = {view.map.columnWidth(c) for c in range(FIRST_WEEK_COLUMN, model.columnCount())}
        assert len(widths) == 1
        return widths.pop()

    def figures_fit() -> None:
        for number, row in enumerate(model.capacity.rows):
            metrics = painted_font(view, row.kind)
            for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
                index = model.index(number, column)
                tile = view.map.visualRect(index).adjusted(TILE_INSET, 0, -TILE_INSET, 0)
                assert metrics.horizontalAdvance(str(index.data())) <= tile.width()

    before = week_width()
    booth = next(t for t in wide_ws.tasks() if t.title == "Booth design")
    wide_ws.update_task(booth.model_copy(update={"estimate_hours": 745.5}))
    assert "745.5 / 78.4" in [
        str(model.index(n, FIRST_WEEK_COLUMN).data()) for n in range(model.rowCount())
    ]
    assert week_width() > before
    figures_fit()
    # Back as it was: the weeks narrow again to what they were.
    booth = next(t for t in wide_ws.tasks() if t.title == "Booth design")
    wide_ws.update_task(booth.model_copy(update={"estimate_hours": 74.5}))
    assert week_width() == before
    figures_fit()
