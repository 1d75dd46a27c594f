"""Schema steps: a backup before an upgrade, none when the file is up to date."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from mopsboard.store import database
from mopsboard.store.database import (
    BACKUP_INFIX,
    ReadOnlyWorkspace,
    WorkspaceError,
    applied_migrations,
    backup_copy,
)
from mopsboard.store.migrations import MIGRATION_SET, migrations
from mopsboard.store.workspace import Workspace

# The steps this version ships, and the name the next one would have.
RELEASED = [m.name for m in migrations._migrations]
ADD_TAGS = f"{len(RELEASED) + 1:04d}_add_tags"


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if BACKUP_INFIX in p.name)


def tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def applied(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [MIGRATION_SET],
            )
        ]
    finally:
        conn.close()


def use_migrations(monkeypatch: pytest.MonkeyPatch, *steps: Callable[[Database], None]) -> None:
    """Pretend this version of mopsboard knows more schema steps than the released one."""
    upgraded = Migrations(MIGRATION_SET)
    for released in migrations._migrations:
        upgraded(name=released.name)(released.fn)
    for number, step in enumerate(steps, start=len(RELEASED) + 1):
        upgraded(name=f"{number:04d}_{step.__name__}")(step)
    monkeypatch.setattr(database, "migrations", upgraded)
    monkeypatch.setattr(
        database, "KNOWN_MIGRATIONS", frozenset(m.name for m in upgraded._migrations)
    )


def add_tags(db: Database) -> None:
    db.execute("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")


def broken_step(db: Database) -> None:
    db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute("ALTER TABLE no_such_table ADD COLUMN x TEXT")


@pytest.fixture
def old_file(ws: Workspace, ws_path: Path, add: Callable[..., object]) -> Path:
    add("Made before the upgrade")
    ws.close()
    return ws_path


def test_opening_an_up_to_date_file_makes_no_backup(old_file: Path) -> None:
    before = sorted(p.name for p in old_file.parent.iterdir())
    with Workspace.open(old_file) as ws:
        assert applied_migrations(ws.db) == RELEASED
    assert backups(old_file.parent) == []
    assert sorted(p.name for p in old_file.parent.iterdir()) == before


def test_pending_migration_is_applied_after_a_backup(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, add_tags)
    with Workspace.open(old_file) as ws:
        assert applied_migrations(ws.db) == [*RELEASED, ADD_TAGS]
        assert [t.title for t in ws.tasks()] == ["Made before the upgrade"]
    assert "tags" in tables(old_file)
    [backup] = backups(old_file.parent)
    assert backup.name.startswith(old_file.stem + BACKUP_INFIX)
    assert backup.name.endswith("-before-upgrade" + old_file.suffix)
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    # The backup is the file as it was: old schema, same tasks, still a workspace.
    assert "tags" not in tables(backup)
    assert applied(backup) == RELEASED
    monkeypatch.undo()
    with Workspace.open(backup) as copy:
        assert [t.title for t in copy.tasks()] == ["Made before the upgrade"]


def test_opening_again_after_the_upgrade_makes_no_second_backup(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, add_tags)
    Workspace.open(old_file).close()
    Workspace.open(old_file).close()
    assert len(backups(old_file.parent)) == 1


def test_failed_migration_leaves_the_file_as_it_was(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, broken_step)
    with pytest.raises(WorkspaceError, match="no such table"):
        Workspace.open(old_file)
    assert "half_done" not in tables(old_file)
    assert applied(old_file) == RELEASED
    assert len(backups(old_file.parent)) == 1


def test_older_file_opened_read_only_reads_upgraded_and_stays_unchanged(
    old_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read commands open read-only: an older file must read, not be refused as read-only.
    use_migrations(monkeypatch, add_tags)
    before = old_file.read_bytes()
    with Workspace.open(old_file, read_only=True) as ws:
        assert ws.read_only
        assert [b.name for b in ws.boards()] == ["Campaign board"]
        assert ws.db["tags"].exists()  # the step ran, on a copy in memory
        with pytest.raises(ReadOnlyWorkspace):
            ws.add_board("Not written")
    assert old_file.read_bytes() == before
    assert backups(old_file.parent) == []


def test_new_file_gets_every_step_without_a_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, add_tags)
    path = tmp_path / "new.mopsboard"
    Workspace.create(path).close()
    assert applied(path) == [*RELEASED, ADD_TAGS]
    assert backups(tmp_path) == []


def test_backup_copy_is_a_consistent_copy_beside_the_file(
    ws: Workspace, ws_path: Path, add: Callable[..., object]
) -> None:
    add("Before the copy")
    first = backup_copy(ws.db, ws_path, "manual")
    second = backup_copy(ws.db, ws_path, "manual")
    assert first != second  # same second, still two files
    assert first.parent == second.parent == ws_path.parent
    for copy in (first, second):
        assert BACKUP_INFIX in copy.name
        assert copy.suffix == ws_path.suffix
        assert "-manual" in copy.name
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    add("After the copy")
    with Workspace.open(first) as copy:
        assert [t.title for t in copy.tasks()] == ["Before the copy"]
    assert [t.title for t in ws.tasks()] == ["Before the copy", "After the copy"]
