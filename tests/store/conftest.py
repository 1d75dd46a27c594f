"""Fixtures for the store tests: a fresh workspace per test, and ways to read it back.

The `ws` workspace is a file, and, for every test whose behaviour does not depend on the
engine, also a database on the test server (tests/pg_server.py): the same test, the same
assertions, `[file]` and `[server]`. A test is the file's only when it is marked `file_only`,
lies in a module of FILE_ONLY_MODULES (headers, WAL, backups, salvage, locks, upgrades of older
files), or reads the file itself (the `ws_path` and `dump` fixtures).
"""

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


FILE_ONLY_MODULES = frozenset(
    {
        "test_store_backups",
        "test_store_files",
        "test_store_hostile",
        "test_store_ids_never_reused",
        "test_store_integrity",
        "test_store_migrations",
        "test_store_unreadable",
        "test_store_upgrade_ids",
    }
)
_FILE_FIXTURES = frozenset({"ws_path", "dump"})


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" not in metafunc.fixturenames:
        return
    file_only = (
        metafunc.module.__name__.rsplit(".", 1)[-1] in FILE_ONLY_MODULES
        or bool(_FILE_FIXTURES & set(metafunc.fixturenames))
        or metafunc.definition.get_closest_marker("file_only") is not None
    )
    metafunc.parametrize("backend", ["file"] if file_only else ["file", "server"])


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "w.mopsboard"


@pytest.fixture
def ws_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's workspace is: a file's path, or an empty database's URL."""
    if backend == "server":
        return str(request.getfixturevalue("server_url"))
    return str(tmp_path / "w.mopsboard")


@pytest.fixture
def ws(ws_location: str) -> Iterator[Workspace]:
    workspace = Workspace.create(ws_location)
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
