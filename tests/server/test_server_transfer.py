"""Between a file and a server: `mopsboard publish FILE URL` and `mopsboard copy URL FILE`
carry everything (ids, order keys, versions, history), and ids stay never reused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.cli import main
from mopsboard.domain.models import Task
from mopsboard.store.transfer import SEQUENCES, export_tables
from mopsboard.store.workspace import Workspace

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str | Path) -> tuple[int, str, str]:
        status = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        return status, out, err

    return run


def _tables(location: str | Path) -> dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]:
    """Every data table as the export reads it (the ids' counters aside: each engine keeps its
    own)."""
    with Workspace.open(location, read_only=True) as ws:
        return {
            t.name: (t.columns, [tuple(row) for row in t.rows])
            for t in export_tables(ws)
            if t.name != SEQUENCES
        }


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("publish") / "team.mopsboard"
    assert main(["demo", str(path), "--tasks", "300", "--seed", "5"]) == 0
    return path


def test_publish_then_copy_carries_every_row_both_ways(
    cli: Run, demo_file: Path, server_url: str, tmp_path: Path
) -> None:
    status, out, err = cli("publish", demo_file, server_url)
    assert status == 0, err
    assert "300 tasks" in out and "postgresql://postgres@" in out
    expected = _tables(demo_file)
    assert _tables(server_url) == expected
    back = tmp_path / "offline.mopsboard"
    status, out, err = cli("copy", server_url, back)
    assert status == 0, err
    assert _tables(back) == expected
    with Workspace.open(server_url) as ws:
        assert ws.count_tasks() == 300


def test_ids_a_file_used_are_never_given_again_on_the_server(
    cli: Run, tmp_path: Path, server_url: str
) -> None:
    path = tmp_path / "few.mopsboard"
    with Workspace.create(path) as ws:
        board = ws.boards()[0]
        stage = ws.stages(board.key)[0]
        added = [
            ws.add_task(Task(board_id=board.key, stage_id=stage.key, title=title))
            for title in "ABC"
        ]
        ws.delete_tasks([added[-1].key])
    assert cli("publish", path, server_url)[0] == 0
    with Workspace.open(server_url) as ws:
        board = ws.boards()[0]
        new = ws.add_task(Task(board_id=board.key, stage_id=ws.stages(board.key)[0].key, title="D"))
    assert new.id == added[-1].key + 1


def test_publish_refuses_a_database_that_holds_work_and_changes_nothing(
    cli: Run, demo_file: Path, server_url: str
) -> None:
    assert cli("init", server_url)[0] == 0
    with Workspace.open(server_url) as ws:
        ws.add_board("Already here")
    before = _tables(server_url)
    status, _, err = cli("publish", demo_file, server_url)
    assert status == 1
    assert "not empty" in err and "postgresql://postgres@" in err
    assert _tables(server_url) == before


def test_a_failed_publish_leaves_an_empty_workspace_to_publish_into_again(
    cli: Run, tmp_path: Path, server_url: str, demo_file: Path
) -> None:
    broken = tmp_path / "broken.mopsboard"
    with Workspace.create(broken) as ws:
        # A value the file took but a typed column refuses (another program wrote it).
        ws.db.execute("UPDATE stages SET wip_limit = 'many' WHERE id = 1")
    status, _, err = cli("publish", broken, server_url)
    assert status == 1
    assert "stages" in err and "nothing was imported" in err
    assert cli("publish", demo_file, server_url)[0] == 0
    assert _tables(server_url) == _tables(demo_file)


def test_copy_refuses_to_overwrite_a_file(cli: Run, server_url: str, tmp_path: Path) -> None:
    assert cli("init", server_url)[0] == 0
    existing = tmp_path / "mine.mopsboard"
    existing.write_text("my notes")
    status, _, err = cli("copy", server_url, existing)
    assert status == 1 and "exists already" in err
    assert existing.read_text() == "my notes"


def test_the_arguments_go_file_then_url_for_publish_and_url_then_file_for_copy(
    cli: Run, server_url: str, tmp_path: Path
) -> None:
    assert cli("publish", server_url, server_url)[0] == 2
    assert cli("copy", tmp_path / "a.mopsboard", tmp_path / "b.mopsboard")[0] == 2
