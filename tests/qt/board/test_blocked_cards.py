"""The blocked count follows the file: a finish-to-start link to an open task blocks, its
predecessor reaching Done frees it, a start-to-start link blocks nothing, undo counts too."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import StageId, TaskId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace


def test_the_blocked_tasks_follow_links_and_stages(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    ids = {t.title: TaskId(t.key) for t in board_ws.tasks()}
    stages = {s.name: StageId(s.key) for s in board_ws.stages(board_ws.boards()[0].key)}
    blocked = BlockedCards.of(board_ws)
    assert BlockedCards.of(board_ws) is blocked
    assert blocked.ids == frozenset()

    with qtbot.waitSignal(blocked.changed):
        assert actions.add_link(ids["B"], ids["A"]) is not None
    assert blocked.ids == {ids["A"]}
    assert blocked.describe(ids["A"]) == "Blocked by 'B'"
    assert blocked.describe(ids["B"]) is None

    # A done predecessor blocks nothing; nor does a start-to-start link.
    assert actions.add_link(ids["G"], ids["C"]) is not None
    assert actions.add_link(ids["E"], ids["D"], kind=LinkKind.START_TO_START) is not None
    assert actions.add_link(ids["E"], ids["A"]) is not None
    qtbot.waitUntil(lambda: blocked.describe(ids["A"]) == "Blocked by 'B' and 'E'")
    assert blocked.ids == {ids["A"]}

    with qtbot.waitSignal(blocked.changed):
        assert actions.move_tasks([ids["B"], ids["E"]], stages["Done"], None)
    assert blocked.ids == frozenset()
    with qtbot.waitSignal(blocked.changed):
        actions.undo_stack.undo()
    assert blocked.ids == {ids["A"]}

    with qtbot.waitSignal(blocked.changed):
        board_ws.delete_tasks([ids["B"]])
    assert blocked.describe(ids["A"]) == "Blocked by 'E'"
