"""The links between task bars on the timeline, as a user sees them: grey where the plan keeps a
link, red where the successor starts too soon (its tooltip says by how many working days), not
drawn to a campaign that is collapsed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Task
from mopsboard.qt.timeline.timeline_links import ShownLink
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_paint import LABEL_WIDTH
from mopsboard.ui.timeline.timeline_view import TimelineView

# A Monday two weeks ahead: the tasks' weeks have no weekend in them.
MONDAY = date.today() + timedelta(days=14 - date.today().weekday())


def weekday(offset: int) -> date:
    """MONDAY plus `offset` working days (0 to 4: that week; 5 to 9: the next)."""
    return MONDAY + timedelta(days=offset + 2 * (offset // 5))


def task_named(ws: Workspace, title: str) -> Task:
    return next(t for t in ws.tasks() if t.title == title)


def plan(ws: Workspace, title: str, start: int, due: int) -> Task:
    task = task_named(ws, title)
    dates = {"start_date": weekday(start), "due_date": weekday(due)}
    return ws.update_task(task.model_copy(update=dates))


def link(ws: Workspace, before: str, after: str, kind: LinkKind = LinkKind.FINISH_TO_START) -> None:
    ws.add_link(
        TaskLink(
            predecessor_id=task_named(ws, before).key,
            successor_id=task_named(ws, after).key,
            kind=kind,
        )
    )


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    ws = planned_ws
    # Spring launch: A Mon-Wed, then C should start on Thursday but starts on Tuesday (two
    # working days too soon); E starts on Thursday as it should; F starts with A.
    plan(ws, "A", 0, 2)
    plan(ws, "C", 1, 4)
    plan(ws, "E", 3, 4)
    plan(ws, "F", 0, 1)
    link(ws, "A", "C")
    link(ws, "A", "E")
    link(ws, "A", "F", LinkKind.START_TO_START)
    win = open_window(ws)
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    shown.timeline.set_scale(shown.timeline.scale.WEEKS)
    shown.timeline.scroll_to_day(MONDAY, 0.2)
    return shown


def expand(page: TimelineView, campaign: str) -> None:
    ws = page.rows.workspace
    page.timeline.toggle(page.rows.row_of_campaign(ws.campaign_named(campaign).key))


def shown_link(page: TimelineView, before: str, after: str) -> ShownLink:
    found = [
        s
        for s in page.rows.links.shown
        if (s.predecessor.title, s.successor.title) == (before, after)
    ]
    assert len(found) == 1, [
        (s.predecessor.title, s.successor.title) for s in page.rows.links.shown
    ]
    return found[0]


def colour_at(page: TimelineView, point: QPointF) -> QColor:
    QApplication.processEvents()
    image = page.timeline.viewport().grab().toImage()
    return QColor(image.pixel(int(point.x()), int(point.y())))


def on_line(page: TimelineView, shown: ShownLink) -> QPointF:
    """A pixel halfway along the longest stretch of the link's line that crosses no bar."""
    timeline = page.timeline
    points = timeline.painter.links.points(shown)
    assert points is not None
    bars = [timeline.bar_rect(row) for row in range(len(page.rows.rows))]
    stretches = sorted(
        pairwise(points),
        key=lambda pair: -abs(pair[0].x() - pair[1].x()) - abs(pair[0].y() - pair[1].y()),
    )
    for first, second in stretches:
        middle = QPointF((first.x() + second.x()) // 2, (first.y() + second.y()) // 2)
        if not any(
            bar is not None and bar.adjusted(-2, -2, 2, 2).contains(middle.toPoint())
            for bar in bars
        ):
            return middle
    raise AssertionError(f"every stretch of {points} crosses a bar")


def near(colour: QColor, expected: str) -> bool:
    want = QColor(expected)
    return all(
        abs(a - b) <= 40 for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3], strict=True)
    )


def test_a_broken_link_is_drawn_red_and_its_tooltip_says_by_how_much(page: TimelineView) -> None:
    expand(page, "Spring launch")
    broken = shown_link(page, "A", "C")
    assert broken.missing == 2 and broken.allowed == weekday(3)
    point = on_line(page, broken)
    assert near(colour_at(page, point), theme.current().overdue)
    words = page.timeline.painter.links.tooltip(point.toPoint())
    assert "'C' waits for 'A' (finish to start)" in words
    assert "'C' starts 2 working days too soon" in words
    assert f"start on {weekday(3):%a %d %b %Y}" in words


def test_a_kept_link_is_grey_and_start_to_start_leaves_from_the_start(page: TimelineView) -> None:
    expand(page, "Spring launch")
    kept = shown_link(page, "A", "E")
    assert kept.missing == 0
    point = on_line(page, kept)
    colour = colour_at(page, point)
    assert near(colour, theme.current().muted) and not near(colour, theme.current().overdue)
    together = shown_link(page, "A", "F")
    assert together.missing == 0
    points = page.timeline.painter.links.points(together)
    a_bar = page.timeline.bar_rect(together.predecessor_row)
    assert points is not None and a_bar is not None
    # Out of A's left end, round, into F's left end.
    assert points[0].x() < a_bar.left() and points[1].x() < points[0].x()
    assert "start to start" in page.timeline.painter.links.tooltip(
        on_line(page, together).toPoint()
    )


def test_a_link_to_a_collapsed_campaign_is_not_drawn(page: TimelineView) -> None:
    ws = page.rows.workspace
    plan(ws, "D", 5, 6)
    link(ws, "A", "D")
    page.rows.reload()
    expand(page, "Spring launch")
    assert {(s.predecessor.title, s.successor.title) for s in page.rows.links.shown} == {
        ("A", "C"),
        ("A", "E"),
        ("A", "F"),
    }
    expand(page, "Intent webinar")
    across = shown_link(page, "A", "D")
    assert across.missing == 0
    # Across campaigns: down from A in Spring launch to D in the webinar, below it.
    assert across.successor_row > page.rows.row_of_campaign(ws.campaign_named("Intent webinar").key)
    assert near(colour_at(page, on_line(page, across)), theme.current().muted)


def test_moving_the_successor_later_mends_the_link(page: TimelineView) -> None:
    ws = page.rows.workspace
    expand(page, "Spring launch")
    assert shown_link(page, "A", "C").broken
    plan(ws, "C", 3, 4)
    page.rows.reload()
    assert not shown_link(page, "A", "C").broken
    assert near(colour_at(page, on_line(page, shown_link(page, "A", "C"))), theme.current().muted)


def test_a_bar_under_a_link_keeps_its_own_tooltip(page: TimelineView) -> None:
    expand(page, "Spring launch")
    timeline = page.timeline
    ws = page.rows.workspace
    # A -> E runs down from A's end across C's bar (Tuesday to Friday).
    crossing = shown_link(page, "A", "E")
    points = timeline.painter.links.points(crossing)
    c_bar = timeline.bar_rect(page.rows.row_of_task(task_named(ws, "C").key))
    assert points is not None and c_bar is not None
    on_c = QPoint(int(points[0].x()), c_bar.center().y())
    assert c_bar.contains(on_c)
    assert timeline.painter.links.tooltip(on_c).startswith("'E' waits for 'A'")
    assert timeline.tooltip_at(on_c).startswith("C\n")
    # Off the bars, the line's own words.
    assert timeline.tooltip_at(on_line(page, crossing).toPoint()).startswith("'E' waits for 'A'")
    e_bar = timeline.bar_rect(page.rows.row_of_task(task_named(ws, "E").key))
    assert e_bar is not None
    assert timeline.tooltip_at(e_bar.center()).startswith("E\n")


def test_the_legend_shows_a_link_a_broken_one_and_the_critical_path(page: TimelineView) -> None:
    QApplication.processEvents()
    image = page.timeline.viewport().grab().toImage()
    first_line = [QColor(image.pixel(x, y)) for x in range(LABEL_WIDTH - 4) for y in range(6, 20)]
    # The title's line holds nothing red but the legend's broken link (the today mark's red is
    # on the line below, and in the dates' part).
    assert any(near(c, page.timeline.painter.c.broken.name()) for c in first_line)
