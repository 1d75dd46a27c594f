"""The capacity models: structure checked by Qt's model tester, numbers, following the store,
drops from the drill-down list, WIP counts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import RowKind
from mopsboard.domain.models import Member
from mopsboard.qt.capacity.capacity_model import (
    FIRST_WEEK_COLUMN,
    WIP_COLUMN,
    CapacityModel,
    LevelRole,
    read_capacity_mime,
)
from mopsboard.qt.capacity.capacity_tasks_model import CellTasksModel
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 2)


@pytest.fixture
def model(capacity_ws: Workspace) -> CapacityModel:
    loaded = CapacityModel(capacity_ws)
    loaded.set_period(Period(MON, 2))
    return loaded


def table(model: CapacityModel) -> list[list[str]]:
    return [
        [str(model.index(row, column).data()) for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


EXPECTED = [
    ["Content", "None", "50 / 60", "14 / 60"],
    ["Ana", "3 / 1", "44 / 40", "4 / 40"],
    ["Luis", "1", "6 / 20", "0 / 20"],
    ["Unassigned", "None", "0 / 0", "10 / 0"],
    ["Web", "None", "0 / 40", "34 / 40"],
    ["Ben", "1", "0 / 40", "34 / 40"],
    ["Unassigned", "None", "0 / 0", "0 / 0"],
]


def test_the_map_shows_the_hand_computed_numbers(model: CapacityModel) -> None:
    assert table(model) == EXPECTED
    levels = [[model.index(r, c).data(LevelRole) for c in (2, 3)] for r in range(model.rowCount())]
    assert levels[1] == ["over", "under"]  # the first member
    assert levels[3] == ["empty", "no capacity"]  # Content, unassigned
    assert levels[5] == ["under", "full"]  # Web's member
    assert model.headerData(2, Qt.Orientation.Horizontal).startswith("02 Mar\nweek 10")
    assert "44.00 h planned of 40.00 h available (110%)" in model.index(1, 2).data(
        Qt.ItemDataRole.ToolTipRole
    )
    reasons = {u.title: u.reason for u in model.capacity.uncounted.values()}
    assert reasons == {"Persona research": "no estimate", "Vendor review": "no assignee or team"}


def test_model_passes_qt_model_tester_and_follows_changes(
    qtmodeltester, qtbot: QtBot, model: CapacityModel, capacity_ws: Workspace
) -> None:
    qtmodeltester.check(model, force_py=True)
    landing = next(t for t in capacity_ws.tasks() if t.title == "Landing page")
    ben = capacity_ws.member_named("Ben")
    with qtbot.waitSignal(model.dataChanged):
        capacity_ws.update_task(landing.model_copy(update={"assignee_id": ben.id}))
    assert table(model)[1][2:] == ["4 / 40", "4 / 40"]
    assert table(model)[5][2:] == ["40 / 40", "34 / 40"]
    # A member edit recomputes the map; a team filter shows one team.
    luis = capacity_ws.member_named("Luis")
    capacity_ws.update_member(luis.model_copy(update={"weekly_hours": 30}))
    assert table(model)[2][2:] == ["6 / 30", "0 / 30"]
    model.set_team(ben.team_id)
    assert [row[0] for row in table(model)] == ["Web", "Ben", "Unassigned"]
    model.set_period(Period(MON, 3))
    assert model.columnCount() == FIRST_WEEK_COLUMN + 3


def test_the_cells_shown_after_changes_are_a_fresh_maps(
    model: CapacityModel, capacity_ws: Workspace
) -> None:
    # The model keeps each cell's figures until the map changes: after each edit it reads as a
    # model made afresh from the file.
    assert table(model) == EXPECTED
    tasks = {t.title: t for t in capacity_ws.tasks()}
    ben, luis = capacity_ws.member_named("Ben"), capacity_ws.member_named("Luis")
    edits = [
        tasks["Landing page"].model_copy(update={"assignee_id": ben.id}),
        tasks["Site audit"].model_copy(update={"estimate_hours": 3.5}),
        tasks["Newsletter"].model_copy(update={"assignee_id": luis.id, "team_id": None}),
        tasks["Blog post"].model_copy(update={"due_date": MON + timedelta(days=9)}),
    ]
    for edit in edits:
        capacity_ws.update_task(edit)
        fresh = CapacityModel(capacity_ws)
        fresh.set_period(model.period)
        assert table(model) == table(fresh), edit.title
        levels = [[model.index(r, c).data(LevelRole) for c in (2, 3)] for r in range(7)]
        assert levels == [[fresh.index(r, c).data(LevelRole) for c in (2, 3)] for r in range(7)]


def test_a_member_who_appears_resets_the_rows(
    qtmodeltester, qtbot: QtBot, model: CapacityModel, capacity_ws: Workspace
) -> None:
    qtmodeltester.check(model, force_py=True)
    gone = capacity_ws.add_member(
        Member(team_id=capacity_ws.team_named("Web").key, name="Zed", active=False)
    )
    assert "Zed" not in [row[0] for row in table(model)]
    blog = next(t for t in capacity_ws.tasks() if t.title == "Blog post")
    with qtbot.waitSignal(model.modelReset):
        capacity_ws.update_task(blog.model_copy(update={"assignee_id": gone.id}))
    assert ["Zed", "6 / 0", "0 / 0"] in [[row[0], *row[2:]] for row in table(model)]


def test_the_wip_column_follows_moves_a_moment_later(
    qtbot: QtBot, model: CapacityModel, capacity_ws: Workspace
) -> None:
    assert model.over_wip(model.capacity.rows[1])
    done = next(s for s in capacity_ws.stages(capacity_ws.boards()[0].key) if s.name == "Done")
    finished = [t.key for t in capacity_ws.tasks() if t.title in ("Launch email", "Landing page")]
    with qtbot.waitSignal(model.wip_watch.changed, timeout=2000):
        capacity_ws.move_tasks(finished, done.key)
    assert model.index(1, WIP_COLUMN).data() == "1 / 1"
    assert not model.over_wip(model.capacity.rows[1])


def test_the_cell_list_and_its_drag_data(
    qtmodeltester, model: CapacityModel, capacity_ws: Workspace
) -> None:
    cell = CellTasksModel(model)
    qtmodeltester.check(cell, force_py=True)
    cell.show_cell(model.capacity.rows[1], 0)
    assert [(c.title, c.hours) for c in cell.tasks] == [("Landing page", 40), ("Launch email", 4)]
    assert cell.index(1, 1).data() == "4 h" and cell.index(1, 3).data() == "05 Mar \u2013 10 Mar"
    assert cell.index(1, 2).data() == "Ana"
    data = cell.mimeData([cell.index(1, 0)])
    email = next(t.id for t in capacity_ws.tasks() if t.title == "Launch email")
    assert read_capacity_mime(data) == ([email], MON)
    # The team total's list names who each task is for.
    cell.show_cell(model.capacity.rows[0], 1)
    assert [(c.title, cell.index(n, 2).data()) for n, c in enumerate(cell.tasks)] == [
        ("Newsletter", "Unassigned"),
        ("Launch email", "Ana"),
    ]
    # After a recompute the list shows the same cell again.
    capacity_ws.update_member(
        capacity_ws.member_named("Luis").model_copy(update={"weekly_hours": 10})
    )
    assert [c.title for c in cell.tasks] == ["Newsletter", "Launch email"]


def test_the_cell_list_shows_again_only_what_changed(
    qtmodeltester, model: CapacityModel, capacity_ws: Workspace
) -> None:
    cell = CellTasksModel(model)
    qtmodeltester.check(cell, force_py=True)
    resets: list[str] = []
    cell.modelReset.connect(lambda: resets.append("reset"))
    cell.show_cell(model.capacity.rows[0], 1)  # Content's total, second week
    assert [c.title for c in cell.tasks] == ["Newsletter", "Launch email"] and resets == ["reset"]
    # A task elsewhere changes: the list stays as it was, not laid out again.
    blog = next(t for t in capacity_ws.tasks() if t.title == "Blog post")
    capacity_ws.update_task(blog.model_copy(update={"estimate_hours": 7}))
    assert [c.title for c in cell.tasks] == ["Newsletter", "Launch email"] and len(resets) == 1
    # One of its own tasks changes: shown again, with its new hours.
    email = next(t for t in capacity_ws.tasks() if t.title == "Launch email")
    capacity_ws.update_task(email.model_copy(update={"estimate_hours": 16}))
    assert [(c.title, cell.index(n, 1).data()) for n, c in enumerate(cell.tasks)] == [
        ("Newsletter", "10 h"),
        ("Launch email", "8 h"),
    ]
    assert len(resets) == 2
    # A renamed member recomputes the map: the same tasks, under the new name.
    ana = capacity_ws.member_named("Ana")
    capacity_ws.update_member(ana.model_copy(update={"name": "Ana Lima"}))
    assert cell.index(1, 2).data() == "Ana Lima" and len(resets) == 3
    # Another cell with a list as empty as this one's would be is still shown as that cell.
    cell.show_cell(model.capacity.rows[6], 0)  # Web's Unassigned row: nothing
    cell.show_cell(model.capacity.rows[6], 1)
    assert cell.tasks == [] and cell.week == 1 and len(resets) == 5


def test_drops_ask_the_replanner(model: CapacityModel, capacity_ws: Workspace) -> None:
    calls: list[tuple[list[int], object, int]] = []
    model.replanner = lambda ids, target, shift: calls.append((ids, target, shift)) or True
    cell = CellTasksModel(model)
    cell.show_cell(model.capacity.rows[1], 0)  # the first member, first week
    data = cell.mimeData([cell.index(0, 0)])
    (landing,) = read_capacity_mime(data)[0]  # type: ignore[index]
    ben_row, ana_row, total_row = 5, 1, 0
    # Onto another member's second week: reassign and a week later.
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(ben_row, 3))
    # Onto the same member's second week: same row, so only the dates move.
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(ana_row, 3))
    # Onto the other member's name: reassign only.
    assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(ben_row, 0))
    ben = capacity_ws.member_named("Ben")
    assert calls == [
        ([landing], (ben.team_id, ben.id), 7),
        ([landing], None, 7),
        ([landing], (ben.team_id, ben.id), 0),
    ]
    # Onto its own cell, a total row or the WIP column: nothing to do.
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(ana_row, 2))
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(0, 2))
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, model.index(1, 1))
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert model.row_number(RowKind.TOTAL, (ben.team_id, None)) == 4
    assert total_row == 0
