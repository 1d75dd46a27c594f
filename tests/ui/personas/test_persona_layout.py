"""The Personas view at the sizes of a small laptop (1366 x 768) and a smaller screen (1024 x
700), on the demo workspace: every persona and team name in the hours table is whole, and no
bubble or name sits on a quadrant's label or runs off the map."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtWidgets import QHeaderView, QStyle
from pytestqt.qtbot import QtBot

from mopsboard.io.demo import build_demo
from mopsboard.store.workspace import Workspace
from mopsboard.ui.personas.persona_view import PersonasView
from mopsboard.ui.shell.main_window import MainWindow

# The window sizes, and the page the window gives the view at each (its sidebar, menus,
# toolbar and status bar take the rest).
SIZES = [(1366, 768), (1024, 700)]


@pytest.fixture
def demo_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "demo.mopsboard")
    build_demo(ws)
    yield ws
    ws.close()


def _page(
    qtbot: QtBot, open_window: Callable[..., MainWindow], ws: Workspace, size: tuple[int, int]
) -> PersonasView:
    win = open_window(ws, (1366, 768))
    assert win.show_view("personas")
    shown = win.pages["personas"]
    assert isinstance(shown, PersonasView)
    # The window's other pages hold it wider than 1024 px, so the view is shown on its own at
    # the width and height the window would give it.
    width = size[0] - win.sidebar.width()
    height = size[1] - (win.height() - shown.height())
    page = PersonasView(shown.link.actions, shown.link)
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    page.period.setCurrentText("All open work")
    qtbot.wait(1)
    return page


def _names(header: QHeaderView) -> list[str]:
    model = header.model()
    return [
        str(model.headerData(s, header.orientation(), Qt.ItemDataRole.DisplayRole))
        for s in range(header.count())
    ]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_hours_table_shows_every_name_whole(
    qtbot: QtBot, open_window: Callable[..., MainWindow], demo_ws: Workspace, size: tuple[int, int]
) -> None:
    page = _page(qtbot, open_window, demo_ws, size)
    table = page.hours_table
    columns, rows = table.horizontalHeader(), table.verticalHeader()
    assert "Modernizer" in _names(columns) and "Brightline Creative (agency)" in _names(rows)
    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
    for section, name in enumerate(_names(columns)):
        needed = columns.fontMetrics().horizontalAdvance(name)
        # Written along the column (upwards) or across it, the name has its whole length.
        along = max(columns.height(), columns.sectionSize(section)) - 2 * margin
        assert needed <= along, name
    for name in _names(rows):
        assert rows.fontMetrics().horizontalAdvance(name) + 2 * margin <= rows.width(), name
    # And every column is in sight: nothing to scroll to.
    assert table.horizontalScrollBar().maximum() == 0
    assert page.persona_table.horizontalScrollBar().maximum() == 0


def _circle_meets(rect: QRectF, centre: QPointF, radius: float) -> bool:
    nearest = QPointF(
        max(rect.left(), min(rect.right(), centre.x())),
        max(rect.top(), min(rect.bottom(), centre.y())),
    )
    return math.hypot(centre.x() - nearest.x(), centre.y() - nearest.y()) < radius


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_bubble_or_name_sits_on_a_quadrant_label(
    qtbot: QtBot, open_window: Callable[..., MainWindow], demo_ws: Workspace, size: tuple[int, int]
) -> None:
    page = _page(qtbot, open_window, demo_ws, size)
    persona_map = page.map
    bubbles = persona_map.layout_bubbles()
    inside = QRectF(persona_map.rect())
    for bubble in bubbles:
        box = QRectF(
            bubble.centre.x() - bubble.radius,
            bubble.centre.y() - bubble.radius,
            2 * bubble.radius,
            2 * bubble.radius,
        )
        assert inside.contains(box), bubble
    plates = [persona_map.plate_of(b) for b in bubbles]
    for plate in plates:
        assert plate is not None and inside.contains(plate)
    labels = persona_map.quadrant_labels()
    assert len(labels) == 4  # the demo's personas leave each quadrant room for its label
    for text, place, _font in labels:
        assert persona_map.grid_rect().contains(place), text
        for bubble, plate in zip(bubbles, plates, strict=True):
            assert not _circle_meets(place, bubble.centre, bubble.radius), text
            assert plate is not None and not place.intersects(plate), text
    # A click on a bubble still finds its persona.
    modernizer = next(p for p in page.data.personas if p.name == "Modernizer")
    bubble = next(b for b in bubbles if b.persona_id == modernizer.id)
    assert persona_map.bubble_at(bubble.centre) == bubble
