"""The `mopsboard` command: without a subcommand it opens the app; subcommands work headless.

Headless commands import neither Qt nor the app, and import the store only once the arguments
are parsed, so `--help`, `--version` and usage errors answer at once and scripts start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from mopsboard import APP_NAME, __version__
from mopsboard.cli.approvals import add_approval_commands
from mopsboard.cli.args import (
    Parser,
    count,
    iso_day,
    shown_location,
    task_id,
    whole_number,
    workspace_location,
)
from mopsboard.cli.calendar_events import add_calendar_commands
from mopsboard.cli.campaigns import add_campaign_commands
from mopsboard.cli.capacity import add_capacity_command
from mopsboard.cli.exporting import add_export_command
from mopsboard.cli.importing import add_import_command
from mopsboard.cli.links import add_link_commands
from mopsboard.cli.listing import list_tasks
from mopsboard.cli.scenarios import add_scenario_commands
from mopsboard.cli.server import add_server_commands
from mopsboard.cli.time_logs import add_time_log_command
from mopsboard.io.text_table import printable

COMMANDS = (
    "init",
    "demo",
    "tasks",
    "add-task",
    "move-task",
    "campaigns",
    "new-campaign",
    "export-ics",
    "capacity",
    "import",
    "export",
    "link",
    "unlink",
    "log-time",
    "publish",
    "copy",
    "approve",
    "since-approval",
    "scenario",
    "import-calendar",
    "warnings",
)
VIEWS = ("board", "capacity", "campaigns", "timeline", "personas", "scenarios")
# Set this to see the traceback of an unexpected error instead of one line.
DEBUG_ENV = "MOPSBOARD_DEBUG"
MAX_WINDOW_SIDE = 16384

Handler = Callable[[argparse.Namespace], int]


# -- argument types -------------------------------------------------------------------------------


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    size = whole_number(width, 1, MAX_WINDOW_SIDE), whole_number(height, 1, MAX_WINDOW_SIDE)
    if size[0] is None or size[1] is None:
        raise argparse.ArgumentTypeError(f"not a window size: {text[:40]!r} (use WIDTHxHEIGHT)")
    return size[0], size[1]


def _task_count(text: str) -> int:
    from mopsboard.io.demo import MAX_DEMO_TASKS

    return count("tasks", 0, MAX_DEMO_TASKS)(text)


def _board_count(text: str) -> int:
    from mopsboard.io.demo import DEMO_BOARDS

    return count("boards", 1, DEMO_BOARDS)(text)


# -- parsers --------------------------------------------------------------------------------------


def _gui_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=APP_NAME,
        description="Kanban boards for marketing-operations teams. Without a command, opens the "
        "app on FILE (or on your default workspace, created with demo data on first use).",
        epilog=f"commands (run '{APP_NAME} COMMAND --help'): {', '.join(COMMANDS)}",
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="workspace file to open")
    parser.add_argument("--screenshot", metavar="OUT.png", type=Path, help="save and quit")
    parser.add_argument("--view", choices=VIEWS, help="the view to show first")
    parser.add_argument("--size", type=_size, metavar="WxH", help="window size, e.g. 1440x900")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.set_defaults(handler=_run_gui)
    return parser


class _Unused:
    """Stands in for the parser of a command that was not asked for: every call is taken and
    nothing is built. Making a subcommand's parser costs about a quarter of a millisecond (most
    of it argparse looking up its translations), and a command parses only its own arguments."""

    def __getattr__(self, _name: str) -> Callable[..., _Unused]:
        return lambda *_args, **_kwargs: self


def _command_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or, given `only`, of that one alone."""
    parser = Parser(prog=APP_NAME, description="Work with a workspace file from the shell.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    def command(name: str, handler: Handler, text: str) -> Parser:
        if only is not None and name != only:
            return cast(Parser, _Unused())
        sub: Parser = commands.add_parser(name, help=text, description=text)
        sub.add_argument(
            "file",
            metavar="FILE",
            type=workspace_location,
            help="workspace file, or a server workspace's postgresql:// URL",
        )
        sub.set_defaults(handler=handler)
        return sub

    command("init", _init, "Create an empty workspace (refuses to overwrite a file).")
    demo = command("demo", _demo, "Create a workspace with demo data (refuses to overwrite).")
    demo.add_argument("--tasks", type=_task_count, metavar="N", help="scale to N tasks")
    demo.add_argument("--seed", type=int, default=7, metavar="S", help="random seed (7)")
    demo.add_argument(
        "--boards", type=_board_count, metavar="N", help="spread --tasks over N boards (1-5; 5)"
    )

    tasks = command("tasks", list_tasks, "List tasks in board order.")
    tasks.add_argument("--board", metavar="NAME", help="only this board")
    tasks.add_argument("--json", action="store_true", help="print a JSON array")

    add = command("add-task", _add_task, "Add a task; prints its id.")
    add.add_argument("--title", required=True, metavar="T")
    add.add_argument("--board", metavar="B", help="board name (default: the first board)")
    add.add_argument("--stage", metavar="S", help="stage name (default: the first stage)")
    add.add_argument("--campaign", metavar="C")
    add.add_argument("--persona", metavar="P")
    add.add_argument("--assignee", metavar="M", help="team member name")
    add.add_argument("--team", metavar="T", help="team name (implied by --assignee)")
    add.add_argument("--estimate", type=float, metavar="H", help="estimate in hours")
    add.add_argument("--start", type=iso_day, metavar="D", help="start date, YYYY-MM-DD")
    add.add_argument("--due", type=iso_day, metavar="D", help="due date, YYYY-MM-DD")

    move = command("move-task", _move_task, "Move a task to another stage of its board.")
    move.add_argument("task_id", type=task_id, metavar="ID")
    move.add_argument("--stage", required=True, metavar="S", help="target stage name")
    move.add_argument("--before", type=task_id, metavar="ID", help="place above this task")

    add_campaign_commands(command)
    add_capacity_command(command)
    add_import_command(command)
    add_export_command(command)
    add_link_commands(command)
    add_time_log_command(command)
    add_server_commands(command)
    add_approval_commands(command)
    add_scenario_commands(command)
    add_calendar_commands(command)
    return parser


# -- commands -------------------------------------------------------------------------------------


def _run_gui(args: argparse.Namespace) -> int:
    path: Path | str
    if args.file is None:
        from mopsboard.io.demo import ensure_default_workspace
        from mopsboard.paths import default_workspace

        path = ensure_default_workspace(default_workspace())
    elif isinstance(location := workspace_location(args.file), str):
        path = location  # a server workspace: the app connects, and asks again when refused
    else:
        path = location
        if not path.exists():
            from mopsboard.store.database import WorkspaceNotFound

            # Most often a mistyped command name, read as a file name.
            raise WorkspaceNotFound(
                f"{path}: no such file. Create a workspace with '{APP_NAME} init FILE'; "
                f"the commands are {', '.join(COMMANDS)}."
            )
    if args.screenshot is None:
        from mopsboard import instance

        if instance.hand_over(path, args.view):
            return 0  # the app running already opened it (or brought its window up)
    import gc

    # Start-up makes hundreds of thousands of objects that live as long as the window, and the
    # collector would walk them several times before the first frame: it waits until the window
    # is painted (mopsboard.app turns it back on).
    gc.disable()
    # Imported here, and only here: every other path must run without Qt installed or loaded.
    from mopsboard.app import run_gui

    options: dict[str, Any] = {"screenshot": args.screenshot}
    # Left out when not given, so the app's own defaults apply.
    if args.view is not None:
        options["view"] = args.view
    if args.size is not None:
        options["size"] = args.size
    return int(run_gui(path, **options))


def _init(args: argparse.Namespace) -> int:
    from mopsboard.store.workspace import Workspace

    Workspace.create(args.file).close()
    print(f"Created the workspace {shown_location(args.file)}.")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from mopsboard.io.demo import create_demo_file

    if args.boards is not None and args.tasks is None:
        from mopsboard.domain.errors import MopsboardError

        raise MopsboardError("--boards spreads --tasks over the boards: give --tasks N too.")
    if isinstance(args.file, str):  # a server database: no temporary file to rename into place
        from mopsboard.io.demo import DEMO_BOARDS, build_demo
        from mopsboard.store.workspace import Workspace

        with Workspace.create(args.file) as workspace:
            boards = args.boards or DEMO_BOARDS
            build_demo(workspace, tasks=args.tasks, seed=args.seed, boards=boards)
    else:
        create_demo_file(args.file, tasks=args.tasks, seed=args.seed, boards=args.boards)
    print(f"Created the demo workspace {shown_location(args.file)}.")
    return 0


def _add_task(args: argparse.Namespace) -> int:
    from mopsboard.domain.errors import MopsboardError
    from mopsboard.domain.models import Task
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        board = ws.board_or_first(args.board)
        assert board.id is not None
        if args.stage:
            stage = ws.stage_named(board.id, args.stage)
        else:
            stages = ws.stages(board.id)
            if not stages:
                raise MopsboardError(f"The board '{board.name}' has no stages.")
            stage = stages[0]
        assignee = ws.member_named(args.assignee) if args.assignee else None
        team = ws.team_named(args.team) if args.team else None
        if assignee and team and assignee.team_id != team.id:
            raise MopsboardError(
                f"{assignee.name} is not in the team {team.name}; leave out --team (a task "
                "belongs to its assignee's team) or choose a member of that team."
            )
        task = Task(
            board_id=board.id,
            stage_id=stage.key,
            title=args.title,
            campaign_id=ws.campaign_named(args.campaign).id if args.campaign else None,
            persona_id=ws.persona_named(args.persona).id if args.persona else None,
            assignee_id=assignee.id if assignee else None,
            team_id=(assignee.team_id if assignee else team.id if team else None),
            estimate_hours=args.estimate,
            start_date=args.start,
            due_date=args.due,
        )
        added = ws.add_task(task)
    print(added.id)
    return 0


def _move_task(args: argparse.Namespace) -> int:
    from mopsboard.domain.errors import MopsboardError
    from mopsboard.store.workspace import Workspace

    with Workspace.open_for_writing(args.file) as ws:
        task = ws.task(args.task_id)
        stage = ws.stage_named(task.board_id, args.stage)
        if args.before is not None:
            anchor = ws.task(args.before)
            if anchor.stage_id != stage.id:
                raise MopsboardError(
                    f"Task {anchor.id} is not in '{stage.name}'; --before must name a task of "
                    "the stage the task moves to."
                )
        result = ws.move_tasks([args.task_id], stage.key, args.before)
    note = ""
    if result.over_wip_limit:
        note = f" '{stage.name}' is now over its WIP limit of {stage.wip_limit}."
    print(printable(f"Moved task {args.task_id} to '{stage.name}'.{note}"))
    return 0


# -- entry point ----------------------------------------------------------------------------------


def _error_message(error: BaseException, path: object) -> str | None:
    """One line for an error the user can act on; None for a bug."""
    import sqlite3

    from pydantic import ValidationError

    from mopsboard.domain.errors import MopsboardError, describe
    from mopsboard.store.database import translate

    if isinstance(error, MopsboardError):
        return str(error)
    if isinstance(error, ValidationError):
        return describe(error)
    if isinstance(error, sqlite3.Error):
        return str(translate(error, shown_location(path)))
    if isinstance(error, OSError):
        where = error.filename or shown_location(path)
        return f"{where}: {error.strerror or error}" if where else str(error)
    return None


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    headless = bool(arguments) and arguments[0] in COMMANDS
    parser = _command_parser(arguments[0]) if headless else _gui_parser()
    try:
        args = parser.parse_args(arguments)
    except SystemExit as stop:
        # --help, --version and usage errors: argparse has printed what to say.
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)
    try:
        return int(args.handler(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (head, less) went away: not an error, and nothing more to print.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as error:
        if os.environ.get(DEBUG_ENV):
            raise
        message = _error_message(error, getattr(args, "file", None))
        if message is None:
            message = (
                f"unexpected error ({type(error).__name__}: {error}). Please report it; set "
                f"{DEBUG_ENV}=1 to see the details."
            )
        # One line, whatever names the message quotes: a title's bidi override stays visible.
        print(f"{APP_NAME}: {printable(' '.join(message.split()))}", file=sys.stderr)
        return 1
