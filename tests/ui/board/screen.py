"""What the screen shows of a widget: read back from the window's backing store (offscreen Qt
keeps one per window), not painted anew, so a part that was never repainted shows its old
pixels, as it would to a person."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def on_screen(widget: QWidget, rect: QRect | None = None) -> QImage:
    """The pixels the screen holds for `rect` of `widget` (its whole area by default)."""
    window = widget.window()
    area = rect if rect is not None else widget.rect()
    shot = window.screen().grabWindow(window.winId())
    return shot.copy(QRect(widget.mapTo(window, area.topLeft()), area.size())).toImage()


def repainted(widget: QWidget, rect: QRect | None = None) -> QImage:
    """The same pixels once `widget` has painted itself again from what its model holds now."""
    widget.repaint()
    return on_screen(widget, rect)
