"""Drawing a link on the timeline with the mouse: the handle at a bar's end shows on hover, a drag
from it to another bar makes that task wait for this one (undoable), a loop is refused in words,
Esc drops the link. The SQLite file is read through a connection of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gestures import LEFT, NO_KEYS, drag
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_timeline_links import link, plan, task_named, weekday

from mopsboard.domain.link_rules import LinkKind
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.link_drag import handle_centre
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    ws = planned_ws
    plan(ws, "A", 0, 2)
    plan(ws, "C", 3, 4)
    plan(ws, "E", 5, 6)
    link(ws, "A", "C")
    return open_window(ws)


@pytest.fixture
def page(window: MainWindow) -> TimelineView:
    assert window.show_view("timeline")
    shown = window.pages["timeline"]
    assert isinstance(shown, TimelineView)
    shown.timeline.set_scale(shown.timeline.scale.WEEKS)
    shown.timeline.scroll_to_day(weekday(0), 0.2)
    spring = window.workspace.campaign_named("Spring launch").key
    shown.timeline.toggle(shown.rows.row_of_campaign(spring))
    return shown


def links_on_file(path: Path) -> set[tuple[str, str, LinkKind, int]]:
    with Workspace.open(path) as fresh:
        titles = {t.key: t.title for t in fresh.tasks()}
        return {
            (titles[k.predecessor_id], titles[k.successor_id], k.kind, k.lag_days)
            for k in fresh.links()
        }


def row_of(page: TimelineView, title: str) -> int:
    return page.rows.row_of_task(task_named(page.rows.workspace, title).key)


def handle_of(page: TimelineView, title: str) -> QPoint:
    rect = page.timeline.bar_rect(row_of(page, title))
    assert rect is not None
    return handle_centre(rect).toPoint()


def middle_of(page: TimelineView, title: str) -> QPoint:
    rect = page.timeline.bar_rect(row_of(page, title))
    assert rect is not None
    return rect.center()


def test_the_handle_shows_on_hover_and_the_cursor_says_it(qtbot: QtBot, page: TimelineView) -> None:
    timeline = page.timeline
    viewport = timeline.viewport()
    assert timeline.handle_row is None
    QTest.mouseMove(viewport, middle_of(page, "E"))
    assert timeline.handle_row == row_of(page, "E")
    assert viewport.cursor().shape() == Qt.CursorShape.OpenHandCursor
    QTest.mouseMove(viewport, handle_of(page, "E"))
    assert viewport.cursor().shape() == Qt.CursorShape.CrossCursor
    # The handle is painted: the pixel at its ring is the accent colour, not the background.
    image = viewport.grab().toImage()
    ring = handle_of(page, "E") + QPoint(4, 0)
    assert image.pixelColor(ring).blue() > image.pixelColor(ring).red() + 60
    QTest.mouseMove(viewport, QPoint(viewport.width() - 5, viewport.height() - 5))
    assert timeline.handle_row is None


def test_a_drag_from_the_handle_to_another_bar_links_them(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = links_on_file(path)
    drag(qtbot, page.timeline.viewport(), handle_of(page, "C"), middle_of(page, "E"))
    assert links_on_file(path) == before | {("C", "E", LinkKind.FINISH_TO_START, 0)}
    # Nothing moved: the handle drew a link, it did not drag the bar.
    assert task_named(window.workspace, "C").start_date == weekday(3)
    assert {(s.predecessor.title, s.successor.title) for s in page.rows.links.shown} == {
        ("A", "C"),
        ("C", "E"),
    }
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Make 'E' wait for 'C'"
    stack.undo()
    assert links_on_file(path) == before


def test_a_link_that_would_loop_is_refused_in_words(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = links_on_file(path)
    # C already waits for A: A cannot wait for C.
    drag(qtbot, page.timeline.viewport(), handle_of(page, "C"), middle_of(page, "A"))
    assert links_on_file(path) == before
    said = window.statusBar().currentMessage()
    assert "'A' cannot wait for" in said and "already waits for it" in said
    assert window.workspace_actions.undo_stack.count() == 0


def test_escape_drops_the_link_being_drawn(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = links_on_file(path)
    timeline = page.timeline
    viewport = timeline.viewport()
    QTest.mousePress(viewport, LEFT, NO_KEYS, handle_of(page, "C"))
    QTest.mouseMove(viewport, middle_of(page, "E"))
    assert timeline.link_drag is not None and timeline.link_drag.target == row_of(page, "E")
    QTest.keyClick(timeline, Qt.Key.Key_Escape)
    assert timeline.link_drag is None
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, middle_of(page, "E"))
    assert links_on_file(path) == before
    assert window.workspace_actions.undo_stack.count() == 0


def test_a_release_away_from_any_bar_links_nothing(
    qtbot: QtBot, window: MainWindow, page: TimelineView
) -> None:
    path = Path(window.workspace.path)
    before = links_on_file(path)
    timeline = page.timeline
    viewport = timeline.viewport()
    # Past the end of E's bar, on its row: no bar there.
    away = middle_of(page, "E") + QPoint(timeline.ppd * 6, 0)
    QTest.mousePress(viewport, LEFT, NO_KEYS, handle_of(page, "C"))
    QTest.mouseMove(viewport, away)
    assert timeline.link_drag is not None and timeline.link_drag.target is None
    QTest.mouseRelease(viewport, LEFT, NO_KEYS, away)
    assert timeline.link_drag is None
    assert links_on_file(path) == before
    assert task_named(window.workspace, "C").start_date == weekday(3)
