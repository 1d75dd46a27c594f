"""The capacity view driven as a user would: the numbers of a small workspace, drags from the
drill-down onto the map (reassign, reschedule) checked in the SQLite file, undo and redo, the
editor, what is not counted, exports, the team and period pickers, the WIP badge on the board.

Drags are sent as the events a real drag delivers to the map's viewport (offscreen Qt cannot
start a QDrag from synthetic mouse events; see tests/ui/board/test_board_window.py).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.domain.models import Task
from mopsboard.qt.capacity.capacity_model import FIRST_WEEK_COLUMN, NAME_COLUMN
from mopsboard.qt.capacity.wip_watch import WipWatch
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board import task_editing
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.shell.main_window import MainWindow

MON = date(2026, 3, 2)


@pytest.fixture
def window(open_window: Callable[..., MainWindow], capacity_ws: Workspace) -> MainWindow:
    win = open_window(capacity_ws)
    assert win.show_view("capacity")
    return win


@pytest.fixture
def view(window: MainWindow) -> CapacityView:
    page = window.pages["capacity"]
    assert isinstance(page, CapacityView)
    page.set_period(Period(MON, 3))
    return page


def shown(view: CapacityView) -> dict[str, list[str]]:
    """Row label -> cell texts, as the map shows them (labels of team totals are team names)."""
    model = view.model
    result = {}
    for row in range(model.rowCount()):
        label = model.index(row, NAME_COLUMN).data()
        if label == "Unassigned":
            label = f"{model.capacity.rows[row].team.name} unassigned"
        cells = [model.index(row, c).data() for c in range(FIRST_WEEK_COLUMN, model.columnCount())]
        result[label] = cells
    return result


def stored(path: Path, title: str) -> Task:
    with Workspace.open(path) as ws:
        return next(t for t in ws.tasks() if t.title == title)


def open_cell(view: CapacityView, label: str, week: int) -> None:
    row = next(n for n, r in enumerate(view.model.capacity.rows) if r.label == label)
    index = view.model.index(row, FIRST_WEEK_COLUMN + week)
    view.map.setCurrentIndex(index)
    view.map.clicked.emit(index)


def drag_from_list(view: CapacityView, title: str) -> QMimeData:
    model = view.cell_model
    row = next(n for n, c in enumerate(model.tasks) if c.title == title)
    return model.mimeData([model.index(row, 0)])


def drop_on(view: CapacityView, data: QMimeData, label: str, column: int) -> None:
    row = next(n for n, r in enumerate(view.model.capacity.rows) if r.label == label)
    rect = view.map.visualRect(view.model.index(row, column))
    pos = rect.center()
    target = view.map.viewport()
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(pos, action, data, buttons, mods))
    QApplication.sendEvent(target, QDragMoveEvent(pos, action, data, buttons, mods))
    QApplication.sendEvent(target, QDropEvent(QPointF(pos), action, data, buttons, mods))


def test_the_map_of_a_small_workspace(view: CapacityView) -> None:
    assert shown(view) == {
        "Content": ["50 / 60", "14 / 60", "0 / 60"],
        "Ana": ["44 / 40", "4 / 40", "0 / 40"],
        "Luis": ["6 / 20", "0 / 20", "0 / 20"],
        "Content unassigned": ["0 / 0", "10 / 0", "0 / 0"],
        "Web": ["0 / 40", "34 / 40", "0 / 40"],
        "Ben": ["0 / 40", "34 / 40", "0 / 40"],
        "Web unassigned": ["0 / 0", "0 / 0", "0 / 0"],
    }
    titles = [view.panel.uncounted.topLevelItem(n).text(0) for n in range(4)]
    assert titles == [
        "Content (1)",
        "Persona research \u2014 no estimate",
        "No team (1)",
        "Vendor review \u2014 no assignee or team",
    ]
    assert "1 person is over-booked" in view.note.text()


def test_reassign_by_dragging_a_task_onto_another_person(window: MainWindow, view: CapacityView):
    path = window.workspace.path
    open_cell(view, "Ana", 0)
    assert view.panel.title.text() == "Ana \u00b7 week of 02 Mar"
    assert [c.title for c in view.cell_model.tasks] == ["Landing page", "Launch email"]
    drop_on(view, drag_from_list(view, "Landing page"), "Ben", FIRST_WEEK_COLUMN)
    ben = window.workspace.member_named("Ben")
    assert stored(path, "Landing page").assignee_id == ben.id
    assert stored(path, "Landing page").team_id == ben.team_id
    assert shown(view)["Ana"][0] == "4 / 40" and shown(view)["Ben"][0] == "40 / 40"
    # The drill-down follows: the task left the cell it lists.
    assert [c.title for c in view.cell_model.tasks] == ["Launch email"]
    assert window.undo_action.text() == "&Undo Reassign 'Landing page' to Ben"
    window.undo_action.trigger()
    assert stored(path, "Landing page").assignee_id == window.workspace.member_named("Ana").id
    assert shown(view)["Ana"][0] == "44 / 40" and shown(view)["Ben"][0] == "0 / 40"
    window.redo_action.trigger()
    assert stored(path, "Landing page").assignee_id == ben.id
    assert shown(view)["Ben"][0] == "40 / 40"


def test_reschedule_by_dragging_a_task_onto_another_week(window: MainWindow, view: CapacityView):
    path = window.workspace.path
    before = stored(path, "Launch email")
    open_cell(view, "Ana", 0)
    # The task's own row, a week later: the dates move, the span stays.
    drop_on(view, drag_from_list(view, "Launch email"), "Ana", FIRST_WEEK_COLUMN + 1)
    after = stored(path, "Launch email")
    assert (after.start_date, after.due_date) == (
        date(2026, 3, 12),
        date(2026, 3, 17),
    )
    assert after.assignee_id == before.assignee_id
    assert shown(view)["Ana"] == ["40 / 40", "4 / 40", "4 / 40"]
    window.undo_action.trigger()
    restored = stored(path, "Launch email")
    assert (restored.start_date, restored.due_date) == (before.start_date, before.due_date)
    assert shown(view)["Ana"] == ["44 / 40", "4 / 40", "0 / 40"]


def test_reassign_and_reschedule_at_once_onto_a_team_unassigned_row(
    window: MainWindow, view: CapacityView
) -> None:
    path = window.workspace.path
    open_cell(view, "Ben", 1)
    rows = view.model.capacity.rows
    number = next(
        n for n, r in enumerate(rows) if r.label == "Unassigned" and r.team.name == "Content"
    )
    data = drag_from_list(view, "Site audit")
    rect = view.map.visualRect(view.model.index(number, FIRST_WEEK_COLUMN + 2))
    target = view.map.viewport()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.CopyAction
    QApplication.sendEvent(target, QDragEnterEvent(rect.center(), action, data, buttons, mods))
    QApplication.sendEvent(target, QDragMoveEvent(rect.center(), action, data, buttons, mods))
    QApplication.sendEvent(target, QDropEvent(QPointF(rect.center()), action, data, buttons, mods))
    task = stored(path, "Site audit")
    assert task.assignee_id is None and task.team_id == window.workspace.team_named("Content").id
    assert task.due_date == date(2026, 3, 20)
    assert shown(view)["Content unassigned"] == ["0 / 0", "10 / 0", "34 / 0"]
    assert shown(view)["Ben"][1] == "0 / 40"
    window.undo_action.trigger()
    assert stored(path, "Site audit").assignee_id == window.workspace.member_named("Ben").id
    assert shown(view)["Ben"][1] == "34 / 40"


def test_a_drop_on_a_team_total_is_refused(window: MainWindow, view: CapacityView) -> None:
    open_cell(view, "Ana", 0)
    drop_on(view, drag_from_list(view, "Landing page"), "Web", FIRST_WEEK_COLUMN)
    assert stored(window.workspace.path, "Landing page").assignee_id == (
        window.workspace.member_named("Ana").id
    )
    assert not window.workspace_actions.undo_stack.canUndo()


class FakeDialog:
    """Stands in for the task editor: records what it was opened with, saves an edit."""

    opened: ClassVar[list[tuple[Task, list[str]]]] = []

    def __init__(
        self, task: Task, stages: list[Any], lookups: Any, parent: Any, **_options: object
    ) -> None:
        FakeDialog.opened.append((task, [s.name for s in stages]))
        self.result_task: Task | None = task.model_copy(update={"estimate_hours": 3.0})
        self.save_button = self

    def setEnabled(self, _on: bool) -> None:
        pass

    def exec(self) -> int:
        return int(QDialog.DialogCode.Accepted)


def test_editing_from_the_lists(
    window: MainWindow, view: CapacityView, monkeypatch: pytest.MonkeyPatch
) -> None:
    FakeDialog.opened = []
    # The capacity map opens the board's task editor, through the page context.
    monkeypatch.setattr(task_editing, "TaskDialog", FakeDialog)
    open_cell(view, "Ana", 0)
    view.panel.tasks.doubleClicked.emit(view.cell_model.index(1, 0))
    task, stages = FakeDialog.opened[-1]
    assert task.title == "Launch email" and "In progress" in stages
    assert stored(window.workspace.path, "Launch email").estimate_hours == 3.0
    assert shown(view)["Ana"][0] == "41.5 / 40"  # 40 + 3 h over 4 days, 2 of them in week 1
    # The uncounted list: Fix opens the first one; giving it an estimate counts it.
    view.panel.fix_button.click()
    task, _ = FakeDialog.opened[-1]
    assert task.title == "Persona research"
    assert "Persona research \u2014 no estimate" not in [
        view.panel.uncounted.topLevelItem(n).text(0)
        for n in range(view.panel.uncounted.topLevelItemCount())
    ]
    assert shown(view)["Ana"][0] == "44.5 / 40"
    window.undo_action.trigger()
    assert stored(window.workspace.path, "Persona research").estimate_hours is None


def test_team_and_period_pickers(view: CapacityView) -> None:
    web = view.team.findText("Web")
    view.team.setCurrentIndex(web)
    assert list(shown(view)) == ["Web", "Ben", "Web unassigned"]
    view.team.setCurrentIndex(0)
    assert len(shown(view)) == 7
    view.shift_weeks(1)
    assert view.model.period == Period(MON + timedelta(weeks=1), 3)
    assert shown(view)["Ana"] == ["4 / 40", "0 / 40", "0 / 40"]
    view.weeks.setValue(5)
    assert view.model.columnCount() == FIRST_WEEK_COLUMN + 5
    view.this_week()
    assert view.model.period.first == date.today() - timedelta(days=date.today().weekday())


def test_exports(view: CapacityView, tmp_path: Path) -> None:
    target = tmp_path / "map.csv"
    assert view.export_csv(target)
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Team", "Member", "2026-03-02 planned", "2026-03-02 available"]
    assert rows[2][:4] == ["Content", "Ana", "44.0", "40.0"]
    pdf = tmp_path / "map.pdf"
    assert view.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert not view.export_pdf(tmp_path / "missing" / "map.pdf")


def test_the_board_marks_people_over_their_wip_limit(
    qtbot: QtBot, window: MainWindow, view: CapacityView
) -> None:
    watch = WipWatch.of(window.workspace)
    ana = window.workspace.member_named("Ana")
    assert ana.id in watch.over  # three tasks in Ready, limit one
    window.show_view("board")
    ready = window.board_view.views[1]
    ready.grab()
    delegate = ready.itemDelegate()
    assert ana.id in delegate._wip_over  # type: ignore[attr-defined]
    with qtbot.waitSignal(watch.changed, timeout=2000):
        window.workspace.update_member(ana.model_copy(update={"wip_limit": 5}))
    # A member edit rebuilds the board's columns: look at the new one.
    ready = window.board_view.views[1]
    ready.grab()
    assert ana.id not in ready.itemDelegate()._wip_over  # type: ignore[attr-defined]
    assert view.model.index(1, 1).data() == "3 / 5"


def test_the_window_opens_the_team_manager(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mopsboard.ui.people import team_dialog

    opened: list[object] = []
    monkeypatch.setattr(team_dialog.TeamDialog, "exec", lambda self: opened.append(self) or 0)
    window.findChild(type(window.undo_action), "teamsAction").trigger()
    assert len(opened) == 1


def test_another_programs_write_shows_on_the_map(qtbot: QtBot, view: CapacityView) -> None:
    with Workspace.open(view.workspace.path) as other:
        landing = next(t for t in other.tasks() if t.title == "Landing page")
        other.update_task(landing.model_copy(update={"estimate_hours": 20.0}))
    # The view looks once a second while shown.
    qtbot.waitUntil(lambda: shown(view)["Ana"][0] == "24 / 40", timeout=3000)
