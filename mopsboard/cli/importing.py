"""`mopsboard import FILE SOURCE`: a Trello board, a CSV file or a workspace file brought in.

The source is read and checked whole before the workspace is opened, so a file that cannot be
imported leaves the workspace untouched; the import itself is one transaction. Loads neither Qt
nor, until the arguments are parsed, the store.
"""

from __future__ import annotations

import argparse
import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mopsboard.cli.args import Parser

if TYPE_CHECKING:
    from mopsboard.io.importers.reading import ImportOptions
    from mopsboard.io.workspace_json import WorkspaceFile
    from mopsboard.store.board_import import BoardImport

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], Parser]
FORMATS = ("trello", "csv", "json")


def _mapping(text: str) -> tuple[str, str]:
    column, equals, field = text.rpartition("=")
    if not equals or not column.strip() or not field.strip():
        raise argparse.ArgumentTypeError(f"not COLUMN=FIELD: {text[:60]!r}")
    return column.strip(), field.strip()


def add_import_command(command: Command) -> None:
    sub = command(
        "import",
        run_import,
        "Bring in a Trello board export (JSON), a CSV file (Jira, Wekan, Asana, a spreadsheet) "
        "as a new board, or a mopsboard workspace file into a new workspace.",
    )
    sub.add_argument("source", metavar="SOURCE", type=Path, help="the file to import")
    sub.add_argument(
        "--format", choices=FORMATS, help="the source's format (found from its content)"
    )
    sub.add_argument(
        "--board", metavar="NAME", help="import into this board (an existing one: stages by name)"
    )
    sub.add_argument(
        "--archived", action="store_true", help="bring archived cards in, as archived tasks"
    )
    order = sub.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        help="read dates such as 05/06/2020 as 5 June",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_const",
        const=False,
        help="read dates such as 05/06/2020 as May 6",
    )
    sub.add_argument(
        "--map",
        dest="mapping",
        action="append",
        type=_mapping,
        default=[],
        metavar="COLUMN=FIELD",
        help="a CSV column's field: title, description, stage, assignee, team, labels, start, "
        "due, estimate, campaign, persona, checklist, priority, completed, archived, comment, "
        "or ignore",
    )
    sub.add_argument("--json", action="store_true", help="print the summary as a JSON object")


def _options(args: argparse.Namespace) -> ImportOptions:
    from mopsboard.io.importers.reading import ImportOptions

    return ImportOptions(
        format=args.format,
        archived=args.archived,
        dayfirst=args.dayfirst,
        mapping=dict(args.mapping),
    )


def _remove_new_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()


def _into_workspace(path: Path, write: Callable[[Any], Any], *, personas: bool) -> Any:
    """Runs `write` on the workspace at `path`, made for it when there is none; a workspace made
    here is removed again when the import fails, so nothing of it remains."""
    from mopsboard.store.workspace import DEFAULT_PERSONAS, Workspace

    if path.exists() or path.is_symlink():
        with Workspace.open_for_writing(path) as workspace:
            return write(workspace)
    try:
        with Workspace.create(path, defaults=False) as workspace:
            if personas:
                for persona in DEFAULT_PERSONAS:
                    workspace.add_persona(persona)
            return write(workspace)
    except BaseException:
        _remove_new_file(path)
        raise


def _workspace_file(args: argparse.Namespace, data: WorkspaceFile) -> int:
    from mopsboard.domain.errors import MopsboardError
    from mopsboard.io.workspace_json import import_workspace

    if args.board or args.archived or args.mapping or args.dayfirst is not None:
        raise MopsboardError(
            f"{args.source}: a workspace file is imported whole; --board, --archived, --map, "
            "--dayfirst and --monthfirst apply to Trello and CSV files."
        )
    counts: dict[str, int] = _into_workspace(
        args.file, lambda ws: import_workspace(ws, data), personas=False
    )
    if args.json:
        print(json.dumps({"workspace": str(args.file), "tables": counts}, indent=2))
    else:
        rows = ", ".join(f"{n} {table}" for table, n in counts.items() if n)
        print(f"Imported the workspace file into {args.file}: {rows or 'no rows'}.")
    return 0


def _board(args: argparse.Namespace, plan: BoardImport) -> int:
    from mopsboard.io.text_table import printable
    from mopsboard.store.board_import import import_board

    result = _into_workspace(
        args.file, lambda ws: import_board(ws, plan, into=args.board), personas=True
    )
    summary = result.summary()
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(
        printable(
            f"Imported '{summary['board']}' into {args.file}: {summary['tasks']} tasks in "
            f"{summary['stages']} stages, {summary['people']} people "
            f"({summary['people_added']} new), {summary['labels']} labels, "
            f"{summary['checklist_items']} checklist items, {summary['comments']} comments."
        )
    )
    for kind, entries in (("Skipped", result.skipped), ("Note", result.notes)):
        for entry in entries:
            print(printable(f"{kind}: {entry.item}: {entry.reason}"))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from mopsboard.io.importers.reading import read_import
    from mopsboard.io.workspace_json import WorkspaceFile

    read = read_import(args.source, _options(args))
    if isinstance(read, WorkspaceFile):
        return _workspace_file(args, read)
    return _board(args, read)
