"""A read-only workspace on the board: cards to look at and open, nothing offered that changes
them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
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


def test_a_card_opened_in_a_read_only_workspace_says_so_and_takes_no_typing(
    qtbot: QtBot, read_only_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = read_only_window
    opened: list[TaskDialog] = []

    def look(dialog: TaskDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        opened.append(dialog)
        # Typed into the title, ticked in the checklist, as a user would try.
        qtbot.mouseClick(dialog.title, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(dialog.title, " changed")
        qtbot.keyClicks(dialog.description, "More words")
        dialog.close()
        return 0

    monkeypatch.setattr(TaskDialog, "exec", look)
    review = view_of(window, "Review")
    f = task_id(window, "F")
    # A double-click: the press and release of the first click, then the double-click.
    on_card = card_rect(review, f).center()
    qtbot.mouseClick(review.viewport(), Qt.MouseButton.LeftButton, pos=on_card)
    qtbot.mouseDClick(review.viewport(), Qt.MouseButton.LeftButton, pos=on_card)
    assert len(opened) == 1
    dialog = opened[0]
    note = dialog.findChild(QLabel, "readOnlyNote")
    assert note is not None and note.text() == "Read-only: changes cannot be saved"
    assert note.geometry().top() < dialog.title.mapTo(dialog, dialog.title.rect().topLeft()).y()
    assert dialog.title.text() == "F" and dialog.title.isReadOnly()
    assert dialog.description.toPlainText() == "" and dialog.description.isReadOnly()
    assert dialog.estimate.isReadOnly() and dialog.labels.isReadOnly()
    for combo in (dialog.stage, dialog.campaign, dialog.persona, dialog.priority):
        assert not combo.isEnabled()
    assert not dialog.assignee.isEnabled() and not dialog.team.isEnabled()
    assert dialog.due.picker.line.isReadOnly() and not dialog.due.enabled.isEnabled()
    assert not dialog.due.picker.calendar_button.isEnabled()
    item = dialog.checklist.item(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not item.flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.new_item.isHidden() and dialog.remove_item.isHidden()
    assert not dialog.save_button.isEnabled()
    with Workspace.open(window.workspace.path) as ws:
        stored = next(t for t in ws.tasks() if t.title == "F")
    assert stored.description == "" and [i.done for i in stored.checklist] == [False, True]
