"""The `mopsboard` commands on a server workspace: FILE may be a postgresql:// URL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from mopsboard.cli import main
from mopsboard.store.workspace import Workspace

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    def run(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def test_init_add_move_and_list_on_a_url(cli: Run, server_url: str) -> None:
    status, out, _ = cli("init", server_url)
    assert status == 0 and "Created the workspace postgresql://" in out
    due = (date.today() + timedelta(days=3)).isoformat()
    status, out, err = cli("add-task", server_url, "--title", "Landing page", "--due", due)
    assert status == 0, err
    first = int(out)
    second = int(cli("add-task", server_url, "--title", "Email")[1])
    status, out, err = cli("move-task", server_url, str(second), "--stage", "Ready")
    assert status == 0, err
    status, out, err = cli("tasks", server_url, "--json")
    assert status == 0, err
    listed = {row["id"]: (row["title"], row["stage"]) for row in json.loads(out)}
    assert listed == {first: ("Landing page", "Backlog"), second: ("Email", "Ready")}
    with Workspace.open(server_url) as ws:
        assert ws.task(second).stage_id == ws.stages(ws.boards()[0].key)[1].id


def _plan(location: str) -> None:
    from mopsboard.domain.models import Member, Task, Team

    monday = _next_monday()
    with Workspace.open(location) as ws:
        team = ws.add_team(Team(name="Content"))
        ana = ws.add_member(Member(team_id=team.key, name="Ana", weekly_hours=30))
        board = ws.boards()[0]
        for title, hours, offset in (("Landing page", 10, 0), ("Email", 6, 2)):
            ws.add_task(
                Task(
                    board_id=board.key,
                    stage_id=ws.stages(board.key)[1].key,
                    title=title,
                    assignee_id=ana.id,
                    estimate_hours=hours,
                    start_date=monday + timedelta(days=offset),
                    due_date=monday + timedelta(days=offset + 2),
                )
            )


def _next_monday() -> date:
    today = date.today()
    return today + timedelta(days=7 - today.weekday())


def test_capacity_on_a_url_reads_as_on_the_file(cli: Run, server_url: str, tmp_path: Path) -> None:
    file = str(tmp_path / "same.mopsboard")
    reports = []
    for location in (file, server_url):
        assert cli("init", location)[0] == 0
        _plan(location)
        status, out, err = cli(
            "capacity", location, "--from", _next_monday().isoformat(), "--weeks", "2", "--json"
        )
        assert status == 0, err
        reports.append(json.loads(out))
    assert reports[1] == reports[0]
    ana = [row for row in reports[1]["rows"] if row["member"] == "Ana"]
    assert sum(row["planned_hours"] for row in ana) == 16
    assert ana[0]["available_hours"] == 30


def test_the_password_in_a_url_is_never_printed(cli: Run, server_url: str) -> None:
    secret = "pw-s3cret-cli"
    url = server_url.replace("postgres@", f"postgres:{secret}@")
    status, out, err = cli("init", url)
    assert status == 0 and secret not in out + err
    status, out, err = cli("tasks", f"postgresql://postgres:{secret}@127.0.0.1:1/nothing")
    assert status == 1
    assert secret not in out + err
    assert err.startswith("mopsboard: postgresql://postgres@127.0.0.1:1/nothing: ")
    assert len(err.strip().splitlines()) == 1


def test_a_database_that_is_not_a_workspace_is_refused_in_words(cli: Run, server_url: str) -> None:
    status, _, err = cli("tasks", server_url)
    assert status == 1
    assert "holds no workspace yet" in err and "mopsboard init URL" in err
