"""A board made with the sidebar's "New board" is shown at once, from whatever view the user was
in: the board list selects it, the window shows the board page with the new board's columns,
and the file holds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.shell.sidebar import ViewKeyRole


def name_next_board(name: str) -> list[str]:
    """Types `name` into the New board dialog when it shows, and presses OK."""
    asked: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        asked.append(dialog.labelText())
        dialog.setTextValue(name)
        dialog.accept()

    QTimer.singleShot(0, answer)
    return asked


@pytest.mark.parametrize("from_view", ["board", "capacity", "campaigns"])
def test_a_new_board_is_shown_at_once(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    board_ws: Workspace,
    from_view: str,
) -> None:
    window = open_window(board_ws)
    assert window.show_view(from_view)
    asked = name_next_board("Events 2027")
    qtbot.mouseClick(window.sidebar.add_button, Qt.MouseButton.LeftButton)
    assert asked == ["Name of the new board:"]
    with Workspace.open(board_ws.path) as ws:
        created = ws.board_named("Events 2027")
    sidebar = window.sidebar
    assert sidebar.boards.currentItem().text() == "Events 2027"
    assert sidebar.current_board_id() == created.id
    assert sidebar.views.currentItem().data(ViewKeyRole) == "board"
    assert window.stack.currentWidget() is window.board_view
    assert window.board_view.isVisible()
    assert window.model.board_id == created.id
    assert [s.name for s in window.model.stages][:2] == ["Backlog", "Ready"]
    assert window.model.tasks == {}
    # The page shows the new board's columns, none of the old board's cards.
    assert len(window.board_view.columns) == len(window.model.stages)


def test_a_board_clicked_in_the_list_is_shown_from_another_view(
    qtbot: QtBot, open_window: Callable[..., MainWindow], board_ws: Workspace
) -> None:
    other = board_ws.add_board("Events 2027")
    window = open_window(board_ws)
    assert window.show_view("capacity")
    boards = window.sidebar.boards
    item = boards.findItems("Events 2027", Qt.MatchFlag.MatchExactly)[0]
    qtbot.mouseClick(
        boards.viewport(), Qt.MouseButton.LeftButton, pos=boards.visualItemRect(item).center()
    )
    assert window.stack.currentWidget() is window.board_view
    assert window.model.board_id == other.id
    assert window.sidebar.views.currentItem().data(ViewKeyRole) == "board"
