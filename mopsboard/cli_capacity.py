"""`mopsboard capacity FILE`: the capacity map, headless, as a table or as JSON.

Imports nothing heavy at module level: the store and the capacity rules load only when the
command runs, so the other commands (and `--help`) start as fast as before.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date

from mopsboard.domain.calendar import MAX_WEEKS

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]
DEFAULT_WEEKS = 8


def _weeks(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(
            f"not a number of weeks between 1 and {MAX_WEEKS}: {text!r}"
        )
    return int(text)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def add_capacity_command(command: Command) -> None:
    sub = command(
        "capacity",
        run_capacity,
        "Planned against available hours per member and week (weeks start on Monday).",
    )
    sub.add_argument("--team", metavar="NAME", help="only this team (default: all teams)")
    sub.add_argument(
        "--from",
        dest="first",
        type=_day,
        metavar="YYYY-MM-DD",
        help="a day of the first week (default: today)",
    )
    sub.add_argument(
        "--weeks", type=_weeks, default=DEFAULT_WEEKS, metavar="N", help="number of weeks (8)"
    )
    sub.add_argument("--json", action="store_true", help="print a JSON object")


def run_capacity(args: argparse.Namespace) -> int:
    from mopsboard.domain.calendar import Period
    from mopsboard.io.capacity_export import capacity_json, capacity_text
    from mopsboard.store.workspace import Workspace

    period = Period.of(args.first or date.today(), args.weeks)
    with Workspace.open(args.file, read_only=True) as workspace:
        team_id = workspace.team_named(args.team).id if args.team else None
        capacity = workspace.capacity_inputs(period).compute(period, team_id=team_id)
        wip = workspace.member_wip()
    if args.json:
        print(json.dumps(capacity_json(capacity), indent=2, ensure_ascii=False))
    else:
        print(capacity_text(capacity, wip))
    return 0
