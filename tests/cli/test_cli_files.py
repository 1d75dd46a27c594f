"""Files the CLI must refuse, with one line on stderr and exit status 1, leaving them as they
were: missing, random bytes, another program's database, truncated, corrupt, newer, locked,
read-only."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cli_support import TODAY, Run, assert_one_line_error, rows, run_process

from mopsboard.io.demo import create_demo_file
from mopsboard.store.workspace import Workspace


def _random(path: Path) -> None:
    path.write_bytes(bytes((n * 131 + 7) % 256 for n in range(8192)))


def _foreign(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE contacts (email TEXT)")
        conn.execute("INSERT INTO contacts VALUES ('someone@example.com')")
    conn.close()


def _truncated(path: Path) -> None:
    with Workspace.create(path) as ws:
        ws.add_board("Second board")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupt(path: Path) -> None:
    create_demo_file(path, today=TODAY)
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Every page but the first (the schema) is overwritten; the length stays right.
    data[page_size:] = bytes((n * 7 + 3) % 251 for n in range(len(data) - page_size))
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    Workspace.create(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('mopsboard', '9999_from_the_future', '2099-01-01')"
        )
    conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "random": (_random, "not a mopsboard workspace"),
    "foreign": (_foreign, "another program"),
    "truncated": (_truncated, "truncated"),
    "corrupt": (_corrupt, "damaged"),
    "newer": (_newer, "newer mopsboard"),
}

READ_AND_WRITE = (
    ("tasks", "{file}"),
    ("tasks", "{file}", "--json"),
    ("add-task", "{file}", "--title", "Should not be added"),
    ("move-task", "{file}", "1", "--stage", "Done"),
)


@pytest.mark.parametrize("kind", BAD_FILES)
@pytest.mark.parametrize("command", READ_AND_WRITE, ids=lambda c: "-".join(c[:1] + c[2:3]))
def test_bad_file_is_refused_and_left_untouched(
    cli: Run, tmp_path: Path, kind: str, command: tuple[str, ...]
) -> None:
    make, words = BAD_FILES[kind]
    path = tmp_path / f"{kind}.mopsboard"
    make(path)
    before = path.read_bytes()
    status, out, err = cli(*(part.format(file=path) for part in command))
    assert status == 1
    assert out == ""
    assert_one_line_error(err, words)
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", ["tasks", "add-task", "move-task"])
def test_missing_file_is_not_created(cli: Run, tmp_path: Path, command: str) -> None:
    path = tmp_path / "nowhere.mopsboard"
    extra = {"tasks": [], "add-task": ["--title", "x"], "move-task": ["1", "--stage", "Done"]}
    status, _, err = cli(command, path, *extra[command])
    assert status == 1
    assert_one_line_error(err, "no such file")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", ["random", "foreign", "newer"])
def test_bad_file_in_a_real_process(tmp_path: Path, kind: str) -> None:
    make, words = BAD_FILES[kind]
    path = tmp_path / "bad.mopsboard"
    make(path)
    before = path.read_bytes()
    result = run_process("tasks", path, "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr, words)
    assert path.read_bytes() == before


@pytest.fixture
def write_lock(demo: Path) -> Iterator[Path]:
    """Another program in the middle of a write to the demo workspace."""
    holder = sqlite3.connect(demo, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield demo
    holder.execute("ROLLBACK")
    holder.close()


def test_locked_workspace_on_write(cli: Run, write_lock: Path) -> None:
    before = write_lock.read_bytes()
    status, _, err = cli("add-task", write_lock, "--title", "Blocked by the lock")
    assert status == 1
    assert_one_line_error(err, "locked")
    assert write_lock.read_bytes() == before


def test_locked_workspace_in_a_real_process(write_lock: Path) -> None:
    result = run_process("move-task", write_lock, "1", "--stage", "Backlog")
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "locked")


def test_read_only_workspace_on_write(
    cli: Run, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo.chmod(0o444)
    # Root may write to any file; make the check see what any other user would.
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    before = demo.read_bytes()
    writes = (("add-task", demo, "--title", "x"), ("move-task", demo, "1", "--stage", "Done"))
    for command in writes:
        status, _, err = cli(*command)
        assert status == 1
        assert_one_line_error(err, "read-only")
    assert demo.read_bytes() == before
    # Reading a read-only workspace is fine.
    status, out, _ = cli("tasks", demo, "--json")
    assert status == 0 and rows(out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_read_only_workspace_in_a_real_process(demo: Path) -> None:
    demo.chmod(0o444)
    before = demo.read_bytes()
    result = run_process("add-task", demo, "--title", "x")
    assert result.returncode == 1
    assert_one_line_error(result.stderr, "read-only")
    assert demo.read_bytes() == before
