"""bulk_add_tasks: many tasks in one unit of work, with add_task's checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.models import Campaign, Member, Stage, Task, Team
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace


def test_bulk_add_appends_in_order_with_history(
    ws: Workspace,
    board_id: int,
    stage: dict[str, Stage],
    add: Callable[..., Task],
    titles: Callable[[str], list[str]],
) -> None:
    add("Existing")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    batch = [
        Task(board_id=board_id, stage_id=stage[name].key, title=f"{name} {n}")
        for n in range(50)
        for name in ("Backlog", "Done")
    ]
    ids = ws.bulk_add_tasks(batch)
    assert len(ids) == len(set(ids)) == 100
    assert [t.title for t in ws.tasks_by_id(ids)] == [t.title for t in batch]
    assert titles("Backlog") == ["Existing", *[f"Backlog {n}" for n in range(50)]]
    assert titles("Done") == [f"Done {n}" for n in range(50)]
    done = [t for t in ws.tasks_by_id(ids) if t.stage_id == stage["Done"].id]
    assert all(t.completed_at is not None for t in done)
    assert all(t.version == 1 and t.created_at is not None for t in ws.tasks_by_id(ids))
    assert ws.task_events(ids[0])[0][:2] == (None, stage["Backlog"].id)
    assert changes == [Change("tasks", frozenset(ids), "inserted")]
    assert max(len(t.rank) for t in ws.tasks_by_id(ids)) <= 3


def test_bulk_add_team_follows_assignee(
    ws: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    content, ops = ws.add_team(Team(name="Content")), ws.add_team(Team(name="Ops"))
    ana = ws.add_member(Member(team_id=content.key, name="Ana"))
    [task_id] = ws.bulk_add_tasks(
        [
            Task(
                board_id=board_id,
                stage_id=stage["Ready"].key,
                title="Brief",
                assignee_id=ana.id,
                team_id=ops.id,
            )
        ]
    )
    assert ws.task(task_id).team_id == content.id


def test_bulk_add_keeps_given_ids_and_ranks(
    ws: Workspace, add: Callable[..., Task], titles: Callable[[str], list[str]]
) -> None:
    tasks = [add("A"), add("B"), add("C")]
    deleted = ws.delete_tasks([t.key for t in tasks])
    assert ws.bulk_add_tasks(deleted) == [t.id for t in tasks]
    assert titles("Backlog") == ["A", "B", "C"]
    assert [t.rank for t in ws.tasks()] == [t.rank for t in tasks]


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        ({"campaign_id": 404}, NotFoundError),
        ({"persona_id": 404}, NotFoundError),
        ({"assignee_id": 404}, NotFoundError),
        ({"team_id": 404}, NotFoundError),
        ({"stage_id": 404}, NotFoundError),
        ({"board_id": 404}, MopsboardError),
        ({"estimate_hours": -1.0}, ValidationError),
        ({"title": " "}, ValidationError),
    ],
)
def test_bulk_add_with_one_bad_task_writes_nothing(
    ws: Workspace,
    ws_path: Path,
    board_id: int,
    stage: dict[str, Stage],
    dump: Callable[[Path], list[str]],
    bad: dict[str, object],
    error: type[Exception],
) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring"))
    before = dump(ws_path)
    good = Task(
        board_id=board_id, stage_id=stage["Backlog"].key, title="Good", campaign_id=campaign.id
    )
    changes: list[Change] = []
    ws.subscribe(changes.append)
    with pytest.raises(error):
        ws.bulk_add_tasks([good, good, good.model_copy(update=bad), good])
    assert dump(ws_path) == before
    assert changes == []


def test_bulk_add_of_nothing(ws: Workspace) -> None:
    assert ws.bulk_add_tasks([]) == []
    assert ws.tasks() == []


def test_bulk_add_accepts_what_add_task_accepts(
    ws: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    content = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=content.key, name="Ana"))
    task = Task(
        board_id=board_id,
        stage_id=stage["Ready"].key,
        title="Brief",
        assignee_id=ana.id,
        team_id=404,
    )
    single = ws.add_task(task)
    assert single.team_id == content.id
    [bulk_id] = ws.bulk_add_tasks([task])
    assert ws.task(bulk_id).team_id == content.id
