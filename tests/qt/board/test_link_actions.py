"""The link actions: adding, removing and changing a link between tasks, each one undo step
that the file follows; a loop refused in the store's words, with nothing written."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.models import Task
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def _ids(ws: Workspace) -> dict[str, TaskId]:
    return {t.title: TaskId(t.key) for t in ws.tasks()}


def _links_in_file(path: Path) -> list[tuple[int, int, int, LinkKind, int]]:
    with Workspace.open(path) as fresh:
        return [
            (k.key, k.predecessor_id, k.successor_id, k.kind, k.lag_days) for k in fresh.links()
        ]


def test_a_link_added_is_one_step_undone_and_redone_under_its_id(
    board_ws: Workspace, actions: WorkspaceActions
) -> None:
    ids, path = _ids(board_ws), Path(board_ws.path)
    added = actions.add_link(ids["A"], ids["B"], lag_days=2)
    assert added is not None
    expected = [(added.key, ids["A"], ids["B"], LinkKind.FINISH_TO_START, 2)]
    assert _links_in_file(path) == expected
    assert actions.undo_stack.count() == 1
    assert actions.undo_stack.undoText() == "Make 'B' wait for 'A'"
    actions.undo_stack.undo()
    assert _links_in_file(path) == []
    actions.undo_stack.redo()
    assert _links_in_file(path) == expected


def test_a_loop_is_refused_in_the_stores_words_and_nothing_is_written(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    ids, path = _ids(board_ws), Path(board_ws.path)
    assert actions.add_link(ids["A"], ids["B"]) is not None
    assert actions.add_link(ids["B"], ids["C"]) is not None
    with qtbot.waitSignal(actions.failed) as refusal:
        assert actions.add_link(ids["C"], ids["A"]) is None
    (message,) = refusal.args
    assert message.startswith(f"Task {ids['A']} 'A' cannot wait for task {ids['C']} 'C'")
    assert "B" in message and "Remove one of those links first" in message
    assert len(_links_in_file(path)) == 2
    assert actions.undo_stack.count() == 2
    with qtbot.waitSignal(actions.failed) as itself:
        assert actions.add_link(ids["A"], ids["A"]) is None
    assert "cannot wait for itself" in itself.args[0]
    assert actions.undo_stack.count() == 2


def test_a_link_removed_comes_back_as_it_was_on_undo(
    board_ws: Workspace, actions: WorkspaceActions
) -> None:
    ids, path = _ids(board_ws), Path(board_ws.path)
    added = actions.add_link(ids["A"], ids["D"], kind=LinkKind.START_TO_START, lag_days=-3)
    assert added is not None
    before = _links_in_file(path)
    assert actions.remove_link(added.key)
    assert _links_in_file(path) == []
    assert actions.undo_stack.undoText() == "Stop 'D' waiting for 'A'"
    actions.undo_stack.undo()
    assert _links_in_file(path) == before
    actions.undo_stack.redo()
    assert _links_in_file(path) == []


def test_changing_lag_and_kind_is_one_step(board_ws: Workspace, actions: WorkspaceActions) -> None:
    ids, path = _ids(board_ws), Path(board_ws.path)
    added = actions.add_link(ids["A"], ids["B"])
    assert added is not None
    edited = actions.edit_link(added.key, kind=LinkKind.START_TO_START, lag_days=4)
    assert edited is not None
    assert _links_in_file(path) == [(added.key, ids["A"], ids["B"], LinkKind.START_TO_START, 4)]
    assert actions.undo_stack.count() == 2
    actions.undo_stack.undo()
    assert _links_in_file(path) == [(added.key, ids["A"], ids["B"], LinkKind.FINISH_TO_START, 0)]
    actions.undo_stack.redo()
    assert _links_in_file(path) == [(added.key, ids["A"], ids["B"], LinkKind.START_TO_START, 4)]
    # A lag out of bounds is refused by the model, in words, and leaves no step.
    assert actions.edit_link(added.key, lag_days=5000) is None
    assert actions.undo_stack.count() == 2


def test_predecessors_and_candidates_read_across_boards(
    board_ws: Workspace, actions: WorkspaceActions
) -> None:
    ids = _ids(board_ws)
    other = board_ws.add_board("Social")
    stage = board_ws.stages(other.key)[0].key
    post = board_ws.add_task(Task(board_id=other.key, stage_id=stage, title="Post"))
    assert actions.add_link(ids["G"], ids["B"]) is not None
    assert actions.add_link(TaskId(post.key), ids["B"], lag_days=1) is not None
    listed = [(p.title, p.done, p.link.lag_days) for p in actions.predecessors(ids["B"])]
    assert listed == [("G", True, 0), ("Post", False, 1)]
    assert actions.predecessors(ids["G"]) == []
    candidates = {(c.title, c.board) for c in actions.link_candidates()}
    assert ("Post", "Social") in candidates
    assert ("A", board_ws.boards()[0].name) in candidates
