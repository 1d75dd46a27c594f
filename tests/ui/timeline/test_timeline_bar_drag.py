"""A bar dragged on the timeline, as a hand drags it: Esc while the mouse is still down puts the
bar back and writes nothing (the release after it moves nothing), for a task's bar and for a
campaign's. The SQLite file is read through a connection of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from gestures import LEFT, NO_KEYS
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_timeline_links import link, plan, task_named, weekday

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.bar_drag import drag_label_rect
from mopsboard.ui.timeline.timeline_paint import LABEL_WIDTH
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    ws = planned_ws
    plan(ws, "A", 0, 2)
    plan(ws, "C", 3, 4)
    link(ws, "A", "C")
    return open_window(ws)


@pytest.fixture
def page(window: MainWindow) -> TimelineView:
    assert window.show_view("timeline")
    shown = window.pages["timeline"]
    assert isinstance(shown, TimelineView)
    shown.timeline.set_scale(shown.timeline.scale.WEEKS)
    shown.timeline.scroll_to_day(weekday(0), 0.2)
    spring = window.workspace.campaign_named("Spring launch").key
    shown.timeline.toggle(shown.rows.row_of_campaign(spring))
    return shown


def on_file(path: Path) -> tuple[dict[str, tuple[date | None, date | None]], date | None]:
    """Every campaign task's dates, and Spring launch's launch date."""
    with Workspace.open(path) as fresh:
        dates = {t.title: (t.start_date, t.due_date) for t in fresh.tasks() if t.campaign_id}
        return dates, fresh.campaign_named("Spring launch").launch_date


def bar_of(page: TimelineView, row: int) -> QRect:
    rect = page.timeline.bar_rect(row)
    assert rect is not None and page.timeline.viewport().rect().contains(rect.center())
    return rect


def press_and_move(page: TimelineView, row: int, days: int) -> tuple[QPoint, QPoint]:
    """The mouse down on the bar (clear of its link handle) and moved `days` days on."""
    rect = bar_of(page, row)
    start = QPoint(rect.left() + rect.width() // 3, rect.center().y())
    end = start + QPoint(page.timeline.ppd * days, 0)
    viewport = page.timeline.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, start)
    for step in (1, 2, 3, 4):
        QTest.mouseMove(viewport, start + (end - start) * step / 4)
    return start, end


def test_escape_during_a_task_bar_drag_puts_it_back_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = on_file(path)
    timeline = page.timeline
    row = page.rows.row_of_task(task_named(window.workspace, "A").key)
    resting = bar_of(page, row)
    _start, end = press_and_move(page, row, 2)
    assert timeline.drag is not None and timeline.drag.days == 2
    QTest.keyClick(timeline, Qt.Key.Key_Escape)
    assert timeline.drag is None
    QTest.mouseRelease(timeline.viewport(), LEFT, NO_KEYS, end)
    qtbot.wait(1)
    assert on_file(path) == before
    assert window.workspace_actions.undo_stack.count() == 0
    assert timeline.bar_rect(row) == resting
    # The release after Esc is no drag either: the cursor is back to an arrow.
    assert timeline.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor


def test_escape_during_a_campaign_bar_drag_moves_neither_it_nor_its_tasks(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = on_file(path)
    timeline = page.timeline
    row = page.rows.row_of_campaign(window.workspace.campaign_named("Spring launch").key)
    _start, end = press_and_move(page, row, 7)
    assert timeline.drag is not None and timeline.drag.days == 7
    QTest.keyClick(timeline, Qt.Key.Key_Escape)
    QTest.mouseRelease(timeline.viewport(), LEFT, NO_KEYS, end)
    qtbot.wait(1)
    assert on_file(path) == before
    assert window.workspace_actions.undo_stack.count() == 0


def test_a_drag_without_escape_still_moves_the_bar(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    timeline = page.timeline
    row = page.rows.row_of_task(task_named(window.workspace, "C").key)
    # C is last in its chain: a day later (calendar days, as the bar moves) asks nothing.
    _start, end = press_and_move(page, row, 1)
    QTest.mouseRelease(timeline.viewport(), LEFT, NO_KEYS, end)
    qtbot.wait(1)
    one = timedelta(days=1)
    assert on_file(path)[0]["C"] == (weekday(3) + one, weekday(4) + one)
    assert window.workspace_actions.undo_stack.count() == 1


def label_pixels(page: TimelineView) -> tuple[QRect, QColor]:
    """Where the dragged bar's label is painted, and the colour at its left end."""
    timeline = page.timeline
    assert timeline.drag is not None
    rect = drag_label_rect(timeline, timeline.drag.words)
    assert rect is not None
    image = timeline.viewport().grab().toImage()
    return rect, image.pixelColor(rect.left() + 2, rect.center().y())


def test_a_task_bar_says_its_new_dates_and_working_days_while_dragged(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    timeline = page.timeline
    row = page.rows.row_of_task(task_named(window.workspace, "A").key)
    _start, end = press_and_move(page, row, 2)
    assert timeline.drag is not None
    # A, Mon to Wed, two days later: Wed to Fri, two working days.
    wednesday, friday = weekday(2), weekday(4)
    assert timeline.drag.words == (
        f"Wed {wednesday:%d %b} \u2192 Fri {friday:%d %b} (+2 working days)"
    )
    rect, colour = label_pixels(page)
    # Painted in the text's colour, inside the days, clear of the bar it speaks of.
    assert colour == QColor(theme.current().text)
    assert timeline.viewport().rect().contains(rect)
    assert rect.left() >= LABEL_WIDTH
    moved = timeline.bar_rect(row, 2)
    assert moved is not None and not rect.intersects(moved)
    # A day further, into the weekend: Thu to Sat. The start moved three working days (Mon to
    # Thu), the due date two (Wed to Sat: Thu and Fri); the larger is said.
    QTest.mouseMove(timeline.viewport(), end + QPoint(timeline.ppd, 0))
    assert timeline.drag.words.endswith("(+3 working days)")
    # Back where it started, it says nothing.
    QTest.mouseMove(timeline.viewport(), _start)
    assert timeline.drag.days == 0 and timeline.drag.words == ""
    QTest.keyClick(timeline, Qt.Key.Key_Escape)
    QTest.mouseRelease(timeline.viewport(), LEFT, NO_KEYS, _start)
    # The label goes with the drag.
    assert timeline.drag is None
    image = timeline.viewport().grab().toImage()
    assert image.pixelColor(rect.left() + 2, rect.center().y()) != QColor(theme.current().text)


def test_a_campaign_bar_says_its_new_span_and_launch_while_dragged(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    timeline = page.timeline
    spring = window.workspace.campaign_named("Spring launch")
    row = page.rows.row_of_campaign(spring.key)
    _start, end = press_and_move(page, row, 7)
    assert timeline.drag is not None
    assert spring.launch_date is not None
    launch = spring.launch_date + timedelta(days=7)
    assert f", launch {launch:%a %d %b} (+7 days)" in timeline.drag.words
    QTest.mouseMove(timeline.viewport(), end - QPoint(timeline.ppd * 8, 0))
    assert timeline.drag.words.endswith("(\u22121 day)")
    QTest.keyClick(timeline, Qt.Key.Key_Escape)
    QTest.mouseRelease(timeline.viewport(), LEFT, NO_KEYS, end - QPoint(timeline.ppd * 8, 0))
    assert window.workspace_actions.undo_stack.count() == 0
