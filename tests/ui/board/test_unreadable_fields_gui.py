"""A task another program wrote badly, in the app: the board opens with every card, the card
says which field cannot be read, the editor shows it by the field with what the file holds, and
Save waits until the field has a value; then that value is what the file holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow


def spoil(path: Path, title: str, column: str, value: object) -> None:
    """Another program's write: a connection of its own, committed and closed."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(f"UPDATE tasks SET {column} = ? WHERE title = ?", [value, title])
        conn.commit()
    finally:
        conn.close()


def stored(path: Path, title: str, column: str) -> Any:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT {column} FROM tasks WHERE title = ?", [title]).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def window(open_window: Callable[..., MainWindow], board_ws: Workspace) -> MainWindow:
    # The file is spoiled before the window reads it, as when opening another program's file.
    path = board_ws.path
    for title, column, value in (
        ("A", "labels", "legal, gdpr"),
        ("B", "priority", 9),
        ("C", "start_date", "tomorrow"),
        ("D", "estimate_hours", "lots"),
        ("F", "checklist", "not json"),
    ):
        spoil(path, title, column, value)
    return open_window(board_ws)


def editor(qtbot: QtBot, win: MainWindow, title: str) -> TaskDialog:
    # As the window opens it: the task read from the store, with its problems.
    task_id = next(i for i, t in win.model.tasks.items() if t.title == title)
    dialog = TaskDialog(win.workspace.task(task_id), win.model.stages, win.model.lookups, win)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_board_opens_with_every_card_and_marks_the_bad_ones(window: MainWindow) -> None:
    model = window.model
    assert sorted(t.title for t in model.tasks.values()) == list("ABCDEFG")
    tips = {
        t.title: model.data(model.index_of_task(t.key), Qt.ItemDataRole.ToolTipRole)
        for t in model.tasks.values()
    }
    assert "Problem: Labels could not be read as a list of labels (the file holds " in tips["A"]
    assert "'legal, gdpr'" in tips["A"]
    assert "Problem: Priority must be 0, 1, 2, 3 or 4 (the file holds 9)" in tips["B"]
    assert "Problem: Start date is not a date like 2026-03-31" in tips["C"]
    assert "Problem: Estimate is not a number (the file holds 'lots')" in tips["D"]
    assert "Problem" not in tips["E"]
    window.grab()  # every card painted, the marked ones too, without a warning


Fix = Callable[[QtBot, TaskDialog], None]


def _type_label(qtbot: QtBot, dialog: TaskDialog) -> None:
    qtbot.keyClicks(dialog.labels, ", email")


def _set_priority(qtbot: QtBot, dialog: TaskDialog) -> None:
    dialog.priority.setCurrentIndex(dialog.priority.findText("High"))


def _set_start(qtbot: QtBot, dialog: TaskDialog) -> None:
    dialog.start.enabled.setChecked(True)
    dialog.start.picker.setDate(QDate.currentDate())


def _type_estimate(qtbot: QtBot, dialog: TaskDialog) -> None:
    dialog.estimate.setText("4")


def _add_item(qtbot: QtBot, dialog: TaskDialog) -> None:
    qtbot.keyClicks(dialog.new_item, "Legal sign-off")
    qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)


CASES: list[tuple[str, str, str, str, Fix, Any]] = [
    ("A", "labels", "legal, gdpr", "legal, gdpr", _type_label, '["legal", "gdpr", "email"]'),
    ("B", "priority", "9", "", _set_priority, 3),
    ("C", "start_date", "tomorrow", "", _set_start, date.today().isoformat()),
    ("D", "estimate_hours", "lots", "lots", _type_estimate, 4.0),
    ("F", "checklist", "not json", "", _add_item, '[{"text": "Legal sign-off", "done": false}]'),
]


@pytest.mark.parametrize(("title", "field", "raw", "prefilled", "fix", "written"), CASES)
def test_the_editor_shows_the_problem_and_saves_once_it_is_fixed(
    qtbot: QtBot, window: MainWindow, title: str, field: str, raw: str, prefilled: str,
    fix: Fix, written: Any,
) -> None:  # fmt: skip
    path = window.workspace.path
    dialog = editor(qtbot, window, title)
    # The checklist sits on a tab of its own: its problem shows below the form, always in view.
    label = dialog.form_error if field == "checklist" else dialog.errors[field]
    assert label.isVisible()
    assert raw in label.text()
    assert label.text().endswith("Change it to save.")
    assert not dialog.save_button.isEnabled()
    if prefilled:
        assert (dialog.estimate if field == "estimate_hours" else dialog.labels).text() == prefilled
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_task is None

    fix(qtbot, dialog)

    assert not label.isVisible() or not label.text()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_task is not None
    original = window.workspace.task(dialog.original.key)
    window._save_edit(original, dialog.result_task)
    assert stored(path, title, field) == written
    fixed = next(t for t in window.model.tasks.values() if t.title == title)
    assert fixed.problems == ()
    # Undo puts back what the file held, unreadable as it is, for nothing to be lost.
    window.undo_action.trigger()
    assert stored(path, title, field) == (9 if field == "priority" else raw)


def test_a_field_the_editor_does_not_show_is_kept_as_the_file_holds_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.workspace.path
    spoil(path, "E", "created_at", "last week")
    dialog = editor(qtbot, window, "E")
    note = dialog.findChild(type(dialog.form_error), "taskKeptProblems")
    assert note is not None and "the file holds 'last week'" in note.text()
    assert dialog.save_button.isEnabled()
    dialog.title.setText("E, renamed")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_task is not None
    window._save_edit(dialog.original, dialog.result_task)
    assert stored(path, "E, renamed", "created_at") == "last week"


def test_every_view_opens_with_a_bad_value_in_every_table(
    open_window: Callable[..., MainWindow], board_ws: Workspace
) -> None:
    path = board_ws.path
    conn = sqlite3.connect(path)
    try:
        for sql in (
            "UPDATE tasks SET due_date = '2026-02-30', estimate_hours = 'lots' WHERE title = 'A'",
            "UPDATE tasks SET start_date = 'tomorrow', labels = '{\"a\": 1}' WHERE title = 'D'",
            "UPDATE campaigns SET colour = 'red', launch_date = 'soon' WHERE id = 1",
            "UPDATE personas SET colour = 'violet' WHERE name = 'Modernizer'",
            "UPDATE members SET weekly_hours = 'lots', working_days = 'weekdays'",
            "UPDATE teams SET colour = 'green'",
        ):
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    win = open_window(board_ws)
    assert len(win.model.tasks) == 7
    for key in ("capacity", "campaigns", "timeline", "personas", "board"):
        assert win.show_view(key)
        win.grab()
