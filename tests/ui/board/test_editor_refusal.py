"""A save the board's rules refuse (a stage that takes a task only once its predecessors are
done) is said by the Stage field, and the editor stays open with everything typed in it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from editor_driver import edit_in_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.domain.links import TaskLink
from mopsboard.store.predecessor_gates import gate_setting_key
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def window(open_window: Callable[..., MainWindow], board_ws: Workspace) -> MainWindow:
    ws = board_ws
    by_title = {t.title: t.key for t in ws.tasks()}
    ws.add_link(TaskLink(predecessor_id=by_title["D"], successor_id=by_title["E"]))
    review = next(s for s in ws.stages(ws.boards()[0].key) if s.name == "Review")
    ws.set_setting(gate_setting_key(review.key), "1")
    return open_window(ws)


def test_a_refused_stage_keeps_the_editor_open_with_what_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    seen: list[tuple[bool, str, str]] = []

    def steps(dialog: TaskDialog) -> None:
        qtbot.mouseClick(dialog.description, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.description, "Check the claims with legal")
        dialog.stage.setCurrentIndex(dialog.stage.findText("Review"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        seen.append(
            (
                dialog.isVisible(),
                dialog.errors["stage_id"].text(),
                dialog.description.toPlainText(),
            )
        )

    run = edit_in_window(window, "E", steps)
    assert run.left_open
    visible, said, typed = seen[0]
    assert visible
    assert said.startswith("'E' waits for 'D', which is not done")
    assert typed == "Check the claims with legal"
    stored = next(t for t in window.workspace.tasks() if t.title == "E")
    assert stored.description == "" and stored.stage_id != window.model.stages[3].key
