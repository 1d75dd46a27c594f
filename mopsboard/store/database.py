"""Open or create a workspace file: recognise it, refuse what is not ours, migrate it safely."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
from datetime import datetime
from pathlib import Path

from mopsboard.store import open_files
from mopsboard.store.connection import FileConnection, StoreConnection
from mopsboard.store.failures import (
    BACKUP_INFIX,
    CorruptWorkspace,
    NotAWorkspace,
    ReadOnlyWorkspace,
    TooNewWorkspace,
    WorkspaceError,
    WorkspaceExists,
    WorkspaceLocked,
    WorkspaceNotFound,
    WriteFailed,
    disk_is_full,
    translate,
    translated,
)
from mopsboard.store.migrations import KNOWN_MIGRATIONS, MIGRATION_SET, apply_steps, migrations

# Where the store's errors are defined; importers of this module find them here as before.
__all__ = [
    "BACKUP_INFIX",
    "CorruptWorkspace",
    "NotAWorkspace",
    "ReadOnlyWorkspace",
    "TooNewWorkspace",
    "WorkspaceError",
    "WorkspaceExists",
    "WorkspaceLocked",
    "WorkspaceNotFound",
    "WriteFailed",
    "applied_migrations",
    "backup_copy",
    "copy_database",
    "create_database",
    "disk_is_full",
    "open_database",
    "translate",
    "translated",
]

# "MOPS" as a big-endian 32-bit integer: PRAGMA application_id of every workspace file.
APPLICATION_ID = 0x4D4F5053
SQLITE_MAGIC = b"SQLite format 3\x00"
DEFAULT_BUSY_TIMEOUT_MS = 5000


def busy_timeout_ms() -> int:
    # Tests and scripts may shorten the wait for a locked file.
    value = os.environ.get("MOPSBOARD_BUSY_TIMEOUT_MS", "")
    return int(value) if value.isdigit() else DEFAULT_BUSY_TIMEOUT_MS


def _check_file(path: Path) -> None:
    """Refuses what cannot be a workspace from its directory entry alone (nothing is opened: a
    FIFO would block the first read forever)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise WorkspaceNotFound(
            f"{path}: no such file. Check the path, or create a workspace with "
            "'mopsboard init FILE'."
        ) from None
    except PermissionError:
        raise WorkspaceError(f"{path}: you do not have permission to read this file.") from None
    except OSError as error:
        raise WorkspaceError(f"{path}: the file cannot be read ({error.strerror}).") from None
    if stat.S_ISDIR(status.st_mode):
        raise NotAWorkspace(f"{path}: is a folder, not a mopsboard workspace file.")
    if not stat.S_ISREG(status.st_mode):
        raise NotAWorkspace(
            f"{path}: is not a regular file (it is a pipe, a device or a socket), so it cannot "
            "be a mopsboard workspace."
        )


def _check_header(path: Path) -> None:
    _check_file(path)
    if open_files.is_open_here(path):
        # This process checked it when it first opened it, and reading it again through a file
        # descriptor of our own would drop SQLite's locks on it (see open_files).
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError:
        raise WorkspaceError(f"{path}: you do not have permission to read this file.") from None
    except OSError as error:
        raise WorkspaceError(f"{path}: the file cannot be read ({error.strerror}).") from None
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


def _connect(path: Path, read_only: bool, *, immutable: bool = False) -> sqlite3.Connection:
    mode = "ro" if read_only else "rw"
    flags = "&immutable=1" if immutable else ""
    uri = f"{path.resolve().as_uri()}?mode={mode}{flags}"
    conn = sqlite3.connect(
        uri,
        uri=True,
        timeout=busy_timeout_ms() / 1000,
        check_same_thread=False,
        factory=open_files.WorkspaceConnection,
    )
    open_files.register(conn, path, holds_locks=not immutable)
    try:
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
    except sqlite3.Error:
        open_files.close(conn)
        raise
    return conn


def _connect_to_read(path: Path) -> sqlite3.Connection:
    """A read-only connection, also in a folder where SQLite cannot create its -shm file.

    There, nobody (of this user) can be writing the file in WAL mode either, so reading it as
    immutable is safe, unless a -wal with changes not yet in the file lies beside it.
    """
    conn = _connect(path, read_only=True)
    if os.access(path.parent, os.W_OK):
        return conn
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        open_files.close(conn)
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise ReadOnlyWorkspace(
                f"{path}: the workspace lies in a folder you cannot write to, with recent "
                "changes still in its journal beside it, so it cannot be read safely. Copy the "
                "folder somewhere you can write to and open the copy there."
            ) from None
    return _connect(path, read_only=True, immutable=True)


def _configure(db: FileConnection, read_only: bool) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        mode = db.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed change survives a power loss, not just a crash of the app.
        db.execute("PRAGMA synchronous = FULL")


def applied_migrations(db: StoreConnection) -> list[str]:
    """The schema steps the file has, in the order they ran (what sqlite-utils' Migrations
    lists, read without loading it)."""
    recorded = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if recorded is None:
        return []
    rows = db.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
        [MIGRATION_SET],
    ).fetchall()
    return [str(row[0]) for row in rows]


def _pending(db: StoreConnection) -> bool:
    return bool(KNOWN_MIGRATIONS - set(applied_migrations(db)))


def _check_version(db: StoreConnection, path: Path) -> None:
    unknown = set(applied_migrations(db)) - KNOWN_MIGRATIONS
    if unknown:
        raise TooNewWorkspace(
            f"{path}: this workspace was made by a newer mopsboard (it has changes this version "
            "does not know). Update mopsboard to open it; the file was left untouched."
        )


def copy_database(db: FileConnection, target: Path) -> None:
    """A consistent copy of an open workspace, through SQLite's backup API (safe while in use).

    The copy is owner-only from its first byte, and in rollback-journal mode: a closed copy is
    one file with nothing beside it (a WAL-mode copy leaves -wal and -shm files behind when it
    is checked or read without write access).
    """
    partial = target.with_name(target.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by a copy that was killed half-way
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    copy = sqlite3.connect(partial)
    try:
        db.conn.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE").fetchone()
    except BaseException:
        copy.close()
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    copy.close()
    os.replace(partial, target)


def backup_copy(db: FileConnection, path: Path, label: str) -> Path:
    """A consistent copy of the workspace beside it, through SQLite's backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}{BACKUP_INFIX}{stamp}-{label}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}{BACKUP_INFIX}{stamp}-{label}-{n}{path.suffix}")
    copy_database(db, target)
    return target


def _upgrade(db: FileConnection, path: Path) -> None:
    if applied_migrations(db):
        backup_copy(db, path, "before-upgrade")
    # The steps commit with their records in one transaction, or not at all (apply_steps), so
    # an upgrade killed half-way is simply taken up again at the next open.
    apply_steps(migrations, db.utils)


def _upgraded_in_memory(conn: sqlite3.Connection) -> sqlite3.Connection:
    """An older file opened read-only: a copy in memory, upgraded, so it reads like a current
    one while the file itself stays exactly as it is (and needs no write access)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        conn.backup(memory)
        apply_steps(migrations, FileConnection(memory, ":memory:").utils)
    except BaseException:
        memory.close()
        raise
    return memory


def open_database(path: Path, *, read_only: bool = False) -> tuple[FileConnection, bool]:
    """Open an existing workspace. Returns the database and whether it is read-only.

    A file the user cannot write opens read-only rather than failing.
    """
    _check_header(path)
    # WAL needs its -wal and -shm files beside the workspace.
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    read_only = read_only or not writable
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect_to_read(path) if read_only else _connect(path, read_only=False)
        db = FileConnection(conn, path)
        # Refuse a newer file before anything (even the journal mode) is changed in it.
        _check_version(db, path)
        if read_only and _pending(db):
            memory = _upgraded_in_memory(conn)
            open_files.close(conn)
            conn = memory
            db = FileConnection(conn, path)
        _configure(db, read_only)
        if _pending(db):
            _upgrade(db, path)
    except sqlite3.Error as error:
        if conn is not None:
            open_files.close(conn)
        raise translate(error, path) from error
    except WorkspaceError:
        if conn is not None:
            open_files.close(conn)
        raise
    return db, read_only


def create_database(path: Path) -> FileConnection:
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
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(path, read_only=False)
        db = FileConnection(conn, path)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        _configure(db, read_only=False)
        apply_steps(migrations, db.utils)
    except sqlite3.Error as error:
        if conn is not None:
            open_files.close(conn)
        with contextlib.suppress(OSError):
            path.unlink()
        raise translate(error, path) from error
    return db
