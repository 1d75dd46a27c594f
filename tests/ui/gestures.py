"""Mouse gestures sent to a widget as QTest events: what a person's hand does, offscreen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint) -> None:
    """Press, move in a few steps, release: on the widget that receives the mouse."""
    QTest.mousePress(widget, LEFT, NO_KEYS, start)
    steps = 4
    for step in range(1, steps + 1):
        point = start + (end - start) * step / steps
        QTest.mouseMove(widget, QPoint(int(point.x()), int(point.y())))
    QTest.mouseRelease(widget, LEFT, NO_KEYS, end)
    qtbot.wait(1)
