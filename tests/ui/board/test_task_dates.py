"""Dates typed into the task editor stay as typed: a wrong one is named next to its field and
refused by Save, never changed into another date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.common.widgets import OptionalDate
from mopsboard.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.board.editor_driver import edit_in_window

DUE_D = TODAY + timedelta(days=1)  # task D's due date (tests/conftest.py, make_board)


def type_date(qtbot: QtBot, field: OptionalDate, text: str) -> QLineEdit:
    """Ticks the date's box if need be, clicks into the date, selects all of it and types."""
    if not field.enabled.isChecked():
        qtbot.mouseClick(field.enabled, Qt.MouseButton.LeftButton)
    line = field.findChild(QLineEdit)
    assert line is not None and line.isEnabled()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    return line


def test_a_start_after_the_due_date_is_refused_and_left_as_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    late = (DUE_D + timedelta(days=5)).isoformat()
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        line = type_date(qtbot, dialog.start, late)
        seen["shown"] = line.text()
        seen["error"] = dialog.errors["due_date"].text()
        seen["error_visible"] = dialog.errors["due_date"].isVisible()
        seen["save_enabled"] = dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen["open_after_save"] = dialog.isVisible()
        # Corrected, it saves.
        early = (DUE_D - timedelta(days=3)).isoformat()
        type_date(qtbot, dialog.start, early)
        seen["error_after_fix"] = dialog.errors["due_date"].text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    run = edit_in_window(window, "D", steps)

    assert seen["shown"] == late
    assert seen["error_visible"] is True
    assert seen["error"] == f"The due date {DUE_D.isoformat()} is before the start date {late}"
    assert seen["save_enabled"] is False
    assert seen["open_after_save"] is True
    assert seen["error_after_fix"] == ""
    assert not run.left_open
    with Workspace.open(window.workspace.path) as ws:
        saved = next(t for t in ws.tasks() if t.title == "D")
        assert saved.start_date == DUE_D - timedelta(days=3)
        assert saved.due_date == DUE_D


def test_text_that_is_not_a_date_is_named_and_kept(qtbot: QtBot, window: MainWindow) -> None:
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        line = type_date(qtbot, dialog.due, "2026-13-45")
        seen["shown"] = line.text()
        seen["error"] = dialog.errors["due_date"].text()
        seen["save_enabled"] = dialog.save_button.isEnabled()

    run = edit_in_window(window, "D", steps)
    assert seen == {
        "shown": "2026-13-45",
        "error": "Due date is not a whole date, like 2026-03-31 or "
        + QDate(2026, 3, 31).toString(QLocale().dateFormat(QLocale.FormatType.ShortFormat)),
        "save_enabled": False,
    }
    assert run.left_open
    with Workspace.open(window.workspace.path) as ws:
        assert next(t for t in ws.tasks() if t.title == "D").due_date == DUE_D


# A popup grabs the keyboard, which the offscreen platform cannot do: it says so, harmlessly.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_the_calendar_button_fills_in_the_date(qtbot: QtBot, window: MainWindow) -> None:
    picked = TODAY - timedelta(days=1)
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        qtbot.mouseClick(dialog.start.enabled, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.start.picker.calendar_button, Qt.MouseButton.LeftButton)
        calendar = dialog.start.picker.calendar
        qtbot.waitUntil(calendar.isVisible)
        days = calendar.findChild(QTableView)
        assert days is not None
        # The calendar opens on the date shown (today); one day back, and Enter picks it.
        qtbot.keyClick(days, Qt.Key.Key_Left)
        qtbot.keyClick(days, Qt.Key.Key_Return)
        line = dialog.start.findChild(QLineEdit)
        assert line is not None
        seen["shown"] = line.text()
        seen["calendar_closed"] = not calendar.isVisible()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    edit_in_window(window, "D", steps)
    assert seen == {"shown": picked.isoformat(), "calendar_closed": True}
    with Workspace.open(window.workspace.path) as ws:
        assert next(t for t in ws.tasks() if t.title == "D").start_date == picked


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_a_date_typed_as_the_locale_writes_it_is_understood_and_shown(
    qtbot: QtBot, window: MainWindow, german: None
) -> None:
    seen: dict[str, object] = {}
    day = date(TODAY.year + 1, 12, 17)

    def steps(dialog: TaskDialog) -> None:
        line = dialog.due.picker.line
        qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
        qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(line, f"17.12.{day.year}")
        seen["error"] = dialog.errors["due_date"].text()
        # Enter finishes the field (and, as in any field of the editor, saves).
        qtbot.keyClick(line, Qt.Key.Key_Return)
        seen["shown"] = line.text()  # how it was understood

    run = edit_in_window(window, "D", steps)
    assert seen == {"shown": day.isoformat(), "error": ""}
    assert not run.left_open
    with Workspace.open(window.workspace.path) as ws:
        assert next(t for t in ws.tasks() if t.title == "D").due_date == day
