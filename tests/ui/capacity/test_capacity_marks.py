"""The heat map does not speak by colour alone: an over-booked week carries a mark as well as its
red (and the map is wide enough for it), the legend shows the same mark, a screen reader hears
whose week it is and how booked; the keyboard's cell is ringed, and Tab leaves the map."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QColor, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.qt.capacity.capacity_model import FIRST_WEEK_COLUMN
from mopsboard.store.workspace import Workspace
from mopsboard.ui.capacity.capacity_map import FIGURE_PADDING, OVER_MARK, TILE_INSET, cell_text
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow

MON = date(2026, 3, 2)


@pytest.fixture
def view(open_window: Callable[..., MainWindow], capacity_ws: Workspace) -> CapacityView:
    window = open_window(capacity_ws)
    assert window.show_view("capacity")
    page = window.pages["capacity"]
    assert isinstance(page, CapacityView)
    page.set_period(Period(MON, 3))
    return page


def cell(view: CapacityView, label: str, week: int) -> QModelIndex:
    row = next(n for n, r in enumerate(view.model.capacity.rows) if r.label == label)
    return view.model.index(row, FIRST_WEEK_COLUMN + week)


def test_an_over_booked_week_carries_a_mark(view: CapacityView) -> None:
    over, under = cell(view, "Ana", 0), cell(view, "Ana", 1)
    assert cell_text(over) == "44 / 40" + OVER_MARK and OVER_MARK.strip() == "!"
    assert cell_text(under) == "4 / 40"
    room = view.map.columnWidth(over.column()) - 2 * (TILE_INSET + FIGURE_PADDING)
    assert QFontMetrics(view.map.font()).horizontalAdvance(cell_text(over)) <= room
    legend = [label.text() for label in view.findChildren(QLabel) if "100%" in label.text()]
    assert "over 100%" + OVER_MARK in legend


def test_a_screen_reader_hears_whose_week_and_how_booked(view: CapacityView) -> None:
    table = QAccessible.queryAccessibleInterface(view.map)
    assert table is not None
    said = [table.child(n).text(QAccessible.Text.Name) for n in range(table.childCount())]
    assert "Ana, week of 02 March: 44 of 40 hours, over-booked" in said
    assert "Ana, week of 09 March: 4 of 40 hours, under 80% booked" in said
    full = cell(view, "Ben", 1)
    assert "80 to 100% booked" in str(full.data(Qt.ItemDataRole.AccessibleTextRole))


def ring_pixels(image: QImage) -> int:
    """How many pixels of the top two lines of `image` are the focus ring's colour."""
    ring = QColor(theme.current().focus_ring).getRgb()[:3]

    def is_ring(colour: QColor) -> bool:
        return all(abs(a - b) < 40 for a, b in zip(colour.getRgb()[:3], ring, strict=True))

    return sum(is_ring(image.pixelColor(x, y)) for x in range(image.width()) for y in (1, 2))


def test_the_keyboards_cell_is_ringed_and_tab_leaves_the_map(
    qtbot: QtBot, view: CapacityView
) -> None:
    heat = view.map
    heat.setFocus(Qt.FocusReason.TabFocusReason)
    heat.setCurrentIndex(cell(view, "Luis", 0))
    qtbot.keyClick(heat, Qt.Key.Key_Right)
    current = cell(view, "Luis", 1)
    assert heat.currentIndex() == current
    QApplication.processEvents()
    shown = heat.viewport().grab().toImage()
    ringed = shown.copy(heat.visualRect(current))
    beside = shown.copy(heat.visualRect(cell(view, "Luis", 2)))
    assert ring_pixels(ringed) > 20 and ring_pixels(beside) == 0
    qtbot.keyClick(heat, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not heat
