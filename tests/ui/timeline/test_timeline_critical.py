"""The critical path and launch at risk on the timeline, as a user sees them: critical bars ringed
and their links dark, a campaign whose chain cannot finish by its launch marked on its row with
the reason in its tooltip (the reason the campaigns table gives)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from test_timeline_links import link, near, on_line, plan, shown_link, task_named, weekday

from mopsboard.domain.launch_risk import launch_risk
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView

TODAY = date.today()


def open_timeline(open_window: Callable[..., MainWindow], ws: Workspace) -> TimelineView:
    win = open_window(ws)
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    page.timeline.set_scale(page.timeline.scale.WEEKS)
    return page


def set_launch(ws: Workspace, campaign: str, launch: date) -> None:
    current = ws.campaign_named(campaign)
    start = min(current.start_date or launch, launch - timedelta(days=20))
    ws.update_campaign(
        current.model_copy(update={"start_date": start, "launch_date": launch, "end_date": launch})
    )


def screen(page: TimelineView) -> QImage:
    QApplication.processEvents()
    return page.timeline.viewport().grab().toImage()


def colour(image: QImage, point: QPoint) -> QColor:
    return QColor(image.pixel(point.x(), point.y()))


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    ws = planned_ws
    # Launch on Friday: E (Thursday and Friday) finishes on it and A (Monday to Wednesday)
    # just before E: no slack. C, due Tuesday, could finish on Wednesday: a day of slack.
    set_launch(ws, "Spring launch", weekday(4))
    plan(ws, "A", 0, 2)
    plan(ws, "E", 3, 4)
    plan(ws, "C", 0, 1)
    link(ws, "A", "E")
    link(ws, "C", "E")
    shown = open_timeline(open_window, ws)
    shown.timeline.scroll_to_day(weekday(0), 0.2)
    spring = ws.campaign_named("Spring launch").key
    shown.timeline.toggle(shown.rows.row_of_campaign(spring))
    return shown


def test_critical_bars_are_ringed_and_their_link_is_dark(page: TimelineView) -> None:
    ws = page.rows.workspace
    timeline = page.timeline
    image = screen(page)
    dark = theme.current().text
    for title, critical in (("A", True), ("E", True), ("C", False)):
        rect = timeline.bar_rect(page.rows.row_of_task(task_named(ws, title).key))
        assert rect is not None
        # Two pixels above the middle of the bar: on the ring, if there is one.
        ring = colour(image, QPoint(rect.center().x(), rect.top() - 3))
        assert near(ring, dark) == critical, title
    assert near(colour(image, on_line(page, shown_link(page, "A", "E")).toPoint()), dark)
    assert near(
        colour(image, on_line(page, shown_link(page, "C", "E")).toPoint()), theme.current().muted
    )
    words = timeline.painter.row_words(page.rows.row_of_task(task_named(ws, "C").key))
    assert "Slack to the launch: 1 working day." in words
    words = timeline.painter.row_words(page.rows.row_of_task(task_named(ws, "A").key))
    assert "On the critical path" in words


def test_moving_the_launch_later_gives_the_path_slack(page: TimelineView) -> None:
    ws = page.rows.workspace
    assert page.rows.critical == {task_named(ws, "A").key, task_named(ws, "E").key}
    set_launch(ws, "Spring launch", weekday(6))
    page.rows.reload()
    assert page.rows.critical == frozenset()
    assert not shown_link(page, "A", "E").critical


def test_a_launch_at_risk_is_marked_on_the_campaigns_row_with_the_reason(
    open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    ws = planned_ws
    # A and E are both planned from today to the launch in two days: E, after A, cannot
    # finish by then.
    for title in ("A", "E"):
        task = task_named(ws, title)
        dates = {"start_date": TODAY, "due_date": TODAY + timedelta(days=2)}
        ws.update_task(task.model_copy(update=dates))
    link(ws, "A", "E")
    set_launch(ws, "Spring launch", TODAY + timedelta(days=2))
    page = open_timeline(open_window, ws)
    spring = ws.campaign_named("Spring launch")
    linked, edges = ws.launch_chains()[spring.key]
    risk = launch_risk(spring.launch_date, linked, edges, TODAY)
    assert risk is not None
    timeline = page.timeline
    row = page.rows.row_of_campaign(spring.key)
    assert f"Launch at risk: {risk.reason}" in timeline.painter.row_words(row)
    marker = timeline.painter.launch_marker_at(row)
    assert marker is not None
    timeline.scroll_to_day(spring.launch_date or TODAY, 0.5)
    marker = timeline.painter.launch_marker_at(row)
    assert marker is not None
    image = screen(page)
    red = theme.current().overdue
    assert near(colour(image, marker.center().toPoint()), red)
    # "At risk" in red at the right of the campaign's label.
    top = timeline.row_top(row)
    label = QRect(160, top + 4, 95, 20)
    reds = [
        (x, y)
        for x in range(label.left(), label.right())
        for y in range(label.top(), label.bottom())
        if near(colour(image, QPoint(x, y)), red)
    ]
    assert len(reds) > 20
    # The webinar's chain is fine: its diamond stays dark, its label has no red.
    webinar = page.rows.row_of_campaign(ws.campaign_named("Intent webinar").key)
    assert "Launch at risk" not in timeline.painter.row_words(webinar)
