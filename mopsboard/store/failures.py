"""What can go wrong with a workspace, in words: the errors the store raises, and SQLite's
errors turned into them (a server workspace's are in store/server/failures.py)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from mopsboard.domain.errors import MopsboardError

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


def disk_is_full(path: Path | str) -> bool:
    """True when the folder holding `path` has no room left (SQLite then often reports only a
    generic I/O error, for reads too: a WAL reader must be able to grow the -shm file)."""
    try:
        status = os.statvfs(Path(path).parent)
    except OSError:
        return False
    # Less than one page of the largest size SQLite uses is as good as none.
    return status.f_bavail * status.f_frsize < 65536


def _disk_full(path: Path | str) -> WriteFailed:
    return WriteFailed(
        f"{path}: the disk is full, so the change was not saved. Free some space and try "
        "again; nothing else was changed."
    )


def translate(error: sqlite3.Error, path: Path | str) -> WorkspaceError:
    """Turn an SQLite error into a message that says what happened and what to do."""
    text = str(error).lower()
    if "full" in text:
        return _disk_full(path)
    if "disk i/o" in text and disk_is_full(path):
        return WriteFailed(
            f"{path}: the disk is full. mopsboard needs a little free space even to read a "
            "workspace; free some space and try again. Nothing was changed."
        )
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
