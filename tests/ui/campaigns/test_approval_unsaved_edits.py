"""Approving from the campaign dialog while it holds edits not saved yet: the approval takes
the plan the user sees, so the edits are saved with it, as one undo step; Cancel afterwards
keeps them, Save afterwards logs no change since; a form with a problem is not approved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.approval_dialog import ApproveDialog
from mopsboard.ui.campaigns.campaign_dialog import BRIEF_TAB, SINCE_TAB, CampaignDialog
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.campaigns.since_approval_panel import SinceApprovalPanel
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.campaigns.test_approval_ui import on_file, tick, when_modal


def _approve_with_product(qtbot: QtBot, failures: list[BaseException]) -> Callable[[QDialog], None]:
    def approve(dialog: QDialog) -> None:
        assert isinstance(dialog, ApproveDialog)
        assert "not saved yet" in dialog.unsaved.text()
        tick(qtbot, dialog.roles["Product"])
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        if dialog.isVisible():
            failures.append(AssertionError("Enter did not approve"))
            dialog.reject()

    return approve


def _edit_then_approve(
    qtbot: QtBot,
    window: MainWindow,
    campaign_id: int,
    close: Callable[[CampaignDialog], None],
    failures: list[BaseException],
) -> None:
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.select(campaign_id)

    def in_campaign_dialog(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        dialog.tabs.setCurrentIndex(BRIEF_TAB)
        qtbot.keyClicks(dialog.brief, "## Key messages")
        dialog.tabs.setCurrentIndex(0)
        dialog.country.setEditText("")
        qtbot.keyClicks(dialog.country.lineEdit(), "DE")
        dialog.tabs.setCurrentIndex(SINCE_TAB)
        panel = dialog.findChild(SinceApprovalPanel)
        assert panel is not None
        when_modal(qtbot, ApproveDialog, _approve_with_product(qtbot, failures), failures)
        panel.approve_button.setFocus()
        qtbot.keyClick(panel.approve_button, Qt.Key.Key_Space)
        assert panel.changes.topLevelItem(0).text(2) == "No change since approval"
        close(dialog)

    when_modal(qtbot, CampaignDialog, in_campaign_dialog, failures)
    page.buttons["since"].setFocus()
    qtbot.keyClick(page.buttons["since"], Qt.Key.Key_Space)
    if failures:
        raise failures[0]


def test_approving_saves_the_dialogs_edits_and_cancel_keeps_them(
    qtbot: QtBot, open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    campaign = planned_ws.campaign_named("Spring launch")
    failures: list[BaseException] = []
    _edit_then_approve(qtbot, window, campaign.key, lambda d: d.reject(), failures)
    with on_file(planned_ws) as fresh:
        saved = fresh.campaign(campaign.key)
        assert (saved.brief, saved.audience_country) == ("## Key messages", "DE")
        [approval] = fresh.approvals(campaign.key)
        assert approval.approved_by == ("Product",)
        assert fresh.since_approval(campaign.key).changes == ()
    # One step: undo takes back the approval and the edits it saved.
    stack = window.workspace_actions.undo_stack
    assert stack.undoText() == "Approve 'Spring launch'"
    window.undo_action.trigger()
    with on_file(planned_ws) as fresh:
        assert fresh.approvals(campaign.key) == []
        back = fresh.campaign(campaign.key)
        assert (back.brief, back.audience_country) == (campaign.brief, campaign.audience_country)
    window.redo_action.trigger()
    with on_file(planned_ws) as fresh:
        assert fresh.campaign(campaign.key).brief == "## Key messages"
        assert len(fresh.approvals(campaign.key)) == 1


def test_save_after_approving_logs_no_change_since(
    qtbot: QtBot, open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    campaign = planned_ws.campaign_named("Spring launch")
    failures: list[BaseException] = []

    def save(dialog: CampaignDialog) -> None:
        assert dialog.save_button.isEnabled()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    _edit_then_approve(qtbot, window, campaign.key, save, failures)
    with on_file(planned_ws) as fresh:
        assert fresh.campaign(campaign.key).brief == "## Key messages"
        assert fresh.since_approval(campaign.key).changes == ()


def test_a_form_with_a_problem_is_not_approved(
    qtbot: QtBot, open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    campaign = planned_ws.campaign_named("Spring launch")
    assert page.select(campaign.key)
    failures: list[BaseException] = []
    said: list[str] = []

    def no_approve_dialog() -> None:
        # Once: an Approve dialog that should not have opened is closed and reported.
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ApproveDialog):
            failures.append(AssertionError("the Approve dialog opened"))
            dialog.reject()

    def in_campaign_dialog(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        dialog.name.clear()
        dialog.tabs.setCurrentIndex(SINCE_TAB)
        panel = dialog.findChild(SinceApprovalPanel)
        assert panel is not None
        QTimer.singleShot(300, no_approve_dialog)
        panel.approve_button.setFocus()
        qtbot.keyClick(panel.approve_button, Qt.Key.Key_Space)
        said.append(dialog.form_error.text())
        dialog.reject()

    when_modal(qtbot, CampaignDialog, in_campaign_dialog, failures)
    page.buttons["since"].setFocus()
    qtbot.keyClick(page.buttons["since"], Qt.Key.Key_Space)
    qtbot.wait(350)
    if failures:
        raise failures[0]
    assert said and said[0].startswith("Not approved:") and "name" in said[0].lower()
    with on_file(planned_ws) as fresh:
        assert fresh.approvals(campaign.key) == []
