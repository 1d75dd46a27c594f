"""A read-only workspace on the board: cards to look at and open, nothing offered that changes
them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_window import below_all, task_id, view_of
from tests.ui.board.test_card_redraw import card_rect

Titles = Callable[[Path], dict[str, list[str]]]


@pytest.fixture
def read_only_window(qtbot: QtBot, board_file: Path) -> Iterator[MainWindow]:
    ws = Workspace.open(board_file, read_only=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    ws.close()


def test_a_read_only_board_offers_no_add_line_no_drag_and_no_changing_keys(
    qtbot: QtBot,
    read_only_window: MainWindow,
    titles_by_stage: Titles,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = read_only_window
    path = window.workspace.path
    before = titles_by_stage(path)
    banner = window.banner.text()
    add_lines = [
        line
        for line in window.findChildren(QLineEdit)
        if line.placeholderText() == "+ Add a task" and line.isVisible()
    ]
    assert add_lines == []
    backlog = view_of(window, "Backlog")
    b = task_id(window, "B")
    assert not backlog.dragEnabled()
    flags = backlog.model().flags(backlog.model().index(1, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable
    assert not flags & Qt.ItemFlag.ItemIsDragEnabled

    qtbot.mouseClick(
        backlog.viewport(), Qt.MouseButton.LeftButton, pos=card_rect(backlog, b).center()
    )
    assert backlog.selected_task_ids() == [b]
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(backlog, Qt.Key.Key_Right, ctrl)
    qtbot.keyClick(backlog, Qt.Key.Key_Down, ctrl)
    qtbot.keyClick(backlog, Qt.Key.Key_Delete)
    assert titles_by_stage(path) == before
    # Nothing was tried, so nothing was refused: the banner still says only that it is read-only.
    assert window.banner.text() == banner
    assert window.workspace_actions.undo_stack.count() == 0

    menu = window.board_view.card_menu(backlog, [b])
    assert [action.text() for action in menu.actions()] == ["Open…"]

    opened: list[str] = []
    monkeypatch.setattr(TaskDialog, "exec", lambda dialog: opened.append(dialog.title.text()) or 0)
    ready = view_of(window, "Ready")
    qtbot.mouseDClick(ready.viewport(), Qt.MouseButton.LeftButton, pos=below_all(ready))
    assert opened == []
    # Opening a card to read it still works.
    qtbot.mouseClick(
        backlog.viewport(), Qt.MouseButton.LeftButton, pos=card_rect(backlog, b).center()
    )
    qtbot.keyClick(backlog, Qt.Key.Key_Return)
    assert opened == ["B"]
