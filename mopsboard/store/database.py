"""Open or create a workspace file: recognise it, refuse what is not ours, migrate it safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.migrations import KNOWN_MIGRATIONS, MIGRATION_SET, migrations

# "MOPS" as a big-endian 32-bit integer: PRAGMA application_id of every workspace file.
APPLICATION_ID = 0x4D4F5053
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000
BACKUP_INFIX = ".backup-"


class WorkspaceError(MopsboardError):
    """The workspace file cannot be used; the message says why and what to do."""


class WorkspaceNotFound(WorkspaceError):
    pass


class NotAWorkspace(WorkspaceError):
    pass


class CorruptWorkspace(WorkspaceError):
    pass


class TooNewWorkspace(WorkspaceError):
    pass


class WorkspaceLocked(WorkspaceError):
    pass


class ReadOnlyWorkspace(WorkspaceError):
    pass


class WriteFailed(WorkspaceError):
    pass


class WorkspaceExists(WorkspaceError):
    pass


def busy_timeout_ms() -> int:
    # Tests and scripts may shorten the wait for a locked file.
    value = os.environ.get("MOPSBOARD_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


def translate(error: sqlite3.Error, path: Path | str) -> WorkspaceError:
    """Turn an SQLite error into a message that says what happened and what to do."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return WorkspaceLocked(
            f"{path}: the workspace is locked by another program. Close the other program "
            "(or wait for it to finish) and try again."
        )
    if "readonly" in text or "read-only" in text:
        return ReadOnlyWorkspace(
            f"{path}: the workspace is read-only, so the change was not saved. Copy it to a "
            "folder you can write to, or change its permissions."
        )
    if "full" in text:
        return WriteFailed(
            f"{path}: the disk is full, so the change was not saved. Free some space and try "
            "again; nothing else was changed."
        )
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return CorruptWorkspace(
            f"{path}: the workspace file is damaged ({error}). Restore it from a backup "
            f"(files named *{BACKUP_INFIX}* beside it)."
        )
    if "disk i/o" in text or "unable to open" in text:
        return WriteFailed(f"{path}: the file could not be read or written ({error}).")
    return WorkspaceError(f"{path}: {error}")


@contextlib.contextmanager
def translated(path: Path | str) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as error:
        raise translate(error, path) from error


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise WorkspaceNotFound(
            f"{path}: no such file. Check the path, or create a workspace with "
            "'mopsboard init FILE'."
        ) from None
    except IsADirectoryError:
        raise NotAWorkspace(f"{path}: is a folder, not a mopsboard workspace file.") from None
    except PermissionError:
        raise WorkspaceError(f"{path}: you do not have permission to read this file.") from None
    if not header.startswith(SQLITE_MAGIC):
        raise NotAWorkspace(
            f"{path}: is not a mopsboard workspace (not an SQLite database). "
            "Open a .mopsboard file, or create one with 'mopsboard init FILE'."
        )
    if len(header) < 100:
        raise CorruptWorkspace(
            f"{path}: the workspace file is truncated. Restore it from a backup."
        )
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise NotAWorkspace(
            f"{path}: is an SQLite database of another program, not a mopsboard workspace. "
            "mopsboard leaves it untouched."
        )
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count, valid_for = (
        struct.unpack(">I", header[24:28])[0],
        struct.unpack(">I", header[28:32])[0],
        struct.unpack(">I", header[92:96])[0],
    )
    if change_counter == valid_for and path.stat().st_size < page_size * page_count:
        raise CorruptWorkspace(
            f"{path}: the workspace file is truncated (shorter than its header says). "
            f"Restore it from a backup (files named *{BACKUP_INFIX}* beside it)."
        )


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'ro' if read_only else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, timeout=busy_timeout_ms() / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    return conn


def _configure(db: Database, read_only: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives a power loss, not just a crash of the app.
        db.execute("PRAGMA synchronous = FULL")


def applied_migrations(db: Database) -> list[str]:
    return [m.name for m in migrations.applied(db)]


def _check_version(db: Database, path: Path) -> None:
    unknown = set()
    if db["_sqlite_migrations"].exists():
        rows = db.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
        unknown = {row[0] for row in rows} - KNOWN_MIGRATIONS
    if unknown:
        raise TooNewWorkspace(
            f"{path}: this workspace was made by a newer mopsboard (it has changes this version "
            "does not know). Update mopsboard to open it; the file was left untouched."
        )


def copy_database(db: Database, target: Path) -> None:
    """A consistent copy of an open workspace, through SQLite's backup API (safe while in use)."""
    partial = target.with_name(target.name + ".partial")
    copy = sqlite3.connect(partial)
    try:
        db.conn.backup(copy)
    finally:
        copy.close()
    os.chmod(partial, 0o600)
    os.replace(partial, target)


def backup_copy(db: Database, path: Path, label: str) -> Path:
    """A consistent copy of the workspace beside it, through SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}{BACKUP_INFIX}{stamp}-{label}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}{BACKUP_INFIX}{stamp}-{label}-{n}{path.suffix}")
    copy_database(db, target)
    return target


def open_database(path: Path, *, read_only: bool = False) -> tuple[Database, bool]:
    """Open an existing workspace. Returns the database and whether it is read-only.

    A file the user cannot write opens read-only rather than failing.
    """
    _check_header(path)
    if not read_only and not os.access(path, os.W_OK):
        read_only = True
    if not read_only and not os.access(path.parent, os.W_OK):
        # WAL needs its -wal and -shm files beside the workspace.
        read_only = True
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, read_only)
        db = Database(conn)
        # Refuse a newer file before anything (even the journal mode) is changed in it.
        _check_version(db, path)
        _configure(db, read_only)
        pending = migrations.pending(db)
        if pending:
            if read_only:
                raise ReadOnlyWorkspace(
                    f"{path}: this workspace needs an upgrade, but it is read-only. Copy it to a "
                    "folder you can write to and open the copy."
                )
            if applied_migrations(db):
                backup_copy(db, path, "before-upgrade")
            migrations.apply(db)
    except sqlite3.Error as error:
        if conn is not None:
            conn.close()
        raise translate(error, path) from error
    except WorkspaceError:
        if conn is not None:
            conn.close()
        raise
    return db, read_only


def create_database(path: Path) -> Database:
    """Create a new, empty workspace file (schema only), readable by its owner only."""
    if path.exists():
        raise WorkspaceExists(f"{path}: a file with this name exists already; it was not changed.")
    if not path.parent.exists():
        raise WorkspaceError(f"{path.parent}: no such folder.")
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise WorkspaceError(f"{path}: cannot create the file ({error.strerror}).") from None
    os.close(fd)
    try:
        conn = _connect(path, read_only=False)
        db = Database(conn)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db, read_only=False)
        migrations.apply(db)
    except sqlite3.Error as error:
        with contextlib.suppress(OSError):
            path.unlink()
        raise translate(error, path) from error
    return db
