"""Files that are not (usable) workspaces get a clear error, and are never changed."""

from __future__ import annotations

import gc
import os
import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.models import Task
from mopsboard.store import database
from mopsboard.store.database import (
    CorruptWorkspace,
    NotAWorkspace,
    ReadOnlyWorkspace,
    TooNewWorkspace,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceNotFound,
    WriteFailed,
    busy_timeout_ms,
    translate,
)
from mopsboard.store.workspace import Workspace


@pytest.fixture
def populated(tmp_path: Path) -> Path:
    """A closed workspace with enough tasks to span many pages."""
    path = tmp_path / "full.mopsboard"
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        backlog = ws.stages(board)[0].key
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=backlog, title=f"Task {n}", description="x" * 400)
                for n in range(300)
            ]
        )
    return path


def _refused(path: Path, error: type[Exception], **kwargs: Any) -> str:
    """Open `path`, expect `error`, and check the file's bytes did not change."""
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        Workspace.open(path, **kwargs)
    gc.collect()  # let any connection the failed open left behind go
    assert path.read_bytes() == before
    return str(caught.value)


def test_missing_file_is_not_found_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.mopsboard"
    with pytest.raises(WorkspaceNotFound, match="no such file"):
        Workspace.open(path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_folder_is_not_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(NotAWorkspace, match="is a folder"):
        Workspace.open(tmp_path)


@pytest.mark.parametrize("size", [0, 10, 4096])
def test_random_bytes_are_not_a_workspace(tmp_path: Path, size: int) -> None:
    path = tmp_path / "random.mopsboard"
    path.write_bytes(random.Random(size).randbytes(size))
    message = _refused(path, NotAWorkspace)
    assert "not an SQLite database" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["random.mopsboard"]


def test_another_programs_sqlite_database_is_not_a_workspace(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, email TEXT)")
    conn.execute("INSERT INTO contacts (email) VALUES ('a@example.com')")
    conn.commit()
    conn.close()
    message = _refused(path, NotAWorkspace)
    assert "another program" in message
    assert "untouched" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.db"]


def test_sqlite_header_alone_is_corrupt(tmp_path: Path, populated: Path) -> None:
    path = tmp_path / "stub.mopsboard"
    path.write_bytes(populated.read_bytes()[:50])
    assert "truncated" in _refused(path, CorruptWorkspace)


def test_truncated_workspace_is_corrupt(tmp_path: Path, populated: Path) -> None:
    data = populated.read_bytes()
    assert len(data) > 100_000
    path = tmp_path / "cut.mopsboard"
    path.write_bytes(data[: len(data) // 2])
    # The header check catches it before SQLite reads anything.
    message = _refused(path, CorruptWorkspace)
    assert "truncated" in message
    assert ".backup-" in message


def test_damaged_pages_are_reported_as_corrupt_on_open_or_first_read(
    tmp_path: Path, populated: Path
) -> None:
    data = bytearray(populated.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    # Keep the header page, scribble over every other page: same size, so no truncation.
    rng = random.Random(7)
    data[page:] = rng.randbytes(len(data) - page)
    path = tmp_path / "damaged.mopsboard"
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(CorruptWorkspace, match="damaged"):
        ws = Workspace.open(path)
        try:
            ws.tasks()
        finally:
            ws.close()
    assert path.read_bytes() == before


def _add_future_migration(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mopsboard', '0099_from_the_future', '2099-01-01')"
    )
    conn.commit()
    conn.close()


def test_workspace_from_a_newer_version_is_refused_untouched(ws: Workspace, ws_path: Path) -> None:
    ws.close()
    _add_future_migration(ws_path)
    message = _refused(ws_path, TooNewWorkspace)
    assert "newer mopsboard" in message
    assert not [p for p in ws_path.parent.iterdir() if ".backup-" in p.name]


def test_newer_workspace_in_rollback_journal_mode_is_left_byte_for_byte(
    ws: Workspace, ws_path: Path
) -> None:
    ws.close()
    _add_future_migration(ws_path)
    conn = sqlite3.connect(ws_path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    _refused(ws_path, TooNewWorkspace)


def test_refused_open_closes_its_connection(
    ws: Workspace, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.close()
    _add_future_migration(ws_path)
    opened: list[sqlite3.Connection] = []
    real_connect = sqlite3.connect

    def recording_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)
        opened.append(conn)
        return conn

    monkeypatch.setattr(database.sqlite3, "connect", recording_connect)
    with pytest.raises(TooNewWorkspace):
        Workspace.open(ws_path)
    assert opened
    for conn in opened:
        with pytest.raises(sqlite3.ProgrammingError):
            conn.execute("SELECT 1")


# -- read-only ------------------------------------------------------------------------------------


@pytest.fixture
def read_only_file(ws: Workspace, ws_path: Path, add: Callable[..., Task]) -> Iterator[Path]:
    add("Existing task")
    ws.close()
    os.chmod(ws_path, 0o444)
    yield ws_path
    os.chmod(ws_path, 0o600)


def test_read_only_workspace_reads_but_refuses_every_write(
    read_only_file: Path, dump: Callable[[Path], list[str]]
) -> None:
    before = read_only_file.read_bytes()
    contents = dump(read_only_file)
    with Workspace.open(read_only_file, read_only=True) as ws:
        assert ws.read_only
        board = ws.boards()[0]
        stages = ws.stages(board.key)
        task = ws.tasks()[0]
        assert task.title == "Existing task"
        writes: list[Callable[[], object]] = [
            lambda: ws.add_board("New"),
            lambda: ws.set_setting("theme", "dark"),
            lambda: ws.add_task(Task(board_id=board.key, stage_id=task.stage_id, title="t")),
            lambda: ws.update_task(task.model_copy(update={"title": "Renamed"})),
            lambda: ws.move_tasks([task.key], stages[1].key),
            lambda: ws.delete_tasks([task.key]),
            lambda: ws.update_board(board.model_copy(update={"name": "Renamed"})),
        ]
        for write in writes:
            with pytest.raises(ReadOnlyWorkspace, match="read-only"):
                write()
    assert read_only_file.read_bytes() == before
    assert dump(read_only_file) == contents


def test_file_the_user_cannot_write_opens_read_only(
    read_only_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests may run as root, for whom os.access says every file is writable: ask as a user would.
    real_access = os.access

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if mode == os.W_OK and Path(path) == read_only_file:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(database.os, "access", access)
    before = read_only_file.read_bytes()
    with Workspace.open(read_only_file) as ws:
        assert ws.read_only
        with pytest.raises(ReadOnlyWorkspace):
            ws.add_board("New")
    assert read_only_file.read_bytes() == before


# -- locked ---------------------------------------------------------------------------------------


def test_write_while_another_program_holds_the_lock_says_locked(
    ws_path: Path, monkeypatch: pytest.MonkeyPatch, dump: Callable[[Path], list[str]]
) -> None:
    monkeypatch.setenv("MOPSBOARD_BUSY_TIMEOUT_MS", "200")
    Workspace.create(ws_path).close()
    contents = dump(ws_path)
    with Workspace.open(ws_path) as ws:
        other = sqlite3.connect(ws_path, isolation_level=None)
        try:
            other.execute("BEGIN EXCLUSIVE")
            # The short busy timeout is the one in use, not the default five seconds.
            assert ws.db.execute("PRAGMA busy_timeout").fetchone()[0] == 200
            with pytest.raises(WorkspaceLocked, match="locked by another program"):
                ws.add_board("Blocked board")
            assert [b.name for b in ws.boards()] == ["Campaign board"]
        finally:
            other.execute("ROLLBACK")
            other.close()
        # Once the other program lets go, writing works again.
        ws.add_board("Later board")
    after = dump(ws_path)
    assert not any("Blocked board" in line for line in after)
    # Everything is still there but the next ids (sqlite_sequence), which the new board moved.
    assert [line for line in contents if line not in after and "sqlite_sequence" not in line] == []
    assert sum(line.startswith('INSERT INTO "boards"') for line in after) == 2


# -- the words ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sqlite_message", "error", "words"),
    [
        ("database is locked", WorkspaceLocked, "locked by another program"),
        ("database table is locked", WorkspaceLocked, "locked"),
        ("attempt to write a readonly database", ReadOnlyWorkspace, "read-only"),
        ("database or disk is full", WriteFailed, "disk is full"),
        ("database disk image is malformed", CorruptWorkspace, "damaged"),
        ("file is not a database", CorruptWorkspace, "Restore it from a backup"),
        ("disk I/O error", WriteFailed, "could not be read or written"),
        ("unable to open database file", WriteFailed, "could not be read or written"),
        ("no such table: frobs", WorkspaceError, "no such table"),
    ],
)
def test_sqlite_errors_are_translated(
    sqlite_message: str, error: type[WorkspaceError], words: str
) -> None:
    translated = translate(sqlite3.OperationalError(sqlite_message), Path("/data/w.mopsboard"))
    assert type(translated) is error
    assert str(translated).startswith("/data/w.mopsboard: ")
    assert words in str(translated)


@pytest.mark.parametrize(
    ("value", "expected"), [("200", 200), ("", 5000), ("soon", 5000), ("-1", 5000)]
)
def test_busy_timeout_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    monkeypatch.setenv("MOPSBOARD_BUSY_TIMEOUT_MS", value)
    assert busy_timeout_ms() == expected
