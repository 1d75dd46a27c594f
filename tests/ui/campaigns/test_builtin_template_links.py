"""New campaign from a built-in template, through the real dialog: the campaign's tasks come
with the template's chain of links, written in the same undo step."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mopsboard.domain.builtin_templates import WEBINAR
from mopsboard.domain.link_rules import LinkKind
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.template_dialog import TemplateDialog
from tests.ui.campaigns.test_template_links import _dates


def test_a_campaign_from_the_builtin_webinar_has_its_chain_of_links(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    path = Path(board_ws.path)
    campaigns = CampaignActions(actions)
    dialog = TemplateDialog(campaigns, board_ws.boards()[0].id, today=date(2026, 11, 2))
    qtbot.addWidget(dialog)
    assert dialog.select_template("Webinar")
    qtbot.keyClicks(dialog.name, "Intent data webinar")
    dialog.launch.setDate(QDate(2027, 3, 10))
    dialog.create_button.click()
    assert dialog.prepared is not None
    assert campaigns.new_from_template(dialog.prepared) is not None

    dates, links = _dates(path, "Intent data webinar")
    expected = {
        (before.title, task.title, before.kind, before.lag_days)
        for task in WEBINAR.tasks
        for before in task.after
    }
    assert len(expected) == 11 and set(links) == expected
    fs = LinkKind.FINISH_TO_START
    assert ("Topic, speakers and abstract", "Slides and dry run", fs, 0) in links
    assert ("Slides and dry run", "Run the webinar", fs, 0) in links
    assert ("Run the webinar", "Social and partner promotion", LinkKind.START_TO_START, -5) in links
    # The webinar on its launch, the last push in the five working days before it.
    assert dates["Run the webinar"] == (date(2027, 3, 10), date(2027, 3, 10))
    assert dates["Social and partner promotion"] == (date(2027, 3, 3), date(2027, 3, 9))
    assert actions.undo_stack.count() == 1
    actions.undo_stack.undo()
    with Workspace.open(path) as fresh:
        assert fresh.links() == []
