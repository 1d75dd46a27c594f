"""A table's column header that writes its names upwards: a column of hours is then as wide as
its figures, and a persona's name is never cut to fit it ("Moderni...")."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

PADDING = 6


class UprightHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSectionsClickable(False)

    def text_of(self, section: int) -> str:
        model = self.model()
        if model is None:
            return ""
        value = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole)
        return "" if value is None else str(value)

    def _height(self) -> int:
        metrics = self.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(self.text_of(s)) for s in range(self.count())), default=0
        )
        return longest + 2 * PADDING

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._height())

    def sectionSizeFromContents(self, logical_index: int) -> QSize:
        return QSize(self.fontMetrics().height() + 2 * PADDING, self._height())

    def paintSection(self, painter: QPainter, rect: QRect, logical_index: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical_index
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.translate(rect.left(), rect.bottom() - PADDING)
        painter.rotate(-90)
        # Rotated, x runs up the column and y across it.
        room = QRect(0, 0, rect.height() - 2 * PADDING, rect.width())
        painter.setPen(self.palette().buttonText().color())
        painter.drawText(
            room,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.text_of(logical_index),
        )
        painter.restore()
