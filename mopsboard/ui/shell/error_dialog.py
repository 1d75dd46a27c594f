"""Unexpected errors: written to a log file, shown with details to copy, and survived.

Installed as `sys.excepthook`; PySide6 hands it every exception a slot or an event handler lets
escape, and the event loop carries on afterwards. Every change is committed as it is made, so an
error loses at most the action it interrupted, which was rolled back whole.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import MopsboardError
from mopsboard.logfile import write_log

MAX_SUMMARY = 300

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


class ErrorDialog(QDialog):
    def __init__(
        self, summary: str, details: str, log: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle("mopsboard: something went wrong")
        self.details = details
        where = (
            f"The details were written to {log}."
            if log is not None
            else "The details could not be written to the log file."
        )
        self.message = QLabel(
            f"{summary}\n\nYour work up to the last change is saved: mopsboard saves each change "
            "as you make it, and the action that failed was undone whole. You can carry on. "
            f"{where} If it happens again, please report it with the details."
        )
        self.message.setObjectName("errorMessage")
        # The summary may quote user text: show it as text, never as markup.
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setObjectName("errorDetails")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton("Copy details")
        self.copy_button.setObjectName("copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("Copied")


def _summary(error: BaseException) -> str:
    if isinstance(error, MopsboardError):
        # Meant for the user already: what happened and what to do.
        text = str(error)
    else:
        text = f"An unexpected error occurred ({type(error).__name__}: {error})."
    return text if len(text) <= MAX_SUMMARY else text[: MAX_SUMMARY - 1] + "\u2026"


class ExceptionHook:
    """The `sys.excepthook` of the app: log, then tell the user, then let the event loop go on."""

    def __init__(self, parent_finder: Callable[[], QWidget | None] | None = None) -> None:
        self._showing = False
        self._parent = parent_finder or QApplication.activeWindow
        self.dialogs: list[ErrorDialog] = []

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        log = write_log(details)
        with contextlib.suppress(Exception):
            sys.stderr.write(details)
        # An error while the dialog is up (or before the app exists) is logged only: one
        # dialog at a time, never a cascade.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            dialog = ErrorDialog(_summary(error), details, log, self._parent())
            self.dialogs.append(dialog)
            dialog.exec()
        finally:
            self.dialogs.clear()
            self._showing = False


def install() -> ExceptionHook:
    hook = ExceptionHook()
    sys.excepthook = hook
    return hook
