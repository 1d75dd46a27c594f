"""An id once used is never given to another row: undo puts deleted rows back under their own
ids, and must find them free whatever was written meanwhile, by this window, another window or
another program."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mopsboard.domain.models import (
    Campaign,
    Member,
    Persona,
    Stage,
    Task,
    Team,
    TimeOff,
)
from mopsboard.domain.templates import CampaignTemplate
from mopsboard.store.workspace import Workspace


def _board(ws: Workspace) -> int:
    return ws.boards()[0].key


def _backlog(ws: Workspace) -> int:
    return ws.stages(_board(ws))[0].key


def _team(ws: Workspace) -> int:
    teams = ws.teams()
    return teams[0].key if teams else ws.add_team(Team(name="Home team")).key


def _member(ws: Workspace) -> int:
    members = ws.members()
    if members:
        return members[0].key
    return ws.add_member(Member(team_id=_team(ws), name="Home member")).key


def _first_task(ws: Workspace) -> int:
    tasks = ws.tasks()
    if tasks:
        return tasks[0].key
    return ws.add_task(Task(board_id=_board(ws), stage_id=_backlog(ws), title="Home task")).key


def _delete_persona(ws: Workspace, persona: Persona) -> Persona:
    # The store has no persona delete (undo archives them); another program may delete one.
    conn = sqlite3.connect(ws.path)
    try:
        conn.execute("DELETE FROM personas WHERE id = ?", [persona.key])
        conn.commit()
    finally:
        conn.close()
    return persona


@dataclass(frozen=True)
class Kind:
    """One kind of row: how to add one, delete it (returning what undo needs to put it back),
    and put it back under its own id."""

    table: str
    add: Callable[[Workspace, str], Any]
    delete: Callable[[Workspace, Any], Any]
    put_back: Callable[[Workspace, Any], object] | None

    def __str__(self) -> str:
        return self.table


def _add_task(ws: Workspace, name: str) -> Task:
    return ws.add_task(Task(board_id=_board(ws), stage_id=_backlog(ws), title=name))


def _add_stage(ws: Workspace, name: str) -> Stage:
    return ws.add_stage(Stage(board_id=_board(ws), name=name, position=99))


def _delete_stage(ws: Workspace, stage: Stage) -> Stage:
    deleted = ws.stage(stage.key)
    ws.delete_stage(stage.key, None)
    return deleted


def _add_time_off(ws: Workspace, name: str) -> TimeOff:
    day = date(2026, 7, 1)
    return ws.add_time_off(
        TimeOff(member_id=_member(ws), start_date=day, end_date=day, reason=name)
    )


KINDS = [
    Kind(
        "tasks",
        _add_task,
        lambda ws, task: ws.delete_tasks([task.key])[0],
        lambda ws, task: ws.restore_tasks([task]),
    ),
    Kind(
        "campaigns",
        lambda ws, name: ws.add_campaign(Campaign(name=name)),
        lambda ws, campaign: ws.delete_campaign(campaign.key)[0],
        lambda ws, campaign: ws.restore_campaign(campaign, []),
    ),
    Kind("stages", _add_stage, _delete_stage, lambda ws, stage: ws.restore_stage(stage)),
    Kind("boards", lambda ws, name: ws.add_board(name), lambda ws, b: ws.delete_board(b.key), None),
    Kind(
        "personas",
        lambda ws, name: ws.add_persona(Persona(name=name)),
        _delete_persona,
        None,
    ),
    Kind(
        "teams",
        lambda ws, name: ws.add_team(Team(name=name)),
        lambda ws, team: ws.delete_team(team.key),
        lambda ws, team: ws.restore_team(team),
    ),
    Kind(
        "members",
        lambda ws, name: ws.add_member(Member(team_id=_team(ws), name=name)),
        lambda ws, member: ws.delete_member(member.key),
        lambda ws, member: ws.restore_member(member),
    ),
    Kind(
        "time_off",
        _add_time_off,
        lambda ws, entry: ws.delete_time_off(entry.key),
        lambda ws, entry: ws.add_time_off(entry),
    ),
    Kind(
        "campaign_templates",
        lambda ws, name: ws.add_template(CampaignTemplate(name=name)),
        lambda ws, template: ws.delete_template(template.key),
        lambda ws, template: ws.add_template(template),
    ),
    Kind(
        "comments",
        lambda ws, name: ws.add_comment(_first_task(ws), "Ada", name),
        lambda ws, comment: ws.delete_comment(comment.key),
        lambda ws, comment: ws.add_comments([comment]),
    ),
]
PUT_BACK = [kind for kind in KINDS if kind.put_back is not None]


def _ids(ws: Workspace, table: str) -> list[int]:
    return [r[0] for r in ws.db.execute(f"SELECT id FROM {table} ORDER BY id")]


@pytest.fixture
def other(ws: Workspace, ws_path: Path) -> Iterator[Workspace]:
    """A second window (or program) on the same file."""
    second = Workspace.open(ws_path)
    yield second
    second.close()


@pytest.mark.parametrize("kind", KINDS, ids=str)
def test_after_deleting_the_newest_row_the_next_one_gets_a_new_id(
    ws: Workspace, kind: Kind
) -> None:
    kind.add(ws, "Older")
    newest = kind.add(ws, "Newest")
    assert newest.key == max(_ids(ws, kind.table))
    kind.delete(ws, newest)
    assert newest.key not in _ids(ws, kind.table)
    after = kind.add(ws, "After")
    assert after.key > newest.key


@pytest.mark.parametrize("kind", PUT_BACK, ids=str)
def test_a_deleted_row_comes_back_after_another_window_added_one(
    ws: Workspace, other: Workspace, kind: Kind
) -> None:
    newest = kind.add(ws, "Deleted, then put back")
    removed = kind.delete(ws, newest)
    meanwhile = kind.add(other, "Came meanwhile")
    assert kind.put_back is not None
    kind.put_back(ws, removed)  # the undo of the delete
    ids = _ids(other, kind.table)
    assert newest.key in ids
    assert meanwhile.key in ids
    assert meanwhile.key != newest.key


def test_a_deleted_campaign_comes_back_with_its_tasks_after_another_window_added_a_task(
    ws: Workspace, other: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    ready = stage["Ready"].key
    made, tasks = ws.add_campaign_with_tasks(
        Campaign(name="Launch"),
        [Task(board_id=board_id, stage_id=ready, title=t) for t in ("Brief", "Landing page")],
    )
    campaign, deleted = ws.delete_campaign(made.key)
    came = other.add_task(Task(board_id=board_id, stage_id=ready, title="Came meanwhile"))
    ws.restore_campaign(campaign, deleted)
    assert {t.key for t in tasks}.isdisjoint({came.key})
    in_file = {t.key: (t.title, t.campaign_id) for t in other.tasks(board_id)}
    assert in_file == {
        tasks[0].key: ("Brief", made.key),
        tasks[1].key: ("Landing page", made.key),
        came.key: ("Came meanwhile", None),
    }


def test_another_program_s_new_task_gets_a_new_id_too(
    ws: Workspace, ws_path: Path, add: Callable[..., Task]
) -> None:
    # SQLite itself picks the id, so a program that knows nothing of mopsboard's rules (the
    # sqlite3 shell, a script) does not take a deleted task's id either.
    newest = add("Newest")
    ws.delete_tasks([newest.key])
    conn = sqlite3.connect(ws_path)
    try:
        cursor = conn.execute(
            "INSERT INTO tasks (board_id, stage_id, rank, title, created_at, updated_at) "
            "SELECT board_id, id, 'n', 'From a script', 'x', 'x' FROM stages LIMIT 1"
        )
        conn.commit()
    finally:
        conn.close()
    assert cursor.lastrowid is not None
    assert cursor.lastrowid > newest.key


def test_bulk_added_tasks_take_no_deleted_id(
    ws: Workspace, board_id: int, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    add("Older")
    newest = add("Newest")
    ws.delete_tasks([newest.key])
    backlog = stage["Backlog"].key
    ids = ws.bulk_add_tasks(
        [Task(board_id=board_id, stage_id=backlog, title=f"Bulk {n}") for n in range(3)]
    )
    assert min(ids) > newest.key
    assert ids == sorted(ids)
    again = add("After the bulk")
    assert again.key > max(ids)
