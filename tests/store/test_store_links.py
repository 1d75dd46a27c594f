"""Links in the workspace file: added, refused in words, edited, removed, each one unit of work
reporting its change; they go with their tasks and come back with them on undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import (
    CycleError,
    DuplicateLinkError,
    LinkError,
    LinkKind,
    SelfLinkError,
)
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Task
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

Add = Callable[..., Task]


def link(before: Task, after: Task, **fields: object) -> TaskLink:
    return TaskLink(predecessor_id=before.key, successor_id=after.key, **fields)  # type: ignore[arg-type]


def file_links(path: Path) -> list[tuple[int, int, int, str, int]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT id, predecessor_id, successor_id, kind, lag_days FROM task_links ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_a_link_is_written_read_and_reported(ws: Workspace, ws_path: Path, add: Add) -> None:
    brief, copy, other = add("Brief"), add("Copy"), add("Unrelated")
    changes: list[Change] = []
    ws.subscribe(changes.append)
    added = ws.add_link(link(brief, copy, lag_days=-2, kind=LinkKind.START_TO_START))
    assert file_links(ws_path) == [(added.key, brief.key, copy.key, "start_to_start", -2)]
    assert [c for c in changes if c.table == "task_links"] == [
        Change("task_links", frozenset({added.key}), "inserted")
    ]
    assert ws.task_links(copy.key) == [added] == ws.task_links(brief.key)
    assert ws.task_links(other.key) == []
    assert ws.links_of_tasks([other.key, copy.key]) == [added]
    assert ws.find_link(brief.key, copy.key) == added
    assert ws.find_link(copy.key, brief.key) is None


def test_a_loop_a_self_link_and_a_repeat_are_refused_and_nothing_is_written(
    ws: Workspace, ws_path: Path, add: Add
) -> None:
    brief, copy, legal = add("Brief"), add("Copy"), add("Legal review")
    ws.add_links([link(brief, copy), link(copy, legal)])
    before = file_links(ws_path)
    with pytest.raises(CycleError) as refused:
        ws.add_link(link(legal, brief))
    assert str(refused.value).startswith(
        f"Task {brief.id} 'Brief' cannot wait for task {legal.id} 'Legal review'"
    )
    assert f"task {copy.id} 'Copy'" in str(refused.value)
    with pytest.raises(SelfLinkError, match="'Copy' cannot wait for itself"):
        ws.add_links([link(brief, legal), link(copy, copy)])
    with pytest.raises(DuplicateLinkError, match="already waits for"):
        ws.add_link(link(brief, copy, lag_days=3))
    # A batch refused by its last link writes none of it.
    assert file_links(ws_path) == before
    with pytest.raises(NotFoundError):
        ws.add_link(TaskLink(predecessor_id=brief.key, successor_id=TaskId(9999)))


def test_lag_and_kind_are_edited_and_a_stale_edit_refused(ws: Workspace, add: Add) -> None:
    brief, copy = add("Brief"), add("Copy")
    added = ws.add_link(link(brief, copy))
    edited = ws.update_link(added.model_copy(update={"lag_days": 4}))
    assert ws.task_link(added.key).lag_days == 4 and edited.version == 2
    with pytest.raises(ConflictError):
        ws.update_link(added.model_copy(update={"kind": LinkKind.START_TO_START}))
    with pytest.raises(LinkError, match="remove it"):
        ws.update_link(edited.model_copy(update={"successor_id": brief.key}))


def test_a_removed_link_comes_back_under_its_id(ws: Workspace, ws_path: Path, add: Add) -> None:
    brief, copy = add("Brief"), add("Copy")
    added = ws.add_link(link(brief, copy, lag_days=1))
    removed = ws.delete_link(added.key)
    assert file_links(ws_path) == []
    ws.add_link(removed)
    assert file_links(ws_path) == [(added.key, brief.key, copy.key, "finish_to_start", 1)]


def test_blocked_while_a_finish_to_start_predecessor_is_not_done(ws: Workspace, add: Add) -> None:
    brief, copy, post = add("Brief"), add("Copy"), add("Post")
    ws.add_links([link(brief, copy), link(brief, post, kind=LinkKind.START_TO_START)])
    assert ws.blocked_task_ids([brief.key, copy.key, post.key]) == {copy.key}
    done = next(s for s in ws.stages(brief.board_id) if s.kind.value == "done")
    ws.move_tasks([brief.key], done.key)
    assert ws.blocked_task_ids([copy.key]) == frozenset()


def test_undo_of_a_task_delete_puts_its_links_back(ws: Workspace, ws_path: Path, add: Add) -> None:
    brief, copy, legal, send = add("Brief"), add("Copy"), add("Legal"), add("Send")
    ws.add_links([link(brief, copy, lag_days=2), link(copy, legal), link(legal, send)])
    before = file_links(ws_path)
    deleted = ws.delete_tasks([copy.key])
    assert [row[1:3] for row in file_links(ws_path)] == [(legal.key, send.key)]
    changes: list[Change] = []
    ws.subscribe(changes.append)
    ws.restore_tasks(deleted)
    assert file_links(ws_path) == before
    restored = [c for c in changes if c.table == "task_links"]
    assert restored == [Change("task_links", frozenset({before[0][0], before[1][0]}), "inserted")]


def test_links_between_tasks_deleted_together_come_back(
    ws: Workspace, ws_path: Path, add: Add
) -> None:
    brief, copy, legal = add("Brief"), add("Copy"), add("Legal")
    ws.add_links([link(brief, copy), link(copy, legal, kind=LinkKind.START_TO_START)])
    before = file_links(ws_path)
    deleted = ws.delete_tasks([brief.key, copy.key, legal.key])
    assert file_links(ws_path) == []
    ws.restore_tasks(deleted)
    assert file_links(ws_path) == before


def test_undo_of_a_campaign_delete_puts_its_links_back(
    ws: Workspace, ws_path: Path, add: Add
) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring launch"))
    brief = add("Brief", campaign_id=campaign.id)
    copy = add("Copy", campaign_id=campaign.id)
    elsewhere = add("Press kit")
    ws.add_links([link(brief, copy, lag_days=-1), link(copy, elsewhere)])
    assert [row[1:3] for row in file_links(ws_path)] == [
        (brief.key, copy.key),
        (copy.key, elsewhere.key),
    ]
    assert len(ws.campaign_links(campaign.key)) == 2
    before = file_links(ws_path)
    gone, tasks = ws.delete_campaign(campaign.key)
    assert file_links(ws_path) == []
    ws.restore_campaign(gone, tasks)
    assert file_links(ws_path) == before
