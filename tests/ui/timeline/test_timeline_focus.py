"""The timeline shows where the keyboard is: a ring round the chosen row while the timeline has
the focus (round all the rows when none is chosen), gone when Tab moves on; a screen reader is
told the chosen row."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_paint import HEADER_HEIGHT, ROW_HEIGHT
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    win = open_window(planned_ws, (1366, 768))
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    return shown


def ringed(image: QImage, y: int) -> int:
    """How many pixels of line `y` are the focus ring's colour."""
    ring = QColor(theme.current().focus_ring).getRgb()[:3]
    return sum(
        all(abs(a - b) < 40 for a, b in zip(image.pixelColor(x, y).getRgb()[:3], ring, strict=True))
        for x in range(image.width())
    )


def screen(page: TimelineView) -> QImage:
    QApplication.processEvents()
    return page.timeline.viewport().grab().toImage()


def test_the_chosen_row_is_ringed_while_the_timeline_has_the_focus(
    qtbot: QtBot, page: TimelineView
) -> None:
    timeline = page.timeline
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    width = timeline.viewport().width()
    assert ringed(screen(page), HEADER_HEIGHT + 1) > width * 0.9, "round the rows: none chosen"
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.selected == 1
    chosen = timeline.rows.rows[1]
    said = timeline.accessibleDescription()
    assert said.startswith(chosen.bar.title if chosen.bar else chosen.campaign.name), said
    top = timeline.row_top(1)
    shown = screen(page)
    assert ringed(shown, top + 1) > width * 0.9
    assert ringed(shown, top + ROW_HEIGHT - 2) > width * 0.9
    assert ringed(shown, top + ROW_HEIGHT + 4) < 10
    qtbot.keyClick(timeline, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not timeline
    assert ringed(screen(page), top + 1) < 10
