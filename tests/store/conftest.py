"""Fixtures for the store tests: a fresh workspace file per test, and ways to read it back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.models import Stage, Task
from mopsboard.store.workspace import Workspace


def dump_file(path: Path) -> list[str]:
    """Everything the file holds, as SQL, read through a connection of its own."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "w.mopsboard"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(ws_path)
    yield workspace
    workspace.close()


@pytest.fixture
def board_id(ws: Workspace) -> int:
    return ws.boards()[0].key


@pytest.fixture
def stage(ws: Workspace, board_id: int) -> dict[str, Stage]:
    """The default board's stages by name, as they were when the test started."""
    return {s.name: s for s in ws.stages(board_id)}


@pytest.fixture
def add(ws: Workspace, board_id: int, stage: dict[str, Stage]) -> Callable[..., Task]:
    """add(title, stage_name="Backlog", **fields): a stored task on the default board."""

    def add_task(title: str, stage_name: str = "Backlog", **fields: Any) -> Task:
        values = {"board_id": board_id, "stage_id": stage[stage_name].key, **fields}
        return ws.add_task(Task(title=title, **values))

    return add_task


@pytest.fixture
def titles(ws: Workspace, board_id: int) -> Callable[[str], list[str]]:
    """titles(stage_name): the stage's task titles in board order, as the file holds them."""

    def titles_in(stage_name: str) -> list[str]:
        stage_ids = {s.name: s.id for s in ws.stages(board_id)}
        return [t.title for t in ws.tasks(board_id) if t.stage_id == stage_ids[stage_name]]

    return titles_in


@pytest.fixture
def dump() -> Callable[[Path], list[str]]:
    return dump_file
