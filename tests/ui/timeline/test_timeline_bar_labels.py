"""The words written after a task's bar, as a user reads them: the link handle that shows on
hover covers none of them, and a bar scrolled off the left edge leaves no fragment of its title
(the title stays whole at the edge while any of it would still be in sight, then goes)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, QRect
from PySide6.QtGui import QFontMetrics, QHelpEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from test_timeline_links import plan, task_named, weekday

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.link_drag import HANDLE_RADIUS, handle_centre
from mopsboard.ui.timeline.timeline_canvas import LABEL_WIDTH, ROW_HEIGHT
from mopsboard.ui.timeline.timeline_view import TimelineView

TITLE = "Landing page copy"


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    ws = planned_ws
    a = plan(ws, "A", 0, 2)
    ws.update_task(a.model_copy(update={"title": TITLE}))
    win = open_window(ws)
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    shown.timeline.set_scale(shown.timeline.scale.WEEKS)
    shown.timeline.scroll_to_day(weekday(0), 0.2)
    spring = ws.campaign_named("Spring launch").key
    shown.timeline.toggle(shown.rows.row_of_campaign(spring))
    return shown


def row_of(page: TimelineView) -> int:
    return page.rows.row_of_task(task_named(page.rows.workspace, TITLE).key)


def ink_columns(image: QImage, area: QRect) -> list[int]:
    """The x of each column of `area` holding a dark pixel: a glyph's, not the background's,
    a weekend's or a grid line's."""
    return [
        x
        for x in range(area.left(), area.right() + 1)
        if any(
            image.pixelColor(x, y).lightnessF() < 0.7 for y in range(area.top(), area.bottom() + 1)
        )
    ]


def test_the_link_handle_covers_no_letter_of_the_title_after_the_bar(
    page: TimelineView,
) -> None:
    timeline = page.timeline
    rect = timeline.bar_rect(row_of(page))
    assert rect is not None
    centre = handle_centre(rect).toPoint()
    reach = int(HANDLE_RADIUS) + 2
    # Where the handle is drawn on hover, past the bar's own (rounded, smoothed) end.
    under_handle = QRect(
        rect.right() + 2, centre.y() - reach, centre.x() + reach - rect.right(), 2 * reach
    )
    assert ink_columns(timeline.viewport().grab().toImage(), under_handle) == []
    # The title is there, after the handle.
    after = QRect(centre.x() + reach, rect.top(), 200, rect.height())
    assert ink_columns(timeline.viewport().grab().toImage(), after)
    QTest.mouseMove(timeline.viewport(), rect.center())
    assert timeline.handle_row == row_of(page)


def row_band(page: TimelineView) -> QRect:
    top = page.timeline.row_top(row_of(page))
    return QRect(LABEL_WIDTH + 1, top + 2, 400, ROW_HEIGHT - 4)


def scroll_bar_end_to(page: TimelineView, x: int) -> None:
    """Scrolls so the title's bar ends at `x` (viewport coordinates)."""
    timeline = page.timeline
    rect = timeline.bar_rect(row_of(page))
    assert rect is not None
    bar = timeline.horizontalScrollBar()
    bar.setValue(bar.value() + rect.right() - x)


def test_a_bar_off_the_left_edge_keeps_its_title_whole_at_the_edge(page: TimelineView) -> None:
    timeline = page.timeline
    width = QFontMetrics(timeline.small_font).horizontalAdvance(TITLE)
    # The bar ends 40 pixels before the days begin: its title, written after it, would start
    # under the label column and show only its end.
    scroll_bar_end_to(page, LABEL_WIDTH - 40)
    ink = ink_columns(timeline.viewport().grab().toImage(), row_band(page))
    assert ink, "the title is in sight"
    assert ink[0] >= LABEL_WIDTH + 3, "it starts at the edge, not cut by it"
    assert ink[-1] - ink[0] >= width - 6, "all of it"


def test_a_bar_far_off_the_left_edge_writes_nothing(page: TimelineView) -> None:
    timeline = page.timeline
    width = QFontMetrics(timeline.small_font).horizontalAdvance(TITLE)
    # Past where any of its title would have been in sight: the label column names the row.
    scroll_bar_end_to(page, LABEL_WIDTH - width - 40)
    assert ink_columns(timeline.viewport().grab().toImage(), row_band(page)) == []


def test_the_bars_tooltip_says_how_to_draw_a_link(qtbot: QtBot, page: TimelineView) -> None:
    timeline = page.timeline
    rect = timeline.bar_rect(row_of(page))
    assert rect is not None
    viewport = timeline.viewport()
    QTest.mouseMove(viewport, rect.center())
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), viewport.mapToGlobal(rect.center()))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(QToolTip.isVisible)
    shown = QToolTip.text()
    assert shown.startswith(TITLE)
    assert shown.endswith(
        "Drag the bar to reschedule it.\nDrag from the handle at its end to another bar to "
        "link them: that task then waits for this one."
    )
    QToolTip.hideText()
