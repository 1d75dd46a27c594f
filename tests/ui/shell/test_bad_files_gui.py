"""Bad files in the app: each gets a message that says what happened and what to do, and the
file is never changed. (The store and the CLI have their own tests of the same files.)"""

from __future__ import annotations

import os
import random
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hostile import break_an_overflow_chain
from locks import file_bytes
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.cli import main
from mopsboard.domain.models import Task
from mopsboard.store import database
from mopsboard.store.workspace import Workspace

Messages = list[tuple[str, str]]  # the `critical` fixture's record (tests/ui/conftest.py)


def _good(path: Path) -> None:
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        backlog = ws.stages(board)[0].key
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=backlog, title=f"Task {n}", description="x" * 300)
                for n in range(300)
            ]
        )


def _random(path: Path) -> None:
    path.write_bytes(random.Random(3).randbytes(8192))


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (email TEXT)")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    _good(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scribble(path: Path, from_fraction: float) -> None:
    _good(path)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    pages = len(data) // page
    start = page * max(1, int(pages * from_fraction))
    data[start:] = random.Random(7).randbytes(len(data) - start)
    path.write_bytes(bytes(data))


def _corrupt(path: Path) -> None:
    _scribble(path, 0.0)


def _corrupt_tasks_only(path: Path) -> None:
    # The schema pages survive: the file opens, and the damage shows on the first board read.
    _scribble(path, 0.6)


def _newer(path: Path) -> None:
    Workspace.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('mopsboard', '9999_from_the_future', '2099-01-01')"
    )
    conn.commit()
    conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path], None] | None, tuple[str, ...]]] = {
    "missing": (None, ("no such file", "mopsboard init")),
    "random": (_random, ("not a mopsboard workspace", "open a .mopsboard file")),
    "foreign": (_foreign, ("another program", "untouched")),
    "truncated": (_truncated, ("truncated", "restore it from a backup")),
    "corrupt": (_corrupt, ("damaged", "restore it from a backup")),
    "corrupt-tasks": (_corrupt_tasks_only, ("damaged", "restore it from a backup")),
    "newer": (_newer, ("newer mopsboard", "update mopsboard")),
}


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_bad_file_gets_a_message_and_stays_as_it_was(
    windows: Windows, critical: Messages, tmp_path: Path, kind: str
) -> None:
    make, words = BAD_FILES[kind]
    path = tmp_path / f"{kind}.mopsboard"
    if make is not None:
        make(path)
    before = _files(tmp_path)
    assert windows.open(path) is None
    [(title, text)] = critical
    assert title == "Cannot open workspace"
    assert text.startswith(str(path))
    for word in words:
        assert word in text.lower()
    assert windows.windows == []
    # Not a byte changed, no journal left behind, and no backup made of a bad file.
    assert _files(tmp_path) == before


@pytest.mark.parametrize("kind", BAD_FILES)
def test_screenshot_of_a_bad_file_exits_1_with_the_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str
) -> None:
    make, words = BAD_FILES[kind]
    path = tmp_path / f"{kind}.mopsboard"
    if make is not None:
        make(path)
    before = _files(tmp_path)
    status = main(["--screenshot", str(tmp_path / "shot.png"), str(path)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out == "" and "Traceback" not in err
    [line] = err.strip().splitlines()
    assert line.startswith("mopsboard: ")
    assert words[0] in line.lower()
    assert _files(tmp_path) == before


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A workspace another program holds an exclusive lock on, for longer than the timeout."""
    monkeypatch.setenv("MOPSBOARD_BUSY_TIMEOUT_MS", "200")
    path = tmp_path / "locked.mopsboard"
    _good(path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE settings SET value = value")
    holder.execute("COMMIT")  # the exclusive locking mode keeps the lock after the commit
    yield path
    holder.close()


def test_locked_file_gets_a_message(
    windows: Windows, critical: Messages, locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(locked.parent)
    assert windows.open(locked) is None
    [(_title, text)] = critical
    assert "locked by another program" in text
    assert "try again" in text
    assert main(["--screenshot", str(locked.parent / "shot.png"), str(locked)]) == 1
    assert "locked by another program" in capsys.readouterr().err
    assert _files(locked.parent) == before


def test_read_only_file_opens_with_a_banner_and_edits_turned_off(
    qtbot: QtBot,
    windows: Windows,
    critical: Messages,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "shared.mopsboard"
    _good(path)
    os.chmod(path, 0o444)
    # Root may write to any file: let the check answer as it would for any other user.
    real_access = os.access
    monkeypatch.setattr(
        database.os,
        "access",
        lambda p, mode, **k: False if mode == os.W_OK else real_access(p, mode, **k),
    )
    before = file_bytes(path)
    window = windows.open(path)
    assert window is not None and critical == []
    assert window.workspace.read_only
    assert window.banner.isVisible()
    assert "read-only" in window.banner.text() and "Save a copy" in window.banner.text()
    assert not any(action.isEnabled() for action in window.write_actions)
    # A drop is refused with the reason, and the board stays as the file has it.
    task = next(iter(window.model.tasks))
    done = window.model.stages[-1].key
    assert not window.workspace_actions.move_tasks([task], done, None)
    assert "read-only" in window.banner.text()
    assert window.model.tasks[task].stage_id != done
    assert window.workspace_actions.undo_stack.count() == 0
    # Nothing was written, not even a daily backup.
    assert file_bytes(path) == before
    assert [p.name for p in tmp_path.iterdir() if ".backup-" in p.name] == []
    os.chmod(path, 0o600)


def _damage_a_page_the_board_does_not_read(path: Path) -> None:
    """Breaks the overflow chain of saved templates' long descriptions: the board never reads
    templates, so only SQLite's quick check can see it."""
    conn = sqlite3.connect(path)
    conn.executemany(
        "INSERT INTO campaign_templates (name, description) VALUES (?, ?)",
        [(f"Template {n}", "y" * 9000) for n in range(30)],
    )
    conn.commit()
    conn.close()
    break_an_overflow_chain(path)


def test_a_damaged_file_opens_says_so_and_takes_no_change(
    qtbot: QtBot, windows: Windows, critical: Messages, tmp_path: Path
) -> None:
    path = tmp_path / "damaged.mopsboard"
    _good(path)
    _damage_a_page_the_board_does_not_read(path)
    before = path.read_bytes()
    window = windows.open(path)
    assert window is not None and critical == []
    qtbot.waitUntil(lambda: "damaged" in window.banner.text())
    assert "Restore from backup" in window.banner.text()
    cards = len(window.model.tasks)
    quick = window.board_view.quick_adds[0]
    quick.setFocus()
    qtbot.keyClicks(quick, "Written into the damage")
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    assert "damaged" in window.banner.text()
    assert len(window.model.tasks) == cards
    assert window.workspace_actions.undo_stack.count() == 0
    window.close()
    qtbot.waitUntil(lambda: windows.windows == [])
    assert path.read_bytes() == before
