"""One selection for the board, seen on screen: a click in one column clears the others, and
the cards a drop or Ctrl+Left/Right moved stay selected where they landed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.card_delegate import MARGIN
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.screen import on_screen
from tests.ui.board.test_board_window import below_all, drop, mime_for, task_id, view_of
from tests.ui.board.test_card_redraw import card_rect

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def looks_selected(view: StageListView, task: int) -> bool:
    """Whether the card wears the selection's blue edge on screen (its left edge, half-way)."""
    rect = card_rect(view, task)
    edge = on_screen(view.viewport(), rect).pixelColor(MARGIN, rect.height() // 2)
    blue = QColor(theme.CARD_SELECTED)
    return all(abs(a - b) < 40 for a, b in zip(edge.getRgb()[:3], blue.getRgb()[:3], strict=True))


def selected_everywhere(window: MainWindow) -> dict[str, list[str]]:
    """The selected cards of every column, by title."""
    titles = {i: t.title for i, t in window.model.tasks.items()}
    result = {}
    for view in window.board_view.views:
        stage = window.model.stage_of_cell(view.cell_row)
        assert stage is not None
        picked = [titles[i] for i in view.selected_task_ids()]
        if picked:
            result[stage.name] = picked
    return result


def click(
    qtbot: QtBot, window: MainWindow, title: str, stage: str, keys=Qt.KeyboardModifier.NoModifier
) -> None:
    view = view_of(window, stage)
    qtbot.mouseClick(view.viewport(), LEFT, keys, card_rect(view, task_id(window, title)).center())


def test_a_click_in_another_column_takes_the_selection_with_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, window, "A", "Backlog")
    click(qtbot, window, "D", "Ready")
    click(qtbot, window, "E", "In progress")
    qtbot.wait(20)
    assert selected_everywhere(window) == {"In progress": ["E"]}
    assert looks_selected(view_of(window, "In progress"), task_id(window, "E"))
    assert not looks_selected(view_of(window, "Backlog"), task_id(window, "A"))
    assert not looks_selected(view_of(window, "Ready"), task_id(window, "D"))


def test_dropped_and_stepped_cards_stay_selected(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window, "A", "Backlog")
    click(qtbot, window, "C", "Backlog", CTRL)
    assert selected_everywhere(window) == {"Backlog": ["A", "C"]}
    ready = view_of(window, "Ready")
    drop(ready, mime_for(window, ["A", "C"]), below_all(ready))
    qtbot.wait(20)
    assert selected_everywhere(window) == {"Ready": ["A", "C"]}
    assert looks_selected(ready, task_id(window, "A")) and looks_selected(
        ready, task_id(window, "C")
    )
    assert not looks_selected(ready, task_id(window, "D"))

    steps = window.workspace_actions.undo_stack.count()
    qtbot.keyClick(ready, Qt.Key.Key_Right, CTRL)
    with Workspace.open(window.workspace.path) as ws:
        doing = ws.stage_named(ws.boards()[0].key, "In progress").key
        assert [t.title for t in ws.tasks() if t.stage_id == doing] == ["E", "A", "C"]
    assert window.workspace_actions.undo_stack.count() == steps + 1
    qtbot.wait(20)
    assert selected_everywhere(window) == {"In progress": ["A", "C"]}
    in_progress = view_of(window, "In progress")
    assert looks_selected(in_progress, task_id(window, "A"))
    # The next key moves the same two cards on.
    qtbot.keyClick(in_progress, Qt.Key.Key_Left, CTRL)
    assert selected_everywhere(window) == {"Ready": ["A", "C"]}
