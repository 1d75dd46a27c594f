"""Approving a campaign's brief: one transaction (the approval and the baseline it takes) and one
undo step. Undo deletes that approval with its baseline; redo puts the same one back, under its
id, with the baseline it took then (not a new one of the plan as it is by then).

Approved from the campaign dialog while it holds edits not saved yet, the edits are saved first
and the approval takes the plan as saved (the one its user sees): one transaction, and one undo
step that takes back both (the campaign's fields as the dialog opened them)."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.baselines import Approval
from mopsboard.domain.ids import CampaignId
from mopsboard.domain.models import Campaign
from mopsboard.domain.since_approval import SinceApproval
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Checked, Swap, Table, changed_fields

_BOOKKEEPING = {"id", "version", "updated_at"}


class ApprovalActions(EntityActions):
    def approvals(self, campaign_id: CampaignId) -> list[Approval]:
        return self.workspace.approvals(campaign_id)

    def since_approval(self, campaign_id: CampaignId) -> SinceApproval | None:
        """What changed since the latest approval; None when the campaign has none."""
        if self.workspace.latest_approval(campaign_id) is None:
            return None
        return self.workspace.since_approval(campaign_id)

    def approve(
        self, campaign_id: CampaignId, approved_by: Sequence[str], note: str = ""
    ) -> Approval | None:
        """Records the approval; on refusal emits `failed` with the reason and returns None."""
        ws = self.workspace
        approval = self._attempt(lambda: ws.approve(campaign_id, approved_by, note))
        if approval is None:
            return None
        self._push(
            f"Approve '{approval.baseline.name}'",
            lambda: ws.restore_approval(approval),
            lambda: ws.delete_approval(approval.key),
        )
        return approval

    def save_and_approve(
        self, original: Campaign, edited: Campaign, approved_by: Sequence[str], note: str = ""
    ) -> tuple[Campaign, Approval] | None:
        """Saves `edited` (read as `original`) and approves the campaign as saved (see the
        module's docstring); on refusal emits `failed` and returns None."""
        ws = self.workspace
        done = self._attempt(lambda: ws.save_and_approve(edited, approved_by, note))
        if done is None:
            return None
        saved, approval = done
        fields = changed_fields(original, saved, set(Campaign.model_fields) - _BOOKKEEPING)
        swap = Swap(Table.one(ws, "campaigns", ws.campaign, ws.update_campaign), fields)
        back, again = swap.to([original]), swap.to([saved])
        # The campaign's step goes first: its check refuses before anything is written.
        self._push(
            f"Approve '{approval.baseline.name}'",
            Checked(
                lambda: (again.run(), ws.restore_approval(approval)),
                lambda: (again.force(), ws.restore_approval(approval)),
            ),
            Checked(
                lambda: (back.run(), ws.delete_approval(approval.key)),
                lambda: (back.force(), ws.delete_approval(approval.key)),
            ),
        )
        return saved, approval
