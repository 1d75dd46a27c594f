"""Cards to another board (into the stage of the same name, else the first), and copies of
cards just below their originals: each one unit of work, put back exactly by undo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.domain.errors import MopsboardError, RuleError
from mopsboard.domain.models import ChecklistItem, StageKind, Task
from mopsboard.store.moves import copy_title
from mopsboard.store.workspace import Workspace

Add = Callable[..., Task]


def on_board(ws: Workspace, board_id: int) -> dict[str, list[str]]:
    """Each stage's titles, by stage name, as the file holds them (archived cards too)."""
    names = {s.id: s.name for s in ws.stages(board_id)}
    result: dict[str, list[str]] = {name: [] for name in names.values()}
    for task in ws.tasks(board_id, include_archived=True):
        result[names[task.stage_id]].append(task.title)
    return result


@pytest.fixture
def events(ws: Workspace) -> int:
    """A second board: Ideas, Ready, Live (no Backlog, no In progress)."""
    board = ws.add_board(
        "Events",
        [("Ideas", StageKind.BACKLOG), ("Ready", StageKind.ACTIVE), ("Live", StageKind.DONE)],
    )
    return board.key


def test_cards_land_in_the_stage_of_the_same_name_or_the_first(
    ws: Workspace, board_id: int, events: int, add: Add
) -> None:
    add("Venue shortlist", "Ready")
    a = add("Catering", "Backlog")
    b = add("Badges", "In progress")
    c = add("Signage", "Ready")
    result = ws.move_tasks_to_board([a.key, b.key, c.key], events)
    assert on_board(ws, events) == {
        "Ideas": ["Catering", "Badges"],
        "Ready": ["Signage"],
        "Live": [],
    }
    assert on_board(ws, board_id)["Ready"] == ["Venue shortlist"]
    moved = ws.task(c.key)
    assert moved.board_id == events and moved.version == c.version + 1
    assert not result.over_wip_limit
    # Undo puts each one back exactly, board, stage and place.
    ws.place_tasks(result.before)
    assert on_board(ws, events) == {"Ideas": [], "Ready": [], "Live": []}
    assert on_board(ws, board_id)["Ready"] == ["Venue shortlist", "Signage"]
    assert ws.task(a.key).board_id == board_id and ws.task(a.key).rank == a.rank
    ws.place_tasks(result.after)
    assert on_board(ws, events)["Ideas"] == ["Catering", "Badges"]


def test_a_hard_limit_on_the_other_board_refuses_and_nothing_moves(
    ws: Workspace, board_id: int, events: int, add: Add, ws_path: Path
) -> None:
    ready = ws.stage_named(events, "Ready")
    ws.update_stage(ready.model_copy(update={"wip_limit": 1, "wip_hard": True}))
    ws.add_task(Task(board_id=events, stage_id=ready.key, title="Stage plan"))
    card = add("Signage", "Ready")
    with pytest.raises(RuleError, match="hard WIP limit of 1"):
        ws.move_tasks_to_board([card.key], events)
    with Workspace.open(ws_path) as other:
        assert other.task(card.key).board_id == board_id


def test_a_board_without_stages_or_the_same_board_is_refused(
    ws: Workspace, board_id: int, add: Add
) -> None:
    empty = ws.add_board("Someday", [])
    card = add("Signage")
    with pytest.raises(MopsboardError, match="no stages yet"):
        ws.move_tasks_to_board([card.key], empty.key)
    with pytest.raises(MopsboardError, match="already"):
        ws.move_tasks_to_board([card.key], board_id)


def test_a_copy_sits_just_below_its_original_with_its_checklist_to_do(
    ws: Workspace, board_id: int, add: Add, titles: Callable[[str], list[str]]
) -> None:
    add("Brief")
    original = add(
        "Nurture email",
        estimate_hours=3.5,
        labels=("email", "emea"),
        description="**Three** variants",
        checklist=(
            ChecklistItem(text="Copy approved", done=True),
            ChecklistItem(text="GDPR consent wording"),
        ),
    )
    add("Landing page")
    (copy,) = ws.duplicate_tasks([original.key])
    assert titles("Backlog") == ["Brief", "Nurture email", "Nurture email (copy)", "Landing page"]
    stored = ws.task(copy.key)
    assert stored.id != original.id and stored.version == 1
    for field in ("stage_id", "estimate_hours", "labels", "description", "priority"):
        assert getattr(stored, field) == getattr(original, field)
    assert [(i.text, i.done) for i in stored.checklist] == [
        ("Copy approved", False),
        ("GDPR consent wording", False),
    ]
    # Only the copy was written.
    assert ws.task(original.key).version == original.version
    # Undo of a copy deletes it.
    ws.delete_tasks([copy.key])
    assert titles("Backlog") == ["Brief", "Nurture email", "Landing page"]


def test_copies_of_neighbours_each_follow_their_own_original(
    ws: Workspace, add: Add, titles: Callable[[str], list[str]]
) -> None:
    a, b = add("A"), add("B")
    ws.duplicate_tasks([a.key, b.key])
    assert titles("Backlog") == ["A", "A (copy)", "B", "B (copy)"]


def test_a_copy_of_a_full_length_title_is_still_a_valid_title() -> None:
    title = copy_title("x" * 200)
    assert len(title) == 200 and title.endswith("x (copy)")
