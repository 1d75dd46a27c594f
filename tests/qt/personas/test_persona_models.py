"""The persona tables, checked by Qt's model tester; hours per persona and team."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from mopsboard.domain.models import Task
from mopsboard.domain.persona_hours import ALL_TEAMS, Period
from mopsboard.qt.personas.persona_models import (
    NO_PERSONA,
    PersonaData,
    PersonaTableModel,
    PersonaTeamHoursModel,
)
from mopsboard.store.workspace import Workspace


def test_persona_table_passes_the_model_tester(qtmodeltester, qtbot, board_ws: Workspace) -> None:
    data = PersonaData(board_ws)
    data.set_active(True)
    personas = PersonaTableModel(data)
    qtmodeltester.check(personas, force_py=True)
    data.set_scope(Period(date.today(), date.today() + timedelta(days=30)), ALL_TEAMS)
    data.set_scope(Period(), ALL_TEAMS)
    board_ws.add_persona(board_ws.personas()[0].model_copy(update={"id": None, "name": "Buyer"}))
    data.reload()
    assert personas.rowCount() == 5


def test_persona_team_hours_pass_the_model_tester(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    data = PersonaData(board_ws)
    data.set_active(True)
    table = PersonaTeamHoursModel(data)
    qtmodeltester.check(table, force_py=True)
    data.set_scope(Period(date.today(), date.today() + timedelta(days=30)), ALL_TEAMS)
    data.set_scope(Period(), board_ws.teams()[0].id)
    assert table.rowCount() == 3  # Content, no team, and all teams


def test_hours_per_persona_and_team(board_ws: Workspace) -> None:
    board = board_ws.boards()[0].key
    backlog = board_ws.stages(board)[0].key
    board_ws.add_task(Task(board_id=board, stage_id=backlog, title="No hat", estimate_hours=7))
    data = PersonaData(board_ws)
    data.set_active(True)
    modernizer = board_ws.persona_named("Modernizer").id
    # Open tasks of the fixture all wear the first persona: A 3 + B 2 + C 0 + D 5 + E 1.5 + F 4.
    assert data.load(modernizer).hours == 15.5 and data.load(modernizer).tasks == 6
    assert data.load(None).hours == 7
    table = PersonaTeamHoursModel(data)
    assert table.headerData(table.columnCount() - 1, Qt.Orientation.Horizontal) == NO_PERSONA
    total = table.rowCount() - 1
    assert table.headerData(total, Qt.Orientation.Vertical) == PersonaTeamHoursModel.TOTAL
    assert table.index(total, 0).data(Qt.ItemDataRole.UserRole) == 15.5
    assert table.index(total, table.columnCount() - 1).data(Qt.ItemDataRole.UserRole) == 7
    content = board_ws.team_named("Content").id
    data.set_scope(Period(), content)
    assert data.load(modernizer).hours == 8  # A and D are Ana's, in Content
