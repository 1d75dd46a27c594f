"""The campaign and template dialogs: problems in words, the template preview, what their OK
writes (through the undoable actions), a colour the file holds in a form it cannot read."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.builtin_templates import PRODUCT_LAUNCH, WEBINAR
from mopsboard.domain.models import Campaign
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaign_dialog import CampaignDialog
from mopsboard.ui.campaigns.template_dialog import TemplateDialog


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_campaign_dialog_says_what_is_wrong_in_words(qtbot: QtBot) -> None:
    dialog = CampaignDialog(Campaign(name="Spring", launch_date=date(2026, 5, 4)))
    qtbot.addWidget(dialog)
    assert dialog.save_button.isEnabled()
    dialog.name.setText("   ")
    assert not dialog.save_button.isEnabled()
    assert dialog.errors["name"].text() == "Name cannot be empty"
    dialog.name.setText("Spring")
    dialog.end.set_value(date(2026, 5, 1))
    assert "before the launch" in dialog.errors["end_date"].text()
    assert not dialog.save_button.isEnabled()
    dialog.end.set_value(date(2026, 6, 1))
    dialog.budget.setText("lots")
    assert dialog.errors["budget"].text() == "Budget must be an amount, like 12000 or 2500.50"
    dialog.budget.setText("-5")
    assert "Budget" in dialog.errors["budget"].text()
    dialog.budget.setText("$12,500")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    result = dialog.result_campaign
    assert result is not None and result.budget == 12500 and result.end_date == date(2026, 6, 1)


def test_template_dialog_previews_then_creates_in_one_step(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    campaigns = CampaignActions(actions)
    today = date(2026, 3, 2)
    dialog = TemplateDialog(campaigns, board_ws.boards()[0].id, today=today)
    qtbot.addWidget(dialog)
    assert dialog.select_template("Product launch")
    assert not dialog.create_button.isEnabled()  # no name yet
    assert dialog.preview.rowCount() == len(PRODUCT_LAUNCH.tasks)
    dialog.name.setText("Atlas 4")
    dialog.launch.setDate(qdate(today + timedelta(days=10)))
    assert dialog.create_button.isEnabled()
    assert dialog.warning.isVisibleTo(dialog)
    assert "would start in the past" in dialog.warning.text()
    assert "team 'Product marketing'" in dialog.warning.text()
    dialog.launch.setDate(qdate(date(2026, 9, 16)))
    assert "in the past" not in dialog.warning.text()
    titles = [dialog.preview.item(r, 0).text() for r in range(dialog.preview.rowCount())]
    assert "Legal and compliance review (CAN-SPAM, GDPR, CCPA)" in titles
    legal_row = titles.index("Legal and compliance review (CAN-SPAM, GDPR, CCPA)")
    assert dialog.preview.item(legal_row, 6).text() == "Thu 10 Sep 2026"
    assert len(board_ws.campaigns()) == 2  # nothing written yet
    dialog.create_button.click()
    assert dialog.prepared is not None
    created = campaigns.new_from_template(dialog.prepared)
    assert created is not None
    with Workspace.open(Path(board_ws.path)) as fresh:
        assert len(fresh.campaign_tasks(created.key)) == len(PRODUCT_LAUNCH.tasks)
    assert actions.undo_stack.count() == 1


def test_template_dialog_duplicates_and_deletes(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = TemplateDialog(CampaignActions(actions), None)
    qtbot.addWidget(dialog)
    dialog.select_template("Webinar")
    assert not dialog.delete_button.isEnabled()  # built-in: read-only
    monkeypatch.setattr(
        "mopsboard.ui.campaigns.template_dialog.QInputDialog.getText",
        lambda *args, **kwargs: ("Webinar (partners)", True),
    )
    dialog.duplicate()
    template = dialog.template()
    assert template is not None and template.name == "Webinar (partners)"
    assert template.tasks == WEBINAR.tasks and dialog.delete_button.isEnabled()
    monkeypatch.setattr(
        "mopsboard.ui.campaigns.template_dialog.QMessageBox.question",
        lambda *args, **kwargs: QMessageBox.StandardButton.Yes,
    )
    dialog.delete()
    assert board_ws.templates(include_builtin=False) == []
    assert actions.undo_stack.count() == 2


def test_the_campaign_editor_holds_a_colour_it_cannot_read(
    qtbot: QtBot, board_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = board_ws.path
    campaign = board_ws.campaign_named("Spring launch")
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE campaigns SET colour = 'red' WHERE id = ?", [campaign.id])
        conn.commit()
    finally:
        conn.close()
    dialog = CampaignDialog(board_ws.campaign(campaign.key))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "the file holds 'red'" not in dialog.errors["colour"].text()  # the reason quotes it
    assert "not 'red'" in dialog.errors["colour"].text()
    assert not dialog.save_button.isEnabled()
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ff0000"))
    qtbot.mouseClick(dialog.colour, Qt.MouseButton.LeftButton)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_campaign is not None
    board_ws.update_campaign(dialog.result_campaign)
    assert board_ws.campaign(campaign.key).colour == "#ff0000"


def test_a_date_typed_wrong_is_named_and_never_saved_as_another(qtbot: QtBot) -> None:
    dialog = CampaignDialog(Campaign(name="Spring", launch_date=date(2026, 5, 4)))
    qtbot.addWidget(dialog)
    line = dialog.launch.picker.line
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, "2026-13-45")
    assert line.text() == "2026-13-45"  # as typed
    assert "Launch date is not a whole date" in dialog.errors["launch_date"].text()
    assert not dialog.save_button.isEnabled()
    line.selectAll()
    qtbot.keyClicks(line, "2026-05-11")
    assert dialog.errors["launch_date"].text() == ""
    dialog.save_button.click()
    assert dialog.result_campaign is not None
    assert dialog.result_campaign.launch_date == date(2026, 5, 11)
