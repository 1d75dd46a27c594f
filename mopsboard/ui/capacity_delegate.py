"""Paints the capacity map: team rows as headings with their colour, people indented under them,
week cells as coloured tiles reading "planned / available", and the WIP column as a badge that
turns red over the limit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mopsboard.domain.capacity import RowKind
from mopsboard.qt.capacity_model import (
    NAME_COLUMN,
    WIP_COLUMN,
    OverWipRole,
    RowKindRole,
    TeamColourRole,
)
from mopsboard.ui import theme

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 28
TEAM_RULE = "#d1d5db"


class HeatDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(76, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        kind = RowKind(index.data(RowKindRole) or RowKind.MEMBER.value)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind is RowKind.TOTAL:
            painter.fillRect(rect, QColor("#f3f4f6"))
            if index.row() > 0:
                painter.setPen(QPen(QColor(TEAM_RULE), 1))
                painter.drawLine(rect.topLeft(), rect.topRight())
        font = QFont(option.font)
        font.setBold(kind is RowKind.TOTAL)
        painter.setFont(font)
        column = index.column()
        if column == NAME_COLUMN:
            self._paint_name(painter, rect, index, kind)
        elif column == WIP_COLUMN:
            self._paint_wip(painter, rect, index)
        else:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            self._paint_cell(painter, rect, index, kind, selected)
        painter.restore()

    def _paint_name(self, painter: QPainter, rect: QRect, index: AnyIndex, kind: RowKind) -> None:
        text = str(index.data() or "")
        if kind is RowKind.TOTAL:
            dot = QRect(rect.left() + 8, rect.center().y() - 5, 10, 10)
            painter.setBrush(QColor(str(index.data(TeamColourRole) or theme.MUTED)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(dot)
            left = dot.right() + 8
            painter.setPen(QColor(theme.TEXT))
        else:
            left = rect.left() + 26
            muted = kind is RowKind.UNASSIGNED
            if muted:
                font = painter.font()
                font.setItalic(True)
                painter.setFont(font)
            painter.setPen(QColor(theme.MUTED if muted else theme.TEXT))
        area = QRect(left, rect.top(), rect.right() - left - 4, rect.height())
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )

    def _paint_wip(self, painter: QPainter, rect: QRect, index: AnyIndex) -> None:
        text = index.data()
        if not text:
            return
        over = bool(index.data(OverWipRole))
        if over:
            width = painter.fontMetrics().horizontalAdvance(str(text)) + 14
            pill = QRectF(rect.center().x() - width / 2, rect.top() + 5, width, rect.height() - 10)
            path = QPainterPath()
            path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.fillPath(path, QColor("#fecaca"))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        painter.setPen(QColor("#991b1b" if over else theme.MUTED))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(text))

    def _paint_cell(
        self, painter: QPainter, rect: QRect, index: AnyIndex, kind: RowKind, selected: bool
    ) -> None:
        tile = QRectF(rect).adjusted(2, 2, -2, -2)
        path = QPainterPath()
        path.addRoundedRect(tile, 4, 4)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QColor):
            painter.fillPath(path, background)
        if selected:
            painter.setPen(QPen(QColor(theme.ACCENT), 2))
            painter.drawPath(path)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground if isinstance(foreground, QColor) else QColor(theme.TEXT))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
