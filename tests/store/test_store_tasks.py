"""Tasks: add, read, edit (with version checks), archive, delete and restore, history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError, RuleError
from mopsboard.domain.models import (
    Campaign,
    ChecklistItem,
    Member,
    Priority,
    Stage,
    Task,
    Team,
)
from mopsboard.domain.ranking import is_order_key, key_between
from mopsboard.store.workspace import Workspace

USER_FIELDS = {
    "board_id",
    "stage_id",
    "title",
    "description",
    "rank",
    "campaign_id",
    "persona_id",
    "assignee_id",
    "team_id",
    "estimate_hours",
    "start_date",
    "due_date",
    "priority",
    "labels",
    "checklist",
    "archived",
    "created_at",
    "completed_at",
}


def same(a: Task, b: Task, fields: set[str] = USER_FIELDS) -> bool:
    return a.model_dump(include=fields) == b.model_dump(include=fields)


def test_add_task_goes_to_the_end_of_its_stage(
    ws: Workspace, add: Callable[..., Task], titles: Callable[[str], list[str]]
) -> None:
    first = add("First")
    second = add("Second")
    assert first.id is not None and second.id is not None
    assert first.rank < second.rank
    assert first.version == 1
    assert first.created_at is not None and first.updated_at is not None
    assert titles("Backlog") == ["First", "Second"]
    assert ws.count_tasks() == 2


def test_add_task_at_a_given_rank(
    add: Callable[..., Task], titles: Callable[[str], list[str]]
) -> None:
    a = add("A")
    c = add("C")
    add("B", rank=key_between(a.rank, c.rank))
    assert titles("Backlog") == ["A", "B", "C"]


def test_task_reads_back_what_was_stored(ws: Workspace, add: Callable[..., Task]) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring launch"))
    persona = ws.personas()[1]
    added = add(
        "Legal sign-off 🚦",
        "Review",
        description="## Check\n- consent\n- footer",
        campaign_id=campaign.id,
        persona_id=persona.id,
        estimate_hours=2.5,
        start_date=date(2025, 3, 1),
        due_date=date(2025, 3, 4),
        priority=Priority.URGENT,
        labels=("legal", "gdpr"),
        checklist=(ChecklistItem(text="GDPR consent"), ChecklistItem(text="Footer", done=True)),
    )
    stored = ws.task(added.key)
    assert same(stored, added)
    assert stored.version == 1
    assert stored.checklist_done == 1
    assert Task.model_validate(stored.model_dump()) == stored


def test_missing_task_is_not_found(ws: Workspace) -> None:
    with pytest.raises(NotFoundError, match="no task with id 404"):
        ws.task(404)


def test_tasks_by_id_keeps_the_asked_order_and_skips_missing(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    a, b, c = add("A"), add("B"), add("C")
    found = ws.tasks_by_id([c.key, 999, a.key, b.key])
    assert [t.title for t in found] == ["C", "A", "B"]


def test_tasks_are_in_board_order(
    ws: Workspace, board_id: int, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    add("Done 1", "Done")
    add("Backlog 1")
    add("Ready 1", "Ready")
    add("Backlog 2")
    assert [t.title for t in ws.tasks(board_id)] == ["Backlog 1", "Backlog 2", "Ready 1", "Done 1"]
    other = ws.add_board("Other")
    assert ws.tasks(other.key) == []
    assert ws.count_tasks(other.key) == 0
    assert ws.count_tasks(board_id) == 4


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("stage_id", 999, NotFoundError),
        ("board_id", 999, NotFoundError),
        ("campaign_id", 999, NotFoundError),
        ("persona_id", 999, NotFoundError),
        ("assignee_id", 999, NotFoundError),
        ("team_id", 999, NotFoundError),
    ],
)
def test_add_task_with_a_missing_reference_writes_nothing(
    ws: Workspace, add: Callable[..., Task], field: str, value: int, error: type[Exception]
) -> None:
    with pytest.raises(error):
        add("Dangling", **{field: value})
    assert ws.tasks(include_archived=True) == []


def test_add_task_on_a_stage_of_another_board_is_refused(ws: Workspace, board_id: int) -> None:
    other = ws.add_board("Other")
    foreign_stage = ws.stages(other.key)[0].key
    with pytest.raises(MopsboardError, match="is not on board"):
        ws.add_task(Task(board_id=board_id, stage_id=foreign_stage, title="Lost"))
    assert ws.tasks(include_archived=True) == []


def test_team_follows_the_assignee(ws: Workspace, add: Callable[..., Task]) -> None:
    content = ws.add_team(Team(name="Content"))
    agency = ws.add_team(Team(name="Agency"))
    ana = ws.add_member(Member(team_id=content.key, name="Ana"))
    task = add("Brief", assignee_id=ana.id, team_id=agency.id)
    assert task.team_id == content.id
    assert ws.task(task.key).team_id == content.id
    unassigned = add("Open", team_id=agency.id)
    assert ws.task(unassigned.key).team_id == agency.id


def test_completed_at_is_set_in_a_done_stage_only(ws: Workspace, add: Callable[..., Task]) -> None:
    done = add("Shipped", "Done")
    assert done.completed_at is not None
    assert ws.task(done.key).completed_at is not None
    open_task = add("Open", completed_at=done.completed_at)
    assert ws.task(open_task.key).completed_at is None


# -- editing --------------------------------------------------------------------------------------


def test_update_task(ws: Workspace, add: Callable[..., Task]) -> None:
    task = add("Draft")
    saved = ws.update_task(
        task.model_copy(update={"title": "Final copy", "labels": ("copy",), "estimate_hours": 3})
    )
    assert saved.version == 2
    stored = ws.task(task.key)
    assert (stored.title, stored.labels, stored.estimate_hours) == ("Final copy", ("copy",), 3.0)
    assert stored.version == 2
    assert stored.updated_at is not None and task.updated_at is not None
    assert stored.updated_at >= task.updated_at
    assert stored.created_at == task.created_at


def test_update_with_a_stale_copy_is_a_conflict(ws: Workspace, add: Callable[..., Task]) -> None:
    task = add("Draft")
    ws.update_task(task.model_copy(update={"title": "Mine"}))
    with pytest.raises(ConflictError, match="changed elsewhere") as caught:
        ws.update_task(task.model_copy(update={"title": "Theirs"}))
    assert (caught.value.table, caught.value.row_id) == ("tasks", task.id)
    assert ws.task(task.key).title == "Mine"


def test_edit_from_another_window_makes_my_copy_stale(
    ws: Workspace, ws_path: object, add: Callable[..., Task]
) -> None:
    task = add("Draft")
    with Workspace.open(ws.path) as other:
        other.update_task(other.task(task.key).model_copy(update={"title": "Other window"}))
    with pytest.raises(ConflictError):
        ws.update_task(task.model_copy(update={"title": "This window"}))
    assert ws.task(task.key).title == "Other window"


def test_update_of_a_deleted_task_is_not_found(ws: Workspace, add: Callable[..., Task]) -> None:
    task = add("Short-lived")
    ws.delete_tasks([task.key])
    with pytest.raises(NotFoundError):
        ws.update_task(task.model_copy(update={"title": "Too late"}))
    assert ws.tasks(include_archived=True) == []


def test_update_with_invalid_values_is_refused_and_nothing_changes(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    task = add("Draft", estimate_hours=2)
    for update in (
        {"title": "   "},
        {"estimate_hours": -1.0},
        {"start_date": date(2025, 5, 2), "due_date": date(2025, 5, 1)},
    ):
        with pytest.raises(ValidationError):
            ws.update_task(task.model_copy(update=update))
    stored = ws.task(task.key)
    assert same(stored, task)
    assert stored.version == 1


def test_changing_the_stage_in_an_edit_is_logged_and_follows_the_rules(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    task = add("Draft")
    ws.update_task(task.model_copy(update={"stage_id": stage["Done"].id}))
    stored = ws.task(task.key)
    assert stored.completed_at is not None
    assert ws.task_events(task.key)[-1][:2] == (stage["Backlog"].id, stage["Done"].id)

    ws.update_stage(
        ws.stage(stage["Ready"].key).model_copy(update={"wip_limit": 1, "wip_hard": True})
    )
    add("Already ready", "Ready")
    with pytest.raises(RuleError, match="hard WIP limit of 1"):
        ws.update_task(stored.model_copy(update={"stage_id": stage["Ready"].id}))
    assert ws.task(task.key).stage_id == stage["Done"].id
    assert len(ws.task_events(task.key)) == 2


def test_edit_that_finishes_the_checklist_may_pass_the_gate(
    ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    ws.update_stage(stage["Review"].model_copy(update={"is_gate": True}))
    task = add("Legal", "Review", checklist=(ChecklistItem(text="GDPR consent"),))
    ws.update_task(
        task.model_copy(
            update={
                "stage_id": stage["Done"].id,
                "checklist": (ChecklistItem(text="GDPR consent", done=True),),
            }
        )
    )
    assert ws.task(task.key).stage_id == stage["Done"].id


# -- archive, delete, restore ---------------------------------------------------------------------


def test_archive_and_unarchive(ws: Workspace, add: Callable[..., Task]) -> None:
    a, b = add("A"), add("B")
    assert ws.archive_tasks([a.key, b.key]) == [a.id, b.id]
    assert ws.archive_tasks([a.key]) == []  # already archived: nothing changes
    assert ws.tasks() == []
    assert ws.count_tasks() == 0
    assert {t.title for t in ws.tasks(include_archived=True)} == {"A", "B"}
    assert ws.task(a.key).archived
    assert ws.archive_tasks([a.key], archived=False) == [a.id]
    assert [t.title for t in ws.tasks()] == ["A"]
    assert ws.task(a.key).version == 3


def test_delete_returns_the_tasks_and_restore_puts_them_back(
    ws: Workspace, add: Callable[..., Task], titles: Callable[[str], list[str]]
) -> None:
    add("Before")
    doomed = [
        add("Doomed 1", labels=("x",), checklist=(ChecklistItem(text="step"),)),
        add("Doomed 2", estimate_hours=4),
    ]
    add("After")
    deleted = ws.delete_tasks([t.key for t in doomed])
    assert [t.id for t in deleted] == [t.id for t in doomed]
    assert titles("Backlog") == ["Before", "After"]
    with pytest.raises(NotFoundError):
        ws.task(doomed[0].key)

    ws.restore_tasks(deleted)
    assert titles("Backlog") == ["Before", "Doomed 1", "Doomed 2", "After"]
    for original in doomed:
        assert same(ws.task(original.key), original)


def test_restore_of_a_done_task_keeps_its_completion(
    ws: Workspace, add: Callable[..., Task]
) -> None:
    task = add("Shipped", "Done")
    [deleted] = ws.delete_tasks([task.key])
    ws.restore_tasks([deleted])
    assert ws.task(task.key).completed_at == task.completed_at


def test_task_history(ws: Workspace, stage: dict[str, Stage], add: Callable[..., Task]) -> None:
    task = add("Travels")
    ws.move_tasks([task.key], stage["Ready"].key)
    ws.move_tasks([task.key], stage["Ready"].key)  # a reorder is not a stage change
    ws.move_tasks([task.key], stage["Done"].key)
    events = ws.task_events(task.key)
    assert [e[:2] for e in events] == [
        (None, stage["Backlog"].id),
        (stage["Backlog"].id, stage["Ready"].id),
        (stage["Ready"].id, stage["Done"].id),
    ]
    assert all(isinstance(e[2], str) and e[2] for e in events)
    assert [e[2] for e in events] == sorted(e[2] for e in events)


def test_task_rank_must_be_an_order_key(
    ws: Workspace, board_id: int, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    # "zz0" ends in the lowest digit, so nothing can sort just after it: the model refuses it,
    # and so does the store when a caller skipped validation.
    with pytest.raises(ValidationError, match="'zz0' is not an order key"):
        add("Imported", rank="zz0")
    unchecked = Task(board_id=board_id, stage_id=stage["Backlog"].key, title="Imported")
    with pytest.raises(ValidationError, match="'zz0' is not an order key"):
        ws.add_task(unchecked.model_copy(update={"rank": "zz0"}))
    assert ws.tasks(include_archived=True) == []
    after = add("Next")  # and the next task gets a key of its own
    assert is_order_key(after.rank)
    assert [t.title for t in ws.tasks()] == ["Next"]
