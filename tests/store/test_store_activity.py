"""A task's history: moves and edits, logged by the store in the edit's own unit of work, and
kept with a task that is deleted and put back."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.activity import ActivityKind
from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.models import Member, Stage, Task, Team
from mopsboard.store.workspace import Workspace

Add = Callable[..., Task]


def history(ws: Workspace, task: Task) -> list[tuple[str, object]]:
    """The task's history as (kind, what): stage names for moves, fields for edits."""
    names = {s.id: s.name for b in ws.boards() for s in ws.stages(b.key)}
    lines: list[tuple[str, object]] = []
    for entry in ws.task_activity(task.key):
        if entry.kind in (ActivityKind.CREATED, ActivityKind.MOVED):
            where = (names.get(entry.from_stage_id), names.get(entry.to_stage_id))  # type: ignore[arg-type]
            lines.append((entry.kind.value, where))
        else:
            lines.append((entry.kind.value, entry.fields))
    return lines


def test_moves_edits_archiving_in_the_order_they_happened(
    ws: Workspace, add: Add, stage: dict[str, Stage]
) -> None:
    task = add("Launch email", estimate_hours=2.0)
    ws.move_tasks([task.key], stage["In progress"].key)
    current = ws.task(task.key)
    ws.update_task(current.model_copy(update={"due_date": date(2026, 5, 1), "estimate_hours": 3.0}))
    ws.archive_tasks([task.key])
    ws.archive_tasks([task.key], archived=False)
    assert history(ws, task) == [
        ("created", (None, "Backlog")),
        ("moved", ("Backlog", "In progress")),
        ("edited", ("estimate_hours", "due_date")),
        ("archived", ()),
        ("restored", ()),
    ]
    entries = ws.task_activity(task.key)
    assert [e.at for e in entries] == sorted(e.at for e in entries)


def test_a_save_that_changes_nothing_logs_nothing(ws: Workspace, add: Add) -> None:
    task = add("A")
    ws.update_task(ws.task(task.key))
    ws.archive_tasks([task.key], archived=False)  # not archived: nothing changes
    assert history(ws, task) == [("created", (None, "Backlog"))]


def test_an_assignee_brings_their_team_and_both_are_logged(ws: Workspace, add: Add) -> None:
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.key, name="Ana"))
    task = add("A")
    ws.update_task(ws.task(task.key).model_copy(update={"assignee_id": ana.id}))
    assert history(ws, task)[-1] == ("edited", ("assignee_id", "team_id"))


def test_an_edit_that_moves_the_task_logs_the_move_first(
    ws: Workspace, add: Add, stage: dict[str, Stage]
) -> None:
    task = add("A")
    moved = ws.task(task.key).model_copy(
        update={"stage_id": stage["Ready"].key, "title": "A, ready"}
    )
    ws.update_task(moved)
    assert history(ws, task)[1:] == [("moved", ("Backlog", "Ready")), ("edited", ("title",))]
    move, edit = ws.task_activity(task.key)[1:]
    assert move.at == edit.at  # one save, one moment


def test_a_refused_edit_logs_nothing(ws: Workspace, add: Add) -> None:
    task = add("A")
    stale = ws.task(task.key)
    ws.update_task(stale.model_copy(update={"title": "A, theirs"}))
    with pytest.raises(ConflictError):
        ws.update_task(stale.model_copy(update={"title": "A, mine"}))
    with pytest.raises(NotFoundError):
        ws.update_task(ws.task(task.key).model_copy(update={"title": "B", "campaign_id": 999}))
    assert history(ws, task) == [("created", (None, "Backlog")), ("edited", ("title",))]


def test_a_deleted_task_put_back_has_its_history_and_comments_again(
    ws: Workspace, add: Add, stage: dict[str, Stage]
) -> None:
    task = add("A")
    ws.move_tasks([task.key], stage["Ready"].key)
    ws.update_task(ws.task(task.key).model_copy(update={"title": "A2"}))
    first = ws.add_comment(task.key, "Ana", "First")
    second = ws.add_comment(task.key, "Ben", "Second")
    before = history(ws, task)
    (deleted,) = ws.delete_tasks([task.key])
    assert ws.task_activity(task.key) == []
    assert ws.comments(task.key) == []
    ws.restore_tasks([deleted])
    assert history(ws, task) == before  # no second "created"
    assert ws.comments(task.key) == [first, second]


@pytest.mark.file_only
def test_a_history_row_another_program_spoilt_is_left_out(ws: Workspace, add: Add) -> None:
    task = add("A")
    ws.update_task(ws.task(task.key).model_copy(update={"title": "A2"}))
    conn = sqlite3.connect(ws.path)
    conn.execute(
        "INSERT INTO task_edits (task_id, kind, fields, at) VALUES (?, 'edited', '[]', 'soon')",
        [task.id],
    )
    conn.execute(
        "INSERT INTO task_edits (task_id, kind, fields, at) "
        "VALUES (?, 'teleported', 'not json', '2999-01-01T00:00:00Z')",
        [task.id],
    )
    conn.commit()
    conn.close()
    assert history(ws, task) == [
        ("created", (None, "Backlog")),
        ("edited", ("title",)),
        ("edited", ()),  # an unknown kind reads as an edit, unknown fields as none
    ]


def test_every_task_s_history_at_once(ws: Workspace, add: Add) -> None:
    a, b = add("A"), add("B")
    ws.update_task(ws.task(b.key).model_copy(update={"title": "B2"}))
    assert [(e.task_id, e.kind) for e in ws.task_activity()] == [
        (a.id, ActivityKind.CREATED),
        (b.id, ActivityKind.CREATED),
        (b.id, ActivityKind.EDITED),
    ]
