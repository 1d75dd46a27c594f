"""Backups of a workspace: consistent copies beside it, made with SQLite's backup API.

A copy is made before each schema upgrade (see database.open_database), and once a day when the
app opens a workspace; the last `KEEP_DAILY` daily copies are kept. Copies made before an upgrade
or a restore are rare and are kept until the user deletes them.
"""

from __future__ import annotations

import contextlib
import glob
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mopsboard.store import open_files
from mopsboard.store.base import Change, StoreBase
from mopsboard.store.database import (
    BACKUP_INFIX,
    CorruptWorkspace,
    WorkspaceError,
    copy_database,
    open_database,
    translate,
)
from mopsboard.store.migrations import migrations

KEEP_DAILY = 7
DAILY = "daily"
BEFORE_RESTORE = "before-restore"
DAMAGED_BEFORE_RESTORE = "damaged-before-restore"
# Set to "off" in a workspace's settings to stop its daily copies.
DAILY_SETTING = "backup.daily"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stamp>\d{8}-\d{6})-(?P<label>[a-z]+(?:-[a-z]+)*)(?:-(?P<n>\d+))?$")
_LABEL_WORDS = {
    DAILY: "daily copy",
    "before-upgrade": "before an upgrade",
    BEFORE_RESTORE: "before a restore",
    DAMAGED_BEFORE_RESTORE: "damaged, before a restore",
}


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    label: str

    @property
    def kind(self) -> str:
        """The reason for the copy, in words."""
        return _LABEL_WORDS.get(self.label, self.label.replace("-", " "))


def list_backups(workspace_path: Path) -> list[Backup]:
    """The backups of a workspace found beside it, newest first."""
    stem, suffix = workspace_path.stem, workspace_path.suffix
    pattern = f"{glob.escape(stem)}{BACKUP_INFIX}*{glob.escape(suffix)}"
    found: list[tuple[datetime, int, Backup]] = []
    for path in workspace_path.parent.glob(pattern):
        middle = path.name[len(stem) + len(BACKUP_INFIX) : len(path.name) - len(suffix)]
        match = _NAME.match(middle)
        if match is None or not path.is_file():
            continue
        taken = datetime.strptime(match["stamp"], STAMP_FORMAT)
        found.append((taken, int(match["n"] or 1), Backup(path, taken, match["label"])))
    # Copies made in the same second are numbered -2, -3, ... in the order they were made.
    return [backup for *_order, backup in sorted(found, key=lambda f: f[:2], reverse=True)]


def _target(workspace_path: Path, label: str, now: datetime) -> Path:
    stamp = now.strftime(STAMP_FORMAT)
    stem, suffix = workspace_path.stem, workspace_path.suffix
    target = workspace_path.with_name(f"{stem}{BACKUP_INFIX}{stamp}-{label}{suffix}")
    n = 1
    while target.exists():
        n += 1
        target = workspace_path.with_name(f"{stem}{BACKUP_INFIX}{stamp}-{label}-{n}{suffix}")
    return target


def _quick_check(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.Error as error:
        return [str(error)]
    finally:
        conn.close()


def make_backup(
    store: StoreBase, label: str, now: datetime | None = None, *, checked: bool = True
) -> Path:
    """A checked copy of the workspace beside it. A copy that fails SQLite's quick check is
    deleted, not kept in place of a good older one, and the damage is reported (unless
    `checked` is False: a damaged workspace about to be restored over is kept as it was)."""
    db = store._file_only("A backup")
    target = _target(store.path, label, now or datetime.now())
    try:
        copy_database(db, target)
    except (sqlite3.Error, OSError) as error:
        with contextlib.suppress(OSError):
            target.with_name(target.name + ".partial").unlink()
        raise WorkspaceError(f"{target}: could not make a backup ({error}).") from error
    problems = _quick_check(target) if checked else ["ok"]
    if problems != ["ok"]:
        target.unlink()
        raise CorruptWorkspace(
            f"{store.path}: no backup was made, because the workspace looks damaged "
            f"({problems[0]}). Your earlier backups were kept: restore one of them "
            "(File \u25b8 Restore from backup)."
        )
    return target


def make_daily_backup(
    store: StoreBase, now: datetime | None = None, keep: int = KEEP_DAILY
) -> Path | None:
    """The day's first open makes a copy and prunes old daily copies; later opens do nothing."""
    if store.read_only or store.setting(DAILY_SETTING, "on") == "off":
        return None
    now = now or datetime.now()
    if any(b.label == DAILY and b.taken_at.date() == now.date() for b in list_backups(store.path)):
        return None
    made = make_backup(store, DAILY, now)
    prune(store.path, keep)
    return made


def prune(workspace_path: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Deletes the daily copies beyond the newest `keep`; returns what was deleted."""
    backups = list_backups(workspace_path)
    daily = [b for b in backups if b.label == DAILY]
    removed = []
    for backup in daily[keep:]:
        if open_files.is_open_here(backup.path):
            continue  # open (read-only) in a window of ours: deleting it would pull it away
        # A copy that cannot be deleted (gone already, or not ours to delete) stays: pruning
        # must never stop a workspace from opening.
        with contextlib.suppress(OSError):
            backup.path.unlink()
            removed.append(backup.path)
            for sidecar in _sidecars(backup.path):
                sidecar.unlink()
    for backup in backups:
        if backup.path not in removed:
            _fold_sidecars(backup.path)
    return removed


def _sidecars(path: Path) -> list[Path]:
    names = (path.with_name(path.name + suffix) for suffix in open_files.SIDECAR_SUFFIXES)
    return [name for name in names if name.exists()]


def _fold_sidecars(path: Path) -> None:
    """Folds a -wal left beside a backup (by an older mopsboard, or a backup opened read-only)
    back into it and removes the -wal and -shm. Through SQLite, never by deleting them: a -wal
    may hold pages the copy needs. One that is in use elsewhere is left alone."""
    if not _sidecars(path) or open_files.is_open_here(path):
        return
    with contextlib.suppress(sqlite3.Error, OSError):
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True, timeout=0)
        try:
            conn.execute("PRAGMA journal_mode = DELETE").fetchone()
        finally:
            conn.close()


def check_backup(path: Path) -> None:
    """Raises a WorkspaceError saying why `path` cannot be restored (not ours, newer, damaged)."""
    if open_files.is_open_here(path):
        raise WorkspaceError(
            f"{path}: this backup is open in another window; close that window to restore it."
        )
    db, _read_only = open_database(path, read_only=True)
    open_files.close(db.conn)
    problems = _quick_check(path)
    if problems != ["ok"]:
        raise CorruptWorkspace(f"{path}: this backup is damaged ({problems[0]}); choose another.")


def restore_backup(store: StoreBase, backup: Path) -> Path:
    """Replaces the workspace's contents with the backup's and returns the copy of the contents
    it replaced (a restore can itself be undone by restoring that copy).

    The backup API writes the pages in one transaction: other windows and processes see the
    whole restore at once, as one more commit (they notice it through PRAGMA data_version).
    """
    db = store._file_only("Restoring a backup")
    if store.read_only:
        raise WorkspaceError(f"{store.path}: the workspace is read-only; nothing was restored.")
    if backup.resolve() == store.path.resolve():
        raise WorkspaceError(f"{backup}: that is the workspace itself; choose a backup.")
    check_backup(backup)
    # A damaged workspace is what a restore is for: its copy is kept as it is, damage and all.
    damaged = bool(store.verify())
    label = DAMAGED_BEFORE_RESTORE if damaged else BEFORE_RESTORE
    safety = make_backup(store, label, checked=not damaged)
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        source.backup(db.conn)
        # A backup from before an upgrade gets the same schema steps the file had.
        if migrations.pending(db.utils):
            migrations.apply(db.utils)
    except sqlite3.Error as error:
        raise translate(error, store.path) from error
    finally:
        source.close()
    # The restored pages are another file's: check them again before the next write.
    store._damage = None
    _report_everything_changed(store)
    return safety


def _report_everything_changed(store: StoreBase) -> None:
    # A restore changes any row of any table; an empty id set tells listeners to re-read all.
    tables = [
        str(row[0])
        for row in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%' ESCAPE '\\' ORDER BY name"
        ).fetchall()
    ]
    # Boards first: a window re-reads its board list before the board it shows.
    for table in sorted(tables, key=lambda name: name != "boards"):
        change = Change(table, frozenset(), "updated")
        for listener in list(store._listeners):
            listener(change)
