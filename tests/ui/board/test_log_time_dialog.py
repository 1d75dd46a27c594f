"""Log time… on the card menu: the dialog driven as a user would, what it writes in the SQLite
file, and undo and redo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from mopsboard.ui.board.log_time_dialog import NOBODY, LogTimeDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import task_id, view_of
from tests.ui.board.test_card_redraw import card_rect


def file_logs(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT t.title, m.name, l.day, l.hours, l.note FROM time_logs l "
            "JOIN tasks t ON t.id = l.task_id LEFT JOIN members m ON m.id = l.member_id "
            "ORDER BY l.id"
        ).fetchall()
    finally:
        conn.close()


def when_log_time_is_up(steps: Callable[[LogTimeDialog], None]) -> None:
    """Runs `steps` on the dialog once it is shown (it is modal: it runs its own loop)."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LogTimeDialog):
            steps(dialog)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))
        else:
            raise AssertionError("the Log time dialog never came up")

    QTimer.singleShot(0, lambda: attempt(200))


def log_from_card_menu(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, title: str, stage: str
) -> list[str]:
    """Right-clicks the card and picks Log time…; gives back the menu's items."""
    seen: list[str] = []

    def pick(menu: QMenu, *_where: object) -> None:
        seen.extend(a.text() for a in menu.actions())
        next(a for a in menu.actions() if a.text() == "Log time…").trigger()

    monkeypatch.setattr(window.board_view, "popup", pick)
    view = view_of(window, stage)
    view.customContextMenuRequested.emit(card_rect(view, task_id(window, title)).center())
    return seen


def test_logging_time_from_the_card_menu_writes_one_row_and_undoes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path
    said: list[str] = []

    def fill_in(dialog: LogTimeDialog) -> None:
        # D: 5 h estimated, assigned to Ana Lima, who is picked already.
        said.append(dialog.so_far.text())
        assert dialog.member.currentText() == "Ana Lima"
        dialog.hours.selectAll()
        qtbot.keyClicks(dialog.hours, "2.5")
        dialog.day.setDate(dialog.day.date().addDays(-1))
        qtbot.keyClicks(dialog.note, "first draft")
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)

    when_log_time_is_up(fill_in)
    items = log_from_card_menu(window, monkeypatch, "D", "Ready")
    assert items[:2] == ["Open…", "Log time…"]
    assert said == ["0 of 5 estimated hours logged so far; 5 left to plan."]
    yesterday = date.fromordinal(date.today().toordinal() - 1).isoformat()
    assert file_logs(path) == [("D", "Ana Lima", yesterday, 2.5, "first draft")]
    assert window.undo_action.text() == "&Undo Log 2.5 h on 'D'"
    window.undo_action.trigger()
    assert file_logs(path) == []
    window.redo_action.trigger()
    assert file_logs(path) == [("D", "Ana Lima", yesterday, 2.5, "first draft")]

    # A second log says what is logged already; Cancel writes nothing.
    def cancel(dialog: LogTimeDialog) -> None:
        said.append(dialog.so_far.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_log_time_is_up(cancel)
    log_from_card_menu(window, monkeypatch, "D", "Ready")
    assert said[-1] == "2.5 of 5 estimated hours logged so far; 2.5 left to plan."
    assert len(file_logs(path)) == 1


def test_time_on_an_unassigned_task_is_logged_for_nobody_by_default(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill_in(dialog: LogTimeDialog) -> None:
        assert dialog.member.currentText() == NOBODY
        qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)

    when_log_time_is_up(fill_in)
    log_from_card_menu(window, monkeypatch, "F", "Review")
    assert file_logs(window.workspace.path) == [("F", None, date.today().isoformat(), 1.0, "")]


def test_the_dialog_looks_whole(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    dialog = LogTimeDialog(window, window.workspace_actions, task_id(window, "D"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for field in (dialog.hours, dialog.day, dialog.member, dialog.note, dialog.log_button):
        assert field.isVisible() and field.width() >= field.minimumSizeHint().width()
    assert dialog.so_far.height() >= dialog.so_far.sizeHint().height()
    dialog.grab().save(str(tmp_path / "log_time.png"))


def test_deleting_a_log_is_one_undo_step_that_puts_it_back(window: MainWindow) -> None:
    actions = window.workspace_actions
    logged = actions.log_time(task_id(window, "A"), None, date(2026, 3, 2), 1.5, "call")
    assert logged is not None
    before = file_logs(window.workspace.path)
    assert actions.delete_time_log(logged)
    assert file_logs(window.workspace.path) == []
    assert window.undo_action.text() == "&Undo Delete 1.5 h logged on 'A'"
    window.undo_action.trigger()
    assert file_logs(window.workspace.path) == before
    assert actions.time_logs(task_id(window, "A")) == [logged]
    # Refused in words, nothing pushed: a log of the same id cannot be deleted twice.
    window.redo_action.trigger()
    failures: list[str] = []
    actions.failed.connect(failures.append)
    assert not actions.delete_time_log(logged)
    assert failures and "no time log" in failures[0]


def test_enter_logs_the_hours_as_the_log_button_would(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path

    def type_and_enter(dialog: LogTimeDialog) -> None:
        dialog.hours.selectAll()
        qtbot.keyClicks(dialog.hours, "1.5")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    when_log_time_is_up(type_and_enter)
    log_from_card_menu(window, monkeypatch, "D", "Ready")
    assert [(title, hours) for title, _who, _day, hours, _note in file_logs(path)] == [("D", 1.5)]


def test_hours_typed_as_the_dialog_opens_replace_the_one_shown(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path
    seen: list[tuple[bool, str]] = []

    def type_and_enter(dialog: LogTimeDialog) -> None:
        # No click, no Tab: the keys go where the dialog put the focus.
        try:
            focused = dialog.focusWidget()
            assert focused is not None
            seen.append((focused is dialog.hours, dialog.hours.lineEdit().selectedText()))
            qtbot.keyClicks(focused, "2.5")
            qtbot.keyClick(focused, Qt.Key.Key_Return)
        finally:
            if dialog.isVisible():
                dialog.reject()  # never left open: the test would wait on it for ever

    when_log_time_is_up(type_and_enter)
    log_from_card_menu(window, monkeypatch, "D", "Ready")
    # The hours have the focus with all their text selected, so typing replaces it.
    assert seen == [(True, "1.00")]
    assert [(title, hours) for title, _who, _day, hours, _note in file_logs(path)] == [("D", 2.5)]
