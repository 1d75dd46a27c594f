"""`mopsboard export FILE OUT.json` (the whole workspace, losslessly) and `mopsboard export FILE
OUT.csv [--board NAME]` (tasks, every field, formula-safe). Loads neither Qt nor, until the
arguments are parsed, the store."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from mopsboard.cli.args import Parser

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], Parser]


def _kind(args: argparse.Namespace) -> str | None:
    suffix = args.out.suffix.lower()
    if suffix not in (".json", ".csv"):
        return (
            f"argument OUT: {args.out.name!r} ends in neither .json (the whole workspace) nor "
            ".csv (its tasks)"
        )
    if suffix == ".json" and args.board:
        return "argument --board: a workspace file holds every board; --board is for .csv"
    return None


def add_export_command(command: Command) -> None:
    sub = command(
        "export",
        run_export,
        "Write the whole workspace as a workspace file (OUT.json, which 'mopsboard import' "
        "reads back exactly) or its tasks as CSV (OUT.csv).",
    )
    sub.add_argument("out", metavar="OUT", type=Path, help="OUT.json or OUT.csv")
    sub.add_argument("--board", metavar="NAME", help="only this board's tasks (CSV)")
    sub.add_argument("--json", action="store_true", help="print what was written as JSON")
    sub.add_check(_kind)


def run_export(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    summary: dict[str, object]
    with Workspace.open(args.file, read_only=True) as workspace:
        if args.out.suffix.lower() == ".json":
            from mopsboard.io.workspace_json import export_workspace

            counts = export_workspace(workspace, args.out)
            summary = {"file": str(args.out), "format": "json", "tables": counts}
            text = f"Wrote the workspace to {args.out}: {counts.get('tasks', 0)} tasks, " + (
                f"{sum(counts.values())} rows in {len(counts)} tables."
            )
        else:
            from mopsboard.io.task_export import export_tasks_csv

            board = workspace.board_named(args.board).key if args.board else None
            count = export_tasks_csv(workspace, args.out, board)
            summary = {"file": str(args.out), "format": "csv", "tasks": count}
            text = f"Wrote {count} tasks to {args.out}."
    print(json.dumps(summary, indent=2) if args.json else text)
    return 0
