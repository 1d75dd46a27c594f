"""Creating a workspace file, its defaults, settings, copies, and noticing other writers."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.domain.models import StageKind
from mopsboard.store.base import Change
from mopsboard.store.database import (
    APPLICATION_ID,
    WorkspaceError,
    WorkspaceExists,
)
from mopsboard.store.migrations import KNOWN_MIGRATIONS
from mopsboard.store.workspace import DEFAULT_BOARD, Workspace


def test_new_workspace_has_the_default_board_and_stages(ws: Workspace) -> None:
    boards = ws.boards()
    assert [b.name for b in boards] == [DEFAULT_BOARD] == ["Campaign board"]
    stages = ws.stages(boards[0].key)
    assert [(s.name, s.kind) for s in stages] == [
        ("Backlog", StageKind.BACKLOG),
        ("Ready", StageKind.ACTIVE),
        ("In progress", StageKind.ACTIVE),
        ("Review", StageKind.REVIEW),
        ("Done", StageKind.DONE),
    ]
    assert [s.position for s in stages] == [0, 1, 2, 3, 4]
    assert ws.tasks() == []


def test_new_workspace_has_the_four_mops_personas_on_the_grid(ws: Workspace) -> None:
    personas = ws.personas()
    assert [p.name for p in personas] == ["Modernizer", "Orchestrator", "Psychologist", "Scientist"]
    for persona in personas:
        assert -1 <= persona.x <= 1
        assert -1 <= persona.y <= 1
        assert persona.description
    # They sit in four different quadrants of the grid.
    assert len({(p.x > 0, p.y > 0) for p in personas}) == 4


def test_workspace_without_defaults_is_empty(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "empty.mopsboard", defaults=False) as ws:
        assert ws.boards() == []
        assert ws.personas() == []


def test_file_is_marked_as_ours_in_wal_mode_with_foreign_keys(ws: Workspace, ws_path: Path) -> None:
    assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    conn = sqlite3.connect(ws_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert ws_path.read_bytes()[68:72] == b"MOPS"


def test_reopened_workspace_keeps_its_pragmas(ws: Workspace, ws_path: Path) -> None:
    ws.close()
    with Workspace.open(ws_path) as again:
        assert again.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert again.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert not again.read_only
        assert [b.name for b in again.boards()] == [DEFAULT_BOARD]


def test_new_file_is_readable_by_its_owner_only(ws_path: Path, ws: Workspace) -> None:
    assert stat.S_IMODE(ws_path.stat().st_mode) == 0o600


@pytest.mark.file_only
def test_all_known_migrations_are_applied(ws: Workspace) -> None:
    names = {r[0] for r in ws.db.execute("SELECT name FROM _sqlite_migrations").fetchall()}
    assert names == KNOWN_MIGRATIONS
    assert "0001_initial_schema" in names


def test_create_refuses_an_existing_workspace_and_leaves_it_unchanged(
    ws: Workspace, ws_path: Path
) -> None:
    ws.close()
    before = ws_path.read_bytes()
    with pytest.raises(WorkspaceExists, match="exists already; it was not changed"):
        Workspace.create(ws_path)
    assert ws_path.read_bytes() == before


def test_create_refuses_any_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.mopsboard"
    path.write_text("my notes")
    with pytest.raises(WorkspaceExists):
        Workspace.create(path)
    assert path.read_text() == "my notes"


def test_create_in_a_missing_folder_says_so(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "w.mopsboard"
    with pytest.raises(WorkspaceError, match="no such folder"):
        Workspace.create(path)
    assert not path.parent.exists()


def test_settings(ws: Workspace) -> None:
    changes: list[Change] = []
    ws.subscribe(changes.append)
    assert ws.setting("theme") is None
    assert ws.setting("theme", "light") == "light"
    ws.set_setting("theme", "dark")
    ws.set_setting("theme", "high contrast ✓")
    assert ws.setting("theme") == "high contrast ✓"
    assert [c.table for c in changes] == ["settings", "settings"]


def test_settings_survive_reopening(ws: Workspace, ws_path: Path) -> None:
    ws.set_setting("week_starts", "1")
    ws.close()
    with Workspace.open(ws_path) as again:
        assert again.setting("week_starts") == "1"


def test_data_version_changes_when_another_connection_commits(ws: Workspace, ws_path: Path) -> None:
    with Workspace.open(ws_path) as other:
        seen = ws.data_version()
        assert ws.data_version() == seen  # polling alone changes nothing
        other.add_board("Another window's board")
        after_other = ws.data_version()
        assert after_other != seen
        ws.add_board("My own board")  # a connection's own commits do not count
        assert ws.data_version() == after_other
        assert [b.name for b in ws.boards()][-2:] == ["Another window's board", "My own board"]


@pytest.mark.file_only
def test_save_copy_writes_a_consistent_private_copy(
    ws: Workspace, add: Callable[..., object], tmp_path: Path
) -> None:
    add("Kick-off")
    target = tmp_path / "copy.mopsboard"
    ws.save_copy(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not target.with_name(target.name + ".partial").exists()
    with Workspace.open(target) as copy:
        assert [t.title for t in copy.tasks()] == ["Kick-off"]


def test_save_copy_refuses_the_workspace_itself(ws: Workspace, ws_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="that is this workspace"):
        ws.save_copy(ws_path)
    assert [b.name for b in ws.boards()] == [DEFAULT_BOARD]


def test_close_through_the_context_manager(ws_path: Path) -> None:
    with Workspace.create(ws_path) as ws:
        pass
    with pytest.raises(sqlite3.ProgrammingError):
        ws.db.execute("SELECT 1")
