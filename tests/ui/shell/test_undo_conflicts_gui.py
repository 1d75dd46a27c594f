"""Ctrl+Z in the window after a script moved the same card: the window asks, with the box a
stale save shows, and does what the user clicked."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow


def click_when_asked(button: str, seen: list[QMessageBox]) -> None:
    """Clicks `button` in the modal box as soon as it is up (it runs its own event loop)."""

    def attempt() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, attempt)
            return
        seen.append(box)
        next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(0, attempt)


def move_by_script(window: MainWindow, task_id: int, stage: str) -> None:
    argv = ["move-task", str(window.workspace.path), str(task_id), "--stage", stage]
    done = subprocess.run(
        [sys.executable, "-m", "mopsboard", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr


def card(window: MainWindow, title: str) -> int:
    return next(i for i, t in window.model.tasks.items() if t.title == title)


def stage_in_file(window: MainWindow, task_id: int) -> tuple[str, str]:
    with Workspace.open(window.workspace.path) as ws:
        task = ws.task(task_id)
        return ws.stage(task.stage_id).name, task.title


@pytest.mark.parametrize(
    ("button", "expected"),
    [("Keep mine", ("In progress", "E (theirs)")), ("Keep theirs", ("Done", "E (theirs)"))],
)
def test_undo_after_a_script_moved_the_card_asks_in_a_message_box(
    qtbot: QtBot, window: MainWindow, button: str, expected: tuple[str, str]
) -> None:
    e = card(window, "E")
    review = next(s.key for s in window.model.stages if s.name == "Review")
    assert window.workspace_actions.move_tasks([e], review, None)
    move_by_script(window, e, "Done")
    with Workspace.open(window.workspace.path) as other:
        other.update_task(other.task(e).model_copy(update={"title": "E (theirs)"}))
    seen: list[QMessageBox] = []
    click_when_asked(button, seen)
    window.undo_action.trigger()
    assert len(seen) == 1
    assert seen[0].windowTitle() == "Changed elsewhere"
    assert "changed in another window or program" in seen[0].text()
    assert stage_in_file(window, e) == expected
    if button == "Keep theirs":
        assert not window.workspace_actions.undo_stack.canUndo()
        assert "dropped from the undo history" in window.banner.text()
    # The board shows what the file holds.
    qtbot.waitUntil(lambda: window.model.tasks[e].title == "E (theirs)", timeout=3000)
    shown = next(s.name for s in window.model.stages if s.id == window.model.tasks[e].stage_id)
    assert shown == expected[0]
