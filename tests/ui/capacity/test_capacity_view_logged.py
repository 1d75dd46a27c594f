"""The map as time passes: a week gone by shows the hours logged in it (and looks it), this
week and later ones what is left of the work from today; logging time moves both."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from time_machine import TimeMachineFixture

from mopsboard.domain.calendar import Period
from mopsboard.qt.capacity.capacity_model import FIRST_WEEK_COLUMN, PastRole
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.log_time_dialog import LogTimeDialog
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.capacity.test_capacity_view import open_cell, shown

MON = date(2026, 3, 2)
TUESDAY = date(2026, 3, 10)  # of the second week shown


@pytest.fixture
def view(
    time_machine: TimeMachineFixture,
    open_window: Callable[..., MainWindow],
    capacity_ws: Workspace,
) -> CapacityView:
    time_machine.move_to(datetime(2026, 3, 10, 9, tzinfo=UTC), tick=False)
    window = open_window(capacity_ws)
    assert window.show_view("capacity")
    page = window.pages["capacity"]
    assert isinstance(page, CapacityView)
    page.set_period(Period(MON, 3))
    return page


def ana(view: CapacityView) -> int:
    return next(n for n, r in enumerate(view.model.capacity.rows) if r.label == "Ana")


def test_a_past_week_shows_what_was_logged_and_later_weeks_what_is_left(
    qtbot: QtBot, view: CapacityView
) -> None:
    # Landing page (40 h, 2 to 6 March) is overdue: all of it lands today. Launch email (8 h,
    # 5 to 10 March) has only today left: 8 h today. Nothing is logged yet.
    assert shown(view)["Ana"] == ["0 / 40", "48 / 40", "0 / 40"]
    past = view.model.index(ana(view), FIRST_WEEK_COLUMN)
    later = view.model.index(ana(view), FIRST_WEEK_COLUMN + 1)
    assert past.data(PastRole) is True and later.data(PastRole) is False
    assert "0 h logged of 40.00 h available" in past.data(Qt.ItemDataRole.ToolTipRole)
    assert "48.00 h planned of 40.00 h available" in later.data(Qt.ItemDataRole.ToolTipRole)
    header = view.model.headerData(
        FIRST_WEEK_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert header.endswith("(past: the hours logged)")

    # The past week's tile is painted paler than a week of the same level still to come.
    image = view.map.viewport().grab().toImage()
    empty_past = view.map.visualRect(past).center()
    empty_later = view.map.visualRect(view.model.index(ana(view), FIRST_WEEK_COLUMN + 2)).center()
    assert image.pixelColor(empty_past) != image.pixelColor(empty_later)


def test_logging_time_fills_the_past_week_and_takes_it_off_what_is_left(
    qtbot: QtBot, view: CapacityView, capacity_ws: Workspace
) -> None:
    window = view.window()
    assert isinstance(window, MainWindow)
    landing = next(t for t in capacity_ws.tasks() if t.title == "Landing page")

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LogTimeDialog)
        dialog.hours.selectAll()
        qtbot.keyClicks(dialog.hours, "6")
        dialog.day.setDate(dialog.day.date().addDays(-6))  # Wednesday 4 March
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    LogTimeDialog(window, window.workspace_actions, landing.key).exec()

    conn = sqlite3.connect(f"{capacity_ws.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT task_id, day, hours FROM time_logs").fetchall()
    finally:
        conn.close()
    assert rows == [(landing.key, "2026-03-04", 6.0)]
    # 6 h logged on 4 March; 34 of the Landing page left, today, beside the Launch email's 8.
    assert shown(view)["Ana"] == ["6 / 40", "42 / 40", "0 / 40"]
    past = view.model.index(ana(view), FIRST_WEEK_COLUMN)
    assert "6.00 h logged of 40.00 h available" in past.data(Qt.ItemDataRole.ToolTipRole)
    spoken = past.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Ana, week of 02 March: 6 logged of 40 hours")
    assert shown(view)["Content"][0] == "6 / 60"
    open_cell(view, "Ana", 0)
    assert view.panel.summary.text() == "6 h logged of 40 h available; a week gone by holds no plan"
    # The drill-down lists what the hours were logged on; they are done, so they do not drag.
    model = view.cell_model
    assert [(c.title, c.logged) for c in model.tasks] == [("Landing page", True)]
    assert model.index(0, 1).data() == "6 h logged"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    open_cell(view, "Content", 0)
    assert [c.title for c in model.tasks] == ["Landing page"]
    open_cell(view, "Ana", 1)
    assert view.panel.summary.text() == "42 h planned of 40 h available \u00b7 2 tasks"

    window.undo_action.trigger()
    assert shown(view)["Ana"] == ["0 / 40", "48 / 40", "0 / 40"]
