"""Where the window was: its size and place, kept as the user leaves them, and a first size that
fits the screen it opens on."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

GEOMETRY_KEY = "window/geometry"
# What a first window asks for; a smaller screen gets a window that fits it.
DEFAULT_SIZE = QSize(1440, 900)
# The share of a small screen's free area a first window takes, leaving the panel and a margin.
SCREEN_SHARE = 0.94
# Moves and resizes come in bursts while the user drags an edge: saved once it settles.
SAVE_DELAY_MS = 400


def first_size(available: QSize, minimum: QSize, wanted: QSize = DEFAULT_SIZE) -> QSize:
    """The size of a window opened for the first time: `wanted`, shrunk to fit `available`,
    never below what the window can be laid out in."""
    width = min(wanted.width(), int(available.width() * SCREEN_SHARE))
    height = min(wanted.height(), int(available.height() * SCREEN_SHARE))
    return QSize(max(width, minimum.width()), max(height, minimum.height()))


def _available(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def _on_some_screen(frame: QRect) -> bool:
    # Enough of the title bar on a screen for the user to grab it.
    grip = QRect(frame.topLeft(), QSize(frame.width(), 40))
    return any(
        screen.availableGeometry().intersected(grip).width() >= 100
        for screen in QGuiApplication.screens()
    )


class GeometryKeeper(QObject):
    """Saves a window's size and place shortly after each move or resize, and when it closes, so
    a window ended any way (Quit, a logout, a killed process) opens where it was left."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        window.installEventFilter(self)

    def restore(self) -> None:
        """Puts the window where it was last left; a first window (or one whose screen is gone)
        gets a size that fits the screen, centred on it."""
        window = self._window
        saved = QSettings().value(GEOMETRY_KEY)
        restored = saved is not None and window.restoreGeometry(saved)
        if restored and _on_some_screen(window.frameGeometry()):
            return
        area = _available(window)
        size = first_size(area.size(), window.minimumSizeHint())
        window.resize(size)
        window.move(area.center() - QRect(0, 0, size.width(), size.height()).center())

    def save(self) -> None:
        self._timer.stop()
        QSettings().setValue(GEOMETRY_KEY, self._window.saveGeometry())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._window and self._window.isVisible():
            if kind in (QEvent.Type.Move, QEvent.Type.Resize):
                self._timer.start()
            elif kind == QEvent.Type.Close:
                self.save()
        return False
