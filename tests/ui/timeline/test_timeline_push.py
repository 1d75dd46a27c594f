"""Dragging a task later on the timeline when others follow it: the question, Push (the chain
moves as far as its links need, in one undo step with the drag) or Keep dates (Esc: the broken
link shows red). What the SQLite file holds is read through a connection of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from answers import answer_next_box
from gestures import drag
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from test_timeline_links import link, plan, task_named, weekday

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    ws = planned_ws
    # A Mon-Wed; C Thu-Fri after A; E the next Mon-Tue after C; F after A, but only on the
    # next Wednesday: it has slack.
    plan(ws, "A", 0, 2)
    plan(ws, "C", 3, 4)
    plan(ws, "E", 5, 6)
    plan(ws, "F", 7, 7)
    link(ws, "A", "C")
    link(ws, "C", "E")
    link(ws, "A", "F")
    return open_window(ws)


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    page.timeline.set_scale(page.timeline.scale.WEEKS)
    page.timeline.scroll_to_day(weekday(0), 0.2)
    spring = win.workspace.campaign_named("Spring launch").key
    page.timeline.toggle(page.rows.row_of_campaign(spring))
    return page


def dates_on_file(path: Path) -> dict[str, tuple[date | None, date | None]]:
    with Workspace.open(path) as fresh:
        return {t.title: (t.start_date, t.due_date) for t in fresh.tasks() if t.campaign_id}


def drag_bar(qtbot: QtBot, page: TimelineView, title: str, days: int) -> None:
    timeline = page.timeline
    row = page.rows.row_of_task(task_named(page.rows.workspace, title).key)
    rect = timeline.bar_rect(row)
    assert rect is not None and timeline.viewport().rect().contains(rect.center())
    # From the middle of the bar, clear of its link handle at the right end.
    start = QPoint(rect.left() + rect.width() // 3, rect.center().y())
    drag(qtbot, timeline.viewport(), start, start + QPoint(timeline.ppd * days, 0))


def test_push_moves_the_chain_as_far_as_it_needs_in_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = timeline_of(window)
    path = Path(window.workspace.path)
    before = dates_on_file(path)
    asked = answer_next_box("Push")
    # Two days later: A Wed-Fri.
    drag_bar(qtbot, page, "A", 2)
    assert asked.texts == ["Push its 2 successors by the same 2 working days?"]
    assert sorted(asked.buttons[0]) == ["Keep dates", "Push"]
    # No launch is missed (Spring launch is later): a question, not a warning.
    assert asked.icons == [QMessageBox.Icon.Question]
    assert "'C': 2 working days later" in asked.details[0]
    after = dates_on_file(path)
    # C may start the Monday after A (Friday): Mon-Tue; E the day after C: Wed-Thu; F, on the
    # Wednesday already, stays.
    assert after["A"] == (weekday(2), weekday(4))
    assert after["C"] == (weekday(5), weekday(6))
    assert after["E"] == (weekday(7), weekday(8))
    assert after["F"] == before["F"]
    stack = window.workspace_actions.undo_stack
    assert stack.count() == 1
    assert "pushing 2 successors" in stack.undoText()
    assert not any(shown.broken for shown in page.rows.links.shown)
    stack.undo()
    assert dates_on_file(path) == before
    stack.redo()
    assert dates_on_file(path) == after


def test_escape_keeps_the_successors_and_the_broken_link_shows(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = timeline_of(window)
    path = Path(window.workspace.path)
    before = dates_on_file(path)
    asked = answer_next_box("Escape")
    drag_bar(qtbot, page, "A", 2)
    assert len(asked.texts) == 1
    after = dates_on_file(path)
    assert after["A"] == (weekday(2), weekday(4))
    assert {title: after[title] for title in "CEF"} == {title: before[title] for title in "CEF"}
    assert window.workspace_actions.undo_stack.count() == 1
    broken = [
        (s.predecessor.title, s.successor.title, s.missing)
        for s in page.rows.links.shown
        if s.broken
    ]
    # C starts Thursday; A, due Friday now, lets it start on Monday: two days too soon.
    assert broken == [("A", "C", 2)]


def test_moving_earlier_asks_nothing_and_a_too_early_successor_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    page = timeline_of(window)
    path = Path(window.workspace.path)
    asked = answer_next_box("Push", tries=30)
    # C a day earlier, on Wednesday, the day A is due: not refused, shown.
    drag_bar(qtbot, page, "C", -1)
    qtbot.wait(350)
    assert asked.texts == []
    assert dates_on_file(path)["C"] == (weekday(2), weekday(3))
    assert [(s.successor.title, s.missing) for s in page.rows.links.shown if s.broken] == [("C", 1)]


def test_a_later_move_that_breaks_no_link_asks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    page = timeline_of(window)
    path = Path(window.workspace.path)
    asked = answer_next_box("Push", tries=30)
    # E, last in its chain, a day later.
    drag_bar(qtbot, page, "E", 1)
    qtbot.wait(350)
    assert asked.texts == []
    assert dates_on_file(path)["E"] == (weekday(6), weekday(7))


def test_the_question_says_which_tasks_the_push_makes_due_after_the_launch(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    # Spring launch on E's due day: A two days later pushes C and E, and E past the launch.
    spring = ws.campaign_named("Spring launch")
    ws.update_campaign(spring.model_copy(update={"launch_date": weekday(6)}))
    page = timeline_of(window)
    asked = answer_next_box("Keep dates")
    drag_bar(qtbot, page, "A", 2)
    assert len(asked.details) == 1
    assert (
        f"1 of them would then be due after the launch on {weekday(6):%a %d %b}: "
        f"'E' ({weekday(8):%a %d %b})."
    ) in asked.details[0]
    assert asked.icons == [QMessageBox.Icon.Warning]
