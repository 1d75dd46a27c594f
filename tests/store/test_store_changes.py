"""Change reports after each committed write, none after a failed one; all-or-nothing writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import NotFoundError, RuleError
from mopsboard.domain.models import Campaign, Stage, Task
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace


@pytest.fixture
def changes(ws: Workspace) -> list[Change]:
    seen: list[Change] = []
    ws.subscribe(seen.append)
    return seen


def test_add_reports_an_insert(
    ws: Workspace, add: Callable[..., Task], changes: list[Change]
) -> None:
    task = add("New")
    assert changes == [Change("tasks", frozenset({task.id}), "inserted")]


def test_update_reports_the_row_and_its_fields(
    ws: Workspace, add: Callable[..., Task], changes: list[Change]
) -> None:
    task = add("New")
    changes.clear()
    ws.update_task(task.model_copy(update={"title": "Renamed"}))
    [change] = changes
    assert (change.table, change.ids, change.kind) == ("tasks", frozenset({task.id}), "updated")
    assert "title" in change.fields


def test_move_reports_the_moved_rows(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], changes: list[Change]
) -> None:
    a, b = add("A"), add("B")
    changes.clear()
    ws.move_tasks([a.key, b.key], stage["Done"].key)
    assert changes == [
        Change("tasks", frozenset({a.id, b.id}), "updated", frozenset({"stage_id", "rank"}))
    ]


def test_delete_and_archive_report(
    ws: Workspace, add: Callable[..., Task], changes: list[Change]
) -> None:
    a, b = add("A"), add("B")
    changes.clear()
    ws.archive_tasks([a.key])
    ws.delete_tasks([b.key])
    assert changes == [
        Change("tasks", frozenset({a.id}), "updated", frozenset({"archived"})),
        Change("tasks", frozenset({b.id}), "deleted"),
    ]


def test_reports_arrive_after_the_commit(
    ws: Workspace, ws_path: Path, add: Callable[..., Task]
) -> None:
    seen_by_another_connection: list[list[str]] = []

    def listener(change: Change) -> None:
        with Workspace.open(ws_path) as other:
            seen_by_another_connection.append([t.title for t in other.tasks()])

    ws.subscribe(listener)
    add("Committed first")
    assert seen_by_another_connection == [["Committed first"]]


def test_unsubscribed_listener_hears_nothing(
    ws: Workspace, add: Callable[..., Task], changes: list[Change]
) -> None:
    ws.unsubscribe(changes.append)
    ws.unsubscribe(changes.append)  # twice is harmless
    add("Quiet")
    assert changes == []


def test_nothing_reported_when_a_write_fails(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task], changes: list[Change]
) -> None:
    ws.update_stage(stage["Ready"].model_copy(update={"wip_limit": 1, "wip_hard": True}))
    a, b = add("A"), add("B")
    ws.move_tasks([a.key], stage["Ready"].key)
    changes.clear()
    with pytest.raises(RuleError):
        ws.move_tasks([b.key], stage["Ready"].key)
    with pytest.raises(NotFoundError):
        add("Dangling", campaign_id=404)
    with pytest.raises(NotFoundError):
        ws.add_tasks([Task(board_id=a.board_id, stage_id=a.stage_id, title="x", persona_id=404)])
    assert changes == []
    # The next good write reports only itself, nothing left over from the failures.
    c = add("C")
    assert changes == [Change("tasks", frozenset({c.id}), "inserted")]


def test_batch_with_one_bad_reference_writes_nothing(
    ws: Workspace,
    ws_path: Path,
    board_id: int,
    stage: dict[str, Stage],
    changes: list[Change],
    dump: Callable[[Path], list[str]],
) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring"))
    changes.clear()
    before = dump(ws_path)
    backlog = stage["Backlog"].key
    batch = [
        Task(board_id=board_id, stage_id=backlog, title="One", campaign_id=campaign.id),
        Task(board_id=board_id, stage_id=backlog, title="Two"),
        Task(board_id=board_id, stage_id=backlog, title="Bad", campaign_id=404),
        Task(board_id=board_id, stage_id=backlog, title="Four"),
    ]
    with pytest.raises(NotFoundError, match="no campaign with id 404"):
        ws.add_tasks(batch)
    assert dump(ws_path) == before
    assert ws.tasks(include_archived=True) == []
    assert changes == []
    # Without the bad one, the batch goes in whole and in order.
    new_ids = ws.add_tasks([batch[0], batch[1], batch[3]])
    assert [t.title for t in ws.tasks_by_id(new_ids)] == ["One", "Two", "Four"]
    assert [t.title for t in ws.tasks()] == ["One", "Two", "Four"]
    assert changes == [Change("tasks", frozenset({i}), "inserted") for i in new_ids]


def test_batch_with_one_invalid_task_writes_nothing(
    ws: Workspace, board_id: int, stage: dict[str, Stage]
) -> None:
    backlog = stage["Backlog"].key
    good = Task(board_id=board_id, stage_id=backlog, title="Good")
    bad = good.model_copy(update={"estimate_hours": -3.0})
    with pytest.raises(ValidationError):
        ws.add_tasks([good, bad, good])
    assert ws.tasks(include_archived=True) == []
