"""A workspace's connection as the store uses it, with sqlite-utils only where it writes or
migrates.

sqlite-utils' Database loads click, pluggy and dateutil, a fifth of a headless command's start,
and reading needs none of it: a SELECT or a PRAGMA goes straight to the sqlite3 connection, as
sqlite-utils would send it (with sqlite3's default transaction handling neither statement opens
a transaction, so the commit and rollback sqlite-utils adds around a statement never apply to
them). Every other statement, `atomic()`, `db[table]` and the migrations go through
sqlite-utils, made at the first of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table, View

Parameters = Sequence[Any] | dict[str, Any]

_READS = ("SELECT", "PRAGMA")


def _is_read(sql: str) -> bool:
    # A statement that starts otherwise (a comment, WITH) is sent through sqlite-utils.
    return sql.lstrip()[:6].upper() in _READS


class StoreConnection:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
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

    def atomic(self) -> AbstractContextManager[Database]:
        return self.utils.atomic()

    def __getitem__(self, table: str) -> Table | View:
        return self.utils[table]
