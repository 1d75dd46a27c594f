"""Esc, Cancel or closing the task editor asks before it throws changes away, and only then."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import EditorRun, answer_when_asked, edit_in_window

QUESTION = "Discard your changes to this task? [Discard / Keep editing]"


def press_escape(qtbot: QtBot, dialog: TaskDialog) -> None:
    qtbot.keyClick(dialog.title, Qt.Key.Key_Escape)


def click_cancel(qtbot: QtBot, dialog: TaskDialog) -> None:
    cancel = next(b for b in dialog.buttons.buttons() if b.text() == "Cancel")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)


def close_window(qtbot: QtBot, dialog: TaskDialog) -> None:
    # What the title bar's close button (or Alt+F4) delivers: the window system's close event
    # to the dialog's window, which Qt passes on to the dialog as a spontaneous one.
    handle = dialog.windowHandle()
    assert handle is not None
    QApplication.sendEvent(handle, QCloseEvent())


WAYS_OUT: list[Callable[[QtBot, TaskDialog], None]] = [press_escape, click_cancel, close_window]


def title_in_file(window: MainWindow, title: str) -> tuple[str, int]:
    with Workspace.open(window.workspace.path) as ws:
        task = next(t for t in ws.tasks() if t.title == title)
        return task.title, task.version


@pytest.mark.parametrize("leave", WAYS_OUT)
def test_leaving_with_changes_asks_and_keep_editing_keeps_them(
    qtbot: QtBot, window: MainWindow, leave: Callable[[QtBot, TaskDialog], None]
) -> None:
    run = EditorRun()
    seen: list[tuple[bool, str]] = []

    def steps(dialog: TaskDialog) -> None:
        qtbot.keyClicks(dialog.title, " (draft)")
        answer_when_asked("Keep editing", run)
        leave(qtbot, dialog)
        seen.append((dialog.isVisible(), dialog.title.text()))
        answer_when_asked("Discard", run)
        leave(qtbot, dialog)
        seen.append((dialog.isVisible(), dialog.title.text()))

    opened = edit_in_window(window, "C", steps)

    assert run.asked == [QUESTION, QUESTION]
    assert seen == [(True, "C (draft)"), (False, "C (draft)")]
    assert not opened.left_open
    assert title_in_file(window, "C") == ("C", 1)


@pytest.mark.parametrize("leave", WAYS_OUT)
def test_leaving_without_changes_asks_nothing(
    qtbot: QtBot, window: MainWindow, leave: Callable[[QtBot, TaskDialog], None]
) -> None:
    run = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        # Looked at, and put back as it was: nothing to lose.
        qtbot.keyClicks(dialog.title, "x")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Backspace)
        answer_when_asked("Keep editing", run)
        leave(qtbot, dialog)

    opened = edit_in_window(window, "C", steps)
    assert run.asked == []
    assert not opened.left_open


def test_an_item_typed_but_not_added_counts_as_a_change(qtbot: QtBot, window: MainWindow) -> None:
    run = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        qtbot.keyClicks(dialog.new_item, "Book the studio")
        answer_when_asked("Discard", run)
        press_escape(qtbot, dialog)

    edit_in_window(window, "C", steps)
    assert run.asked == [QUESTION]


def test_a_saved_edit_is_not_asked_about(qtbot: QtBot, window: MainWindow) -> None:
    run = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        qtbot.keyClicks(dialog.title, " (final)")
        answer_when_asked("Keep editing", run)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    opened = edit_in_window(window, "C", steps)
    assert run.asked == []
    assert not opened.left_open
    assert title_in_file(window, "C (final)") == ("C (final)", 2)
