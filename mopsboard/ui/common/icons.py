"""Every icon the app shows, from the Lucide set shipped in mopsboard/resources/icons (MIT; the
offscreen and bare X platforms have no icon theme to fall back on)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from mopsboard.ui.common import theme


class Icon(StrEnum):
    """Exactly the SVGs in mopsboard/resources/icons, by file name (tests/ui/common/test_icons.py
    checks both ways)."""

    ARCHIVE = "archive"
    CALENDAR_DAYS = "calendar-days"
    CHECK = "check"
    CHEVRON_DOWN = "chevron-down"
    CHEVRON_LEFT = "chevron-left"
    CHEVRON_RIGHT = "chevron-right"
    CHEVRON_UP = "chevron-up"
    CIRCLE_ALERT = "circle-alert"
    CLOCK = "clock"
    COPY = "copy"
    FILE_DOWN = "file-down"
    FILE_PLUS = "file-plus"
    FOLDER_OPEN = "folder-open"
    FUNNEL = "funnel"
    FUNNEL_X = "funnel-x"
    GRIP_VERTICAL = "grip-vertical"
    INFO = "info"
    KANBAN = "kanban"
    KEYBOARD = "keyboard"
    LAYERS = "layers"
    LAYOUT_DASHBOARD = "layout-dashboard"
    LIST_CHECKS = "list-checks"
    LOG_OUT = "log-out"
    PENCIL = "pencil"
    PLUS = "plus"
    REDO_2 = "redo-2"
    ROTATE_CCW = "rotate-ccw"
    SAVE = "save"
    SEARCH = "search"
    SETTINGS_2 = "settings-2"
    TAG = "tag"
    TARGET = "target"
    TRASH_2 = "trash-2"
    UNDO_2 = "undo-2"
    USER = "user"
    USERS = "users"
    X = "x"


# Shipped but shown nowhere yet; every other member is used somewhere in the app.
SPARE: frozenset[Icon] = frozenset(
    {
        Icon.FUNNEL,
        Icon.GRIP_VERTICAL,
        Icon.LAYOUT_DASHBOARD,
        Icon.LIST_CHECKS,
        Icon.TAG,
        Icon.X,
    }
)


@cache
def _svg(name: Icon) -> str:
    return (resources.files("mopsboard.resources") / "icons" / f"{name}.svg").read_text("utf-8")


@cache
def _pixmap(name: Icon, colour: str, size: int, disabled: bool) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if disabled:
        painter.setOpacity(0.4)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


class _TintedSvg(QIconEngine):
    """An icon drawn from its SVG at the size and pixel ratio it is shown at (crisp on any
    screen), in its own colour or else the scheme's icon colour at the time it is drawn: icons
    made before a switch of scheme follow it."""

    def __init__(self, name: Icon, colour: str | None) -> None:
        super().__init__()
        self._name = name
        self._colour = colour

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = self._colour or theme.current().icon
        side = max(1, round(min(size.width(), size.height()) * scale))
        pixmap = QPixmap(_pixmap(self._name, colour, side, mode is QIcon.Mode.Disabled))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._name, self._colour)


@cache
def icon(name: Icon, colour: str | None = None) -> QIcon:
    """The icon `name`, in `colour`, or in the scheme's icon colour if none is given."""
    return QIcon(_TintedSvg(name, colour))


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
