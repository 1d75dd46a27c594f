"""Rebuilding a table in place, the way SQLite documents for a change ALTER TABLE cannot make
(https://sqlite.org/lang_altertable.html#otheralter): a new table made from the old one's own
statement, the rows copied, the old one dropped, the new one renamed, its indexes and triggers
made again from their own statements.

The table's statement is the file's, not a copy kept here, so columns, checks, indexes and
triggers another program added to the file are kept as well as ours. The caller runs it in one
transaction with foreign keys off (dropping a parent with them on would cascade its deletes);
views and other tables' triggers name the table, not its storage, and need nothing.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mopsboard.domain.errors import MopsboardError

if TYPE_CHECKING:
    from sqlite_utils import Database

_TABLE_NAME = re.compile(r'^\s*CREATE\s+TABLE\s+(?:"(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|\w+)', re.I)
_ROWID_KEY = re.compile(r'(?<![\w"])"?id"?\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)', re.I)
_AUTOINCREMENT = re.compile(r"\bPRIMARY\s+KEY\s+AUTOINCREMENT\b", re.I)


class RebuildError(MopsboardError):
    """A table's statement is not one this rebuild understands; nothing was changed."""


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_statement(db: Database, table: str) -> str:
    row = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if row is None or row[0] is None:
        raise RebuildError(f"the workspace has no table {table!r}")
    return str(row[0])


def renamed(statement: str, name: str) -> str:
    """A CREATE TABLE statement, making a table called `name` instead."""
    if not _TABLE_NAME.match(statement):
        raise RebuildError(f"not a CREATE TABLE statement: {statement[:80]!r}")
    return _TABLE_NAME.sub(f"CREATE TABLE {_quoted(name)}", statement, count=1)


def with_autoincrement(statement: str) -> str:
    """The table's statement with its `id INTEGER PRIMARY KEY` given AUTOINCREMENT."""
    if len(_ROWID_KEY.findall(statement)) != 1:
        raise RebuildError(f"not a table with one 'id INTEGER PRIMARY KEY': {statement[:80]!r}")
    return _ROWID_KEY.sub(lambda key: f"{key.group(0)} AUTOINCREMENT", statement, count=1)


def rebuild(db: Database, table: str, new_statement: str) -> None:
    """Replaces `table` by the table `new_statement` makes (it names `table`), with every row
    under its rowid and every index and trigger of the old one. Inside the caller's
    transaction, with foreign keys off."""
    if db.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RebuildError(f"rebuilding {table!r} needs foreign keys off (they would cascade)")
    stand_in = f"{table}__rebuilt"
    attached = db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
        "AND sql IS NOT NULL ORDER BY rowid",
        [table],
    ).fetchall()
    columns = ", ".join(
        _quoted(str(row[1])) for row in db.execute(f"PRAGMA table_info({_quoted(table)})")
    )
    db.execute(renamed(new_statement, stand_in))
    db.execute(
        f"INSERT INTO {_quoted(stand_in)} ({columns}) "  # noqa: S608
        f"SELECT {columns} FROM {_quoted(table)} ORDER BY rowid"
    )
    db.execute(f"DROP TABLE {_quoted(table)}")
    # Legacy renaming leaves other tables' references, views and triggers as they are: they
    # name the table, which exists again once renamed (the modern one first checks them
    # against the schema as it is, without the table, and refuses).
    legacy = db.execute("PRAGMA legacy_alter_table").fetchone()[0]
    db.execute("PRAGMA legacy_alter_table = ON")
    try:
        db.execute(f"ALTER TABLE {_quoted(stand_in)} RENAME TO {_quoted(table)}")
    finally:
        db.execute(f"PRAGMA legacy_alter_table = {int(legacy)}")
    for (statement,) in attached:
        db.execute(statement)


def never_reuse_ids(db: Database, table: str) -> None:
    """Gives `table`'s `id INTEGER PRIMARY KEY` AUTOINCREMENT (an id once used is then never
    given to another row, whoever inserts it), if it has not got it yet."""
    statement = table_statement(db, table)
    if not _AUTOINCREMENT.search(statement):
        rebuild(db, table, with_autoincrement(statement))
