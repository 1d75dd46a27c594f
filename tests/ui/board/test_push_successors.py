"""A due date typed later in the task editor, when other tasks follow it: the editor asks whether
to push them (Push: one undo step with the edit; Keep dates: only the edit), as a timeline drag
does. Dates are hand-picked working days; the file is read through a connection of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from editor_driver import EditorRun, answer_when_asked, edit_in_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import TaskId
from mopsboard.domain.links import TaskLink
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow

MONDAY = date.today() + timedelta(days=14 - date.today().weekday())


def weekday(offset: int) -> date:
    return MONDAY + timedelta(days=offset + 2 * (offset // 5))


def titled(ws: Workspace, title: str) -> TaskId:
    return next(t.key for t in ws.tasks() if t.title == title)


@pytest.fixture
def window(open_window: Callable[..., MainWindow], board_ws: Workspace) -> MainWindow:
    ws = board_ws
    # A Mon-Wed, then C Thu-Fri, then E the next Mon-Tue.
    for title, start, due in (("A", 0, 2), ("C", 3, 4), ("E", 5, 6)):
        task = ws.task(titled(ws, title))
        dates = {"start_date": weekday(start), "due_date": weekday(due)}
        ws.update_task(task.model_copy(update=dates))
    for before, after in (("A", "C"), ("C", "E")):
        ws.add_link(TaskLink(predecessor_id=titled(ws, before), successor_id=titled(ws, after)))
    return open_window(ws)


def type_due(qtbot: QtBot, dialog: TaskDialog, day: date) -> None:
    line = dialog.due.picker.line
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(line, day.isoformat())
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def dates_on_file(path: Path) -> dict[str, tuple[date | None, date | None]]:
    with Workspace.open(path) as fresh:
        return {t.title: (t.start_date, t.due_date) for t in fresh.tasks()}


def test_push_from_the_editor_moves_the_successors_with_the_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = Path(window.workspace.path)
    before = dates_on_file(path)

    asked = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        answer_when_asked("Push", asked)
        type_due(qtbot, dialog, weekday(4))

    run = edit_in_window(window, "A", steps)
    assert not run.left_open  # saved
    assert asked.asked == ["Push its 2 successors by the same 2 working days? [Keep dates / Push]"]
    after = dates_on_file(path)
    assert after["A"] == (weekday(0), weekday(4))
    assert after["C"] == (weekday(5), weekday(6))
    assert after["E"] == (weekday(7), weekday(8))
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Edit 'A', pushing 2 successors"
    stack.undo()
    assert dates_on_file(path) == before
    stack.redo()
    assert dates_on_file(path) == after


def test_keep_dates_saves_only_the_edit(qtbot: QtBot, window: MainWindow) -> None:
    path = Path(window.workspace.path)
    before = dates_on_file(path)

    asked = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        answer_when_asked("Keep dates", asked)
        type_due(qtbot, dialog, weekday(4))

    run = edit_in_window(window, "A", steps)
    assert not run.left_open  # saved
    assert len(asked.asked) == 1
    after = dates_on_file(path)
    assert after["A"] == (weekday(0), weekday(4))
    assert (after["C"], after["E"]) == (before["C"], before["E"])
    assert window.workspace_actions.undo_stack.count() == 1


def test_an_earlier_due_date_asks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    path = Path(window.workspace.path)

    asked = EditorRun()

    def steps(dialog: TaskDialog) -> None:
        answer_when_asked("Push", asked)
        type_due(qtbot, dialog, weekday(1))

    run = edit_in_window(window, "A", steps)
    assert not run.left_open  # saved
    qtbot.wait(600)
    assert asked.asked == []
    assert dates_on_file(path)["A"] == (weekday(0), weekday(1))


def test_the_editors_question_names_what_the_push_makes_late_for_the_launch(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    # A, C and E are all in Spring launch: launching on E's due day, a later A pushes E past it.
    spring = ws.campaign_named("Spring launch")
    ws.update_campaign(spring.model_copy(update={"launch_date": weekday(6)}))
    details: list[str] = []

    def keep(left: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            details.append(box.informativeText())
            next(b for b in box.buttons() if b.text() == "Keep dates").click()
        elif left:
            QTimer.singleShot(10, lambda: keep(left - 1))

    def steps(dialog: TaskDialog) -> None:
        QTimer.singleShot(0, keep)
        type_due(qtbot, dialog, weekday(4))

    run = edit_in_window(window, "A", steps)
    assert not run.left_open
    assert len(details) == 1
    assert (
        f"1 of them would then be due after the launch on {weekday(6):%a %d %b}: "
        f"'E' ({weekday(8):%a %d %b})."
    ) in details[0]
    # Kept: only A's due date moved, E is still due on the launch day.
    assert dates_on_file(Path(ws.path))["E"] == (weekday(5), weekday(6))
