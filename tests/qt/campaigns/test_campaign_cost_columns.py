"""The campaigns table's cost (planned / actual), its tooltip, and the over-budget warning."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mopsboard.domain.models import Campaign, Member, Task, Team, TeamKind
from mopsboard.domain.time_logs import TimeLog
from mopsboard.qt.campaigns.campaign_model import BUDGET, COST, HOURS, CampaignTableModel
from mopsboard.store.workspace import Workspace


def _priced_campaign(ws: Workspace) -> tuple[Campaign, Task, Member]:
    board = ws.boards()[0].key
    stage = ws.stages(board)[0].key
    agency = ws.add_team(Team(name="Pixel agency", kind=TeamKind.AGENCY, hourly_rate=120))
    ada = ws.add_member(Member(team_id=agency.key, name="Ada Priced", hourly_rate=90))
    campaign = ws.add_campaign(Campaign(name="Priced", budget=1050))
    task = ws.add_task(
        Task(
            board_id=board,
            stage_id=stage,
            title="Landing page",
            campaign_id=campaign.key,
            assignee_id=ada.key,
            estimate_hours=10,
        )
    )
    ws.add_task(
        Task(
            board_id=board,
            stage_id=stage,
            title="Banner set",
            campaign_id=campaign.key,
            team_id=agency.key,
            estimate_hours=1,
        )
    )
    return campaign, task, ada


def cost_cell(model: CampaignTableModel, campaign: Campaign) -> str:
    return str(model.index(model.row_of(campaign.key), COST).data())


def test_the_table_shows_cost_and_follows_logs_and_rates(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    campaign, task, ada = _priced_campaign(board_ws)
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    qtmodeltester.check(model, force_py=True)
    assert cost_cell(model, campaign) == "1,020 / 0"
    board_ws.log_time(TimeLog(task_id=task.key, member_id=ada.key, day=date(2026, 3, 2), hours=2))
    # A rate edit raises the plan over the budget: the table follows and warns.
    board_ws.update_member(board_ws.member(ada.key).model_copy(update={"hourly_rate": 100.0}))
    qtbot.waitUntil(lambda: cost_cell(model, campaign) == "1,120 / 200 \u26a0")
    row = model.row_of(campaign.key)
    for column in (COST, BUDGET):
        assert model.index(row, column).data(Qt.ItemDataRole.ForegroundRole) is not None
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Planned cost is 70.00 over the budget of 1,050.00" in tip
    assert "2 hours logged; planned cost 1,120.00, actual cost 200.00" in tip


def test_hours_without_a_rate_are_said_in_the_tooltip(board_ws: Workspace) -> None:
    campaign, _task, _ada = _priced_campaign(board_ws)
    board_ws.update_team(
        board_ws.team_named("Pixel agency").model_copy(update={"hourly_rate": None})
    )
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    row = model.row_of(campaign.key)
    assert model.index(row, COST).data() == "900 / 0"
    tip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 estimated hours have no hourly rate" in tip


def test_the_hours_column_reads_planned_against_logged_and_follows_logs(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    campaign, task, ada = _priced_campaign(board_ws)
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    qtmodeltester.check(model, force_py=True)

    def hours() -> str:
        return str(model.index(model.row_of(campaign.key), HOURS).data())

    assert hours() == "11 / 0"  # 10 + 1 estimated, nothing logged
    header = model.headerData(HOURS, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header.startswith("Planned / actual hours")
    board_ws.log_time(TimeLog(task_id=task.key, member_id=ada.key, day=date(2026, 3, 2), hours=4))
    qtbot.waitUntil(lambda: hours() == "11 / 4")
