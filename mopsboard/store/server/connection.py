"""A server workspace's connection (PostgreSQL, through psycopg 3), with the file's interface.

Autocommit outside a unit of work, as sqlite3 reads outside one; a user action is one
transaction that takes the workspace's write lock first (an advisory lock: what BEGIN IMMEDIATE
is to the file), so writers queue instead of interleaving, and what an action reads before it
writes (neighbours' order keys, a stage's cards against its WIP limit) is what it writes
against: two people dropping a card into the same gap get two keys, one after the other.

Each commit tells every other connection to the workspace what it changed (NOTIFY, with the
tables and ids); `data_version` counts what others told, read from the socket without a query.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import pq, sql
from psycopg.types.numeric import FloatLoader

from mopsboard.store.connection import Parameters, StoreConnection
from mopsboard.store.failures import WorkspaceError
from mopsboard.store.server import failures
from mopsboard.store.server.dialect import to_postgres

if TYPE_CHECKING:
    from mopsboard.store.changes import Change

# "MOPS", the file's application id: the key of the workspace's write lock.
WRITE_LOCK = 0x4D4F5053
# The channel of a workspace is its schema's: two workspaces in one database stay apart.
CHANNEL = "mopsboard"
_IN_TRANSACTION = frozenset(
    {pq.TransactionStatus.ACTIVE, pq.TransactionStatus.INTRANS, pq.TransactionStatus.INERROR}
)
# NOTIFY takes up to 8000 bytes: a longer report names its tables only (re-read them whole).
_MAX_PAYLOAD = 7000


Connect = Callable[[], "psycopg.Connection[Any]"]


class ServerCursor:
    """psycopg's cursor as the store reads it, with `lastrowid` (from a RETURNING id)."""

    def __init__(self, cursor: psycopg.Cursor[Any], returns_id: bool) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        if returns_id:
            row = cursor.fetchone() if cursor.description else None
            self.lastrowid = int(row[0]) if row else None

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    def fetchmany(self, size: int = 0) -> list[Any]:
        return self._cursor.fetchmany(size)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._cursor)


def _value(value: Any) -> Any:
    # Flags are integers in the schema (the store compares `archived = 0`), as in the file.
    return int(value) if value is True or value is False else value


def _values(parameters: Parameters | None) -> Sequence[Any] | None:
    if parameters is None:
        return None
    if isinstance(parameters, dict):
        raise TypeError("the store's SQL uses ? placeholders, not named ones")
    return [_value(value) for value in parameters]


def announcement(changes: Sequence[Change]) -> str:
    """What a commit tells the others: [[table, kind, [ids]], ...], ids left out when long."""
    entries = [[c.table, c.kind, sorted(c.ids)] for c in changes]
    text = json.dumps(entries, separators=(",", ":"))
    if len(text) > _MAX_PAYLOAD:
        tables = sorted({c.table for c in changes})
        text = json.dumps([[table, "updated", []] for table in tables], separators=(",", ":"))
    return text[:_MAX_PAYLOAD]


class ServerConnection(StoreConnection):
    dialect = "postgresql"
    errors = (psycopg.Error,)
    refusals = (psycopg.errors.IntegrityError, psycopg.errors.DataError)

    def __init__(self, connect: Connect, url: str) -> None:
        self._connect = connect
        self.where = failures.shown(url)
        self._secrets = failures.secrets_of(url)
        # Tables this transaction wrote ids into itself (undo puts rows back under their own):
        # their sequences are moved past them before it commits.
        self._ids_given: set[str] = set()
        self._told = 0
        self.told: list[str] = []
        self._when_told: Callable[[], None] | None = None
        self._attach(connect())

    def _attach(self, conn: psycopg.Connection[Any]) -> None:
        self.conn = conn
        # SUM of integers is numeric in PostgreSQL; the store reads numbers as SQLite gives them.
        conn.adapters.register_loader("numeric", FloatLoader)
        self._id_tables: frozenset[str] | None = None
        self._savepoints = 0
        self._pid = conn.info.backend_pid
        conn.add_notify_handler(self._on_notify)
        row = conn.execute("SELECT current_schema()").fetchone()
        self._channel = f"{CHANNEL}:{row[0] if row else ''}"
        conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))

    def _reconnect(self) -> None:
        """A connection the server dropped (a restart, the network) is made anew, between two
        actions only: what another person committed meanwhile is unknown, so it counts as news
        (every view re-reads). Raises, in the driver's words, while the server is unreachable."""
        with contextlib.suppress(psycopg.Error):
            self.conn.close()
        if self._when_told is not None:
            # Whoever waits on the old socket lets go of it now, before an event loop polls
            # the closed one (and whether or not the new connection can be made).
            self._when_told()
        self._attach(self._connect())
        self._told += 1
        if self._when_told is not None:
            self._when_told()

    @property
    def lost(self) -> bool:
        """Whether the connection is gone (the next action makes it again, if it can)."""
        return self.conn.broken or self.conn.closed

    def _between_actions(self) -> bool:
        return not self.in_transaction

    # -- statements -----------------------------------------------------------------------------

    def execute(self, statement: str, parameters: Parameters | None = None) -> ServerCursor:
        if statement.lstrip()[:6].upper() == "PRAGMA":
            raise WorkspaceError(f"{self.where}: not on a server workspace ({statement.strip()})")
        translated = to_postgres(statement, parameters is not None)
        text = translated.sql
        returns_id = translated.inserts_into in self._tables_with_id()
        if returns_id:
            text += " RETURNING id"
            if translated.gives_ids:
                self._ids_given.add(str(translated.inserts_into))
        if self.lost and self._between_actions():
            self._reconnect()
        try:
            cursor = self.conn.cursor()
            cursor.execute(text.encode(), _values(parameters))
        except psycopg.OperationalError:
            # A read between actions found the connection gone: it is safe to send again once.
            if not (self.lost and self._between_actions()):
                raise
            self._reconnect()
            cursor = self.conn.cursor()
            cursor.execute(text.encode(), _values(parameters))
        return ServerCursor(cursor, returns_id)

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        values = [_values(row) or () for row in rows]
        if values:
            translated = to_postgres(statement)
            if translated.gives_ids and translated.inserts_into:
                self._ids_given.add(translated.inserts_into)
            with self.conn.cursor() as cursor:
                cursor.executemany(translated.sql.encode(), values)

    def _tables_with_id(self) -> frozenset[str]:
        if self._id_tables is None:
            # The catalog, not information_schema: a tenth of the time, paid per connection.
            rows = self.conn.execute(
                "SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' "
                "AND a.attname = 'id' AND NOT a.attisdropped"
            ).fetchall()
            self._id_tables = frozenset(str(row[0]) for row in rows)
        return self._id_tables

    def tables_with_id(self) -> frozenset[str]:
        return self._tables_with_id()

    def schema_changed(self) -> None:
        """After a migration: the tables are read again."""
        self._id_tables = None

    def columns(self, table: str) -> tuple[str, ...]:
        rows = self.conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(%s) AND attnum > 0 "
            "AND NOT attisdropped ORDER BY attnum",
            [f'"{table}"'],
        ).fetchall()
        return tuple(str(row[0]) for row in rows)

    def has_table(self, table: str) -> bool:
        return table in self._tables_with_id() or bool(self.columns(table))

    def highest_id(self, table: str) -> int:
        row = self.conn.execute(
            sql.SQL(
                "SELECT GREATEST(COALESCE((SELECT MAX(id) FROM {}), 0), "
                "COALESCE(pg_sequence_last_value(pg_get_serial_sequence(%s, 'id')::regclass), 0))"
            ).format(sql.Identifier(table)),
            [table],
        ).fetchone()
        return int(row[0]) if row else 0

    def _move_sequences(self) -> None:
        for table in sorted(self._ids_given):
            self.conn.execute(
                sql.SQL(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST(1, "
                    "(SELECT MAX(id) FROM {}), "
                    "pg_sequence_last_value(pg_get_serial_sequence(%s, 'id')::regclass)))"
                ).format(sql.Identifier(table)),
                [table, table],
            )
        self._ids_given.clear()

    # -- transactions ---------------------------------------------------------------------------

    @property
    def in_transaction(self) -> bool:
        # A lost connection's status is UNKNOWN: its transaction is gone with it.
        return self.conn.info.transaction_status in _IN_TRANSACTION

    def begin_write(self) -> None:
        self._ids_given.clear()
        # One round trip: the transaction and the workspace's write lock together. Nothing is
        # done yet, so a connection found lost here is made again and the action goes on.
        begin = f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})".encode()
        if self.lost:
            self._reconnect()
        try:
            self.conn.execute(begin)
        except psycopg.OperationalError:
            if not self.lost:
                raise
            self._reconnect()
            self.conn.execute(begin)

    def commit(self, changes: Sequence[Change]) -> None:
        self._move_sequences()
        if changes:
            # Delivered with the commit, and only if it commits.
            self.conn.execute(
                sql.SQL("NOTIFY {}, {}; COMMIT").format(
                    sql.Identifier(self._channel), sql.Literal(announcement(changes))
                )
            )
        else:
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction and not self.lost:
            self.conn.execute("ROLLBACK")

    @contextlib.contextmanager
    def atomic(self) -> Iterator[ServerConnection]:
        if not self.in_transaction:
            self.conn.execute("BEGIN")
            try:
                yield self
                self._move_sequences()
            except BaseException:
                self.rollback()
                raise
            self.conn.execute("COMMIT")
            return
        self._savepoints += 1
        name = f"store_{self._savepoints}"
        self.conn.execute(f"SAVEPOINT {name}".encode())
        try:
            yield self
        except BaseException:
            if self.conn.info.transaction_status != pq.TransactionStatus.UNKNOWN:
                self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}".encode())
            raise
        finally:
            self._savepoints -= 1
        self.conn.execute(f"RELEASE SAVEPOINT {name}".encode())

    # -- others' commits ------------------------------------------------------------------------

    def _on_notify(self, notify: psycopg.Notify) -> None:
        if notify.channel == self._channel and notify.pid != self._pid:
            self._told += 1
            self.told.append(notify.payload)
            del self.told[:-100]
            if self._when_told is not None:
                self._when_told()

    @property
    def role(self) -> str | None:
        return str(self.conn.info.user)

    def notification_socket(self) -> int | None:
        return None if self.conn.closed else self.conn.fileno()

    def when_told(self, callback: Callable[[], None] | None) -> None:
        self._when_told = callback

    def data_version(self) -> int:
        # What arrived while the connection was idle is on its socket, not yet read: read it
        # without a round trip (psycopg hands what arrives during a query to _on_notify).
        if self.lost:
            self._reconnect()
        pgconn = self.conn.pgconn
        if not self.in_transaction:
            try:
                pgconn.consume_input()
            except psycopg.OperationalError:
                # The server went away: its socket says so (end of file). Made again at once
                # when it can be, else the error says the server cannot be reached.
                self._reconnect()
                pgconn = self.conn.pgconn
            while (notify := pgconn.notifies()) is not None:
                self._on_notify(
                    psycopg.Notify(notify.relname.decode(), notify.extra.decode(), notify.be_pid)
                )
        return self._told

    def translate(self, error: Exception) -> WorkspaceError:
        return failures.translate(error, self.where, self._secrets)

    def close(self) -> None:
        self._when_told = None
        self.conn.close()
