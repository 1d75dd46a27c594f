"""`mopsboard tasks`: the tasks in board order, as a table or JSON. A sound file is read without
building a model (store/task_listing); one the quick reading will not vouch for is read through
the Workspace, which salvages what it cannot read and says so on stderr."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from mopsboard import APP_NAME
from mopsboard.io.text_table import Column, printable, render_table

if TYPE_CHECKING:
    from mopsboard.domain.models import Task
    from mopsboard.store.task_listing import TaskListing
    from mopsboard.store.workspace import Workspace


def _listing_rows(listing: TaskListing) -> list[dict[str, Any]]:
    boards, stages, names = listing.board_names, listing.stage_names, listing.names
    return [
        {
            "id": task["id"],
            "title": task["title"],
            "board": boards.get(task["board_id"]),
            "stage": stages.get(task["stage_id"]),
            "campaign": names["campaigns"].get(task["campaign_id"]),
            "persona": names["personas"].get(task["persona_id"]),
            "assignee": names["members"].get(task["assignee_id"]),
            "team": names["teams"].get(task["team_id"]),
            "estimate_hours": task["estimate_hours"],
            "start_date": task["start_date"].isoformat() if task["start_date"] else None,
            "due_date": task["due_date"].isoformat() if task["due_date"] else None,
            "priority": task["priority"].name.lower(),
            "labels": list(task["labels"]),
            "checklist": [{"text": text, "done": done} for text, done in task["checklist"]],
            "archived": task["archived"],
            "depends_on": listing.depends_on.get(task["id"], []),
            "blocked": task["id"] in listing.blocked,
            "logged_hours": listing.logged.get(task["id"], 0.0),
        }
        for task in listing.tasks
    ]


def _validated_listing(
    workspace: Workspace, board_name: str | None
) -> tuple[TaskListing, list[Task]]:
    """The listing as the app reads the file, salvaging what it cannot read as it is."""
    from mopsboard.store.task_listing import TaskListing, dependencies

    board_id = workspace.board_named(board_name).id if board_name else None
    tasks = workspace.tasks(board_id)
    every_board = workspace.boards(include_archived=True)
    names: dict[str, dict[int, str]] = {
        "campaigns": {c.key: c.name for c in workspace.campaigns(include_archived=True)},
        "personas": {p.key: p.name for p in workspace.personas(include_archived=True)},
        "teams": {t.key: t.name for t in workspace.teams(include_archived=True)},
        "members": {m.key: m.name for m in workspace.members()},
    }
    links = workspace.links()
    done = workspace.done_task_ids({link.predecessor_id for link in links})
    depends_on, blocked = dependencies(
        ((link.predecessor_id, link.successor_id, link.kind.value) for link in links), done
    )
    listing = TaskListing(
        tasks=[
            dict(task) | {"checklist": [(i.text, i.done) for i in task.checklist]} for task in tasks
        ],
        board_names={b.key: b.name for b in every_board},
        stage_names={s.key: s.name for b in every_board for s in workspace.stages(b.key)},
        names=names,
        board_id=board_id,
        depends_on=depends_on,
        blocked=blocked,
        logged={task: hours for task, hours in workspace.logged_hours().items()},
    )
    return listing, tasks


def _table(rows: Sequence[dict[str, Any]], with_board: bool) -> str:
    columns: list[Column[dict[str, Any]]] = [
        ("ID", 6, lambda r: r["id"]),
        ("BOARD", 18, lambda r: r["board"]),
        ("STAGE", 12, lambda r: r["stage"]),
        ("TITLE", 44, lambda r: r["title"]),
        ("CAMPAIGN", 24, lambda r: r["campaign"]),
        ("WHO", 16, lambda r: r["assignee"] or r["team"]),
        ("HOURS", 5, lambda r: "" if r["estimate_hours"] is None else f"{r['estimate_hours']:g}"),
        ("DUE", 10, lambda r: r["due_date"]),
    ]
    if not with_board:
        del columns[1]
    return render_table(columns, rows, "task")


def list_tasks(args: argparse.Namespace) -> int:
    from mopsboard.store.task_listing import quick_task_listing

    listing = quick_task_listing(args.file, args.board)
    unreadable: list[Task] = []
    if listing is None:
        from mopsboard.store.workspace import Workspace

        with Workspace.open(args.file, read_only=True) as workspace:
            listing, unreadable = _validated_listing(workspace, args.board)
    rows = _listing_rows(listing)
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        print(_table(rows, listing.board_id is None and len(listing.board_names) > 1))
    _warn_unreadable(unreadable)
    return 0


def _warn_unreadable(tasks: Sequence[Task]) -> None:
    # Such a task is listed with the field at its default; this says which and what to fix.
    for task in tasks:
        for problem in task.problems:
            where = f"task {task.id} '{printable(task.title)}'"
            print(f"{APP_NAME}: warning: {where}: {printable(problem.text)}", file=sys.stderr)
