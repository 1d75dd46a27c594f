"""Windows that open no larger than the screen they open on: a dialog designed for a large
monitor still fits a 1024 x 700 laptop screen, frame and title bar included."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

# Room left around a window for its frame, its title bar and a panel or dock.
SCREEN_MARGIN = QSize(48, 72)


def room_on_screen(window: QWidget) -> QSize:
    """The largest size a window may take on the screen it opens on (its parent's)."""
    anchor = window.parentWidget() or window
    return anchor.screen().availableGeometry().size() - SCREEN_MARGIN


def resize_to_fit(window: QWidget, wanted: QSize) -> None:
    """Resizes `window` to `wanted`, or to what its screen allows; never below its minimum."""
    window.resize(wanted.boundedTo(room_on_screen(window)).expandedTo(window.minimumSizeHint()))
