"""The timeline's label column: a campaign's arrow, colour and name (and "At risk" when its chain
of linked tasks cannot finish by its launch); a task's title."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

from mopsboard.qt.timeline.timeline_rows import TimelineRow
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    ROW_HEIGHT,
    Colours,
    TimelineCanvas,
)

AT_RISK = "At risk"


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
    painter.setFont(canvas.bold_font)
    painter.setPen(c.text)
    name = QFontMetrics(canvas.bold_font).elidedText(
        item.campaign.name, Qt.TextElideMode.ElideRight, room.width()
    )
    painter.drawText(room, Qt.AlignmentFlag.AlignVCenter, name)
    painter.setFont(canvas.font())
