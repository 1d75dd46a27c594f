"""The timeline driven as a user would: its bar drags are real mouse presses, moves and releases
on the widget (no QDrag is involved), and each test asserts what the SQLite file holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from gestures import drag
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView

TODAY = date.today()


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    return page


def test_dragging_a_campaign_bar_moves_it_with_all_its_tasks(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    before = {t.id: (t.start_date, t.due_date) for t in ws.campaign_tasks(spring.key)}
    row = page.rows.row_of_campaign(spring.key)
    rect = timeline.bar_rect(row)
    assert rect is not None and timeline.viewport().rect().contains(rect.center())
    start = QPoint(rect.left() + 12, rect.center().y())
    drag(qtbot, timeline.viewport(), start, start + QPoint(timeline.ppd * 7, 0))
    with on_file(ws) as fresh:
        moved = fresh.campaign(spring.key)
        assert moved.launch_date == (spring.launch_date or TODAY) + timedelta(days=7)
        assert moved.start_date == (spring.start_date or TODAY) + timedelta(days=7)
        after = {t.id: (t.start_date, t.due_date) for t in fresh.campaign_tasks(spring.key)}
        other = fresh.campaign_named("Intent webinar")
    for task_id, (old_start, old_due) in before.items():
        assert after[task_id] == (
            old_start + timedelta(days=7) if old_start else None,
            old_due + timedelta(days=7) if old_due else None,
        )
    assert other.launch_date == ws.campaign_named("Intent webinar").launch_date
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    stack.undo()
    with on_file(ws) as fresh:
        assert {t.id: (t.start_date, t.due_date) for t in fresh.campaign_tasks(spring.key)} == (
            before
        )
        assert fresh.campaign(spring.key).launch_date == spring.launch_date


def test_dragging_a_task_bar_reschedules_the_task(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    timeline.toggle(page.rows.row_of_campaign(spring.key))
    task = next(t for t in ws.tasks() if t.title == "C")
    row = page.rows.row_of_task(task.key)
    assert row > 0
    rect = timeline.bar_rect(row)
    assert rect is not None
    drag(qtbot, timeline.viewport(), rect.center(), rect.center() - QPoint(timeline.ppd * 2, 0))
    with on_file(ws) as fresh:
        moved = fresh.task(task.key)
        untouched = next(t for t in fresh.tasks() if t.title == "A")
    assert moved.due_date == (task.due_date or TODAY) - timedelta(days=2)
    assert moved.start_date == (task.start_date or TODAY) - timedelta(days=2)
    assert untouched.due_date == next(t for t in ws.tasks() if t.title == "A").due_date
    assert window.workspace_actions.undo_stack.count() == 1


def test_a_click_on_a_bar_selects_without_moving(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    row = page.rows.row_of_campaign(spring.key)
    rect = timeline.bar_rect(row)
    assert rect is not None
    drag(qtbot, timeline.viewport(), rect.center(), rect.center() + QPoint(2, 0))
    assert timeline.drag is None  # the release was handled (a press on a bar starts a drag)
    assert window.workspace_actions.undo_stack.count() == 0
    selected = timeline.selected_row()
    assert selected is not None and selected.campaign.id == spring.id
    page.board.click()
    assert window.stack.currentWidget() is window.board_view
    assert window.board_view.filter_bar.current().campaign_id == spring.id
    assert window.model.shown_count() == 4  # A, C, E and F


def test_timeline_paints_expanded_and_in_both_scales(window: MainWindow) -> None:
    page = timeline_of(window)
    page.expand.click()
    assert len(page.rows.rows) == 2 + 6
    page.timeline.viewport().grab()
    page.weeks.click()
    page.timeline.viewport().grab()
    page.collapse.click()
    assert len(page.rows.rows) == 2
