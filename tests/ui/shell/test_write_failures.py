"""A write that fails in the app (full disk, a lock held too long): the change is rolled back
whole, the user is told why, and the board and the undo history still match the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def window(
    open_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> MainWindow:
    # Set before the workspace connects: a lock is given up on after 200 ms, not 5 s.
    monkeypatch.setenv("MOPSBOARD_BUSY_TIMEOUT_MS", "200")
    ws: Workspace = request.getfixturevalue("board_ws")
    return open_window(ws)


def task_id(win: MainWindow, title: str) -> int:
    return next(i for i, t in win.model.tasks.items() if t.title == title)


def stage_id(win: MainWindow, name: str) -> int:
    return next(s.key for s in win.model.stages if s.name == name)


def fill_the_disk(ws: Workspace) -> None:
    """No page may be added to the file any more, as on a full disk."""
    pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
    ws.db.execute(f"PRAGMA max_page_count = {pages}")


def fail_writes(monkeypatch: pytest.MonkeyPatch, ws: Workspace, starting: str) -> None:
    """Statements starting with `starting` fail as on a full disk; earlier ones in the same
    action have run, so only a whole rollback leaves the file as it was."""
    real = ws.db.execute

    def execute(sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql.lstrip().upper().startswith(starting.upper()):
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(ws.db, "execute", execute)


def test_full_disk_edit_is_refused_and_nothing_changes(window: MainWindow) -> None:
    path = window.workspace.path
    before = dump(path)
    original = window.workspace.task(task_id(window, "B"))
    fill_the_disk(window.workspace)
    edited = original.model_copy(update={"description": "A long brief. " * 6000})
    window._save_edit(original, edited)
    assert "disk is full" in window.banner.text()
    assert "Free some space" in window.banner.text()
    assert window.banner.isVisible()
    assert window.workspace_actions.undo_stack.count() == 0
    assert window.model.tasks[original.key].description == ""
    assert dump(path) == before


def test_move_failing_half_way_is_rolled_back_whole(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path
    before = dump(path)
    a, b = task_id(window, "A"), task_id(window, "B")
    # The task rows are updated, then logging the move fails.
    fail_writes(monkeypatch, window.workspace, "INSERT INTO task_events")
    assert not window.workspace_actions.move_tasks([a, b], stage_id(window, "Done"), None)
    assert "disk is full" in window.banner.text()
    assert dump(path) == before
    assert {window.model.tasks[i].stage_id for i in (a, b)} == {stage_id(window, "Backlog")}
    assert window.workspace_actions.undo_stack.count() == 0


def test_failed_undo_drops_the_step_and_the_board_matches_the_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, titles_by_stage: Callable[..., Any]
) -> None:
    path = window.workspace.path
    a = task_id(window, "A")
    assert window.workspace_actions.move_tasks([a], stage_id(window, "Ready"), None)
    assert window.workspace_actions.undo_stack.count() == 1
    moved = dump(path)
    fail_writes(monkeypatch, window.workspace, "UPDATE tasks")
    window.undo_action.trigger()
    assert "Could not move task to ready" in window.banner.text()
    assert "disk is full" in window.banner.text()
    # The file still has the move; the board shows it; the history no longer offers to undo
    # a step it could not make, nor to redo one that was never undone.
    assert dump(path) == moved
    assert window.model.tasks[a].stage_id == stage_id(window, "Ready")
    assert not window.workspace_actions.undo_stack.canUndo()
    assert not window.workspace_actions.undo_stack.canRedo()
    # Once space is free again, work and undo go on as before.
    monkeypatch.undo()
    assert window.workspace_actions.move_tasks([a], stage_id(window, "Review"), None)
    window.undo_action.trigger()
    assert titles_by_stage(path)["Ready"] == ["D", "A"]


def test_lock_held_longer_than_the_timeout_refuses_the_move_then_lets_go(
    window: MainWindow,
) -> None:
    path = window.workspace.path
    before = dump(path)
    a = task_id(window, "A")
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        assert not window.workspace_actions.move_tasks([a], stage_id(window, "Done"), None)
        assert "locked by another program" in window.banner.text()
        assert window.workspace_actions.undo_stack.count() == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dump(path) == before
    assert window.workspace_actions.move_tasks([a], stage_id(window, "Done"), None)
    assert window.workspace_actions.undo_stack.count() == 1
