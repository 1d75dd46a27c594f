"""The marks the timeline puts on its bars. Overdue is a red hatch and a dashed red outline, never
a fill: a campaign's colour is the user's to choose, red included, so a bar's fill says whose
work it is and only the marks say it is late. A campaign's name goes beside its launch diamond,
never under it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from mopsboard.ui.common import theme

DIAMOND_SIZE = 8.0
# Space between a bar's edge, its name and the launch diamond.
NAME_PADDING = 8
NAME_GAP = 4
# Narrower than this, a name would be an ellipsis alone: none is written.
NAME_MIN_WIDTH = 28


def paint_late_task(painter: QPainter, rect: QRect, colour: QColor, radius: float) -> None:
    """A task bar that is overdue: its campaign's colour, faded so the hatch shows on any colour,
    under a red hatch and a dashed red outline."""
    s = theme.current()
    overdue = QColor(s.overdue)
    painter.save()
    faded = QColor(colour)
    faded.setAlpha(80)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(s.surface))
    painter.drawRoundedRect(rect, radius, radius)
    painter.setBrush(faded)
    painter.drawRoundedRect(rect, radius, radius)
    painter.setBrush(QBrush(overdue, Qt.BrushStyle.BDiagPattern))
    painter.setPen(QPen(overdue, 1.5, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(QRectF(rect).adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
    painter.restore()


def paint_late_campaign(painter: QPainter, rect: QRect, radius: float) -> None:
    """A campaign with overdue work: a dashed red ring just outside its own outline, so a red
    campaign's bar still shows whether anything in it is late."""
    painter.save()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(theme.current().overdue), 1.5, Qt.PenStyle.DashLine))
    painter.drawRoundedRect(QRectF(rect).adjusted(-2.5, -2.5, 2.5, 2.5), radius + 2, radius + 2)
    painter.restore()


def launch_marker(x: float, y: float, size: float = DIAMOND_SIZE) -> QRectF:
    """The box the launch diamond centred on (x, y) fills."""
    return QRectF(x - size, y - size, 2 * size, 2 * size)


def paint_diamond(painter: QPainter, box: QRectF, *, at_risk: bool = False) -> None:
    """The launch diamond; red when the campaign's chain cannot finish by its launch."""
    centre = box.center()
    x, y = centre.x(), centre.y()
    half_width, half_height = box.width() / 2, box.height() / 2
    corners = ((x, y - half_height), (x + half_width, y), (x, y + half_height), (x - half_width, y))
    s = theme.current()
    painter.setBrush(QColor(s.overdue if at_risk else s.text))
    painter.setPen(QPen(QColor(s.surface), 1.5))
    painter.drawPolygon(QPolygonF([QRectF(a, b, 0, 0).topLeft() for a, b in corners]))


def name_room(visible: QRect, marker: QRectF | None, text_width: int) -> QRect:
    """Where a campaign's name is written inside the visible part of its bar: all of it when
    the launch diamond is elsewhere; else the side of the diamond where the name fits, the
    left one first, or the wider side when it fits on neither."""
    room = visible.adjusted(NAME_PADDING, 0, -NAME_PADDING, 0)
    if marker is None or marker.right() < room.left() or marker.left() > room.right():
        return room
    left_end = int(marker.left()) - NAME_GAP
    right_start = int(marker.right()) + NAME_GAP + 1
    left = QRect(room.left(), room.top(), max(0, left_end - room.left()), room.height())
    right = QRect(right_start, room.top(), max(0, room.right() - right_start), room.height())
    if left.width() >= text_width:
        return left
    if right.width() >= text_width:
        return right
    return left if left.width() >= right.width() else right
