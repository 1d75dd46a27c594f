"""A rate changed since approval moves the planned cost while no change of the plan is logged:
the "Since approval" panel and the change report say that the cost follows rates changed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from mopsboard.qt.campaigns.approval_actions import ApprovalActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.campaigns.change_report import paint_change_report, report_writer
from mopsboard.ui.campaigns.since_approval_panel import SinceApprovalPanel
from tests.ui.campaigns.test_change_report import RecordingPainter

RATES_NOTE = "cost also follows rates changed since"


def test_a_rate_changed_since_is_said_in_the_panel_and_the_report(
    qtbot: QtBot, actions: WorkspaceActions, tmp_path: Path
) -> None:
    ws = actions.workspace
    campaign = ws.campaign_named("Spring launch")
    task = next(t for t in ws.campaign_tasks(campaign.key) if t.estimate_hours and t.assignee_id)
    member = ws.member(task.assignee_id) if task.assignee_id else None
    assert member is not None
    ws.update_member(member.model_copy(update={"hourly_rate": 40.0}))
    approvals = ApprovalActions(actions)
    assert approvals.approve(campaign.key, ["Product"]) is not None
    panel = SinceApprovalPanel(
        lambda: (approvals.since_approval(campaign.key), approvals.approvals(campaign.key)),
        lambda _over: None,
        lambda _over: None,
    )
    qtbot.addWidget(panel)
    panel.show()
    assert RATES_NOTE not in panel.figures["Planned cost"].text()
    ws.update_member(ws.member(member.key).model_copy(update={"hourly_rate": 75.0}))
    panel.refresh()
    assert RATES_NOTE in panel.figures["Planned cost"].text()
    assert panel.changes.topLevelItem(0).text(2).startswith("No change since approval")
    since = approvals.since_approval(campaign.key)
    assert since is not None and since.cost_delta > 0
    writer = report_writer(tmp_path / "size.pdf", "size")
    page = QSize(writer.width(), writer.height())
    canvas = QImage(page, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = RecordingPainter(canvas)
    try:
        paint_change_report(painter, page, since, [since.approval], date(2026, 3, 20))
    finally:
        painter.end()
    assert any(RATES_NOTE in text for text, _box, _needed in painter.texts)
