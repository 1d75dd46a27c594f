"""The timeline's header as a user reads it: the Today badge hides no week's label and no
month's name, whichever day of the week today is and at either scale."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFontMetrics

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_canvas import LABEL_WIDTH, Scale
from mopsboard.ui.timeline.timeline_header import header_layout
from mopsboard.ui.timeline.timeline_view import TimelineView

THIS_MONDAY = date.today() - timedelta(days=date.today().weekday())


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    win = open_window(planned_ws)
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    return shown


def show_today_as(page: TimelineView, today: date, scale: Scale) -> None:
    """Paints the timeline as if `today` were today, at `scale`, with today in sight."""
    page.rows.today = today
    page.timeline.set_scale(scale)
    page.timeline.scroll_to_day(today, 0.3)


def today_pixels(page: TimelineView, rect: QRect) -> int:
    """How many pixels of `rect` are painted in the today colour (the badge's fill)."""
    image = page.timeline.viewport().grab().toImage()
    today = QColor(theme.current().today)
    return sum(
        image.pixelColor(x, y) == today
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


def test_the_today_badge_leaves_the_weeks_label_readable(page: TimelineView) -> None:
    # Tuesday: the badge is centred a day after Monday's label starts, on top of it where the
    # badge sat in the weeks' row.
    tuesday = THIS_MONDAY + timedelta(days=1)
    show_today_as(page, tuesday, Scale.WEEKS)
    timeline = page.timeline
    metrics = QFontMetrics(timeline.small_font)
    label = THIS_MONDAY.strftime("%d %b")
    x = timeline.x_of(THIS_MONDAY) + 3
    drawn = QRect(x, 38 - metrics.ascent(), metrics.horizontalAdvance(label), metrics.ascent())
    assert drawn.left() > LABEL_WIDTH
    assert today_pixels(page, drawn) == 0


@pytest.mark.parametrize("scale", [Scale.WEEKS, Scale.MONTHS])
def test_no_day_of_the_week_puts_the_badge_over_a_header_word(
    page: TimelineView, scale: Scale
) -> None:
    # The first of a month too: its name starts where the badge is.
    first_of_month = (THIS_MONDAY.replace(day=1) + timedelta(days=32)).replace(day=1)
    days = [THIS_MONDAY + timedelta(days=n) for n in range(7)] + [first_of_month]
    timeline = page.timeline
    for today in days:
        show_today_as(page, today, scale)
        width = timeline.viewport().width()
        first, last = timeline.day_at(LABEL_WIDTH), timeline.day_at(width) + timedelta(days=1)
        layout = header_layout(timeline, first, last, width)
        assert layout.weeks, "weeks are labelled"
        for word in [*layout.weeks, *layout.months]:
            assert not word.rect.intersects(layout.today), (today, word.text)
