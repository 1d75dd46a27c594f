"""The timeline's selection stays on what the user picked, a campaign or a task, when its rows
re-sort after a drag: Edit then opens the campaign that was dragged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from gestures import drag
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaign_dialog import CampaignDialog
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView

TODAY = date.today()


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    return page


def _drag_bar(qtbot: QtBot, page: TimelineView, row: int, days: int) -> None:
    timeline = page.timeline
    rect = timeline.bar_rect(row)
    assert rect is not None and timeline.viewport().rect().contains(rect.center())
    start = QPoint(rect.center().x(), rect.center().y())
    drag(qtbot, timeline.viewport(), start, start + QPoint(timeline.ppd * days, 0))


def test_edit_after_a_drag_opens_the_dragged_campaign(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    spring = ws.campaign_named("Spring launch")
    assert page.rows.row_of_campaign(spring.key) == 0  # it starts first
    _drag_bar(qtbot, page, 0, 30)
    with Workspace.open(Path(ws.path)) as fresh:
        assert fresh.campaign(spring.key).start_date == TODAY + timedelta(days=20)
    # It starts after the webinar now, one row down; the selection went with it.
    assert page.rows.row_of_campaign(spring.key) == 1
    selected = page.timeline.selected_row()
    assert selected is not None and selected.is_campaign and selected.campaign.id == spring.id

    opened: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CampaignDialog):
            QTimer.singleShot(10, read_and_close)
            return
        opened.append(dialog.name.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(page.edit, Qt.MouseButton.LeftButton)
    assert opened == ["Spring launch"]


def test_a_selected_task_row_follows_its_task(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    spring = ws.campaign_named("Spring launch")
    page.expand.click()
    late = next(t for t in ws.tasks() if t.title == "C")  # due in 20 days: its campaign's last
    row = page.rows.row_of_task(late.key)
    qtbot.mouseClick(
        page.timeline.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(100, _middle(page, row))
    )
    _drag_bar(qtbot, page, row, -30)
    with Workspace.open(Path(ws.path)) as fresh:
        assert fresh.task(late.key).due_date == TODAY - timedelta(days=10)
    assert page.rows.row_of_task(late.key) == page.rows.row_of_campaign(spring.key) + 1
    selected = page.timeline.selected_row()
    assert selected is not None and selected.bar is not None and selected.bar.id == late.id
    # Collapsing its campaign leaves the campaign selected.
    page.collapse.click()
    selected = page.timeline.selected_row()
    assert selected is not None and selected.is_campaign and selected.campaign.id == spring.id


def _middle(page: TimelineView, row: int) -> int:
    return page.timeline.row_top(row) + 14
