"""The `log-time` command: hours a person spent on a task on a day.

Like every headless command it loads neither Qt nor the app, and imports the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date

from mopsboard.cli.args import Parser, iso_day, task_id
from mopsboard.io.text_table import printable

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]
# As domain/time_logs.MAX_HOURS_PER_LOG, which a usage error should not have to import.
MAX_HOURS = 24.0
_DECIMAL = re.compile(r"[0-9]{1,2}(\.[0-9]+)?|\.[0-9]+")


def _hours(text: str) -> float:
    hours = float(text) if _DECIMAL.fullmatch(text) else 0.0
    if not 0.01 <= round(hours, 2) <= MAX_HOURS:
        raise argparse.ArgumentTypeError(
            f"not a number of hours: {text[:40]!r} (more than 0 and at most {MAX_HOURS:g}, "
            "such as 1.5)"
        )
    return hours


def add_time_log_command(command: AddCommand) -> None:
    log = command(
        "log-time",
        _log_time,
        "Log HOURS spent on TASK (on a day, by a person): they count as actual hours and come "
        "off what is left of its estimate.",
    )
    log.add_argument("task_id", type=task_id, metavar="TASK")
    log.add_argument("hours", type=_hours, metavar="HOURS", help="hours spent, such as 1.5")
    log.add_argument(
        "--date", type=iso_day, metavar="D", help="the day they were spent (default: today)"
    )
    log.add_argument("--member", metavar="M", help="who spent them (default: the task's assignee)")
    log.add_argument("--note", default="", metavar="N", help="what was done")


def _log_time(args: argparse.Namespace) -> int:
    from mopsboard.domain.time_logs import TimeLog
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        task = ws.task(args.task_id)
        member = ws.member_named(args.member) if args.member else None
        member_id = member.key if member else task.assignee_id
        day = args.date or date.today()
        log = ws.log_time(
            TimeLog(
                task_id=task.key, member_id=member_id, day=day, hours=args.hours, note=args.note
            )
        )
        logged = ws.logged_hours([task.key]).get(task.key, 0.0)
        who = member.name if member else (ws.member(member_id).name if member_id else None)
    by = f" by {who}" if who else ""
    total = f"{logged:g} hours logged"
    if task.estimate_hours is not None:
        total += f" of {task.estimate_hours:g} estimated"
    print(
        printable(
            f"Logged {log.hours:g} hours{by} on task {task.id} '{task.title}' for "
            f"{log.day.isoformat()} ({total})."
        )
    )
    return 0
