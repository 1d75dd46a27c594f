"""The campaigns table and the persona tables, checked by Qt's model tester; sorting, filtering,
and following the store only while shown."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt

from mopsboard.domain.models import Campaign, CampaignStatus, Task
from mopsboard.domain.persona_hours import ALL_TEAMS, Period
from mopsboard.qt.campaigns.campaign_model import (
    COLUMNS,
    NAME,
    OVERDUE,
    PROGRESS,
    CampaignFilter,
    CampaignIdRole,
    CampaignTableModel,
)
from mopsboard.qt.personas.persona_models import (
    NO_PERSONA,
    PersonaData,
    PersonaTableModel,
    PersonaTeamHoursModel,
)
from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.store.workspace import Workspace


def names(proxy: CampaignFilter) -> list[str]:
    return [proxy.index(r, NAME).data(Qt.ItemDataRole.DisplayRole) for r in range(proxy.rowCount())]


def test_campaign_model_passes_the_model_tester(qtmodeltester, qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every signal the model emits from here on.
    board_ws.add_campaign(Campaign(name="Added later"))
    model.reload()
    board_ws.update_campaign(
        board_ws.campaign_named("Added later").model_copy(update={"owner": "x"})
    )
    model.reload()
    assert model.columnCount() == len(COLUMNS)


def test_campaign_filter_passes_the_model_tester(qtmodeltester, qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    proxy = CampaignFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    board_ws.add_campaign(Campaign(name="Added later"))
    model.reload()
    proxy.sort(PROGRESS, Qt.SortOrder.DescendingOrder)
    proxy.set_filter("a", None)
    proxy.set_filter("", None, show_archived=True)


def test_campaign_figures_in_the_table(board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    row = model.row_of(board_ws.campaign_named("Spring launch").id or 0)
    cell = {COLUMNS[c]: model.index(row, c).data() for c in range(len(COLUMNS))}
    # A (3 h, overdue), C, E (1.5 h), F (4 h): none done.
    assert (cell["Tasks"], cell["Open"], cell["Overdue"], cell["Progress"]) == ("4", "4", "1", "0%")
    assert model.index(row, OVERDUE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert (
        model.index(row, NAME).data(CampaignIdRole) == board_ws.campaign_named("Spring launch").id
    )


def test_sorting_keeps_empty_values_last_and_filtering(board_ws: Workspace) -> None:
    board_ws.add_campaign(
        Campaign(name="Budgeted", budget=5000, status=CampaignStatus.ACTIVE, owner="Field team")
    )
    archived = board_ws.add_campaign(Campaign(name="Old one", budget=10))
    board_ws.update_campaign(archived.model_copy(update={"archived": True}))
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    proxy = CampaignFilter()
    proxy.setSourceModel(model)
    budget = COLUMNS.index("Budget")
    proxy.sort(budget, Qt.SortOrder.AscendingOrder)
    assert names(proxy)[0] == "Budgeted"
    proxy.sort(budget, Qt.SortOrder.DescendingOrder)
    assert names(proxy)[0] == "Budgeted"
    proxy.set_filter("", None, show_archived=True)
    assert names(proxy)[:2] == ["Budgeted", "Old one  (archived)"]
    proxy.set_filter("field", None)
    assert names(proxy) == ["Budgeted"]
    proxy.set_filter("", CampaignStatus.PLANNED)
    assert sorted(names(proxy)) == ["Intent webinar", "Spring launch"]


def test_a_hidden_table_waits_until_shown(qtbot, board_ws: Workspace) -> None:
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    model.set_active(False)
    rows = model.rowCount()
    board_ws.add_campaign(Campaign(name="While hidden"))
    qtbot.wait(5)
    assert model.rowCount() == rows
    model.set_active(True)
    assert model.rowCount() == rows + 1
    board_ws.add_campaign(Campaign(name="While shown"))
    qtbot.waitUntil(lambda: model.rowCount() == rows + 2)


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
    board = board_ws.boards()[0].id or 0
    backlog = board_ws.stages(board)[0].id or 0
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


def test_timeline_rows_expand_lazily(board_ws: Workspace) -> None:
    rows = TimelineRows(board_ws)
    rows.set_active(True)
    assert [r.campaign.name for r in rows.rows] == ["Intent webinar", "Spring launch"]
    assert rows.bars == {}
    spring = board_ws.campaign_named("Spring launch").id or 0
    rows.set_expanded(spring, True)
    assert [r.bar.title for r in rows.rows if r.bar] == ["A", "C", "E", "F"]
    assert rows.row_of_task(rows.rows[2].bar.id if rows.rows[2].bar else 0) == 2
    rows.expand_all(True)
    assert len(rows.rows) == 2 + 6
    rows.expand_all(False)
    assert len(rows.rows) == 2
    assert rows.first < date.today() < rows.last
    assert QModelIndex().isValid() is False
