"""The campaign dialog's audience country, as the trial typed it: a country's name (any case) or
its code is taken, as the list shows "DE — Germany"; what is not a country is named below the
field, on the field's whole width and not cut."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.campaigns.campaign_dialog import CampaignDialog
from tests.ui.campaigns.test_approval_ui import on_file


@pytest.mark.parametrize("typed", ["Germany", "germany", " GERMANY ", "de"])
def test_a_typed_country_name_or_code_is_taken(
    qtbot: QtBot, actions: WorkspaceActions, typed: str
) -> None:
    original = actions.workspace.campaign_named("Spring launch")
    dialog = CampaignDialog(original)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.country.setEditText("")
    qtbot.keyClicks(dialog.country.lineEdit(), typed)
    assert not dialog.errors["audience_country"].isVisible()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_campaign is not None
    assert CampaignActions(actions).edit_campaign(original, dialog.result_campaign) is not None
    with on_file(actions.workspace) as fresh:
        assert fresh.campaign(original.key).audience_country == "DE"


def test_a_country_refused_is_said_below_the_field_uncut(
    qtbot: QtBot, actions: WorkspaceActions
) -> None:
    dialog = CampaignDialog(actions.workspace.campaign_named("Spring launch"))
    qtbot.addWidget(dialog)
    dialog.resize(580, 600)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.country.setEditText("")
    qtbot.keyClicks(dialog.country.lineEdit(), "Atlantis")
    error = dialog.errors["audience_country"]
    qtbot.waitUntil(error.isVisible)
    assert "Atlantis" in error.text()
    combo = dialog.country
    below = error.mapTo(dialog, error.rect().topLeft()).y()
    assert below >= combo.mapTo(dialog, combo.rect().bottomLeft()).y()
    # As wide as the other fields, and as tall as its words need.
    assert combo.width() == dialog.owner.width()
    assert error.height() >= error.heightForWidth(error.width())
