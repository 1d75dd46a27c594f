"""The `import-calendar` and `warnings` commands: dated events from .ics files (product launches,
for one), and what a plan should be warned of.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from mopsboard.cli.args import Parser
from mopsboard.io.text_table import printable

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]
# As domain/calendar_events.CalendarEventKind's values, which a usage error should not import.
KINDS = ("product_launch", "other")


def add_calendar_commands(command: AddCommand) -> None:
    """Registers `import-calendar` and `warnings` (their names are in cli.COMMANDS)."""
    importing = command(
        "import-calendar",
        _import_calendar,
        "Import the events of an .ics file (Outlook, Google or Apple Calendar): product "
        "launches, which a campaign launching in the same week is warned of, or other events "
        "shown beside the plan. Importing the same file again updates its events.",
    )
    importing.add_argument("ics", type=Path, metavar="ICS", help="the .ics file to import")
    importing.add_argument(
        "--kind",
        choices=KINDS,
        default="product_launch",
        help="what its events are (default: product_launch; other: trade shows, conferences)",
    )
    warnings = command(
        "warnings",
        _warnings,
        "List what the plan's launches should be warned of: two campaigns aimed at the same "
        "audience or persona launching in the same week, a launch on a public holiday of its "
        "audience's country, a launch in the week of an imported product launch.",
    )
    warnings.add_argument("--json", action="store_true", help="print a JSON array")


def _import_calendar(args: argparse.Namespace) -> int:
    from mopsboard.domain.calendar_events import CalendarEventKind
    from mopsboard.io.ical_import import read_ics, repeats_words
    from mopsboard.store.workspace import Workspace

    read = read_ics(args.ics, CalendarEventKind(args.kind))
    with Workspace.open_for_writing(args.file) as ws:
        done = ws.import_calendar_events(read.events)
    what = CalendarEventKind(args.kind).plural
    print(
        printable(
            f"Imported '{read.name}' from {args.ics.name} as {what}: {len(done.added)} added, "
            f"{len(done.updated)} updated, {done.unchanged} unchanged."
        )
    )
    repeats = repeats_words(read)
    if repeats:
        print(printable(f"{repeats}."))
    for skipped in read.skipped:
        print(printable(f"Skipped {skipped}."))
    return 0


def _warnings(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    with Workspace.open(args.file, read_only=True) as ws:
        found = ws.campaign_warnings()
        names = {c.key: c.name for c in ws.campaigns(include_archived=True)}
    if args.json:
        rows = [
            {
                "kind": w.kind.value,
                "campaign_ids": list(w.campaign_ids),
                "campaigns": [names.get(i, "") for i in w.campaign_ids],
                "week": f"{w.week[0]}-W{w.week[1]:02d}",
                "day": w.day.isoformat(),
                "text": w.text,
            }
            for w in found
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not found:
        print(
            "No warnings: no launch meets another aimed at the same people, a holiday of its "
            "audience's country or a product launch."
        )
        return 0
    for warning in found:
        print(printable(f"{warning.week[0]}-W{warning.week[1]:02d}  {warning.text}"))
    return 0
