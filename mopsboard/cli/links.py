"""The dependency commands: `link` and `unlink`.

Like every headless command they load neither Qt nor the app, and import the store only once the
arguments are parsed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from mopsboard.cli.args import Parser, task_id, whole_number
from mopsboard.io.text_table import printable

if TYPE_CHECKING:
    from mopsboard.domain.links import TaskLink
    from mopsboard.domain.models import Task

Handler = Callable[[argparse.Namespace], int]
AddCommand = Callable[[str, Handler, str], Parser]
# As domain/link_rules.MAX_LAG_DAYS, which a usage error should not have to import.
MAX_LAG = 1_000


def _lag(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    number = whole_number(text.removeprefix("-"), 0, MAX_LAG)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"not a lag: {text[:40]!r} (whole working days from -{MAX_LAG} to {MAX_LAG})"
        )
    return sign * number


def add_link_commands(command: AddCommand) -> None:
    link = command(
        "link",
        _link,
        "Make TASK wait for another: it starts after that one is due (or with it, with "
        "--start-to-start), LAG working days later. Linking the same two tasks again changes "
        "the lag and kind.",
    )
    link.add_argument("task_id", type=task_id, metavar="TASK", help="the task that waits")
    link.add_argument(
        "--after", required=True, type=task_id, metavar="TASK", help="the task it waits for"
    )
    link.add_argument(
        "--lag",
        type=_lag,
        default=0,
        metavar="N",
        help="working days between them (default 0; negative: overlap)",
    )
    link.add_argument(
        "--start-to-start",
        action="store_true",
        help="TASK starts with the other (plus the lag) instead of after it is due",
    )
    unlink = command("unlink", _unlink, "Remove the link that makes TASK wait for another.")
    unlink.add_argument("task_id", type=task_id, metavar="TASK")
    unlink.add_argument("--after", required=True, type=task_id, metavar="TASK")


def _named(task: Task) -> str:
    return f"task {task.id} '{task.title}'"


def _how(link: TaskLink) -> str:
    from mopsboard.domain.link_rules import LinkKind

    kind = "after it is due" if link.kind is LinkKind.FINISH_TO_START else "with it"
    days = abs(link.lag_days)
    unit = "working day" if days == 1 else "working days"
    if link.lag_days > 0:
        return f"starts {kind}, {days} {unit} later"
    if link.lag_days < 0:
        return f"starts {kind}, {days} {unit} earlier"
    return f"starts {kind}"


def _link(args: argparse.Namespace) -> int:
    from mopsboard.domain.ids import TaskId
    from mopsboard.domain.link_rules import LinkKind
    from mopsboard.domain.links import TaskLink
    from mopsboard.store.workspace import Workspace

    kind = LinkKind.START_TO_START if args.start_to_start else LinkKind.FINISH_TO_START
    with Workspace.open_for_writing(args.file) as ws:
        successor, predecessor = ws.task(args.task_id), ws.task(args.after)
        existing = ws.find_link(TaskId(args.after), TaskId(args.task_id))
        if existing is None:
            link = ws.add_link(
                TaskLink(
                    predecessor_id=predecessor.key,
                    successor_id=successor.key,
                    kind=kind,
                    lag_days=args.lag,
                )
            )
            verb = "now waits for"
        else:
            link = ws.update_link(existing.model_copy(update={"kind": kind, "lag_days": args.lag}))
            verb = "still waits for"
    text = f"{_named(successor)} {verb} {_named(predecessor)}: it {_how(link)}."
    print(printable(text[0].upper() + text[1:]))
    return 0


def _unlink(args: argparse.Namespace) -> int:
    from mopsboard.domain.errors import NotFoundError
    from mopsboard.domain.ids import TaskId
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        successor, predecessor = ws.task(args.task_id), ws.task(args.after)
        existing = ws.find_link(TaskId(args.after), TaskId(args.task_id))
        if existing is None:
            raise NotFoundError(
                f"Task {successor.id} '{successor.title}' does not wait for "
                f"{_named(predecessor)}, so there is no link to remove; '{args.file}' is unchanged."
            )
        ws.delete_link(existing.key)
    print(printable(f"Task {successor.id} no longer waits for {_named(predecessor)}."))
    return 0
