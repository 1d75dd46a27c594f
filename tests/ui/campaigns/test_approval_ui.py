"""Approving a brief and reading what changed since, as a user does it: the campaign dialog's
brief (edit and preview) and audience country, the Approval… button, the Approve dialog (roles
ticked, a note, Enter), the "Since approval" tab, undo; what ends in the file and on screen."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QDialog, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Team, TeamKind
from mopsboard.qt.campaigns.approval_actions import ApprovalActions
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.approval_dialog import ApproveDialog
from mopsboard.ui.campaigns.campaign_dialog import PREVIEW_TAB, SINCE_TAB, CampaignDialog
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.campaigns.since_approval_panel import SinceApprovalPanel
from mopsboard.ui.shell.main_window import MainWindow

SHOTS = os.environ.get("MOPSBOARD_SHOTS")


def shot(widget: QWidget, name: str) -> None:
    # Screenshots to look at, when asked for (MOPSBOARD_SHOTS=folder).
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def when_modal(
    qtbot: QtBot,
    kind: type[QDialog],
    act: Callable[[QDialog], None],
    failures: list[BaseException],
) -> None:
    """Runs `act` on the next modal dialog of `kind` once it shows; a failure closes the
    dialog (so the test goes on to report it) and is kept in `failures`."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not (isinstance(dialog, kind) and dialog.isVisible()):
            QTimer.singleShot(10, look)
            return
        try:
            qtbot.waitExposed(dialog)
            act(dialog)
        except BaseException as failure:
            failures.append(failure)
            dialog.reject()

    QTimer.singleShot(0, look)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    # On its box: a check box takes clicks on its box and its words, not on the room after.
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_the_brief_is_edited_and_previewed_and_the_country_checked(
    qtbot: QtBot, actions: WorkspaceActions
) -> None:
    original = actions.workspace.campaign_named("Spring launch")
    dialog = CampaignDialog(original)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.keyClicks(dialog.brief, "## Key messages")
    qtbot.keyClick(dialog.brief, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.brief, "- **Faster** onboarding")
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(PREVIEW_TAB).center())
    assert dialog.tabs.currentIndex() == PREVIEW_TAB
    assert "Key messages" in dialog.preview.toPlainText()
    assert "**" not in dialog.preview.toPlainText()
    dialog.tabs.setCurrentIndex(0)
    dialog.country.setEditText("")
    qtbot.keyClicks(dialog.country.lineEdit(), "Germany!")
    assert not dialog.save_button.isEnabled()
    assert "country code" in dialog.errors["audience_country"].text()
    dialog.country.setEditText("")
    qtbot.keyClicks(dialog.country.lineEdit(), "de")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    result = dialog.result_campaign
    assert result is not None
    assert CampaignActions(actions).edit_campaign(original, result) is not None
    with on_file(actions.workspace) as fresh:
        saved = fresh.campaign(original.key)
    assert saved.audience_country == "DE"
    assert saved.brief == "## Key messages\n- **Faster** onboarding"
    # The campaign's log names the fields, keeps the country's values and no copy of the brief.
    with on_file(actions.workspace) as fresh:
        entry = fresh.campaign_log(original.key)[-1]
    assert entry.fields == ("audience_country", "brief")
    assert entry.values == {"audience_country": ("", "DE")}


def test_the_approve_dialog_needs_a_role_and_enter_approves(qtbot: QtBot) -> None:
    dialog = ApproveDialog("Spring launch", approved_before=1)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.approve_button.isEnabled()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.isVisible()  # no role: Enter approves nothing
    tick(qtbot, dialog.roles["Legal/compliance"])
    qtbot.keyClicks(dialog.other, "IT, Regional lead, it")
    qtbot.keyClicks(dialog.note, "with the smaller budget")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.approved_by() == ("Legal/compliance", "IT", "Regional lead", "it")


def test_approve_from_the_campaigns_view_then_undo(
    qtbot: QtBot, open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    campaign = planned_ws.campaign_named("Spring launch")
    assert page.select(campaign.key)
    seen: dict[str, str] = {}
    failures: list[BaseException] = []

    def approve(dialog: QDialog) -> None:
        assert isinstance(dialog, ApproveDialog)
        tick(qtbot, dialog.roles["Product"])
        qtbot.keyClicks(dialog.note, "go")
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)
        if dialog.isVisible():
            failures.append(AssertionError(f"Enter did not approve: {dialog.approved_by()}"))
            dialog.reject()

    def in_campaign_dialog(dialog: QDialog) -> None:
        assert isinstance(dialog, CampaignDialog)
        assert dialog.tabs.currentIndex() == SINCE_TAB
        panel = dialog.findChild(SinceApprovalPanel)
        assert panel is not None
        seen["before"] = panel.status.text()
        assert not panel.export_button.isEnabled()
        when_modal(qtbot, ApproveDialog, approve, failures)
        panel.approve_button.setFocus()
        qtbot.keyClick(panel.approve_button, Qt.Key.Key_Space)
        seen["after"] = panel.status.text()
        seen["hours"] = panel.figures["Hours"].text()
        seen["history"] = panel.history.topLevelItem(0).text(1)
        assert panel.export_button.isEnabled()
        shot(dialog, "since-approval-tab")
        # Undone and redone while the tab shows: it follows.
        stack = window.workspace_actions.undo_stack
        stack.undo()
        seen["undone"] = panel.status.text()
        stack.redo()
        dialog.reject()

    when_modal(qtbot, CampaignDialog, in_campaign_dialog, failures)
    # From the keyboard, as the buttons in the dialog: a dialog opened from inside a test's
    # mouse click (whose release is still being handled) gets no mouse clicks from QTest.
    page.buttons["since"].setFocus()
    qtbot.keyClick(page.buttons["since"], Qt.Key.Key_Space)
    if failures:
        raise failures[0]
    assert seen["before"].startswith("Not approved yet")
    assert seen["after"].startswith("Approved ")
    assert "Product" in seen["after"] and "\u201cgo\u201d" in seen["after"]
    assert seen["hours"].endswith("(+0 h)")
    assert seen["history"] == "Product"
    assert seen["undone"].startswith("Not approved yet")
    with on_file(planned_ws) as fresh:
        assert [(a.approved_by, a.note) for a in fresh.approvals(campaign.key)] == [
            (("Product",), "go")
        ]
    assert "Approved 'Spring launch' by Product" in window.statusBar().currentMessage()
    assert window.workspace_actions.undo_stack.undoText() == "Approve 'Spring launch'"
    window.undo_action.trigger()
    with on_file(planned_ws) as fresh:
        assert fresh.approvals(campaign.key) == []


def test_the_panel_shows_what_changed_since(qtbot: QtBot, actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaign = ws.campaign_named("Spring launch")
    approvals = ApprovalActions(actions)
    assert approvals.approve(campaign.key, ["Product", "Requester"], "first") is not None
    agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY))
    task = next(t for t in ws.campaign_tasks(campaign.key) if t.estimate_hours)
    hours = task.estimate_hours or 0
    ws.set_user_name("Mo")
    ws.update_task(task.model_copy(update={"assignee_id": None, "team_id": agency.key}))
    panel = SinceApprovalPanel(
        lambda: (approvals.since_approval(campaign.key), approvals.approvals(campaign.key)),
        lambda _over: None,
        lambda _over: None,
    )
    qtbot.addWidget(panel)
    panel.resize(700, 460)
    panel.show()
    teams = {
        panel.teams.topLevelItem(n).text(0): panel.teams.topLevelItem(n).text(3)
        for n in range(panel.teams.topLevelItemCount())
    }
    assert teams["Agency"] == f"+{hours:g} h"
    assert teams["Content"] == f"\u2212{hours:g} h"
    change = panel.changes.topLevelItem(0)
    assert (change.text(1), change.text(2)) == ("Mo", f"Task '{task.title}' edited: assignee, team")
    assert panel.history.topLevelItem(0).text(1) == "Product, Requester"
    assert panel.figures["Scope"].text() == "0 added, 0 removed"
    shot(panel, "since-approval-panel")
