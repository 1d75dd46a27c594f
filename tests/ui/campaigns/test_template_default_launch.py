"""New campaign from a template: until a launch date is picked, the dialog offers the first one
(six weeks ahead or later) at which none of the template's tasks would start in the past; a
date the user picked stays when another template is chosen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.template_dialog import DEFAULT_LEAD_DAYS, TemplateDialog

TODAY = date(2026, 11, 2)


def dialog_for(qtbot: QtBot, ws: Workspace, actions: WorkspaceActions) -> TemplateDialog:
    dialog = TemplateDialog(CampaignActions(actions), ws.boards()[0].id, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog


def test_the_offered_launch_leaves_no_task_starting_in_the_past(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    dialog = dialog_for(qtbot, board_ws, actions)
    for name in ("Product launch", "Webinar"):
        assert dialog.select_template(name)
        assert dialog.prepared is not None
        assert dialog.prepared.in_past == 0, name
        assert "in the past" not in dialog.warning.text()
        assert dialog.launch_date() >= TODAY + timedelta(days=DEFAULT_LEAD_DAYS)
    # The product launch's chain is longer than six weeks: its launch is later than the webinar's.
    assert dialog.select_template("Product launch")
    product = dialog.launch_date()
    assert dialog.select_template("Webinar")
    assert product > dialog.launch_date()


def test_a_launch_the_user_picked_stays(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    dialog = dialog_for(qtbot, board_ws, actions)
    assert dialog.select_template("Webinar")
    dialog.launch.setDate(QDate(2026, 11, 20))
    assert dialog.select_template("Product launch")
    assert dialog.launch_date() == date(2026, 11, 20)
    assert dialog.prepared is not None and dialog.prepared.in_past > 0
    assert "in the past" in dialog.warning.text()
