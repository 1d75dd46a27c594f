"""Every icon the app shows, from the Lucide set shipped in mopsboard/resources/icons (MIT; the
offscreen and bare X platforms have no icon theme to fall back on)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mopsboard.ui.common import theme


@cache
def _svg(name: str) -> str:
    return (resources.files("mopsboard.resources") / "icons" / f"{name}.svg").read_text("utf-8")


def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@cache
def icon(name: str, colour: str = theme.ICON) -> QIcon:
    result = QIcon()
    # Two sizes cover menus, tool bars and high-DPI screens (Qt scales between them); the
    # faded look of disabled actions is derived by Qt.
    for size in (16, 32):
        result.addPixmap(_pixmap(name, colour, size), QIcon.Mode.Normal)
    return result


@cache
def app_icon() -> QIcon:
    svg = (resources.files("mopsboard.resources") / "mopsboard.svg").read_bytes()
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    for size in (16, 32, 64, 128, 256):
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result
