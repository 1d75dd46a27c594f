"""Comments on tasks: the API the task editor and the importers use, and what the file holds."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import CommentId, TaskId
from mopsboard.domain.models import Comment, Task
from mopsboard.store.workspace import Workspace


def rows(path: Path) -> list[tuple[object, ...]]:
    """The comments table as the file holds it, read through a connection of its own."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT id, task_id, author, body, at FROM comments ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.mark.file_only
def test_a_comment_is_stamped_now_and_read_back_oldest_first(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    task = add("Launch email")
    before = datetime.now(UTC)
    first = ws.add_comment(task.key, "Ana Lima", "Copy is **ready**")
    second = ws.add_comment(task.key, "Ben", "Legal: approved")
    after = datetime.now(UTC)
    assert first.at is not None and before - timedelta(seconds=1) <= first.at <= after
    assert [c.body for c in ws.comments(task.key)] == ["Copy is **ready**", "Legal: approved"]
    assert ws.comments(task.key)[0] == first
    (stored,) = [r for r in rows(ws.path) if r[0] == first.id]
    assert stored[1:4] == (task.id, "Ana Lima", "Copy is **ready**")
    assert str(stored[4]).endswith("Z")
    assert second.key > first.key


@pytest.mark.file_only
def test_an_imported_comment_keeps_its_date_and_sorts_by_it(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    task = add("Webinar")
    ws.add_comment(task.key, "Ana", "Written today")
    paris = timezone(timedelta(hours=1))
    old = ws.add_comment(
        task.key, "Trello user", "From the old board", datetime(2024, 5, 2, 9, 30, tzinfo=paris)
    )
    naive = ws.add_comment(task.key, "Trello user", "No zone given", datetime(2024, 5, 1, 12, 0))
    assert old.at == datetime(2024, 5, 2, 8, 30, tzinfo=UTC)
    assert naive.at == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)  # naive is UTC
    assert [c.body for c in ws.comments(task.key)] == [
        "No zone given",
        "From the old board",
        "Written today",
    ]
    assert ("2024-05-02T08:30:00.000Z",) in [(r[4],) for r in rows(ws.path)]


def test_many_comments_in_one_unit_and_every_comment_of_the_workspace(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    a, b = add("A"), add("B")
    day = datetime(2025, 1, 1, tzinfo=UTC)
    added = ws.add_comments(
        [
            Comment(task_id=b.key, author="X", body="b1", at=day),
            Comment(task_id=a.key, author="X", body="a2", at=day + timedelta(hours=2)),
            Comment(task_id=a.key, author="X", body="a1", at=day + timedelta(hours=1)),
        ]
    )
    assert [c.body for c in added] == ["b1", "a2", "a1"]
    assert [(c.task_id, c.body) for c in ws.comments()] == [
        (a.id, "a1"),
        (a.id, "a2"),
        (b.id, "b1"),
    ]


@pytest.mark.file_only
def test_one_bad_comment_refuses_the_batch(ws: Workspace, add: Callable[..., Task]) -> None:
    task = add("A")
    with pytest.raises(NotFoundError, match="no task with id 999"):
        ws.add_comments(
            [
                Comment(task_id=task.key, author="X", body="fine"),
                Comment(task_id=TaskId(999), author="X", body="nowhere"),
            ]
        )
    assert ws.comments() == []
    with pytest.raises(ValidationError):
        ws.add_comment(task.key, "X", "   ")
    with pytest.raises(ValidationError):
        ws.add_comment(task.key, "  ", "who?")
    assert rows(ws.path) == []


def test_a_deleted_comment_comes_back_with_its_id_and_date(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    task = add("A")
    gone = ws.add_comment(task.key, "Ana", "Oops", datetime(2025, 3, 1, 10, 0, tzinfo=UTC))
    later = ws.add_comment(task.key, "Ana", "Later")
    assert ws.delete_comment(gone.key) == gone
    assert [c.id for c in ws.comments(task.key)] == [later.id]
    # Ids are never given again, so the one undo puts back is still free.
    newer = ws.add_comment(task.key, "Ana", "Newer")
    assert newer.key > later.key
    (restored,) = ws.add_comments([gone])
    assert restored == gone
    assert [c.body for c in ws.comments(task.key)] == ["Oops", "Later", "Newer"]
    with pytest.raises(NotFoundError):
        ws.delete_comment(CommentId(12345))


def test_deleting_a_task_deletes_its_comments(ws: Workspace, add: Callable[..., Task]) -> None:
    task, other = add("A"), add("B")
    ws.add_comment(task.key, "Ana", "On A")
    ws.add_comment(other.key, "Ana", "On B")
    ws.delete_tasks([task.key])
    assert [c.body for c in ws.comments()] == ["On B"]


def test_comments_are_reported_to_subscribers(ws: Workspace, add: Callable[..., Task]) -> None:
    task = add("A")
    seen = []
    ws.subscribe(seen.append)
    comment = ws.add_comment(task.key, "Ana", "Hello")
    ws.delete_comment(comment.key)
    assert [(c.table, set(c.ids), c.kind) for c in seen] == [
        ("comments", {comment.id}, "inserted"),
        ("comments", {comment.id}, "deleted"),
    ]


def test_the_user_name_is_set_once_kept_in_settings_and_changeable(
    ws: Workspace, ws_path: Path
) -> None:
    assert ws.user_name() is None
    ws.set_user_name("  Ana Lima ")
    assert ws.user_name() == "Ana Lima"
    with Workspace.open(ws_path) as other:
        assert other.user_name() == "Ana Lima"
        assert other.setting("user_name") == "Ana Lima"
    ws.set_user_name("A. Lima")
    assert ws.user_name() == "A. Lima"
    with pytest.raises(MopsboardError, match="Your name cannot be empty"):
        ws.set_user_name("   ")
    with pytest.raises(MopsboardError, match="Your name is too long"):
        ws.set_user_name("x" * 201)
    assert ws.user_name() == "A. Lima"
    ws.set_user_name(None)
    assert ws.user_name() is None


def test_an_older_file_gets_the_comments_table(tmp_path: Path) -> None:
    path = tmp_path / "old.mopsboard"
    Workspace.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE comments")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_comments'")
    conn.commit()
    conn.close()
    with Workspace.open(path) as ws:
        task = ws.add_task(
            Task(
                board_id=ws.boards()[0].key,
                stage_id=ws.stages(ws.boards()[0].key)[0].key,
                title="T",
            )
        )
        assert ws.add_comment(task.key, "Ana", "Works").id is not None
