"""`mopsboard capacity FILE`: the capacity map, headless, as a table or as JSON.

Imports nothing heavy at module level: the store and the capacity rules load only when the
command runs, so the other commands (and `--help`) start as fast as before.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date, timedelta

from mopsboard.cli.args import LAST_DAY, Parser, count, iso_day

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], Parser]
DEFAULT_WEEKS = 8


def _week_count(text: str) -> int:
    # The calendar is imported only by the command that uses it (it costs a headless start).
    from mopsboard.domain.calendar import MAX_WEEKS

    return count("weeks", 1, MAX_WEEKS)(text)


def _period_problem(args: argparse.Namespace) -> str | None:
    """The period must end by the last day the app stores: no task can be dated later, and a
    week past year 9999 cannot even be computed."""
    from mopsboard.domain.calendar import week_start

    first = week_start(args.first or date.today())
    last = first + timedelta(days=7 * args.weeks - 1)
    if last <= LAST_DAY:
        return None
    return (
        f"argument --weeks: {args.weeks} weeks from {first.isoformat()} run past {LAST_DAY}, "
        "the last day mopsboard knows; start earlier or ask for fewer weeks"
    )


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
        type=iso_day,
        metavar="YYYY-MM-DD",
        help="a day of the first week (default: today)",
    )
    sub.add_argument(
        "--weeks",
        type=_week_count,
        default=DEFAULT_WEEKS,
        metavar="N",
        help="number of weeks (8)",
    )
    sub.add_argument("--json", action="store_true", help="print a JSON object")
    sub.add_check(_period_problem)


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
