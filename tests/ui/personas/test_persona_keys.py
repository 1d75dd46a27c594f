"""The persona map from the keyboard alone: Tab reaches it, the arrows go from bubble to bubble
(each named to a screen reader and ringed on screen), Enter shows that persona's work on the
board as a click does, and Ctrl with an arrow moves the persona as a drag does (asserted in the
SQLite file, and undone)."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.personas.persona_view import PersonasView
from mopsboard.ui.shell.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


@pytest.fixture
def page(window: MainWindow) -> PersonasView:
    assert window.show_view("personas")
    shown = window.pages["personas"]
    assert isinstance(shown, PersonasView)
    shown.period.setCurrentText("All open work")
    return shown


def ring_at(image: QImage, centre: QPointF, radius: float) -> int:
    """How many points of a circle of `radius` round `centre` are the focus ring's colour."""
    ring = QColor(theme.current().focus_ring)
    hits = 0
    for step in range(72):
        angle = step * math.pi / 36
        x = round(centre.x() + radius * math.cos(angle))
        y = round(centre.y() + radius * math.sin(angle))
        seen = image.pixelColor(x, y).getRgb()[:3]
        hits += all(abs(a - b) < 50 for a, b in zip(seen, ring.getRgb()[:3], strict=True))
    return hits


def test_tab_and_the_arrows_go_from_bubble_to_bubble(
    qtbot: QtBot, window: MainWindow, page: PersonasView
) -> None:
    chart = page.map
    page.team.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.team, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is chart
    first = chart.data.personas[0]
    assert chart.accessibleDescription() == chart.tooltip(first.id)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    second = chart.data.personas[1]
    assert chart.accessibleDescription() == chart.tooltip(second.id)
    bubble = chart.focused_bubble()
    assert bubble is not None and bubble.persona_id == second.id
    shown = chart.grab().toImage()
    assert ring_at(shown, bubble.centre, max(bubble.radius, 8) + 4) > 50
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    qtbot.keyClick(chart, Qt.Key.Key_Left)  # round to the work with no persona
    assert chart.accessibleDescription() == chart.tooltip(None)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.board_view
    assert window.board_view.filter_bar.current().persona_id == second.id


def test_ctrl_and_an_arrow_move_the_persona_undoably(
    qtbot: QtBot, window: MainWindow, page: PersonasView
) -> None:
    chart = page.map
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    persona = chart.data.personas[0]
    qtbot.keyClick(chart, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(chart, Qt.Key.Key_Up, CTRL)
    with Workspace.open(Path(window.workspace.path)) as fresh:
        moved = fresh.persona(persona.key)
    assert (moved.x, moved.y) == (round(persona.x + 0.05, 2), round(persona.y + 0.05, 2))
    stack = window.workspace_actions.undo_stack
    stack.undo()
    stack.undo()
    with Workspace.open(Path(window.workspace.path)) as fresh:
        back = fresh.persona(persona.key)
    assert (back.x, back.y) == (persona.x, persona.y)
