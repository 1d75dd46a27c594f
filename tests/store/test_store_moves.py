"""Moving tasks: one row per moved task, board rules, undo by placement, rebalancing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mopsboard.domain.errors import MopsboardError, NotFoundError, RuleError
from mopsboard.domain.models import ChecklistItem, Member, Stage, Task, Team, TeamKind
from mopsboard.domain.ranking import REBALANCE_LENGTH
from mopsboard.store.base import Change
from mopsboard.store.moves import Placement
from mopsboard.store.workspace import Workspace

Add = Callable[..., Task]
Titles = Callable[[str], list[str]]


def ids(*tasks: Task) -> list[int]:
    return [t.key for t in tasks]


def test_move_to_the_end_of_another_stage(
    ws: Workspace, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    a, b = add("A"), add("B")
    add("R1", "Ready")
    result = ws.move_tasks(ids(a), stage["Ready"].key)
    assert titles("Backlog") == ["B"]
    assert titles("Ready") == ["R1", "A"]
    assert result.before == (Placement(a.key, stage["Backlog"].key, a.rank),)
    assert result.after[0].stage_id == stage["Ready"].id
    assert result.over_wip_limit is False
    assert ws.task(a.key).version == 2
    assert ws.task(b.key).version == 1


def test_move_above_a_task_within_a_stage(ws: Workspace, add: Add, titles: Titles) -> None:
    a, b, c, d = add("A"), add("B"), add("C"), add("D")
    ws.move_tasks(ids(d), ws.task(a.key).stage_id, before_task_id=b.id)
    assert titles("Backlog") == ["A", "D", "B", "C"]
    ws.move_tasks(ids(a), a.stage_id)  # to the end
    assert titles("Backlog") == ["D", "B", "C", "A"]
    ws.move_tasks(ids(a), a.stage_id, before_task_id=d.id)  # to the top
    assert titles("Backlog") == ["A", "D", "B", "C"]
    del c


def test_several_tasks_keep_their_given_order(
    ws: Workspace, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    a, b, c = add("A"), add("B"), add("C")
    x, y = add("X", "Ready"), add("Y", "Ready")
    ws.move_tasks(ids(c, a, b), stage["Ready"].key, before_task_id=y.id)
    assert titles("Ready") == ["X", "C", "A", "B", "Y"]
    assert titles("Backlog") == []
    # And within one stage, picked from all over.
    ws.move_tasks(ids(y, x), stage["Ready"].key, before_task_id=a.id)
    assert titles("Ready") == ["C", "Y", "X", "A", "B"]


def test_a_move_rewrites_only_the_moved_rows(
    ws: Workspace, stage: dict[str, Stage], add: Add
) -> None:
    backlog = [add(f"B{n}") for n in range(6)]
    ready = [add(f"R{n}", "Ready") for n in range(6)]
    before = {t.id: (t.version, t.updated_at, t.rank) for t in ws.tasks()}
    moved = [backlog[2], backlog[4]]
    changes: list[Change] = []
    ws.subscribe(changes.append)
    ws.move_tasks(ids(*moved), stage["Ready"].key, before_task_id=ready[3].id)
    after = {t.id: (t.version, t.updated_at, t.rank) for t in ws.tasks()}
    changed = {task_id for task_id in before if before[task_id] != after[task_id]}
    assert changed == set(ids(*moved))
    assert changes == [
        Change("tasks", frozenset(ids(*moved)), "updated", frozenset({"stage_id", "rank"}))
    ]


def test_move_result_places_undo_and_redo_exactly(
    ws: Workspace, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    a, b, c = add("A"), add("B"), add("C")
    add("R", "Ready")
    result = ws.move_tasks(ids(a, c), stage["Ready"].key)
    ws.place_tasks(result.before)  # undo
    assert titles("Backlog") == ["A", "B", "C"]
    assert titles("Ready") == ["R"]
    assert [t.rank for t in ws.tasks_by_id(ids(a, b, c))] == [a.rank, b.rank, c.rank]
    ws.place_tasks(result.after)  # redo
    assert titles("Ready") == ["R", "A", "C"]
    assert titles("Backlog") == ["B"]


def test_place_unknown_task_is_not_found(ws: Workspace, stage: dict[str, Stage]) -> None:
    with pytest.raises(NotFoundError):
        ws.place_tasks([Placement(404, stage["Ready"].key, "V")])


def test_append_tasks_to_stage_keeps_their_order(
    ws: Workspace, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    a, b, c = add("A"), add("B"), add("C")
    add("D1", "Done")
    ws.append_tasks_to_stage(ids(c, a, b), stage["Done"].key)
    assert titles("Done") == ["D1", "C", "A", "B"]
    assert all(t.completed_at is not None for t in ws.tasks_by_id(ids(a, b, c)))


def test_completed_at_set_entering_done_and_cleared_leaving_it(
    ws: Workspace, stage: dict[str, Stage], add: Add
) -> None:
    task = add("Ship it", "Review")
    assert task.completed_at is None
    ws.move_tasks(ids(task), stage["Done"].key)
    done = ws.task(task.key)
    assert done.completed_at is not None
    ws.move_tasks(ids(task), stage["Done"].key)  # reorder inside Done keeps it
    assert ws.task(task.key).completed_at == done.completed_at
    ws.move_tasks(ids(task), stage["In progress"].key)
    assert ws.task(task.key).completed_at is None


@pytest.mark.parametrize(
    ("arguments", "error", "words"),
    [
        ("none", MopsboardError, "No task to move"),
        ("self", MopsboardError, "relative to itself"),
        ("missing", NotFoundError, "no longer exist"),
        ("other board", MopsboardError, "their own board"),
        ("anchor elsewhere", MopsboardError, "no longer in that stage"),
        ("missing stage", NotFoundError, "no stage"),
    ],
)
def test_bad_moves_are_refused_and_change_nothing(
    ws: Workspace,
    stage: dict[str, Stage],
    add: Add,
    titles: Titles,
    arguments: str,
    error: type[Exception],
    words: str,
) -> None:
    a, b = add("A"), add("B")
    r = add("R", "Ready")
    other_stage = ws.stages(ws.add_board("Other").key)[0].key
    ready = stage["Ready"].key
    calls = {
        "none": lambda: ws.move_tasks([], ready),
        "self": lambda: ws.move_tasks(ids(a, b), ready, before_task_id=a.id),
        "missing": lambda: ws.move_tasks([a.key, 404], ready),
        "other board": lambda: ws.move_tasks(ids(a), other_stage),
        "anchor elsewhere": lambda: ws.move_tasks(ids(a), ready, before_task_id=b.id),
        "missing stage": lambda: ws.move_tasks(ids(a), 404),
    }
    with pytest.raises(error, match=words):
        calls[arguments]()
    assert titles("Backlog") == ["A", "B"]
    assert titles("Ready") == ["R"]
    del r


# -- WIP limits -----------------------------------------------------------------------------------


def limit(ws: Workspace, stage: Stage, wip: int, hard: bool) -> None:
    ws.update_stage(ws.stage(stage.key).model_copy(update={"wip_limit": wip, "wip_hard": hard}))


def test_soft_wip_limit_lets_the_move_through_and_says_so(
    ws: Workspace, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    limit(ws, stage["In progress"], 2, hard=False)
    a, b, c = add("A"), add("B"), add("C")
    assert not ws.move_tasks(ids(a, b), stage["In progress"].key).over_wip_limit
    assert ws.move_tasks(ids(c), stage["In progress"].key).over_wip_limit
    assert titles("In progress") == ["A", "B", "C"]
    # Reordering inside a stage that is over its limit is not another breach.
    result = ws.move_tasks(ids(c), stage["In progress"].key, before_task_id=a.id)
    assert not result.over_wip_limit


def test_hard_wip_limit_refuses_and_leaves_the_file_unchanged(
    ws: Workspace,
    ws_path: Path,
    stage: dict[str, Stage],
    add: Add,
    titles: Titles,
    dump: Callable[[Path], list[str]],
) -> None:
    limit(ws, stage["In progress"], 2, hard=True)
    a, b, c = add("A"), add("B"), add("C")
    ws.move_tasks(ids(a), stage["In progress"].key)
    before = dump(ws_path)
    changes: list[Change] = []
    ws.subscribe(changes.append)
    with pytest.raises(RuleError, match="hard WIP limit of 2") as caught:
        ws.move_tasks(ids(b, c), stage["In progress"].key)
    assert "'In progress'" in str(caught.value)
    assert dump(ws_path) == before
    assert changes == []
    assert titles("Backlog") == ["B", "C"]
    # One more still fits; archived tasks do not count.
    ws.move_tasks(ids(b), stage["In progress"].key)
    ws.archive_tasks(ids(a))
    ws.move_tasks(ids(c), stage["In progress"].key)
    assert titles("In progress") == ["B", "C"]


# -- review gate ----------------------------------------------------------------------------------


@pytest.fixture
def gated(ws: Workspace, stage: dict[str, Stage]) -> Stage:
    return ws.update_stage(stage["Review"].model_copy(update={"is_gate": True}))


CHECKLIST = (
    ChecklistItem(text="GDPR consent wording"),
    ChecklistItem(text="CAN-SPAM footer", done=True),
)


@pytest.mark.parametrize("source", ["Review", "Backlog", "In progress"])
def test_review_gate_refuses_an_open_checklist(
    ws: Workspace,
    ws_path: Path,
    stage: dict[str, Stage],
    gated: Stage,
    add: Add,
    titles: Titles,
    dump: Callable[[Path], list[str]],
    source: str,
) -> None:
    task = add("Consent email", source, checklist=CHECKLIST)
    before = dump(ws_path)
    with pytest.raises(RuleError) as caught:
        ws.move_tasks(ids(task), stage["Done"].key)
    message = str(caught.value)
    assert "'Consent email' cannot pass the review gate 'Review' into 'Done'" in message
    assert "GDPR consent wording" in message
    assert "CAN-SPAM footer" not in message
    assert dump(ws_path) == before
    assert titles(source) == ["Consent email"]


def test_review_gate_refuses_the_whole_batch(
    ws: Workspace, stage: dict[str, Stage], gated: Stage, add: Add, titles: Titles
) -> None:
    fine = add("Fine", "Review")
    blocked = add("Blocked", "Review", checklist=CHECKLIST)
    with pytest.raises(RuleError, match="'Blocked'"):
        ws.move_tasks(ids(fine, blocked), stage["Done"].key)
    assert titles("Review") == ["Fine", "Blocked"]
    assert titles("Done") == []


def test_review_gate_lets_finished_work_and_moves_into_review_through(
    ws: Workspace, stage: dict[str, Stage], gated: Stage, add: Add, titles: Titles
) -> None:
    open_task = add("Open", "In progress", checklist=CHECKLIST)
    ws.move_tasks(ids(open_task), stage["Review"].key)  # into the gate: fine
    finished = add(
        "Finished", "Review", checklist=(ChecklistItem(text="GDPR consent wording", done=True),)
    )
    ws.move_tasks(ids(finished), stage["Done"].key)
    ws.move_tasks(ids(open_task), stage["Backlog"].key)  # backwards: fine
    assert titles("Done") == ["Finished"]
    assert titles("Backlog") == ["Open"]


# -- many drops in one spot -----------------------------------------------------------------------


def test_300_drops_in_the_same_gap_keep_order(
    ws: Workspace, board_id: int, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    first = add("First", "Ready")
    last = add("Last", "Ready")
    new_ids = ws.add_tasks(
        [
            Task(board_id=board_id, stage_id=stage["Backlog"].key, title=f"N{n:03d}")
            for n in range(300)
        ]
    )
    for task_id in new_ids:
        ws.move_tasks([task_id], stage["Ready"].key, before_task_id=last.id)
    expected = ["First", *[f"N{n:03d}" for n in range(300)], "Last"]
    assert titles("Ready") == expected
    ready = [t for t in ws.tasks(board_id) if t.stage_id == stage["Ready"].id]
    assert len({t.rank for t in ready}) == len(ready)
    assert max(len(t.rank) for t in ready) <= REBALANCE_LENGTH
    # Keys this long needed a rebalance, which rewrote the untouched neighbours too.
    assert ws.task(first.key).version > 1


def test_300_drops_at_the_top_keep_order(
    ws: Workspace, board_id: int, stage: dict[str, Stage], add: Add, titles: Titles
) -> None:
    top = add("Bottom", "Ready")
    new_ids = ws.add_tasks(
        [
            Task(board_id=board_id, stage_id=stage["Backlog"].key, title=f"N{n:03d}")
            for n in range(300)
        ]
    )
    for task_id in new_ids:
        ws.move_tasks([task_id], stage["Ready"].key, before_task_id=top.id)
        top = ws.task(task_id)
    assert titles("Ready") == [*[f"N{n:03d}" for n in reversed(range(300))], "Bottom"]
    ready = [t for t in ws.tasks(board_id) if t.stage_id == stage["Ready"].id]
    assert max(len(t.rank) for t in ready) <= REBALANCE_LENGTH


def test_move_into_an_assignee_lane_sets_the_assignee_and_team_and_undoes(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "lanes.mopsboard")
    board = ws.boards()[0].key
    stages = ws.stages(board)
    content = ws.add_team(Team(name="Content"))
    agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY))
    ana = ws.add_member(Member(team_id=content.key, name="Ana"))
    bo = ws.add_member(Member(team_id=agency.key, name="Bo"))
    task = ws.add_task(
        Task(board_id=board, stage_id=stages[0].key, title="Brief", assignee_id=ana.id)
    )
    result = ws.move_tasks([task.key], stages[1].key, None, assign=("assignee_id", bo.id))
    moved = ws.task(task.key)
    assert (moved.stage_id, moved.assignee_id, moved.team_id) == (stages[1].id, bo.id, agency.id)
    ws.place_tasks(result.before)
    back = ws.task(task.key)
    assert (back.stage_id, back.assignee_id, back.team_id) == (stages[0].id, ana.id, content.id)
    # A card moved to another team's lane leaves its assignee behind.
    ws.move_tasks([task.key], stages[0].key, None, assign=("team_id", agency.id))
    retagged = ws.task(task.key)
    assert (retagged.team_id, retagged.assignee_id) == (agency.id, None)
    with pytest.raises(MopsboardError):
        ws.move_tasks([task.key], stages[0].key, None, assign=("title", 1))


@pytest.mark.file_only
def test_a_stage_is_counted_only_when_its_wip_limit_can_refuse_or_warn(
    ws: Workspace, stage: dict[str, Stage], add: Add
) -> None:
    sent: list[str] = []
    task = add("Counted")
    ws.db.conn.set_trace_callback(sent.append)
    try:
        ws.move_tasks([task.key], stage["Ready"].key)
        unlimited = [s for s in sent if "COUNT(*)" in s]
        ws.update_stage(stage["Ready"].model_copy(update={"wip_limit": 1}))
        limited = ws.stage(stage["Ready"].key)
        sent.clear()
        result = ws.move_tasks([add("Over").key], limited.key)
    finally:
        ws.db.conn.set_trace_callback(None)
    assert unlimited == []
    assert [s for s in sent if "COUNT(*)" in s] != []
    assert result.over_wip_limit
