"""While a drag is over the board, the board scrolls when the pointer rests near an edge of what
is shown, so a column off to the side or a swimlane below the fold can be reached without
letting go. (A list view scrolls its own cards; the board around the columns would not.)"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QScrollArea

# How near the edge counts, how far one step goes, and how often it steps.
EDGE = 32
STEP = 24
TICK_MS = 40


class DragScroller(QObject):
    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._own_drag = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.step)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def follow(self, *, own_drag: bool = False) -> None:
        """A drag is over the board (one of its cards, when `own_drag`)."""
        self._own_drag = self._own_drag or own_drag
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """The drag ended: dropped, or let go anywhere."""
        self._own_drag = False
        self._timer.stop()

    def step(self) -> None:
        """One step towards the edge the pointer is near, if it is near one."""
        if not self._own_drag and QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton:
            # A drag from another window ended somewhere else: nothing says so but the mouse.
            self.stop()
            return
        viewport = self._area.viewport()
        where = viewport.mapFromGlobal(QCursor.pos())
        if not viewport.rect().contains(where):
            return
        across = _direction(where.x(), viewport.width())
        down = _direction(where.y(), viewport.height())
        for bar, direction in (
            (self._area.horizontalScrollBar(), across),
            (self._area.verticalScrollBar(), down),
        ):
            if direction:
                bar.setValue(bar.value() + direction * STEP)


def _direction(position: int, length: int) -> int:
    if position < EDGE:
        return -1
    if position > length - EDGE:
        return 1
    return 0
