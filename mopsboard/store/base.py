"""What every part of the store shares: the unit of work, row conversion, change reports."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.models import Record
from mopsboard.store.changes import Change as Change
from mopsboard.store.connection import Cursor, FileConnection, StoreConnection
from mopsboard.store.database import copy_database
from mopsboard.store.failures import (
    BACKUP_INFIX,
    CorruptWorkspace,
    ReadOnlyWorkspace,
    WorkspaceError,
)
from mopsboard.store.salvage import read_record

R = TypeVar("R", bound=Record[Any])

# Columns stored as JSON text; everything else maps one to one.
JSON_COLUMNS = frozenset({"labels", "checklist"})


Listener = Callable[[Change], None]


def inserted_id(cursor: Cursor, given: int | None) -> int:
    """The id of the row an INSERT just wrote: the one it was given, or the one the database
    chose."""
    new_id = given if given is not None else cursor.lastrowid
    if new_id is None:
        raise RuntimeError("the database reported no id for the row it inserted")
    return new_id


def now_text() -> str:
    # The same form pydantic writes for the timestamps of inserted rows.
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def to_row(model: BaseModel, *, exclude: Iterable[str] = ("id",)) -> dict[str, Any]:
    row = model.model_dump(mode="json", exclude=set(exclude))
    for key in JSON_COLUMNS & row.keys():
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def from_row(model_class: type[R], row: dict[str, Any]) -> R:
    # A row another program wrote badly is read all the same (see store/salvage).
    return read_record(model_class, row, JSON_COLUMNS)


class StoreBase:
    """The connection and its unit of work. Only the store's modules use these members."""

    def __init__(self, db: StoreConnection, path: Path, read_only: bool) -> None:
        self.db = db
        self.path = path
        self.read_only = read_only
        self._listeners: list[Listener] = []
        self._pending: list[Change] = []
        # None until checked; then "" (sound) or what SQLite's quick check found.
        self._damage: str | None = None

    # -- change reports -------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def _changed(self, table: str, ids: Iterable[int], kind: str = "updated", **extra: Any) -> None:
        fields = frozenset(extra.get("fields", ()))
        self._pending.append(Change(table, frozenset(ids), kind, fields))

    # -- the unit of work -----------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[StoreConnection]:
        """One user action: all of it commits, or none of it does.

        The transaction holds the workspace's write lock from its start (the connection's
        begin_write), so a second writer waits for it instead of failing half-way, and what
        this action reads before it writes (neighbours' order keys, a stage's cards against its
        WIP limit) cannot change under it.
        """
        if self.read_only:
            raise ReadOnlyWorkspace(
                f"{self.db.where}: the workspace is open read-only; the change was not made."
            )
        self.refuse_if_damaged()
        db = self.db
        if db.in_transaction:
            with db.atomic():
                yield db
            return
        self._pending = []
        try:
            db.begin_write()
            try:
                with db.atomic():
                    yield db
                db.commit(self._pending)
            except BaseException:
                db.rollback()
                raise
        except db.errors as error:
            self._pending = []
            raise db.translate(error) from error
        changes, self._pending = self._pending, []
        for change in changes:
            for listener in list(self._listeners):
                listener(change)

    def verify(self) -> str:
        """Checks the whole file once per connection (SQLite's quick check) and returns what is
        wrong with it ("" when it is sound). Writes call it first: a change must never go into
        a damaged file, where it could spread the damage or be lost with it."""
        if self._damage is None and self.db.dialect != "sqlite":
            # A server keeps its own files sound (checksums, WAL replay); there is no file here
            # for the app to check.
            self._damage = ""
        if self._damage is None:
            try:
                rows = self.db.execute("PRAGMA quick_check").fetchall()
                problems = [str(row[0]) for row in rows]
            except sqlite3.Error as error:
                problems = [str(error)]
            lines = [
                line for p in problems for line in p.splitlines() if not line.startswith("***")
            ]
            self._damage = "" if problems == ["ok"] else (lines or problems)[0]
        return self._damage

    def refuse_if_damaged(self) -> None:
        """Raises CorruptWorkspace, saying what to do, if the file fails the quick check."""
        damage = self.verify()
        if damage:
            raise CorruptWorkspace(
                f"{self.db.where}: the workspace file is damaged ({damage}), so nothing more is "
                "written to it. Restore it from a backup (File \u25b8 Restore from backup, or the "
                f"files named *{BACKUP_INFIX}* beside it); until then it can only be read."
            )

    @contextlib.contextmanager
    def _read(self) -> Iterator[StoreConnection]:
        try:
            yield self.db
        except self.db.errors as error:
            raise self.db.translate(error) from error

    # -- generic rows ---------------------------------------------------------------------------

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._read() as db:
            cursor = db.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _get(self, model_class: type[R], table: str, row_id: int, what: str) -> R:
        rows = self._rows(f"SELECT * FROM {table} WHERE id = ?", [row_id])  # noqa: S608
        if not rows:
            raise NotFoundError(f"There is no {what} with id {row_id}.")
        return from_row(model_class, rows[0])

    def _all(
        self,
        model_class: type[R],
        table: str,
        where: str = "",
        params: Sequence[Any] = (),
        order: str = "id",
    ) -> list[R]:
        condition = f"WHERE {where}" if where else ""
        sql = f"SELECT * FROM {table} {condition} ORDER BY {order}"  # noqa: S608
        return [from_row(model_class, row) for row in self._rows(sql, params)]

    def _insert(self, table: str, record: R) -> R:
        """Insert inside an open unit of work; returns the record with its new id."""
        # Copies made with model_copy(update=...) skip validation: check before writing.
        record = type(record).model_validate(record.model_dump())
        row = self._known_columns(
            table, to_row(record, exclude=("id",) if record.id is None else ())
        )
        row["version"] = 1
        if "updated_at" in self._columns(table):
            row["updated_at"] = now_text()
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
            list(row.values()),
        )
        new_id = inserted_id(cursor, record.id)
        self._changed(table, [new_id], "inserted")
        return record.model_copy(update={"id": new_id, "version": 1})

    def _update(self, table: str, record: R, what: str) -> R:
        """Update inside an open unit of work, only if nobody changed the row since it was read."""
        row_id = record.id
        if row_id is None:
            raise NotFoundError(f"This {what} has not been saved yet.")
        record = type(record).model_validate(record.model_dump())
        row = self._known_columns(table, to_row(record, exclude=("id", "version")))
        if "updated_at" in self._columns(table):
            row["updated_at"] = now_text()
        assignments = ", ".join(f"{name} = ?" for name in row)
        cursor = self.db.execute(
            f"UPDATE {table} SET {assignments}, version = version + 1 "  # noqa: S608
            "WHERE id = ? AND version = ?",
            [*row.values(), row_id, record.version],
        )
        if cursor.rowcount == 0:
            self._raise_missing_or_conflict(table, row_id, what)
        self._changed(table, [row_id], "updated", fields=row.keys())
        return record.model_copy(update={"version": record.version + 1})

    def _known_columns(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """The row without the fields a later schema step added that the table lacks, while they
        hold nothing: what lets a file an older release made (the upgrade tests make one) be
        written before its upgrade. A value that would be lost is written all the same, so the
        database refuses it in words."""
        columns = self._columns(table)
        return {
            name: value
            for name, value in row.items()
            if name in columns or value not in (None, "", [], 0)
        }

    def _raise_missing_or_conflict(self, table: str, row_id: int, what: str) -> None:
        exists = self.db.execute(
            f"SELECT 1 FROM {table} WHERE id = ?",  # noqa: S608
            [row_id],
        ).fetchone()
        if not exists:
            raise NotFoundError(f"The {what} was deleted meanwhile (id {row_id}).")
        raise ConflictError(
            f"The {what} was changed elsewhere since you opened it (id {row_id}).", table, row_id
        )

    def _require(self, table: str, row_id: int | None, what: str) -> None:
        if row_id is None:
            return
        found = self.db.execute(
            f"SELECT 1 FROM {table} WHERE id = ?",  # noqa: S608
            [row_id],
        ).fetchone()
        if not found:
            raise NotFoundError(f"There is no {what} with id {row_id}.")

    _column_cache: dict[str, frozenset[str]]

    def _columns(self, table: str) -> frozenset[str]:
        cache = self.__dict__.setdefault("_column_cache", {})
        if table not in cache:
            cache[table] = frozenset(self.db.columns(table))
        return cache[table]  # type: ignore[no-any-return]

    # -- settings and change detection ----------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return str(rows[0]["value"]) if rows else default

    def set_setting(self, key: str, value: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            self._changed("settings", [])

    def data_version(self) -> int:
        """Changes when another connection commits: poll it to notice other windows' writes."""
        with self._read() as db:
            return db.data_version()

    def notification_socket(self) -> int | None:
        """Where other connections' commits are told (a server workspace's socket: wait on it
        for news); None for a file, whose data_version is polled."""
        return self.db.notification_socket()

    def when_told(self, callback: Callable[[], None] | None) -> None:
        """`callback` runs (inside whatever statement is running: defer the work) when a
        server tells of another connection's commit; data_version has moved by then."""
        self.db.when_told(callback)

    @property
    def on_server(self) -> bool:
        return self.db.dialect != "sqlite"

    @property
    def location(self) -> str:
        """Where the workspace is, as messages and titles show it: the file's path, or the
        server's URL without its password."""
        return self.db.where

    def _file_only(self, what: str) -> FileConnection:
        """The file's connection, for what only a file has; refuses on a server workspace."""
        if isinstance(self.db, FileConnection):
            return self.db
        raise WorkspaceError(f"{self.db.where}: {what} is for workspace files, not a server.")

    def save_copy(self, target: Path) -> None:
        """Writes a consistent copy of the workspace to `target` (replacing it)."""
        db = self._file_only("Save a copy")
        if target.resolve() == self.path.resolve():
            raise WorkspaceError(f"{target}: that is this workspace; choose another name.")
        try:
            copy_database(db, target)
        except (sqlite3.Error, OSError) as error:
            raise WorkspaceError(f"{target}: could not save a copy ({error}).") from error

    def fold_journal(self) -> None:
        """Moves everything from the WAL into the file itself, so the file alone holds the
        workspace (to be moved or copied as one file); a server has no such journal.

        Raises if that fails (a full disk): closing would then leave the changes in a -wal that
        whoever moves the file would leave behind.
        """
        if self.on_server:
            return
        try:
            busy, log, done = self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as error:
            raise self.db.translate(error) from error
        if busy or log != done:
            raise WorkspaceError(
                f"{self.path}: another program is using the workspace; try again later."
            )

    def close(self) -> None:
        self.db.close()
