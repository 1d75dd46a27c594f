"""The stage headers stay above their columns: in sight however far down a board of swimlanes
is scrolled, and over their own columns however far sideways."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.filtering import Grouping
from mopsboard.io.demo import create_demo_file
from mopsboard.store.workspace import Workspace
from tests.ui.conftest import OpenWindow


@pytest.fixture
def demo_ws(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "demo.mopsboard"
    create_demo_file(path)
    ws = Workspace.open(path)
    yield ws
    ws.close()


def where(widget: QWidget, window: QWidget) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def test_headers_stay_in_sight_and_over_their_columns(
    qtbot: QtBot, demo_ws: Workspace, open_window: OpenWindow
) -> None:
    window = open_window(demo_ws, (1024, 700))
    board = window.board_view
    lanes = board.filter_bar.grouping
    lanes.setCurrentIndex(lanes.findData(Grouping.ASSIGNEE.value))
    qtbot.waitUntil(lambda: len(board.views) > len(board.headers))
    header_top = where(board.headers[0], window).y()
    down = board.scroll_area.verticalScrollBar()
    sideways = board.scroll_area.horizontalScrollBar()
    assert down.maximum() > 0 and sideways.maximum() > 0
    down.setValue(down.maximum())
    sideways.setValue(sideways.maximum())
    qtbot.waitUntil(lambda: board.header_strip.horizontalScrollBar().value() > 0)
    assert where(board.headers[0], window).y() == header_top
    assert not board.headers[-1].visibleRegion().isEmpty()
    last_lane = board.columns[-len(board.headers) :]
    for header, column in zip(board.headers, last_lane, strict=True):
        assert abs(where(header, window).x() - where(column, window).x()) <= 1
        assert abs(header.width() - column.width()) <= 1
