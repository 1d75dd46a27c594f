"""The headless task listing, read straight from SQLite without building a model.

`mopsboard tasks` is run from scripts, where start-up is most of its time, and pydantic's
import alone costs more than the whole command may take. So this reads the file as the store's
own fast path does (store/task_values) and vouches for a listing only when every row it prints
converts and every name it prints passes the rule the store would check it against. A file
holding anything else (a row another program wrote badly) gets None, and the caller reads it
through the Workspace, which salvages such rows and says what it could not read.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from mopsboard.domain.errors import NotFoundError
from mopsboard.domain.field_rules import clean_name
from mopsboard.domain.kinds import StageKind
from mopsboard.domain.link_rules import Edge, LinkKind, blocked_tasks
from mopsboard.store import open_files
from mopsboard.store.connection import StoreConnection
from mopsboard.store.database import open_database
from mopsboard.store.task_values import CONVERSION_ERRORS, TASK_COLUMNS, task_values

# The tables whose names a listing prints, with what the store's readers include: every row.
_NAMED = ("campaigns", "personas", "teams", "members")
_LINK_KINDS = frozenset(kind.value for kind in LinkKind)


# A NamedTuple, not a dataclass, for the import time (store/open_files says why).
class TaskListing(NamedTuple):
    """The tasks in board order, as fields and the names of what they refer to."""

    tasks: list[dict[str, Any]]
    board_names: dict[int, str]
    stage_names: dict[int, str]
    names: dict[str, dict[int, str]]  # table -> id -> name, for the tables of _NAMED
    board_id: int | None
    # task id -> the ids of the tasks it waits for, in order; and the tasks blocked by one
    depends_on: dict[int, list[int]]
    blocked: frozenset[int]
    # task id -> the hours logged on it (tasks with none left out), to the hundredth
    logged: dict[int, float]


class NeedsValidation(Exception):
    """A value the quick reading will not vouch for: the caller reads the file as the app does."""


def _names(rows: Iterable[tuple[Any, Any]]) -> dict[int, str]:
    names: dict[int, str] = {}
    for key, name in rows:
        try:
            ok = type(key) is int and type(name) is str and clean_name(name) == name
        except ValueError:
            ok = False
        if not ok:
            raise NeedsValidation(name)
        names[key] = name
    return names


def _board_id(boards: dict[int, str], wanted: str | None) -> int | None:
    if wanted is None:
        return None
    folded = wanted.strip().casefold()
    for key, name in boards.items():
        if name.casefold() == folded:
            return key
    raise NotFoundError(f"There is no board named '{wanted}'.")


def _task_rows(db: StoreConnection, board_id: int | None) -> list[Any]:
    if board_id is not None:
        # As the store reads a board: stage by stage, each in order from its (stage_id, rank)
        # index.
        stage_ids = [
            row[0]
            for row in db.execute(
                "SELECT id FROM stages WHERE board_id = ? ORDER BY position, id", [board_id]
            )
        ]
        sql = f"SELECT {TASK_COLUMNS} FROM tasks WHERE stage_id = ? AND archived = 0 ORDER BY rank"  # noqa: S608
        return [row for stage_id in stage_ids for row in db.execute(sql, [stage_id])]
    columns = ", ".join(f"t.{c.strip()}" for c in TASK_COLUMNS.split(","))
    sql = (
        f"SELECT {columns} FROM tasks t JOIN stages s ON s.id = t.stage_id "  # noqa: S608
        "WHERE t.archived = 0 ORDER BY t.board_id, s.position, t.rank"
    )
    return db.execute(sql).fetchall()


def _read(db: StoreConnection, board_name: str | None) -> TaskListing:
    boards = _names(db.execute("SELECT id, name FROM boards ORDER BY position, id"))
    board_id = _board_id(boards, board_name)
    stages = _names(
        db.execute("SELECT id, name FROM stages WHERE board_id IN (SELECT id FROM boards)")
    )
    names = {table: _names(db.execute(f"SELECT id, name FROM {table}")) for table in _NAMED}  # noqa: S608
    try:
        tasks = [task_values(row) for row in _task_rows(db, board_id)]
    except CONVERSION_ERRORS as error:
        raise NeedsValidation(str(error)) from error
    depends_on, blocked = _dependencies(db)
    return TaskListing(tasks, boards, stages, names, board_id, depends_on, blocked, _logged(db))


def _logged(db: StoreConnection) -> dict[int, float]:
    # Summed and rounded as the store's `logged_hours` does, so both readings say the same.
    logged = {}
    for task, hours in db.execute("SELECT task_id, SUM(hours) FROM time_logs GROUP BY task_id"):
        if type(task) is not int or type(hours) not in (int, float):
            raise NeedsValidation(hours)
        logged[task] = round(float(hours), 2)
    return logged


def dependencies(
    links: Iterable[tuple[int, int, str]], done: Iterable[int]
) -> tuple[dict[int, list[int]], frozenset[int]]:
    """What a listing says of links (predecessor, successor, kind): each successor's
    predecessors in id order, and the tasks they block (domain/link_rules.py). The validated
    listing (the CLI's) gives its links here too, so both readings say the same."""
    edges = [Edge(before, after, LinkKind(kind)) for before, after, kind in links]
    depends_on: dict[int, list[int]] = {}
    for edge in edges:
        depends_on.setdefault(edge.successor, []).append(edge.predecessor)
    for predecessors in depends_on.values():
        predecessors.sort()
    return depends_on, blocked_tasks(edges, done)


def _dependencies(db: StoreConnection) -> tuple[dict[int, list[int]], frozenset[int]]:
    rows = db.execute(
        "SELECT l.predecessor_id, l.successor_id, l.kind, s.kind FROM task_links l "
        "JOIN tasks p ON p.id = l.predecessor_id JOIN stages s ON s.id = p.stage_id"
    ).fetchall()
    links = []
    done = []
    for before, after, kind, stage_kind in rows:
        if kind not in _LINK_KINDS or type(before) is not int or type(after) is not int:
            raise NeedsValidation(kind)
        links.append((before, after, kind))
        if stage_kind == StageKind.DONE.value:
            done.append(before)
    return dependencies(links, done)


def quick_task_listing(path: Path | str, board_name: str | None = None) -> TaskListing | None:
    """The listing of `path` (of one board, when named), or None when the file must be read
    with validation (a server's URL always is). Raises as Workspace.open does for a file it
    cannot open, and NotFoundError for a board it does not have."""
    if not isinstance(path, Path):
        return None  # a server workspace: read through the Workspace
    db, _read_only = open_database(path, read_only=True)
    try:
        return _read(db, board_name)
    except (NeedsValidation, sqlite3.Error):
        # A file odd enough to fail a query: the Workspace's reading says why, in its words.
        return None
    finally:
        open_files.close(db.conn)
