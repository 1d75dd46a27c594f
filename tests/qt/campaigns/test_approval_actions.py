"""Approving a campaign: one undo step; undo takes that approval away, redo brings back the same
one (its baseline as it was taken), the file as the truth."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mopsboard.domain.models import Campaign, Task
from mopsboard.qt.board.task_actions import TaskActions
from mopsboard.qt.campaigns.approval_actions import ApprovalActions
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def stored(ws: Workspace, campaign_id: int) -> list[tuple[tuple[str, ...], float]]:
    with Workspace.open(Path(ws.path)) as fresh:
        return [(a.approved_by, a.baseline.total_hours) for a in fresh.approvals(campaign_id)]


def test_approve_is_one_undo_step(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    board = ws.boards()[0]
    campaign = ws.add_campaign(Campaign(name="Launch", launch_date=date(2026, 5, 4)))
    task = ws.add_task(
        Task(
            board_id=board.key,
            stage_id=ws.stages(board.key)[0].key,
            title="Copy",
            campaign_id=campaign.key,
            estimate_hours=5,
        )
    )
    approvals = ApprovalActions(actions)
    assert approvals.since_approval(campaign.key) is None
    first = approvals.approve(campaign.key, ["Product"], "")
    ws.update_task(ws.task(task.key).model_copy(update={"estimate_hours": 9}))
    second = approvals.approve(campaign.key, ["Product", "Legal/compliance"], "")
    assert first is not None and second is not None
    assert stored(ws, campaign.key) == [(("Product",), 5), (("Product", "Legal/compliance"), 9)]
    stack = actions.undo_stack
    assert stack.undoText() == "Approve 'Launch'"
    stack.undo()
    assert stored(ws, campaign.key) == [(("Product",), 5)]
    since = approvals.since_approval(campaign.key)
    assert since is not None and since.hours_delta == 4
    ws.update_task(ws.task(task.key).model_copy(update={"estimate_hours": 12}))
    stack.redo()
    # The baseline it took then, not the plan as it is at the redo.
    assert stored(ws, campaign.key) == [(("Product",), 5), (("Product", "Legal/compliance"), 9)]
    assert ws.approvals(campaign.key)[-1] == second


def test_a_refused_approval_leaves_no_step(actions: WorkspaceActions) -> None:
    ws = actions.workspace
    campaign = ws.add_campaign(Campaign(name="Launch"))
    approvals = ApprovalActions(actions)
    reasons: list[str] = []
    actions.failed.connect(reasons.append)
    count = actions.undo_stack.count()
    assert approvals.approve(campaign.key, [], "") is None
    assert actions.undo_stack.count() == count
    assert reasons and "at least one role" in reasons[0]


def test_edits_undone_and_redone_list_no_change_since_the_approval(
    actions: WorkspaceActions,
) -> None:
    """The trial's steps: approve, edit, re-approve, undo all, redo all: the plan is as the
    latest approval took it, so nothing is listed since (the log keeps every replay)."""
    ws = actions.workspace
    board = ws.boards()[0]
    campaign = ws.add_campaign(Campaign(name="Summit", launch_date=date(2026, 5, 4)))
    stage = ws.stages(board.key)[0].key
    booth, page = (
        ws.add_task(
            Task(
                board_id=board.key,
                stage_id=stage,
                title=title,
                campaign_id=campaign.key,
                estimate_hours=5,
            )
        )
        for title in ("Booth follow-up", "Page")
    )
    approvals, tasks = ApprovalActions(actions), TaskActions(actions)
    assert approvals.approve(campaign.key, ["Product"]) is not None
    edited = tasks.edit_task(page, page.model_copy(update={"estimate_hours": 8}))
    assert edited is not None
    tasks.archive_tasks([booth.key])
    assert CampaignActions(actions).shift_campaign(campaign.key, 3)
    assert approvals.approve(campaign.key, ["Product", "Requester"]) is not None
    stack = actions.undo_stack
    steps = stack.index()
    for _ in range(steps):
        stack.undo()
    for _ in range(steps):
        stack.redo()
    since = approvals.since_approval(campaign.key)
    assert since is not None and since.approval.approved_by == ("Product", "Requester")
    assert [c.text for c in since.changes] == []
    assert len(ws.campaign_log(campaign.key, since=since.approval.approved_at)) >= 3
    # Undo the last approval and the move: the move is still in effect against the first.
    stack.undo()
    stack.undo()
    stack.redo()
    since = approvals.since_approval(campaign.key)
    assert since is not None
    texts = [c.text for c in since.changes]
    assert texts[0].startswith("Task 'Page' edited: estimate")
    assert any(t.startswith("Made again: Campaign moved") for t in texts)
    assert any(t.startswith("Takes back the change of ") for t in texts)
