"""The campaigns table's mark of a campaign whose launch is warned of (domain/campaign_warnings.py):
its colour, as every campaign's name shows it, with a warning sign over the corner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from mopsboard.qt.common import palette

# The sign's colours: amber, on the light and the dark scheme.
WARNING_LIGHT, WARNING_DARK = "#d97706", "#fbbf24"


def warning_icon(colour: str) -> QIcon:
    """The campaign's colour with a warning sign over its corner: the name column's mark of a
    campaign with warnings (its colour still says whose it is)."""
    size = 32  # drawn large, shown at the view's icon size
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(0, 0, 17, 17, 3, 3)
    sign = QPainterPath()
    sign.moveTo(19.5, 4)
    sign.lineTo(31.5, 31)
    sign.lineTo(7.5, 31)
    sign.closeSubpath()
    dark = palette.current().dark
    painter.setPen(QPen(QColor("#111111" if dark else "#ffffff"), 2))
    painter.setBrush(QColor(WARNING_DARK if dark else WARNING_LIGHT))
    painter.drawPath(sign)
    painter.setPen(QPen(QColor("#1f1300"), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(19, 13, 19, 21)
    painter.drawPoint(19, 26)
    painter.end()
    return QIcon(pixmap)
