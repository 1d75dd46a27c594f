"""The campaign commands: `campaigns`, `new-campaign` and `export-ics`.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mopsboard.cli.args import Parser, iso_day
from mopsboard.io.text_table import Column, render_table

if TYPE_CHECKING:
    from mopsboard.store.workspace import Workspace

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]


def add_campaign_commands(command: AddCommand) -> None:
    listing = command("campaigns", _campaigns, "List campaigns with their figures.")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--all", action="store_true", help="include archived campaigns")

    new = command(
        "new-campaign",
        _new_campaign,
        "Create a campaign from a template, its tasks scheduled backwards from the launch "
        "date over working days; prints its id.",
    )
    new.add_argument(
        "--template", required=True, metavar="NAME", help="e.g. 'Product launch' or webinar"
    )
    new.add_argument("--name", required=True, metavar="N", help="the campaign's name")
    new.add_argument("--launch", required=True, type=iso_day, metavar="YYYY-MM-DD")
    new.add_argument("--board", metavar="B", help="board name (default: the first board)")

    export = command(
        "export-ics", _export_ics, "Write the campaign calendar as an iCalendar (.ics) file."
    )
    export.add_argument("out", metavar="OUT.ics", type=Path, help="the file to write")


def campaign_rows(workspace: Workspace, today: date, *, archived: bool) -> list[dict[str, Any]]:
    from mopsboard.domain.campaign_work import CampaignCost
    from mopsboard.domain.launch_risk import launch_risk

    figures = workspace.campaign_figures(today)
    costs = workspace.campaign_costs()
    chains = workspace.launch_chains()
    rows = []
    for campaign in workspace.campaigns(include_archived=archived):
        numbers = figures.get(campaign.key)
        progress = numbers.progress if numbers else None
        cost = costs.get(campaign.key, CampaignCost())
        linked, edges = chains.get(campaign.key, ([], []))
        risk = launch_risk(campaign.launch_date, linked, edges, today)

        def day(value: date | None) -> str | None:
            return value.isoformat() if value else None

        rows.append(
            {
                "id": campaign.id,
                "name": campaign.name,
                "status": campaign.status.value,
                "owner": campaign.owner,
                "channel": campaign.channel,
                "audience": campaign.audience,
                "start_date": day(campaign.start_date),
                "launch_date": day(campaign.launch_date),
                "end_date": day(campaign.end_date),
                "budget": campaign.budget,
                "tasks": numbers.tasks if numbers else 0,
                "open_tasks": numbers.open if numbers else 0,
                "overdue_tasks": numbers.overdue if numbers else 0,
                "hours_done": numbers.hours_done if numbers else 0.0,
                "hours_total": numbers.hours_total if numbers else 0.0,
                "progress": None if progress is None else round(progress, 4),
                "hours_logged": cost.logged_hours,
                "planned_cost": cost.planned_cost,
                "actual_cost": cost.actual_cost,
                "unpriced_planned_hours": cost.unpriced_planned_hours,
                "unpriced_logged_hours": cost.unpriced_logged_hours,
                "over_budget": cost.over_budget(campaign.budget),
                "launch_at_risk": risk is not None,
                "risk_reason": risk.reason if risk else None,
                "archived": campaign.archived,
            }
        )
    return rows


def _table(rows: list[dict[str, Any]]) -> str:
    columns: list[Column[dict[str, Any]]] = [
        ("ID", 4, lambda r: r["id"]),
        ("NAME", 34, lambda r: r["name"]),
        ("STATUS", 9, lambda r: r["status"]),
        ("OWNER", 16, lambda r: r["owner"]),
        ("LAUNCH", 10, lambda r: r["launch_date"]),
        ("END", 10, lambda r: r["end_date"]),
        ("TASKS", 5, lambda r: r["tasks"]),
        ("OPEN", 5, lambda r: r["open_tasks"]),
        ("LATE", 5, lambda r: r["overdue_tasks"]),
        ("DONE", 5, lambda r: "" if r["progress"] is None else f"{r['progress']:.0%}"),
        ("LOGGED", 6, lambda r: f"{r['hours_logged']:g}" if r["hours_logged"] else ""),
        ("COST", 10, _planned_cost),
    ]
    return render_table(columns, rows, "campaign")


def _planned_cost(row: dict[str, Any]) -> str:
    if not row["planned_cost"]:
        return ""
    # Marked so a reader of a wide table sees it without the budget column.
    return f"{row['planned_cost']:,.0f}" + (" !" if row["over_budget"] else "")


def over_budget_note(row: dict[str, Any]) -> str:
    return (
        f"note: campaign {row['id']} '{row['name']}' is planned at {row['planned_cost']:,.2f}, "
        f"over its budget of {row['budget']:,.2f}."
    )


def launch_risk_note(row: dict[str, Any]) -> str:
    return f"note: campaign {row['id']} '{row['name']}' launch at risk: {row['risk_reason']}"


def _campaigns(args: argparse.Namespace) -> int:
    import sys

    from mopsboard.io.text_table import printable
    from mopsboard.store.workspace import Workspace

    with Workspace.open(args.file, read_only=True) as workspace:
        rows = campaign_rows(workspace, date.today(), archived=args.all)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(_table(rows))
        for row in rows:
            if row["over_budget"]:
                print(printable(over_budget_note(row)), file=sys.stderr)
            if row["launch_at_risk"]:
                print(printable(launch_risk_note(row)), file=sys.stderr)
    return 0


def _new_campaign(args: argparse.Namespace) -> int:
    import sys

    from mopsboard.domain.templates import plan_links
    from mopsboard.io.campaign_plans import prepare, template_named
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        board = ws.board_or_first(args.board)
        template = template_named(ws, args.template)
        prepared = prepare(ws, template, args.name, args.launch, board.key)
        campaign, tasks = ws.add_campaign_with_tasks(
            prepared.campaign, prepared.tasks, plan_links(prepared.plan)
        )
    if prepared.in_past:
        print(
            f"note: {prepared.in_past} of the {len(tasks)} tasks start before today.",
            file=sys.stderr,
        )
    if prepared.missing:
        print(
            f"note: this workspace has no {', '.join(prepared.missing)}; those fields were left "
            "empty.",
            file=sys.stderr,
        )
    print(campaign.id)
    return 0


def _export_ics(args: argparse.Namespace) -> int:
    from mopsboard.io.ical import export_ics
    from mopsboard.store.workspace import Workspace

    with Workspace.open(args.file) as workspace:
        summary = export_ics(workspace, args.out)
    print(
        f"Wrote {summary.events} events to {args.out}: {summary.campaigns} campaigns, "
        f"{summary.launches} launches, {summary.due_dates} due dates."
    )
    return 0
