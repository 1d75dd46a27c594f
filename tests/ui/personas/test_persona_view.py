"""The persona map driven as a user would: its clicks and drags are real mouse presses, moves and
releases on the widget (no QDrag is involved), and each test asserts what the SQLite file holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gestures import LEFT, NO_KEYS, drag
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.personas.persona_view import PersonasView
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def test_persona_map_click_filters_the_board(qtbot: QtBot, window: MainWindow) -> None:
    assert window.show_view("personas")
    page = window.pages["personas"]
    assert isinstance(page, PersonasView)
    page.period.setCurrentText("All open work")
    qtbot.wait(1)
    modernizer = next(p for p in page.data.personas if p.name == "Modernizer")
    centre = page.map.point_of(modernizer.x, modernizer.y).toPoint()
    assert "15.5 h planned in 6 open tasks" in page.map.tooltip(modernizer.id)
    QTest.mouseClick(page.map, LEFT, NO_KEYS, centre)
    assert window.stack.currentWidget() is window.board_view
    assert window.board_view.filter_bar.current().persona_id == modernizer.id
    shown = window.model.shown_count()
    assert shown == 7  # every task of the fixture wears it, the done one too
    window.show_view("personas")
    QTest.mouseClick(page.map, LEFT, NO_KEYS, page.map.no_persona_centre().toPoint())
    assert window.board_view.filter_bar.current().persona_id is None
    assert window.model.shown_count() == 0
    with on_file(window.workspace) as fresh:
        assert fresh.persona(modernizer.key).x == modernizer.x  # a click moves nothing


def test_dragging_a_persona_moves_it_on_the_grid(qtbot: QtBot, window: MainWindow) -> None:
    window.show_view("personas")
    page = window.pages["personas"]
    assert isinstance(page, PersonasView)
    scientist = next(p for p in page.data.personas if p.name == "Scientist")
    start = page.map.point_of(scientist.x, scientist.y).toPoint()
    end = page.map.point_of(-0.5, 0.5).toPoint()
    drag(qtbot, page.map, start, end)
    with on_file(window.workspace) as fresh:
        moved = fresh.persona(scientist.key)
    assert moved.x == pytest.approx(-0.5, abs=0.02) and moved.y == pytest.approx(0.5, abs=0.02)
    assert window.stack.currentWidget() is page  # a drag is not a click
    window.workspace_actions.undo_stack.undo()
    with on_file(window.workspace) as fresh:
        assert (fresh.persona(scientist.key).x, fresh.persona(scientist.key).y) == (
            scientist.x,
            scientist.y,
        )
