"""Approving a campaign's brief: one transaction (the approval and the baseline it takes) and one
undo step. Undo deletes that approval with its baseline; redo puts the same one back, under its
id, with the baseline it took then (not a new one of the plan as it is by then)."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.baselines import Approval
from mopsboard.domain.ids import CampaignId
from mopsboard.domain.since_approval import SinceApproval
from mopsboard.qt.common.actions import EntityActions


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
