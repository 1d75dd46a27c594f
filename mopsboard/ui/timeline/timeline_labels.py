"""The timeline's label column: a campaign's arrow, colour and name (and "At risk" when its chain
of linked tasks cannot finish by its launch, and a warning sign when its launch is warned of:
domain/campaign_warnings.py); a task's title."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF

from mopsboard.qt.timeline.timeline_rows import TimelineRow
from mopsboard.ui.common import theme
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    ROW_HEIGHT,
    Colours,
    TimelineCanvas,
)

AT_RISK = "At risk"
WARNING_SIZE = 14


def warning_sign_rect(canvas: TimelineCanvas, item: TimelineRow, box: QRect) -> QRect | None:
    """Where a campaign row's warning sign is drawn in the label column: at its right end,
    before 'At risk'; None when its launch is warned of nothing."""
    if item.bar is not None or not canvas.rows.warnings_of(item.campaign.key):
        return None
    right = box.right() - 6
    if canvas.rows.plan_of(item.campaign.key).risk is not None:
        right -= QFontMetrics(canvas.small_font).horizontalAdvance(AT_RISK) + 6
    top = box.top() + (box.height() - WARNING_SIZE) // 2
    return QRect(right - WARNING_SIZE + 1, top, WARNING_SIZE, WARNING_SIZE)


def paint_warning_sign(painter: QPainter, rect: QRect) -> None:
    """An amber triangle with an exclamation mark."""
    scheme = theme.current()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    sign = QPolygonF([QPointF(x + w / 2, y), QPointF(x + w, y + h), QPointF(x, y + h)])
    painter.setPen(Qt.PenStyle.NoPen)
    # As the campaigns table draws it: in the colours of a nearly full capacity cell.
    painter.setBrush(QColor(scheme.models.load_full_fg))
    painter.drawPolygon(sign)
    mark = QColor(scheme.models.load_full_bg)
    painter.setPen(QPen(mark, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    centre = x + w / 2
    painter.drawLine(QPointF(centre, y + h * 0.38), QPointF(centre, y + h * 0.68))
    painter.drawPoint(QPointF(centre, y + h * 0.84))
    painter.restore()


def paint_labels(canvas: TimelineCanvas, c: Colours, painter: QPainter, rows: range) -> None:
    height = canvas.viewport().height()
    painter.setClipRect(0, HEADER_HEIGHT, LABEL_WIDTH, height)
    painter.fillRect(0, HEADER_HEIGHT, LABEL_WIDTH, height, c.surface)
    for row in rows:
        item = canvas.rows.rows[row]
        top = canvas.row_top(row)
        if row == canvas.selected:
            painter.fillRect(0, top, LABEL_WIDTH, ROW_HEIGHT, c.selected)
        box = QRect(0, top, LABEL_WIDTH, ROW_HEIGHT)
        if item.bar is None:
            _paint_campaign_label(canvas, c, painter, item, box)
        else:
            overdue = item.bar.overdue(canvas.rows.today)
            done = c.done if item.bar.done else c.text
            painter.setPen(c.today if overdue else done)
            title = QFontMetrics(canvas.font()).elidedText(
                item.bar.title, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 56
            )
            painter.drawText(box.adjusted(44, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setClipping(False)
    painter.setPen(QColor(c.scheme.border))
    painter.drawLine(LABEL_WIDTH - 1, 0, LABEL_WIDTH - 1, height)


def _paint_campaign_label(
    canvas: TimelineCanvas, c: Colours, painter: QPainter, item: TimelineRow, box: QRect
) -> None:
    top = box.top()
    painter.setPen(c.grid)
    painter.drawLine(0, top, LABEL_WIDTH, top)
    painter.setPen(c.muted)
    arrow = "\u25be" if canvas.rows.is_expanded(item.campaign.key) else "\u25b8"
    painter.drawText(box.adjusted(8, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, arrow)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(item.campaign.colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRect(24, top + ROW_HEIGHT // 2 - 5, 10, 10))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    room = box.adjusted(40, 0, -6, 0)
    if canvas.rows.plan_of(item.campaign.key).risk is not None:
        # Said where the name is, as the campaigns table says it; the reason is in the tooltip.
        painter.setFont(canvas.small_font)
        painter.setPen(c.broken)
        tag = QFontMetrics(canvas.small_font).horizontalAdvance(AT_RISK)
        painter.drawText(room, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, AT_RISK)
        room.setRight(room.right() - tag - 6)
    sign = warning_sign_rect(canvas, item, box)
    if sign is not None:
        # The reasons are its tooltip, and the row's.
        paint_warning_sign(painter, sign)
        room.setRight(min(room.right(), sign.left() - 6))
    painter.setFont(canvas.bold_font)
    painter.setPen(c.text)
    name = QFontMetrics(canvas.bold_font).elidedText(
        item.campaign.name, Qt.TextElideMode.ElideRight, room.width()
    )
    painter.drawText(room, Qt.AlignmentFlag.AlignVCenter, name)
    painter.setFont(canvas.font())
