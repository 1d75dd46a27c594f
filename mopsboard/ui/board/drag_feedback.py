"""What a drag over the board shows before it is let go: the column that would refuse the drop
is marked, and the reason (the words the refused drop would report) is in the status bar. The
forbidden cursor comes from the refused drag move itself (ui/board/stage_list.py)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QStatusBar, QWidget

from mopsboard.ui.board.stage_header import set_state


class DragFeedback(QObject):
    # The reason shown while a drag hovers over a column that refuses it; "" once it is not.
    refusalChanged = Signal(str)

    def __init__(self, page: QWidget) -> None:
        super().__init__(page)
        self._page = page
        self._marked: QWidget | None = None
        self._said = ""

    @property
    def reason(self) -> str:
        return self._said

    def refused(self, column: QWidget, reason: str) -> None:
        """A drop on `column` would be refused for `reason`."""
        if column is not self._marked:
            self._unmark()
            self._marked = column
            set_state(column, "refusing", True)
        if reason != self._said:
            self._said = reason
            bar = self._status_bar()
            if bar is not None:
                bar.showMessage(reason)
            self.refusalChanged.emit(reason)

    def clear(self) -> None:
        """The drag left, dropped, moved on to a column that takes it, or ended."""
        self._unmark()
        if self._said:
            bar = self._status_bar()
            if bar is not None and bar.currentMessage() == self._said:
                bar.clearMessage()
            self._said = ""
            self.refusalChanged.emit("")

    def _unmark(self) -> None:
        if self._marked is not None:
            with contextlib.suppress(RuntimeError):  # the column went with a rebuilt board
                set_state(self._marked, "refusing", False)
            self._marked = None

    def _status_bar(self) -> QStatusBar | None:
        window = self._page.window()
        return window.statusBar() if isinstance(window, QMainWindow) else None
