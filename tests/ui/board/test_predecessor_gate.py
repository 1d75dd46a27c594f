"""A stage that takes a task only once the tasks it waits for are done: turned on in the stage
editor (one undo step), a drag of a waiting card onto it is refused in words naming the
predecessor, while hovering and when dropped, and the file keeps the card where it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QPushButton
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import TaskId
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.qt.board.stage_gates import setting_key
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_dialog import StageDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import below_all, drop, mime_for, task_id, view_of
from tests.ui.board.test_drag_feedback import Mouse, hover, leave

Titles = Callable[[Path], dict[str, list[str]]]
REFUSAL = (
    "'E' waits for 'D', which is not done: 'Review' takes a task only once the tasks it "
    "waits for are done."
)


@pytest.fixture
def mouse(monkeypatch: pytest.MonkeyPatch) -> Mouse:
    return Mouse(monkeypatch)


def gate_review(qtbot: QtBot, window: MainWindow) -> StageDialog:
    """Turns the Review stage's predecessor gate on by a click in the stage editor."""
    board = window.model.board_id
    assert board is not None
    dialog = StageDialog(window.workspace_actions, board, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.list.setCurrentRow(3)
    box = dialog.predecessors
    assert box.isEnabled() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    return dialog


def stored_gate(path: Path, window: MainWindow) -> str | None:
    review = next(s for s in window.model.stages if s.name == "Review")
    with Workspace.open(path) as ws:
        return ws.setting(setting_key(review.key))


def blocked(window: MainWindow) -> frozenset[int]:
    return BlockedCards.of(window.workspace).ids


def link_e_after_d(qtbot: QtBot, window: MainWindow) -> None:
    added = window.workspace_actions.add_link(
        TaskId(task_id(window, "D")), TaskId(task_id(window, "E"))
    )
    assert added is not None
    qtbot.waitUntil(lambda: task_id(window, "E") in blocked(window))


def test_the_stage_editor_turns_the_gate_on_as_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    gate_review(qtbot, window)
    assert stored_gate(window.workspace.path, window) == "1"
    assert window.workspace_actions.undo_stack.undoText() == (
        "'Review' takes tasks only once their predecessors are done"
    )
    window.undo_action.trigger()
    assert stored_gate(window.workspace.path, window) == "0"
    window.redo_action.trigger()
    assert stored_gate(window.workspace.path, window) == "1"


def test_a_waiting_card_dragged_onto_the_gated_stage_is_refused_naming_its_predecessor(
    qtbot: QtBot, window: MainWindow, mouse: Mouse, titles_by_stage: Titles
) -> None:
    link_e_after_d(qtbot, window)
    gate_review(qtbot, window).close()
    path = window.workspace.path
    before = titles_by_stage(path)
    review = view_of(window, "Review")
    data = mime_for(window, ["E"])
    # While it hovers: the forbidden cursor (the move refused) and the words in the status bar.
    assert not hover(review, data, below_all(review))
    assert window.statusBar().currentMessage() == REFUSAL
    leave(review)
    # Dropped anyway: refused in the same words, in the banner; the file is as it was.
    drop(review, data, below_all(review))
    assert window.banner.isVisible() and window.banner.text() == REFUSAL
    assert titles_by_stage(path) == before
    assert before["In progress"] == ["E"]
    # A card waiting for nothing open goes in.
    drop(review, mime_for(window, ["D"]), below_all(review))
    assert titles_by_stage(path)["Review"] == ["F", "D"]


def test_once_the_predecessor_is_done_the_card_goes_in(
    qtbot: QtBot, window: MainWindow, titles_by_stage: Titles
) -> None:
    link_e_after_d(qtbot, window)
    gate_review(qtbot, window).close()
    done = view_of(window, "Done")
    drop(done, mime_for(window, ["D"]), below_all(done))
    qtbot.waitUntil(lambda: task_id(window, "E") not in blocked(window))
    review = view_of(window, "Review")
    drop(review, mime_for(window, ["E"]), below_all(review))
    assert titles_by_stage(window.workspace.path)["Review"] == ["F", "E"]


def test_without_the_gate_a_waiting_card_moves_as_before(
    qtbot: QtBot, window: MainWindow, titles_by_stage: Titles
) -> None:
    link_e_after_d(qtbot, window)
    review = view_of(window, "Review")
    drop(review, mime_for(window, ["E"]), below_all(review))
    assert titles_by_stage(window.workspace.path)["Review"] == ["F", "E"]


def test_a_deleted_stage_takes_its_gate_with_it_in_the_same_undo_step(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = gate_review(qtbot, window)
    review = next(s for s in window.model.stages if s.name == "Review")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Done", True))
    qtbot.mouseClick(dialog.findChild(QPushButton, "deleteStage"), Qt.MouseButton.LeftButton)
    with Workspace.open(window.workspace.path) as ws:
        assert ws.setting(setting_key(review.key)) == "0"
        assert "Review" not in [s.name for s in ws.stages(review.board_id)]
    window.undo_action.trigger()
    assert stored_gate(window.workspace.path, window) == "1"
    assert "Review" in [s.name for s in window.workspace.stages(review.board_id)]
