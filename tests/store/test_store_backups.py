"""Backups: one a day on open, the last seven kept, checked copies, restore over a live file."""

from __future__ import annotations

import random
import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mopsboard.domain.models import Task
from mopsboard.store.backups import (
    BEFORE_RESTORE,
    DAILY,
    DAILY_SETTING,
    KEEP_DAILY,
    Backup,
    check_backup,
    list_backups,
    make_backup,
    make_daily_backup,
    prune,
    restore_backup,
)
from mopsboard.store.base import Change
from mopsboard.store.database import (
    BACKUP_INFIX,
    CorruptWorkspace,
    NotAWorkspace,
    TooNewWorkspace,
    WorkspaceError,
)
from mopsboard.store.workspace import Workspace

NOON = datetime(2026, 3, 2, 12, 0, 0)


def daily_copies(path: Path) -> list[Backup]:
    return [b for b in list_backups(path) if b.label == DAILY]


def test_first_open_of_the_day_makes_one_checked_copy(
    ws: Workspace, ws_path: Path, add: Callable[..., Task]
) -> None:
    add("Plan the spring launch")
    made = make_daily_backup(ws, now=NOON)
    assert made is not None
    assert made.name == f"w{BACKUP_INFIX}20260302-120000-daily.mopsboard"
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    # Later the same day: nothing more.
    assert make_daily_backup(ws, now=NOON + timedelta(hours=5)) is None
    [backup] = list_backups(ws_path)
    assert (backup.path, backup.taken_at, backup.kind) == (made, NOON, "daily copy")
    with Workspace.open(made, read_only=True) as copy:
        assert [t.title for t in copy.tasks()] == ["Plan the spring launch"]
    # The next day: another.
    assert make_daily_backup(ws, now=NOON + timedelta(days=1)) is not None
    assert len(daily_copies(ws_path)) == 2


def test_only_the_last_seven_daily_copies_are_kept(ws: Workspace, ws_path: Path) -> None:
    upgrade = make_backup(ws, "before-upgrade", NOON - timedelta(days=30))
    for day in range(10):
        make_daily_backup(ws, now=NOON + timedelta(days=day))
    kept = daily_copies(ws_path)
    assert len(kept) == KEEP_DAILY
    assert [b.taken_at.date() for b in kept] == [
        (NOON + timedelta(days=day)).date() for day in range(9, 2, -1)
    ]
    # Copies made before an upgrade are not daily ones: they stay.
    assert upgrade.exists()
    assert prune(ws_path, keep=2) == [b.path for b in kept[2:]]
    assert len(daily_copies(ws_path)) == 2


def test_no_daily_copy_when_turned_off_or_read_only(ws: Workspace, ws_path: Path) -> None:
    ws.set_setting(DAILY_SETTING, "off")
    assert make_daily_backup(ws, now=NOON) is None
    ws.set_setting(DAILY_SETTING, "on")
    ws.close()
    with Workspace.open(ws_path, read_only=True) as read_only:
        assert make_daily_backup(read_only, now=NOON) is None
    assert list_backups(ws_path) == []


def test_listing_ignores_other_files_and_other_workspaces(ws: Workspace, ws_path: Path) -> None:
    made = make_backup(ws, DAILY, NOON)
    make_backup(ws, DAILY, NOON)  # the same second: a second name, not an overwrite
    folder = ws_path.parent
    for name in (
        f"w{BACKUP_INFIX}20260302-120000-daily.mopsboard-wal",
        f"w{BACKUP_INFIX}20260302-120000-daily.mopsboard.partial",
        f"w{BACKUP_INFIX}yesterday-daily.mopsboard",
        f"wx{BACKUP_INFIX}20260302-120000-daily.mopsboard",
        "notes.txt",
    ):
        (folder / name).write_text("not a backup")
    found = list_backups(ws_path)
    assert [b.path.name for b in found] == [
        f"w{BACKUP_INFIX}20260302-120000-daily-2.mopsboard",
        made.name,
    ]


def test_a_damaged_workspace_makes_no_backup_and_keeps_the_old_ones(
    ws: Workspace, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(KEEP_DAILY):
        make_daily_backup(ws, now=NOON - timedelta(days=day + 1))
    before = daily_copies(ws_path)
    from mopsboard.store import backups

    monkeypatch.setattr(backups, "_quick_check", lambda path: ["*** in database main ***"])
    with pytest.raises(CorruptWorkspace, match="earlier backups were kept"):
        make_daily_backup(ws, now=NOON)
    assert daily_copies(ws_path) == before


def test_restore_replaces_the_contents_and_keeps_a_copy_of_what_it_replaced(
    ws: Workspace, ws_path: Path, add: Callable[..., Task]
) -> None:
    add("Kept in the backup")
    backup = make_backup(ws, DAILY, NOON)
    add("Made after the backup")
    ws.add_board("Board made after the backup")
    # Another window has the file open: it sees the restore as one more commit.
    changes: list[Change] = []
    ws.subscribe(changes.append)
    with Workspace.open(ws_path) as other:
        version = other.data_version()
        safety = restore_backup(ws, backup)
        assert other.data_version() != version
        assert [t.title for t in other.tasks()] == ["Kept in the backup"]
    assert [t.title for t in ws.tasks()] == ["Kept in the backup"]
    assert [b.name for b in ws.boards()] == ["Campaign board"]
    # Listeners in this process re-read everything, boards first.
    assert changes[0].table == "boards"
    assert {"tasks", "stages", "settings"} <= {c.table for c in changes}
    assert all(c.ids == frozenset() for c in changes)
    assert "_sqlite_migrations" not in {c.table for c in changes}
    assert BEFORE_RESTORE in safety.name
    with Workspace.open(safety, read_only=True) as replaced:
        assert [t.title for t in replaced.tasks()] == [
            "Kept in the backup",
            "Made after the backup",
        ]
    # The restored file is still a workspace that writes and reopens.
    add("Made after the restore")
    ws.close()
    with Workspace.open(ws_path) as again:
        assert len(again.tasks()) == 2
        assert again.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (email TEXT)")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mopsboard', '9999_from_the_future', '2099-01-01')"
    )
    conn.commit()
    conn.close()


def _damaged(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 2 :] = random.Random(5).randbytes(len(data) - page * 2)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("spoil", "error", "words"),
    [
        (_foreign, NotAWorkspace, "another program"),
        (_newer, TooNewWorkspace, "newer mopsboard"),
        (_damaged, WorkspaceError, "damaged"),
    ],
)
def test_a_bad_backup_is_refused_and_the_workspace_left_alone(
    ws: Workspace,
    ws_path: Path,
    add: Callable[..., Task],
    tmp_path: Path,
    spoil: Callable[[Path], None],
    error: type[Exception],
    words: str,
) -> None:
    add("Still here")
    bad = tmp_path / f"w{BACKUP_INFIX}20260301-120000-daily.mopsboard"
    if spoil is _foreign:
        _foreign(bad)
    else:
        shutil.copyfile(make_backup(ws, "scratch", NOON), bad)
        spoil(bad)
    with pytest.raises(error, match=words):
        check_backup(bad)
    with pytest.raises(error, match=words):
        restore_backup(ws, bad)
    assert [t.title for t in ws.tasks()] == ["Still here"]
    assert not [b for b in list_backups(ws_path) if b.label == BEFORE_RESTORE]


def test_restore_refuses_the_workspace_itself_and_read_only_workspaces(
    ws: Workspace, ws_path: Path
) -> None:
    backup = make_backup(ws, DAILY, NOON)
    with pytest.raises(WorkspaceError, match="the workspace itself"):
        restore_backup(ws, ws_path)
    ws.close()
    with (
        Workspace.open(ws_path, read_only=True) as read_only,
        pytest.raises(WorkspaceError, match="read-only"),
    ):
        restore_backup(read_only, backup)


def test_a_copy_that_cannot_be_pruned_is_kept_and_opening_goes_on(
    ws: Workspace, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for day in range(KEEP_DAILY):
        make_daily_backup(ws, now=NOON - timedelta(days=day + 1))
    oldest = daily_copies(ws_path)[-1].path
    real_unlink = Path.unlink

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if path == oldest:
            raise PermissionError(13, "Permission denied", str(path))
        real_unlink(path, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert make_daily_backup(ws, now=NOON) is not None
    assert oldest.exists()
    assert len(daily_copies(ws_path)) == KEEP_DAILY + 1
