"""A card on screen follows the task it shows: after the editor saves, after undo."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window
from tests.ui.board.screen import on_screen, repainted
from tests.ui.board.test_board_window import task_id, view_of
from tests.values import present


def card_rect(view: StageListView, task: int) -> QRect:
    return view.visualRect(view.cell_model.index(present(view.cell_model.row_of(task)), 0))


def test_a_card_shows_what_the_editor_saved_and_what_undo_put_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    backlog = view_of(window, "Backlog")
    b = task_id(window, "B")
    qtbot.wait(20)
    before = on_screen(backlog.viewport(), card_rect(backlog, b))

    def edit_and_save(dialog: TaskDialog) -> None:
        dialog.estimate.setText("7")
        dialog.assignee.setCurrentIndex(dialog.assignee.findText("Ana Lima"))
        qtbot.keyClicks(dialog.new_item, "Book the studio")
        qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    # The editor as the window opens it (a modal dialog over the board, its own event loop).
    run = edit_in_window(window, "B", edit_and_save)
    assert not run.left_open
    with Workspace.open(window.workspace.path) as ws:
        saved = ws.task(b)
        assert saved.estimate_hours == 7
        assert present(saved.assignee_id) == ws.members()[0].id
        assert len(saved.checklist) == 1
    qtbot.wait(20)
    rect = card_rect(backlog, b)
    after_save = on_screen(backlog.viewport(), rect)
    assert after_save != before
    assert after_save == repainted(backlog.viewport(), rect)

    toolbar = present(window.findChild(QToolBar))
    # The toolbar's own Undo (a short twin of the Edit menu's, ui/shell/menus.py).
    undo = present(window.findChild(QAction, "undoActionButton"))
    undo_button = present(toolbar.widgetForAction(undo))
    qtbot.mouseClick(undo_button, Qt.MouseButton.LeftButton)
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(b).estimate_hours == 2
    qtbot.wait(20)
    after_undo = on_screen(backlog.viewport(), rect)
    assert after_undo != after_save
    assert after_undo == repainted(backlog.viewport(), rect)
