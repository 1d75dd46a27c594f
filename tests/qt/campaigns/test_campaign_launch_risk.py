"""The campaigns table says in words, before the name, which launch is at risk, gives the reason
in the tooltip, and follows the links and the stages that decide it."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from mopsboard.domain.kinds import StageKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Task
from mopsboard.qt.campaigns.campaign_model import LAUNCH, NAME, CampaignTableModel
from mopsboard.store.workspace import Workspace


def _campaign_with_two_tasks(ws: Workspace) -> tuple[Campaign, Task, Task]:
    """A launch a week from today; 'Brief' takes a day from today, 'Send' is due on the launch."""
    today = date.today()
    launch = today + timedelta(days=7)
    board = ws.boards()[0].key
    stage = ws.stages(board)[0].key
    campaign = ws.add_campaign(Campaign(name="Spring send", launch_date=launch))

    def task(title: str, day: date) -> Task:
        return ws.add_task(
            Task(
                board_id=board,
                stage_id=stage,
                title=title,
                campaign_id=campaign.key,
                start_date=day,
                due_date=day,
            )
        )

    return campaign, task("Brief", today), task("Send", launch)


def _cell(model: CampaignTableModel, campaign: Campaign, column: int, role: int) -> str:
    return str(model.index(model.row_of(campaign.key), column).data(role))


def test_a_launch_at_risk_is_marked_in_words_with_the_reason_and_followed(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    campaign, brief, send = _campaign_with_two_tasks(board_ws)
    model = CampaignTableModel(board_ws)
    model.set_active(True)
    qtmodeltester.check(model, force_py=True)
    display = Qt.ItemDataRole.DisplayRole
    assert _cell(model, campaign, NAME, display) == "Spring send"
    # Ten working days after the brief is more than the week to the launch.
    board_ws.add_link(TaskLink(predecessor_id=brief.key, successor_id=send.key, lag_days=10))
    qtbot.waitUntil(lambda: _cell(model, campaign, NAME, display) == "At risk \u00b7 Spring send")
    qtmodeltester.check(model, force_py=True)
    tooltip = _cell(model, campaign, NAME, Qt.ItemDataRole.ToolTipRole)
    assert "Launch at risk: 'Send' can finish on" in tooltip
    assert "waiting for 'Brief' (finish to start, lag 10); chain: 'Brief' → 'Send'." in tooltip
    assert (
        model.index(model.row_of(campaign.key), LAUNCH).data(Qt.ItemDataRole.ForegroundRole)
        is not None
    )
    # With the brief done, nothing holds the send back: the mark goes.
    done = next(s.key for s in board_ws.stages(brief.board_id) if s.kind is StageKind.DONE)
    board_ws.update_task(board_ws.task(brief.key).model_copy(update={"stage_id": done}))
    qtbot.waitUntil(lambda: _cell(model, campaign, NAME, display) == "Spring send")
    assert "Launch at risk" not in _cell(model, campaign, NAME, Qt.ItemDataRole.ToolTipRole)
