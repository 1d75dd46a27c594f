"""Editing campaigns from the campaigns table or the timeline: the dialogs and the questions
around each campaign action (qt/campaigns/campaign_actions.py), in one place so both views
behave the same. The shell hands it to pages as their `CampaignEditor`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QInputDialog, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import CampaignId
from mopsboard.domain.models import Campaign
from mopsboard.io.ical import export_ics
from mopsboard.qt.campaigns.approval_actions import ApprovalActions
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.campaigns.approval_dialog import ApproveDialog
from mopsboard.ui.campaigns.campaign_dialog import SINCE_TAB, CampaignDialog
from mopsboard.ui.campaigns.change_report import write_change_report
from mopsboard.ui.campaigns.since_approval_panel import SinceApprovalPanel
from mopsboard.ui.campaigns.template_dialog import TemplateDialog
from mopsboard.ui.common.conflict_dialog import save_or_ask
from mopsboard.ui.common.file_dialogs import ask_save_path, documents_folder
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.common.saved_notice import tell_saved


class CampaignEditing:
    def __init__(self, actions: WorkspaceActions, link: PageContext, parent: QWidget) -> None:
        self.campaigns = CampaignActions(actions)
        self.approvals = ApprovalActions(actions)
        self.workspace = actions.workspace
        self.link = link
        self.parent = parent

    @property
    def read_only(self) -> bool:
        return self.workspace.read_only

    def new_campaign(self) -> Campaign | None:
        dialog = CampaignDialog(Campaign.model_construct(name="", objective=""), self.parent)
        dialog.name.setText("")
        if dialog.exec() and dialog.result_campaign is not None:
            return self.campaigns.add_campaign(dialog.result_campaign)
        return None

    def edit(self, campaign_id: CampaignId, *, since_approval: bool = False) -> Campaign | None:
        """The campaign dialog (on its "Since approval" tab when asked); saves what it edits."""
        try:
            original = self.workspace.campaign(campaign_id)
        except MopsboardError as error:
            self.link.notify(str(error))
            return None
        opened: list[CampaignDialog] = []
        panel = self.since_panel(campaign_id, lambda: opened[0] if opened else None)
        dialog = CampaignDialog(original, self.parent, panel)
        opened.append(dialog)
        dialog.save_button.setEnabled(dialog.save_button.isEnabled() and not self.read_only)
        if since_approval:
            dialog.tabs.setCurrentIndex(SINCE_TAB)
        if not dialog.exec() or dialog.result_campaign is None:
            return None
        edited = dialog.result_campaign
        # As last saved: an approval from the dialog may have saved its edits meanwhile.
        saved = dialog.original
        if not dialog.has_edits(edited):
            return saved
        return save_or_ask(
            self.parent,
            "campaign",
            edited.name,
            lambda c: self.campaigns.edit_campaign(saved, c, conflicts_to_caller=True),
            edited,
            lambda: self.workspace.campaign(campaign_id),
        )

    # -- approval and what changed since ---------------------------------------------------------

    def since_panel(
        self,
        campaign_id: CampaignId,
        form: Callable[[], CampaignDialog | None] = lambda: None,
    ) -> SinceApprovalPanel:
        """The campaign's "Since approval" panel; it reads again after every step of the undo
        history (an approval undone, an edit made or taken back). In the campaign dialog
        (`form`), Approve… takes the plan as the dialog shows it."""
        panel = SinceApprovalPanel(
            lambda: (
                self.approvals.since_approval(campaign_id),
                self.approvals.approvals(campaign_id),
            ),
            lambda over: self.approve(campaign_id, over, form()),
            lambda over: self.export_change_report(campaign_id, over),
            read_only=self.read_only,
        )
        self.approvals.history.saved.connect(panel.refresh)
        return panel

    def approve(
        self,
        campaign_id: CampaignId,
        over: QWidget | None = None,
        form: CampaignDialog | None = None,
    ) -> bool:
        """Asks who approved the brief (in a dialog over `over`, else over the page), then
        records the approval (one undo step). From the campaign dialog (`form`), its edits not
        saved yet are saved with the approval, in that step; a form with a problem is not
        approved (it says so)."""
        try:
            campaign = self.workspace.campaign(campaign_id)
        except MopsboardError as error:
            self.link.notify(str(error))
            return False
        edited = form.form_campaign() if form is not None else campaign
        if form is not None and edited is None:
            form.refuse_approval()
            return False
        unsaved = form is not None and edited is not None and form.has_edits(edited)
        earlier = len(self.approvals.approvals(campaign_id))
        name = edited.name if edited is not None else campaign.name
        dialog = ApproveDialog(name, earlier, over or self.parent, saves_edits=unsaved)
        if not dialog.exec():
            return False
        by, note = dialog.approved_by(), dialog.note.text()
        if form is not None and edited is not None and unsaved:
            done = self.approvals.save_and_approve(form.original, edited, by, note)
            if done is None:
                return False
            saved, approval = done
            form.saved_as(saved)
        else:
            found = self.approvals.approve(campaign_id, by, note)
            if found is None:
                return False
            approval = found
        saved_too = " with the edits made in the dialog" if unsaved else ""
        self.link.notify(
            f"Approved '{approval.baseline.name}'{saved_too} by {', '.join(approval.approved_by)}"
            f": baseline of {len(approval.baseline.tasks)} tasks taken. Edit \u25b8 Undo takes "
            "it back."
        )
        return True

    def export_change_report(self, campaign_id: CampaignId, over: QWidget | None = None) -> None:
        title = "Export change report"
        try:
            since = self.approvals.since_approval(campaign_id)
        except MopsboardError as error:
            self.link.notify(str(error))
            return
        if since is None:
            self.link.notify("The campaign has not been approved yet: there is nothing to compare.")
            return
        name = since.approval.baseline.name
        default = documents_folder() / f"{name} changes since approval.pdf"
        parent = over or self.parent
        path = ask_save_path(parent, title, default, "PDF (*.pdf)", ".pdf")
        if path is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        history = self.approvals.approvals(campaign_id)
        if not write_change_report(since, history, path, date.today()):
            self.link.notify(f"{path}: could not write the report there; choose another folder.")
            return
        tell_saved(
            parent,
            title,
            f"the change report of '{name}'",
            path,
            self.link.notify,
            hint="One page for the stakeholders who approved the brief.",
        )

    def set_archived(self, campaign_id: CampaignId, archived: bool) -> bool:
        return self.campaigns.set_archived(campaign_id, archived)

    def from_template(self) -> Campaign | None:
        dialog = TemplateDialog(self.campaigns, self.link.current_board(), self.parent)
        if dialog.exec() and dialog.prepared is not None:
            created = self.campaigns.new_from_template(dialog.prepared)
            if created is not None:
                self.link.notify(
                    f"Created '{created.name}' with {len(dialog.prepared.tasks)} tasks. "
                    "Edit \u25b8 Undo takes it back."
                )
            return created
        return None

    def save_as_template(self, campaign_id: CampaignId) -> None:
        try:
            campaign = self.workspace.campaign(campaign_id)
        except MopsboardError as error:
            self.link.notify(str(error))
            return
        name, ok = QInputDialog.getText(
            self.parent,
            "Save as template",
            "Name of the template (task dates are kept relative to the launch date):",
            text=f"{campaign.name} template",
        )
        if ok and name.strip():
            saved = self.campaigns.save_as_template(campaign_id, name.strip())
            if saved is not None:
                self.link.notify(
                    f"Saved the template '{saved.name}' with {len(saved.tasks)} tasks."
                )

    def export_calendar(self) -> None:
        title = "Export campaign calendar"
        default = documents_folder() / f"{self.workspace.path.stem} campaigns.ics"
        path = ask_save_path(self.parent, title, default, "iCalendar (*.ics)", ".ics")
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            summary = export_ics(self.workspace, path)
        except MopsboardError as error:
            self.link.notify(str(error))
            return
        tell_saved(
            self.parent,
            title,
            f"the campaign calendar ({summary.events} events)",
            path,
            self.link.notify,
            hint="Open it in Outlook or Google Calendar.",
        )

    def show_on_board(self, campaign_id: CampaignId) -> None:
        self.link.show_on_board("campaign", campaign_id)
