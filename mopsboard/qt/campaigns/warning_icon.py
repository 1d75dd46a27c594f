"""The campaigns table's mark of a campaign whose launch is warned of (domain/campaign_warnings.py):
its colour, as every campaign's name shows it, with a warning sign over the corner."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from mopsboard.qt.common import palette


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
    # In the colours of a nearly full capacity cell: amber, with its background for the mark
    # and the halo that keeps it apart from the campaign's colour.
    colours = palette.current()
    painter.setPen(QPen(QColor(colours.load_empty_bg), 2))
    painter.setBrush(QColor(colours.load_full_fg))
    painter.drawPath(sign)
    painter.setPen(
        QPen(QColor(colours.load_full_bg), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    )
    painter.drawLine(19, 13, 19, 21)
    painter.drawPoint(19, 26)
    painter.end()
    return QIcon(pixmap)
