"""The `approve` and `since-approval` commands: a campaign's brief approved, and what changed since.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from mopsboard.cli.args import Parser
from mopsboard.io.text_table import printable

if TYPE_CHECKING:
    from mopsboard.domain.models import Campaign
    from mopsboard.domain.since_approval import SinceApproval
    from mopsboard.store.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]


def add_approval_commands(command: AddCommand) -> None:
    """Registers `approve` and `since-approval` (their names are in cli.COMMANDS)."""
    approve = command(
        "approve",
        _approve,
        "Record that ROLE (one or more: --by Product --by Legal) approved the campaign's brief, "
        "and take its baseline: the launch, the tasks with their estimates, dates, owners and "
        "teams, the hours per team and week, the planned cost. Approving again keeps the old "
        "baselines.",
    )
    approve.add_argument("--campaign", required=True, metavar="C", help="campaign name or id")
    approve.add_argument(
        "--by",
        action="append",
        required=True,
        metavar="ROLE",
        help="who approved it, such as Product, Legal/compliance or Requester (repeatable)",
    )
    approve.add_argument("--note", default="", metavar="N", help="a note kept with the approval")
    since = command(
        "since-approval",
        _since_approval,
        "What changed since the campaign's latest approval: the launch moved by N working "
        "days, tasks added and removed with their hours, hours per team, cost, and each change "
        "with when and by whom.",
    )
    since.add_argument("--campaign", required=True, metavar="C", help="campaign name or id")
    since.add_argument("--json", action="store_true", help="print the figures as JSON")


def _campaign(ws: Workspace, name_or_id: str) -> Campaign:
    from mopsboard.domain.errors import NotFoundError
    from mopsboard.domain.ids import CampaignId

    try:
        return ws.campaign_named(name_or_id)
    except NotFoundError:
        if name_or_id.strip().isdigit():
            return ws.campaign(CampaignId(int(name_or_id)))
        raise


def _approve(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        campaign = _campaign(ws, args.campaign)
        approval = ws.approve(campaign.key, args.by, args.note)
    baseline = approval.baseline
    launch = baseline.launch_date.isoformat() if baseline.launch_date else "no launch date"
    note = f" Note: {approval.note}" if approval.note else ""
    print(
        printable(
            f"Approved '{campaign.name}' (approval {approval.id}) by "
            f"{', '.join(approval.approved_by)} at {approval.approved_at:%Y-%m-%d %H:%M} UTC: "
            f"baseline of {len(baseline.tasks)} tasks, {baseline.total_hours:g} h, planned cost "
            f"{baseline.planned_cost:,.2f}, launch {launch}.{note}"
        )
    )
    return 0


def _since_approval(args: argparse.Namespace) -> int:
    import json

    from mopsboard.store.workspace import Workspace

    with Workspace.open(args.file, read_only=True) as ws:
        campaign = _campaign(ws, args.campaign)
        since = ws.since_approval(campaign.key)
    if args.json:
        print(json.dumps(since.as_json(), indent=2, ensure_ascii=False))
        return 0
    for line in since_lines(since):
        print(printable(line))
    return 0


def since_lines(since: SinceApproval) -> list[str]:
    approval = since.approval
    lines = [
        f"Since approval of '{approval.baseline.name}' by {', '.join(approval.approved_by)} "
        f"on {approval.approved_at:%Y-%m-%d %H:%M} UTC:"
    ]
    if since.launch_shift_days is None:
        lines.append("  Launch: no launch date to compare.")
    else:
        lines.append(
            f"  Launch: {since.launch_before} -> {since.launch_now} "
            f"({since.launch_shift_days:+d} working days)"
        )
    for title, tasks in (("Added", since.tasks_added), ("Removed", since.tasks_removed)):
        listed = ", ".join(f"{t.title} ({t.hours:g} h)" for t in tasks) or "none"
        lines.append(f"  {title}: {listed}")
    lines.append(f"  Hours: {since.hours_before:g} -> {since.hours_now:g} ({since.hours_delta:+g})")
    for team in since.teams:
        if team.delta:
            lines.append(f"    {team.team}: {team.before:g} -> {team.now:g} ({team.delta:+g})")
    lines.append(
        f"  Cost: {since.cost_before:,.2f} -> {since.cost_now:,.2f} ({since.cost_delta:+,.2f})"
    )
    lines.append(f"  Changes: {len(since.changes)}")
    for change in since.changes:
        who = f" ({change.author})" if change.author else ""
        lines.append(f"    {change.at:%Y-%m-%d %H:%M}{who}: {change.text}")
    return lines
