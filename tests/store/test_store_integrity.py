"""Files that got through before: a pipe, a damaged page nobody reads, a read-only folder, an
older file opened to be read, an upgrade killed half-way, a full disk, and backups that were
world-readable while written and left journal files behind."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from hostile import break_an_overflow_chain

from mopsboard.domain.models import Task
from mopsboard.store import backups, database
from mopsboard.store.backups import DAILY, list_backups, make_backup, make_daily_backup, prune
from mopsboard.store.database import CorruptWorkspace, NotAWorkspace, WriteFailed, copy_database
from mopsboard.store.migrations import migrations
from mopsboard.store.workspace import Workspace

LAST_STEP = migrations._migrations[-1].name


# Root ignores file permissions; without these capabilities it obeys them like any user.
AS_A_USER = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def _cli(*argv: str | Path, as_user: bool = False, timeout: float = 60) -> Any:
    prefix = AS_A_USER if as_user and os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mopsboard", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _populated(path: Path, tasks: int = 60, description: str = "") -> Path:
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        backlog = ws.stages(board)[0].key
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=backlog, title=f"Task {n}", description=description)
                for n in range(tasks)
            ]
        )
    return path


# -- a pipe -------------------------------------------------------------------------------------


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.mopsboard"
    os.mkfifo(fifo)
    with pytest.raises(NotAWorkspace, match="not a regular file"):
        Workspace.open(fifo)
    for command in (["tasks", fifo], ["add-task", fifo, "--title", "x"], ["capacity", fifo]):
        done = _cli(*command, timeout=30)  # before the fix, each one hung here forever
        assert done.returncode == 1
        assert "not a regular file" in done.stderr


# -- a damaged page that no command happens to read ----------------------------------------------


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = _populated(tmp_path / "damaged.mopsboard", tasks=40, description="y" * 9000)
    break_an_overflow_chain(path)
    return path


def test_no_write_goes_into_a_file_that_fails_the_quick_check(damaged: Path) -> None:
    before = damaged.read_bytes()
    with Workspace.open(damaged) as ws:
        board = ws.boards()[0].key
        backlog = ws.stages(board)[0].key
        assert len(ws.boards()) == 1  # reads that miss the damage still work
        with pytest.raises(CorruptWorkspace, match="damaged") as refused:
            ws.add_task(Task(board_id=board, stage_id=backlog, title="Into the damage"))
        assert "Restore from backup" in str(refused.value)
        assert "***" not in str(refused.value)
        with pytest.raises(CorruptWorkspace):
            ws.add_board("Another")
        assert ws.verify().startswith("On tree page")
    assert damaged.read_bytes() == before


def test_cli_writes_refuse_a_damaged_file_and_leave_it_as_it_was(damaged: Path) -> None:
    before = damaged.read_bytes()
    for command in (
        ["add-task", damaged, "--title", "Into the damage"],
        ["move-task", damaged, "1", "--stage", "Done"],
    ):
        done = _cli(*command)
        assert done.returncode == 1, done.stdout
        assert "damaged" in done.stderr and "Restore from backup" in done.stderr
    assert damaged.read_bytes() == before


def test_a_restore_lifts_the_refusal(damaged: Path, tmp_path: Path) -> None:
    good = _populated(tmp_path / "good.mopsboard", tasks=3)
    backup = damaged.with_name(f"damaged.backup-20260301-120000-{DAILY}.mopsboard")
    backup.write_bytes(good.read_bytes())
    with Workspace.open(damaged) as ws:
        assert ws.verify()
        backups.restore_backup(ws, backup)
        board = ws.boards()[0].key
        ws.add_task(Task(board_id=board, stage_id=ws.stages(board)[0].key, title="After"))
        assert "After" in {t.title for t in ws.tasks()}


# -- a read-only folder ----------------------------------------------------------------------------


@pytest.fixture
def shared_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder the user may read but not write, holding a workspace."""
    if os.geteuid() == 0 and shutil.which("setpriv") is None:
        pytest.skip("needs setpriv (util-linux) to run a command without root's overrides")
    folder = tmp_path / "shared"
    folder.mkdir()
    _populated(folder / "team.mopsboard", tasks=5)
    os.chmod(folder, 0o555)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)


def test_a_workspace_in_a_read_only_folder_can_be_listed(shared_folder: Path) -> None:
    path = shared_folder / "team.mopsboard"
    before = path.read_bytes()
    listed = _cli("tasks", path, "--json", as_user=True)
    assert listed.returncode == 0, listed.stderr
    assert "Task 4" in listed.stdout
    assert _cli("capacity", path, as_user=True).returncode == 0
    refused = _cli("add-task", path, "--title", "x", as_user=True)
    assert refused.returncode == 1 and "read-only" in refused.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in shared_folder.iterdir()) == ["team.mopsboard"]


_KILLED_WRITER = """
import os, sys
from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace
ws = Workspace.open(sys.argv[1])
ws.db.execute("PRAGMA wal_autocheckpoint = 0")
ws.add_board("Only in the journal")
board = ws.boards()[0].id
ws.add_task(Task(board_id=board, stage_id=ws.stages(board)[0].id, title="Journal task"))
os._exit(9)  # killed: the changes are in the -wal, not yet in the file itself
"""


def test_a_read_only_folder_with_unsaved_journal_is_refused_in_words(
    shared_folder: Path,
) -> None:
    path = shared_folder / "team.mopsboard"
    os.chmod(shared_folder, 0o755)
    # Keep the changes in the -wal, as a program that was killed would.
    killed = subprocess.run([sys.executable, "-c", _KILLED_WRITER, str(path)], timeout=60)
    assert killed.returncode == 9
    Path(f"{path}-shm").unlink()  # and none that SQLite could use to read the -wal
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    alone = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        held = [title for (title,) in alone.execute("SELECT title FROM tasks")]
    finally:
        alone.close()
    assert len(held) == 5 and "Journal task" not in held  # the file alone lacks it
    os.chmod(wal, 0o644)
    os.chmod(shared_folder, 0o555)
    done = _cli("tasks", path, as_user=True)
    if done.returncode == 0:  # an SQLite that can use the journal as it is: then it is read
        assert "Journal task" in done.stdout, done.stdout
        return
    assert done.returncode == 1
    assert "cannot be read safely" in done.stderr or "read-only" in done.stderr


# -- older files -----------------------------------------------------------------------------------


def _schema_objects(conn: sqlite3.Connection) -> set[tuple[str, str]]:
    return {
        (row[0], row[1])
        for row in conn.execute(
            "SELECT type, name FROM sqlite_master "
            "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        )
    }


def _make_older(path: Path) -> None:
    """Undoes the last released schema step by hand, as a file of the previous version: drops
    what that step made (found by applying every step before it to an empty file) and its
    record."""
    before_last = sqlite_utils.Database(memory=True)
    for step in migrations._migrations[:-1]:
        step.fn(before_last)
    older = _schema_objects(before_last.conn)
    conn = sqlite3.connect(path)
    try:
        added = _schema_objects(conn) - older - {("table", "_sqlite_migrations")}
        assert added, "the last step made nothing to take out"
        for kind, name in sorted(added, key=lambda item: item[0] != "index"):
            conn.execute(f'DROP {kind.upper()} "{name}"')
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [LAST_STEP])
        conn.commit()
    finally:
        conn.close()


def test_read_commands_read_an_older_writable_file_without_changing_it(tmp_path: Path) -> None:
    path = _populated(tmp_path / "older.mopsboard", tasks=3)
    _make_older(path)
    before = path.read_bytes()
    for command in (["tasks", path], ["campaigns", path], ["capacity", path]):
        done = _cli(*command)
        assert done.returncode == 0, done.stderr
        assert "needs an upgrade" not in done.stderr
    assert path.read_bytes() == before
    assert list_backups(path) == []
    # A write upgrades it, with a backup first.
    assert _cli("add-task", path, "--title", "After the upgrade").returncode == 0
    assert [b.label for b in list_backups(path)] == ["before-upgrade"]


_KILLED_UPGRADE = """
import os, sys
from mopsboard.store import migrations as m
from mopsboard.store.workspace import Workspace
step = m.migrations._migrations[-1]
real = step.fn
def killed(db):
    real(db)
    os._exit(9)  # killed in the middle of the step, before its record is written
step.fn = killed
Workspace.open(sys.argv[1])
"""


def test_an_upgrade_killed_half_way_is_taken_up_again_at_the_next_open(tmp_path: Path) -> None:
    path = _populated(tmp_path / "older.mopsboard", tasks=3)
    _make_older(path)
    killed = subprocess.run([sys.executable, "-c", _KILLED_UPGRADE, str(path)], timeout=60)
    assert killed.returncode == 9
    with Workspace.open(path, read_only=True) as ws:
        assert len(ws.tasks()) == 3
    with Workspace.open(path) as ws:
        assert database.applied_migrations(ws.db)[-1] == LAST_STEP
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(ws.tasks()) == 3


# -- a full disk -----------------------------------------------------------------------------------


@pytest.fixture
def tiny_disk() -> Iterator[Path]:
    """A 1 MiB file system of its own (a tmpfs), so it can be filled without harm."""
    if os.geteuid() != 0:
        pytest.skip("needs root to mount a small file system")
    mount_point = Path(tempfile.mkdtemp(prefix="mopsboard-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
        capture_output=True,
    )
    if mounted.returncode != 0:
        mount_point.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)
        mount_point.rmdir()


def _fill(folder: Path) -> None:
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()


def test_every_command_says_the_disk_is_full(tiny_disk: Path) -> None:
    path = _populated(tiny_disk / "w.mopsboard", tasks=5)
    _fill(tiny_disk)
    assert os.statvfs(tiny_disk).f_bavail == 0
    for command in (["tasks", path], ["add-task", path, "--title", "x"], ["capacity", path]):
        done = _cli(*command)
        assert done.returncode == 1, command
        assert "disk is full" in done.stderr, done.stderr
        assert "disk I/O error" not in done.stderr


def test_a_demo_made_on_a_disk_that_fills_up_is_refused_not_cut_short(tiny_disk: Path) -> None:
    # The data of a new demo is in its -wal until the file is closed; only the file was moved
    # into place, and a checkpoint that ran out of room left a truncated workspace behind.
    done = _cli("demo", tiny_disk / "demo.mopsboard", "--tasks", "600")
    assert done.returncode == 1, "600 demo tasks fit in 1 MB: the disk never filled up"
    assert "disk is full" in done.stderr
    assert sorted(p.name for p in tiny_disk.iterdir()) == []


def test_disk_full_translation_for_a_generic_io_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoRoom:
        f_bavail = 0
        f_frsize = 4096

    monkeypatch.setattr(database.os, "statvfs", lambda _path: NoRoom())
    error = database.translate(sqlite3.OperationalError("disk I/O error"), tmp_path / "w")
    assert isinstance(error, WriteFailed) and "disk is full" in str(error)


# -- backups -------------------------------------------------------------------------------------


def test_a_backup_is_owner_only_while_it_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "umask", os.umask)  # restored after the test
    os.umask(0o022)
    ws = Workspace.create(tmp_path / "w.mopsboard")
    modes: list[int] = []

    class Interrupted(Exception):
        pass

    class Spy:
        """A connection whose backup stops half-way, as a kill would."""

        def backup(self, target: sqlite3.Connection) -> None:
            partial = tmp_path / "copy.mopsboard.partial"
            modes.append(stat.S_IMODE(partial.stat().st_mode))
            raise Interrupted

    class Db:
        conn = Spy()

    try:
        with pytest.raises(Interrupted):
            copy_database(Db(), tmp_path / "copy.mopsboard")  # type: ignore[arg-type]
    finally:
        ws.close()
    assert modes == [0o600]
    assert not (tmp_path / "copy.mopsboard.partial").exists()


def test_daily_backups_leave_nothing_beside_them(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        made = make_daily_backup(ws)
        assert made is not None
        assert stat.S_IMODE(made.stat().st_mode) == 0o600
        beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(made.name))
        assert beside == [made.name]
        # Opening it read-only (File > Restore > Open read-only) leaves nothing either.
        with Workspace.open(made, read_only=True) as copy:
            assert copy.boards()
        beside = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(made.name))
        assert beside == [made.name]
    finally:
        ws.close()


def test_pruning_folds_journal_files_left_beside_old_backups(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "w.mopsboard")
    try:
        old = make_backup(ws, DAILY)
        # As an older mopsboard left them: a WAL-mode copy that was read once.
        conn = sqlite3.connect(old)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE kept_in_the_wal (x)")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.commit()
        held = sqlite3.connect(old)  # a second reader keeps the -wal from being folded at close
        held.execute("SELECT 1 FROM sqlite_master").fetchone()
        conn.close()
        held_wal = Path(f"{old}-wal").read_bytes()
        held.close()
        Path(f"{old}-wal").write_bytes(held_wal)
        assert Path(f"{old}-wal").exists()
        prune(ws.path)
        assert not Path(f"{old}-wal").exists() and not Path(f"{old}-shm").exists()
        check = sqlite3.connect(old)
        try:
            names = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
        finally:
            check.close()
        assert "kept_in_the_wal" in names  # folded in, not deleted
        assert [b.path for b in list_backups(ws.path)] == [old]
    finally:
        ws.close()
