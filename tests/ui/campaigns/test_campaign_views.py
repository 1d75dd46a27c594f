"""The campaign views driven as a user would: the timeline's drags and the persona map's clicks
and drags are real mouse presses, moves and releases on the widgets (no QDrag is involved), and
each test asserts what the SQLite file holds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Campaign, Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.personas.persona_view import PersonasView
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView

TODAY = date.today()
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def plan_dates(ws: Workspace) -> None:
    """Gives the fixture's campaigns and their tasks dates around today."""
    for campaign, offset in (("Spring launch", 0), ("Intent webinar", 20)):
        current = ws.campaign_named(campaign)
        ws.update_campaign(
            current.model_copy(
                update={
                    "start_date": TODAY - timedelta(days=10 - offset),
                    "launch_date": TODAY + timedelta(days=10 + offset),
                    "end_date": TODAY + timedelta(days=30 + offset),
                }
            )
        )
    for task in ws.tasks():
        if task.campaign_id is not None:
            due = task.due_date or TODAY + timedelta(days=5)
            ws.update_task(
                task.model_copy(update={"start_date": due - timedelta(days=3), "due_date": due})
            )


@pytest.fixture
def window(open_window: Callable[..., MainWindow], board_ws: Workspace) -> MainWindow:
    plan_dates(board_ws)
    return open_window(board_ws)


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    return page


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint) -> None:
    """Press, move in a few steps, release: on the widget that receives the mouse."""
    QTest.mousePress(widget, LEFT, NO_KEYS, start)
    steps = 4
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.mouseMove(widget, QPoint(int(point.x()), int(point.y())))
    QTest.mouseRelease(widget, LEFT, NO_KEYS, end)
    qtbot.wait(1)


def test_dragging_a_campaign_bar_moves_it_with_all_its_tasks(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    before = {t.id: (t.start_date, t.due_date) for t in ws.campaign_tasks(spring.id or 0)}
    row = page.rows.row_of_campaign(spring.id or 0)
    rect = timeline.bar_rect(row)
    assert rect is not None and timeline.viewport().rect().contains(rect.center())
    start = QPoint(rect.left() + 12, rect.center().y())
    drag(qtbot, timeline.viewport(), start, start + QPoint(timeline.ppd * 7, 0))
    with on_file(ws) as fresh:
        moved = fresh.campaign(spring.id or 0)
        assert moved.launch_date == (spring.launch_date or TODAY) + timedelta(days=7)
        assert moved.start_date == (spring.start_date or TODAY) + timedelta(days=7)
        after = {t.id: (t.start_date, t.due_date) for t in fresh.campaign_tasks(spring.id or 0)}
        other = fresh.campaign_named("Intent webinar")
    for task_id, (old_start, old_due) in before.items():
        assert after[task_id] == (
            old_start + timedelta(days=7) if old_start else None,
            old_due + timedelta(days=7) if old_due else None,
        )
    assert other.launch_date == ws.campaign_named("Intent webinar").launch_date
    stack = window.commands.undo_stack
    assert stack.count() == 1
    stack.undo()
    with on_file(ws) as fresh:
        assert {t.id: (t.start_date, t.due_date) for t in fresh.campaign_tasks(spring.id or 0)} == (
            before
        )
        assert fresh.campaign(spring.id or 0).launch_date == spring.launch_date


def test_dragging_a_task_bar_reschedules_the_task(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    timeline.toggle(page.rows.row_of_campaign(spring.id or 0))
    task = next(t for t in ws.tasks() if t.title == "C")
    row = page.rows.row_of_task(task.id or 0)
    assert row > 0
    rect = timeline.bar_rect(row)
    assert rect is not None
    drag(qtbot, timeline.viewport(), rect.center(), rect.center() - QPoint(timeline.ppd * 2, 0))
    with on_file(ws) as fresh:
        moved = fresh.task(task.id or 0)
        untouched = next(t for t in fresh.tasks() if t.title == "A")
    assert moved.due_date == (task.due_date or TODAY) - timedelta(days=2)
    assert moved.start_date == (task.start_date or TODAY) - timedelta(days=2)
    assert untouched.due_date == next(t for t in ws.tasks() if t.title == "A").due_date
    assert window.commands.undo_stack.count() == 1


def test_a_click_on_a_bar_selects_without_moving(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline = page.timeline
    spring = ws.campaign_named("Spring launch")
    row = page.rows.row_of_campaign(spring.id or 0)
    rect = timeline.bar_rect(row)
    assert rect is not None
    drag(qtbot, timeline.viewport(), rect.center(), rect.center() + QPoint(2, 0))
    assert window.commands.undo_stack.count() == 0
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


def test_persona_map_click_filters_the_board(qtbot: QtBot, window: MainWindow) -> None:
    assert window.show_view("personas")
    page = window.pages["personas"]
    assert isinstance(page, PersonasView)
    page.period.setCurrentText("All open work")
    qtbot.wait(1)
    modernizer = next(p for p in page.data.personas if p.name == "Modernizer")
    centre = page.map.point_of(modernizer.x, modernizer.y).toPoint()
    assert "15.5 h planned in 6 open tasks" in page.map.tooltip(modernizer.id)
    QTest.mouseClick(page.map, LEFT, NO_KEYS, centre)
    assert window.stack.currentWidget() is window.board_view
    assert window.board_view.filter_bar.current().persona_id == modernizer.id
    shown = window.model.shown_count()
    assert shown == 7  # every task of the fixture wears it, the done one too
    window.show_view("personas")
    QTest.mouseClick(page.map, LEFT, NO_KEYS, page.map.no_persona_centre().toPoint())
    assert window.board_view.filter_bar.current().persona_id is None
    assert window.model.shown_count() == 0
    with on_file(window.workspace) as fresh:
        assert fresh.persona(modernizer.id or 0).x == modernizer.x  # a click moves nothing


def test_dragging_a_persona_moves_it_on_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view("personas")
    page = window.pages["personas"]
    assert isinstance(page, PersonasView)
    scientist = next(p for p in page.data.personas if p.name == "Scientist")
    start = page.map.point_of(scientist.x, scientist.y).toPoint()
    end = page.map.point_of(-0.5, 0.5).toPoint()
    drag(qtbot, page.map, start, end)
    with on_file(window.workspace) as fresh:
        moved = fresh.persona(scientist.id or 0)
    assert moved.x == pytest.approx(-0.5, abs=0.02) and moved.y == pytest.approx(0.5, abs=0.02)
    assert window.stack.currentWidget() is page  # a drag is not a click
    window.commands.undo_stack.undo()
    with on_file(window.workspace) as fresh:
        assert (fresh.persona(scientist.id or 0).x, fresh.persona(scientist.id or 0).y) == (
            scientist.x,
            scientist.y,
        )


def test_campaigns_table_archives_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    window.workspace.add_campaign(Campaign(name="Unrelated", status="active"))
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.proxy.rowCount() == 3
    spring = window.workspace.campaign_named("Spring launch")
    assert page.select(spring.id or 0)
    assert page.buttons["board"].isEnabled()
    page.search.setText("unrel")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.select(spring.id or 0)
    page.buttons["archive"].click()
    with on_file(window.workspace) as fresh:
        assert fresh.campaign(spring.id or 0).archived
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    page.archived.setChecked(True)
    assert page.proxy.rowCount() == 3
    window.commands.undo_stack.undo()
    with on_file(window.workspace) as fresh:
        assert not fresh.campaign(spring.id or 0).archived


def test_views_notice_another_process_writing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.proxy.rowCount() == 2
    with on_file(window.workspace) as other:
        other.add_campaign(Campaign(name="From elsewhere"))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3, timeout=3000)
    window.show_view("timeline")
    timeline = timeline_of(window)
    assert "From elsewhere" in {c.name for c in timeline.rows.campaigns}


def test_show_on_board_goes_to_the_board_holding_the_work(window: MainWindow) -> None:
    ws = window.workspace
    other = ws.add_board("Events board")
    stage = ws.stages(other.id or 0)[0].id or 0
    expo = ws.add_campaign(Campaign(name="Expo"))
    ws.add_task(Task(board_id=other.id or 0, stage_id=stage, title="Booth", campaign_id=expo.id))
    assert window.model.board_id != other.id
    window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    page.model.reload()
    assert page.select(expo.id or 0)
    page.buttons["board"].click()
    assert window.model.board_id == other.id
    assert window.board_view.filter_bar.current().campaign_id == expo.id
    assert [window.model.tasks[i].title for i in window.model.tasks] == ["Booth"]
