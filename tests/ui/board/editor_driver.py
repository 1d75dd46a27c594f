"""The task editor opened the way the window opens it (a modal dialog with its own event loop),
driven from inside that loop as a user would, and what a message box asked meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow

Steps = Callable[[TaskDialog], None]


@dataclass
class EditorRun:
    """What happened while the editor was open."""

    dialog: TaskDialog | None = None
    # Whether the dialog was still open once the steps were done (the driver then closed it).
    left_open: bool = False
    error: BaseException | None = None
    asked: list[str] = field(default_factory=list)


def _when_modal(kind: type[QWidget], then: Callable[[QWidget], None], tries: int = 500) -> None:
    """Calls `then` with the modal `kind` as soon as it is up; gives up after `tries` looks (5 s),
    so a box that never comes does not leave a poll running into later tests."""

    def attempt(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            then(widget)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))


def edit_in_window(window: MainWindow, title: str, steps: Steps) -> EditorRun:
    """Opens the task titled `title` as a double-click does (`MainWindow.edit_task`), runs
    `steps` on the dialog once it is up, and returns when the dialog has closed. A dialog the
    steps leave open is closed without saving (and `left_open` says so)."""
    task_id = next(i for i, t in window.model.tasks.items() if t.title == title)
    run = EditorRun()

    def drive(widget: QWidget) -> None:
        assert isinstance(widget, TaskDialog)
        run.dialog = widget
        try:
            steps(widget)
        except BaseException as error:  # re-raised below, once the dialog has closed
            run.error = error
        if widget.isVisible():
            run.left_open = True
            # Past the editor's own question: the test is over, nothing of it is saved.
            widget.done(0)

    _when_modal(TaskDialog, drive)
    window.edit_task(task_id)
    if run.error is not None:
        raise run.error
    return run


def answer_when_asked(button: str, run: EditorRun) -> None:
    """Clicks `button` in the next message box, as soon as it is up; notes what it asked, and
    the buttons it offered (by name), in `run.asked`."""

    def click(widget: QWidget) -> None:
        assert isinstance(widget, QMessageBox)
        offered = " / ".join(sorted(b.text() for b in widget.buttons()))
        run.asked.append(f"{widget.text()} [{offered}]")
        next(b for b in widget.buttons() if b.text() == button).click()

    _when_modal(QMessageBox, click, tries=50)


def answer_text_when_asked(text: str, run: EditorRun) -> None:
    """Types `text` over what the next input box holds and clicks OK (an empty `text` clicks
    Cancel); notes its question in `run.asked`."""

    def answer(widget: QWidget) -> None:
        assert isinstance(widget, QInputDialog)
        run.asked.append(f"{widget.labelText()} [{widget.textValue()}]")
        line = widget.findChild(QLineEdit)
        assert line is not None
        line.selectAll()
        QTest.keyClicks(line, text)
        wanted = "OK" if text else "Cancel"
        buttons = widget.findChildren(QPushButton)
        next(b for b in buttons if b.text().replace("&", "") == wanted).click()

    _when_modal(QInputDialog, answer, tries=50)
