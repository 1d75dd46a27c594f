"""`mopsboard capacity FILE`: the capacity map, headless, as a table or as JSON.

Imports nothing heavy at module level: the store and the capacity rules load only when the
command runs, so the other commands (and `--help`) start as fast as before.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from mopsboard.cli.args import LAST_DAY, Parser, count, iso_day

if TYPE_CHECKING:
    from mopsboard.domain.capacity import CapacityMap
    from mopsboard.store.time_logs import ActualHours

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


def _add_actual_hours(
    rows: list[dict[str, Any]], capacity: CapacityMap, logged: Iterable[ActualHours]
) -> None:
    """Each JSON row (a person's or an Unassigned row's week, in the map's order) gets the hours
    logged in that week: by that person, or, naming nobody on a task with no assignee, on that
    team's tasks (domain/remaining_work.py, `actual_member`)."""
    from mopsboard.domain.capacity import RowKind
    from mopsboard.domain.remaining_work import actual_by_week

    first = capacity.period.first.toordinal()
    weeks = capacity.period.weeks
    by_row: dict[tuple[int | None, int | None], list[tuple[int, float]]] = {}
    for entry in logged:
        member = capacity.members.get(entry.member_id) if entry.member_id else None
        key: tuple[int | None, int | None]
        if entry.member_id is not None:
            key = (member.team_id if member else None, entry.member_id)
        else:
            key = (entry.team_id, None)
        by_row.setdefault(key, []).append((entry.day.toordinal(), entry.hours))
    keys: list[tuple[int | None, int | None]] = [
        (row.team.key, row.member.id if row.member else None)
        for row in capacity.rows
        if row.kind is not RowKind.TOTAL
        for _week in range(weeks)
    ]
    if len(keys) != len(rows):
        raise RuntimeError("the capacity rows and their keys are out of step")
    actual = {key: actual_by_week(found, first, weeks) for key, found in by_row.items()}
    for index, (row, row_key) in enumerate(zip(rows, keys, strict=True)):
        hours = actual.get(row_key)
        row["actual_hours"] = round(hours[index % weeks], 2) if hours else 0.0


def run_capacity(args: argparse.Namespace) -> int:
    from mopsboard.domain.calendar import Period
    from mopsboard.io.capacity_export import capacity_json, capacity_text
    from mopsboard.store.workspace import Workspace

    period = Period.of(args.first or date.today(), args.weeks)
    with Workspace.open(args.file, read_only=True) as workspace:
        team_id = workspace.team_named(args.team).id if args.team else None
        capacity = workspace.capacity_inputs(period).compute(period, team_id=team_id)
        wip = workspace.member_wip()
        logged = workspace.actual_hours(period.first, period.last) if args.json else []
    if args.json:
        shown = capacity_json(capacity)
        _add_actual_hours(shown["rows"], capacity, logged)
        print(json.dumps(shown, indent=2, ensure_ascii=False))
    else:
        print(capacity_text(capacity, wip))
    return 0
