"""A workspace's connection as the store uses it: one interface, for a file (SQLite) and for a
server (PostgreSQL, store/server/connection.py).

The store's SQL is written once, with `?` placeholders, in what both engines accept; each
connection sends it in its own dialect and answers the few questions SQL cannot ask the same way
in both (a table's columns, whether a table exists, the id an INSERT gave).

For a file, sqlite-utils is used only where it writes or migrates: its Database loads click,
pluggy and dateutil, a fifth of a headless command's start, and reading needs none of it. A
SELECT or a PRAGMA goes straight to the sqlite3 connection, as sqlite-utils would send it (with
sqlite3's default transaction handling neither statement opens a transaction, so the commit and
rollback sqlite-utils adds around a statement never apply to them). Every other statement,
`atomic()`, `db[table]` and the migrations go through sqlite-utils, made at the first of them.
"""

from __future__ import annotations

import sqlite3
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from mopsboard.store import open_files
from mopsboard.store.failures import WorkspaceError, translate

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table, View

    from mopsboard.store.changes import Change

Parameters = Sequence[Any] | dict[str, Any]


class Cursor(Protocol):
    """What the store reads from a statement it sent (sqlite3's and psycopg's cursors both)."""

    @property
    def description(self) -> Any: ...

    @property
    def rowcount(self) -> int: ...

    @property
    def lastrowid(self) -> int | None: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def fetchmany(self, size: int = ...) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class StoreConnection(ABC):
    """One workspace's connection. `where` names it in messages (a path, or a server URL
    without its password)."""

    dialect: str
    where: str
    # The driver's errors: the store turns them into WorkspaceErrors with `translate`.
    errors: tuple[type[Exception], ...]
    # Those of them that refuse a row (a constraint, a value of the wrong type).
    refusals: tuple[type[Exception], ...]

    @abstractmethod
    def execute(self, sql: str, parameters: Parameters | None = None) -> Cursor: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @property
    @abstractmethod
    def in_transaction(self) -> bool: ...

    @abstractmethod
    def begin_write(self) -> None:
        """Opens the transaction of one user action, holding the workspace's write lock: a
        second writer waits for it instead of failing half-way (busy timeout)."""

    @abstractmethod
    def commit(self, changes: Sequence[Change]) -> None:
        """Commits the open transaction; `changes` are what it wrote (a server tells the other
        connections from it)."""

    @abstractmethod
    def rollback(self) -> None: ...

    @abstractmethod
    def atomic(self) -> AbstractContextManager[object]:
        """A part of the open transaction that rolls back on its own (a savepoint), or a
        transaction of its own outside one."""

    @abstractmethod
    def columns(self, table: str) -> tuple[str, ...]:
        """The table's columns, in schema order (empty for a table that does not exist)."""

    @abstractmethod
    def has_table(self, table: str) -> bool: ...

    @abstractmethod
    def highest_id(self, table: str) -> int:
        """The highest id the table ever gave (a deleted row's too): new ids go past it."""

    @abstractmethod
    def data_version(self) -> int:
        """A number that moves when another connection commits (and only then)."""

    @abstractmethod
    def translate(self, error: Exception) -> WorkspaceError:
        """One of `errors` in words: what happened and what to do."""

    @property
    def role(self) -> str | None:
        """Who this connection is on a server (its database role); None for a file."""
        return None

    def notification_socket(self) -> int | None:
        """The socket other connections' news arrives on, to wait on it (None: poll
        data_version, as for a file)."""
        return None

    def when_told(self, callback: Callable[[], None] | None) -> None:
        """`callback` runs when news of another connection's commit arrives (a server's, which
        may come in during any statement). A file tells nothing: its data_version is polled."""
        del callback

    @abstractmethod
    def close(self) -> None: ...


_READS = ("SELECT", "PRAGMA")


def _is_read(sql: str) -> bool:
    # A statement that starts otherwise (a comment, WITH) is sent through sqlite-utils.
    return sql.lstrip()[:6].upper() in _READS


class FileConnection(StoreConnection):
    """A workspace file's SQLite connection."""

    dialect = "sqlite"
    errors = (sqlite3.Error,)
    refusals = (sqlite3.IntegrityError,)

    def __init__(self, conn: sqlite3.Connection, path: Path | str) -> None:
        self.conn = conn
        self.where = str(path)
        self._database: Database | None = None
        # What sqlite-utils' Database sets on a connection it is given: set here, so the
        # connection behaves the same whether or not it is ever made.
        conn.execute("PRAGMA recursive_triggers=on;")

    @property
    def utils(self) -> Database:
        """sqlite-utils' Database over this connection (for writes and migrations)."""
        if self._database is None:
            from sqlite_utils import Database

            self._database = Database(self.conn)
        return self._database

    def execute(self, sql: str, parameters: Parameters | None = None) -> sqlite3.Cursor:
        if _is_read(sql):
            if parameters is None:
                return self.conn.execute(sql)
            return self.conn.execute(sql, parameters)
        return self.utils.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def begin_write(self) -> None:
        # IMMEDIATE takes the write lock up front, so a second process waits for it (busy
        # timeout) instead of failing when a read transaction tries to become a write one.
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self, changes: Sequence[Change]) -> None:
        # Other connections notice through PRAGMA data_version; nothing to tell them.
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def atomic(self) -> AbstractContextManager[Database]:
        return self.utils.atomic()

    def columns(self, table: str) -> tuple[str, ...]:
        rows = self.conn.execute(f"PRAGMA table_info({_quoted(table)})").fetchall()
        return tuple(str(row[1]) for row in sorted(rows, key=lambda r: r[0]))

    def has_table(self, table: str) -> bool:
        found = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()
        return found is not None

    def data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def highest_id(self, table: str) -> int:
        # AUTOINCREMENT keeps the highest in sqlite_sequence (a file from before step 0006 has
        # only the rows).
        highest = self.conn.execute(
            f"SELECT COALESCE(MAX(id), 0) FROM {_quoted(table)}"  # noqa: S608
        ).fetchone()[0]
        if self.has_table("sqlite_sequence"):
            row = self.conn.execute(
                "SELECT seq FROM sqlite_sequence WHERE name = ?", [table]
            ).fetchone()
            highest = max(highest, row[0] if row else 0)
        return int(highest)

    def translate(self, error: Exception) -> WorkspaceError:
        if isinstance(error, sqlite3.Error):
            return translate(error, self.where)
        return WorkspaceError(f"{self.where}: {error}")

    def close(self) -> None:
        open_files.close(self.conn)

    def __getitem__(self, table: str) -> Table | View:
        return self.utils[table]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
