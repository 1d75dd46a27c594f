"""`mopsboard publish FILE URL` (a workspace file onto an empty server database, for a team)
and `mopsboard copy URL FILE` (a server workspace into a new file of its own: a backup, or work
for a trip offline). Both carry everything, losslessly, as the workspace file does (ids, order
keys, versions, history), in one transaction of the target's."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from pathlib import Path

from mopsboard.cli.args import Parser, shown_location, workspace_location

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], Parser]


def _server_url(text: str) -> str:
    location = workspace_location(text)
    if not isinstance(location, str):
        raise argparse.ArgumentTypeError(
            f"not a server workspace's address: {text[:60]!r} (postgresql://USER@HOST/DATABASE)"
        )
    return location


def _a_file(args: argparse.Namespace) -> str | None:
    if isinstance(args.file, str) and args.command_name == "publish":
        return "argument FILE: publish copies a workspace file; give its path first, then the URL"
    if not isinstance(args.file, str) and args.command_name == "copy":
        return "argument URL: copy takes the server workspace's postgresql:// URL first"
    return None


def add_server_commands(command: Command) -> None:
    publish = command(
        "publish",
        run_publish,
        "Copy a workspace file to an empty database on a PostgreSQL server, for a team to "
        "share (the file stays as it is).",
    )
    publish.add_argument("url", metavar="URL", type=_server_url, help="postgresql://...")
    publish.set_defaults(command_name="publish")
    publish.add_check(_a_file)
    copy = command(
        "copy",
        run_copy,
        "Copy a server workspace (FILE: its postgresql:// URL) into a new workspace file.",
    )
    copy.add_argument("target", metavar="TARGET", type=Path, help="the new workspace file")
    copy.set_defaults(command_name="copy")
    copy.add_check(_a_file)


def _rows(counts: dict[str, int]) -> str:
    # The ids' counters (sqlite_sequence) are no rows of the user's.
    return ", ".join(f"{n} {t}" for t, n in counts.items() if n and t != "sqlite_sequence")


def run_publish(args: argparse.Namespace) -> int:
    from mopsboard.store.database import NotAWorkspace
    from mopsboard.store.transfer import copy_workspace
    from mopsboard.store.workspace import Workspace

    with Workspace.open(args.file, read_only=True) as source:
        try:
            target = Workspace.open_for_writing(args.url)
        except NotAWorkspace as refusal:
            if "no workspace yet" not in str(refusal):
                raise
            # An empty database: the schema goes in first; a failed copy leaves it empty,
            # ready for the next attempt.
            target = Workspace.create(args.url, defaults=False)
        with target:
            counts = copy_workspace(source, target)
    print(f"Published {args.file} to {shown_location(args.url)}: {_rows(counts) or 'no rows'}.")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from mopsboard.store.transfer import copy_workspace
    from mopsboard.store.workspace import Workspace

    target_path: Path = args.target
    with Workspace.open(args.file, read_only=True) as source:
        made = Workspace.create(target_path, defaults=False)
        try:
            with made:
                counts = copy_workspace(source, made)
        except BaseException:
            # Nothing half-copied stays behind under the name.
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(OSError):
                    target_path.with_name(target_path.name + suffix).unlink()
            raise
    print(f"Copied {shown_location(args.file)} into {target_path}: {_rows(counts) or 'no rows'}.")
    return 0
