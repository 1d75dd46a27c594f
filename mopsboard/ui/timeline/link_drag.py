"""Drawing a link on the timeline: the mouse over a task's bar shows a handle at its right end;
a drag from the handle to another task's bar makes that task wait for this one (finish to
start). Esc, or a release anywhere else, makes nothing."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from mopsboard.ui.timeline.timeline_canvas import Colours, LinkDrag, TimelineCanvas

HANDLE_RADIUS = 4.5
# The handle sits just past the bar's end, so a press on the bar itself still moves the bar.
HANDLE_OFFSET = 6
# How near the handle a press must be, and how near a bar a release.
HANDLE_REACH = 5
BAR_REACH = 4


def handle_centre(rect: QRect) -> QPointF:
    return QPointF(rect.right() + HANDLE_OFFSET, rect.top() + rect.height() / 2)


class LinkDragger:
    """The gestures of drawing a link, for the widget that is `canvas` (which sets the cursor and
    emits the link)."""

    def __init__(self, canvas: TimelineCanvas) -> None:
        self.w = canvas

    def _task_bar(self, row: int | None) -> QRect | None:
        if row is None or self.w.rows.rows[row].bar is None:
            return None
        return self.w.bar_rect(row)

    def handle_at(self, pos: QPoint) -> int | None:
        """The row whose link handle is under `pos`."""
        row = self.w.row_at(pos.y())
        rect = self._task_bar(row)
        if rect is None:
            return None
        centre = handle_centre(rect)
        near = (
            abs(pos.x() - centre.x()) <= HANDLE_REACH and abs(pos.y() - centre.y()) <= HANDLE_REACH
        )
        return row if near else None

    def hover_row(self, pos: QPoint) -> int | None:
        """The task row whose handle shows: the mouse is over its bar or its handle."""
        row = self.w.row_at(pos.y())
        rect = self._task_bar(row)
        if rect is None:
            return None
        reach = rect.adjusted(-3, -3, HANDLE_OFFSET + HANDLE_REACH, 3)
        return row if reach.contains(pos) else None

    def target_at(self, pos: QPoint) -> int | None:
        """The row of another task's bar under `pos`, the one a release there would link."""
        drag = self.w.link_drag
        row = self.w.row_at(pos.y())
        rect = self._task_bar(row)
        if drag is None or row is None or row == drag.row or rect is None:
            return None
        reach = rect.adjusted(-BAR_REACH, -BAR_REACH, BAR_REACH, BAR_REACH)
        return row if reach.contains(pos) else None


def paint_link_handles(canvas: TimelineCanvas, c: Colours, painter: QPainter) -> None:
    """The handle of the bar the mouse is over and, while a link is drawn, its line to the
    mouse and the bar it would reach ringed."""
    drag: LinkDrag | None = canvas.link_drag
    row = drag.row if drag is not None else canvas.handle_row
    if row is None or not 0 <= row < len(canvas.rows.rows):
        return
    rect = canvas.bar_rect(row)
    if rect is None:
        return
    accent = QColor(c.scheme.accent)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = handle_centre(rect)
    if drag is not None:
        painter.setPen(QPen(accent, 2, Qt.PenStyle.DashLine))
        painter.drawLine(centre, QPointF(drag.pos))
        target = canvas.bar_rect(drag.target) if drag.target is not None else None
        if target is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(accent, 2))
            painter.drawRoundedRect(QRectF(target).adjusted(-3, -3, 3, 3), 5, 5)
    painter.setPen(QPen(accent, 2))
    painter.setBrush(c.surface)
    painter.drawEllipse(centre, HANDLE_RADIUS, HANDLE_RADIUS)
    painter.restore()
