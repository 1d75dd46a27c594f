"""Which workspace files this process has open, so nothing else in it opens them.

On Linux and macOS SQLite's locks are POSIX advisory locks, and those belong to the process:
closing *any* file descriptor on the workspace (or its -wal or -shm) drops every lock the process
holds on it, and another program may then checkpoint and delete the WAL under an open window
(SQLite's "How To Corrupt An SQLite Database File", section 2.2). SQLite's own connections
share their descriptors safely; everything else must ask here before it touches a file.
"""

from __future__ import annotations

import os
import sqlite3
import weakref
from pathlib import Path
from typing import NamedTuple

# The files SQLite keeps beside a workspace in WAL mode.
SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")

FileKey = tuple[int, int]


class WorkspaceConnection(sqlite3.Connection):
    """sqlite3's connection, which cannot be weakly referenced; this subclass can, so a
    connection nobody closed is still collected (and forgotten here) as before."""


# A NamedTuple, not a dataclass: importing dataclasses (inspect, ast, tokenize) would cost a
# headless command a sixth of its start.
class OpenFile(NamedTuple):
    path: Path
    key: FileKey
    connection: weakref.ref[WorkspaceConnection]
    # An immutable open (a read-only folder) takes no locks; every other open holds them.
    holds_locks: bool

    @property
    def conn(self) -> WorkspaceConnection | None:
        return self.connection()


_connections: dict[int, OpenFile] = {}


def file_key(path: Path) -> FileKey | None:
    """The file's identity (device, inode), found without opening it; None if it is missing."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_dev, status.st_ino)


def register(conn: WorkspaceConnection, path: Path, *, holds_locks: bool = True) -> None:
    key = file_key(path)
    if key is None:
        return
    number = id(conn)

    def forget(_gone: object) -> None:
        _connections.pop(number, None)

    _connections[number] = OpenFile(path, key, weakref.ref(conn, forget), holds_locks)


def close(conn: sqlite3.Connection) -> None:
    """Closes a connection and forgets it."""
    _connections.pop(id(conn), None)
    conn.close()


def open_files() -> list[OpenFile]:
    return [f for f in _connections.values() if f.conn is not None]


def _base_of(path: Path) -> Path:
    for suffix in SIDECAR_SUFFIXES:
        if path.name.endswith(suffix):
            return path.with_name(path.name.removesuffix(suffix))
    return path


def is_open_here(path: Path) -> bool:
    """True if this process has `path` open as a workspace, or `path` is one of its sidecars."""
    keys = {f.key for f in open_files()}
    if not keys:
        return False
    return any(file_key(candidate) in keys for candidate in {path, _base_of(path)})
