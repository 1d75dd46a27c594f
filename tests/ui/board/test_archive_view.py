"""The Archived cards view, as a user reaches it: cards archived on the board with Delete are
found there by text (View > Archived cards...), restored with Restore to the stage they left,
one undo step for all of them, and undo puts them back in the archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMenu
from pytestqt.qtbot import QtBot

from mopsboard.qt.board.archive_model import CARD, STAGE
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.archive_dialog import ArchiveDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_selection import click
from tests.ui.board.test_board_window import view_of

LEFT = Qt.MouseButton.LeftButton


def in_file(path: Path) -> dict[str, tuple[str, bool]]:
    """Each task's stage and whether it is archived, as the file holds them."""
    with Workspace.open(path) as ws:
        board = ws.boards()[0].key
        names = {s.key: s.name for s in ws.stages(board)}
        return {
            t.title: (names[t.stage_id], t.archived) for t in ws.tasks(board, include_archived=True)
        }


def archive_on_the_board(qtbot: QtBot, window: MainWindow, title: str, stage: str) -> None:
    click(qtbot, window, title, stage)
    qtbot.keyClick(view_of(window, stage), Qt.Key.Key_Delete)


def open_archive(window: MainWindow) -> ArchiveDialog:
    """View > Archived cards..., as the menu offers it."""
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    assert isinstance(view_menu, QMenu)
    item = next(a for a in view_menu.actions() if a.objectName() == "archivedCardsAction")
    assert item.text().replace("&", "") == "Archived cards\u2026"
    item.trigger()
    dialogs = [d for d in window.findChildren(ArchiveDialog) if d.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def shown(dialog: ArchiveDialog) -> list[tuple[str, str]]:
    proxy = dialog.proxy
    return sorted(
        (proxy.index(row, CARD).data(), proxy.index(row, STAGE).data())
        for row in range(proxy.rowCount())
    )


def select_row(
    qtbot: QtBot, dialog: ArchiveDialog, title: str, keys=Qt.KeyboardModifier.NoModifier
):
    proxy = dialog.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, CARD).data() == title)
    rect = dialog.table.visualRect(proxy.index(row, CARD))
    qtbot.mouseClick(dialog.table.viewport(), LEFT, keys, rect.center())


def test_find_and_restore_archived_cards_then_undo(qtbot: QtBot, window: MainWindow) -> None:
    path = window.workspace.path
    archive_on_the_board(qtbot, window, "D", "Ready")
    archive_on_the_board(qtbot, window, "F", "Review")
    archive_on_the_board(qtbot, window, "B", "Backlog")
    assert {t for t, (_s, archived) in in_file(path).items() if archived} == {"B", "D", "F"}

    dialog = open_archive(window)
    assert window.workspace.board(dialog.board_id).name in dialog.windowTitle()
    assert shown(dialog) == [("B", "Backlog"), ("D", "Ready"), ("F", "Review")]
    assert dialog.count.text() == "3 archived cards"
    assert not dialog.restore_button.isEnabled()  # nothing selected yet

    # F is labelled "legal": typing finds it.
    qtbot.keyClicks(dialog.search, "legal")
    assert shown(dialog) == [("F", "Review")]
    assert dialog.count.text() == "1 of 3 archived cards matches"
    dialog.search.clear()
    select_row(qtbot, dialog, "D")
    select_row(qtbot, dialog, "F", Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.selectionMode() is QAbstractItemView.SelectionMode.ExtendedSelection
    qtbot.mouseClick(dialog.restore_button, LEFT)

    # Back in the stages they left, in the file and on the board; B stays archived.
    state = in_file(path)
    assert (state["D"], state["F"], state["B"]) == (
        ("Ready", False),
        ("Review", False),
        ("Backlog", True),
    )
    ready = window.model.cell_task_ids(view_of(window, "Ready").cell_row)
    assert [window.model.tasks[i].title for i in ready] == ["D"]
    assert shown(dialog) == [("B", "Backlog")]
    assert dialog.message.text().startswith("Restored 2 cards")

    stack = window.workspace_actions.undo_stack
    assert stack.undoText() == "Restore 2 tasks"
    dialog.undo_action.trigger()
    state = in_file(path)
    assert state["D"] == ("Ready", True) and state["F"] == ("Review", True)
    qtbot.waitUntil(lambda: len(shown(dialog)) == 3)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_read_only_workspace_lists_but_does_not_restore(qtbot: QtBot, board_file: Path) -> None:
    with Workspace.open(board_file) as ws:
        ws.archive_tasks([t.key for t in ws.tasks() if t.title == "E"])
    read_only = Workspace.open(board_file, read_only=True)
    window = MainWindow(read_only)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        dialog = open_archive(window)
        assert shown(dialog) == [("E", "In progress")]
        select_row(qtbot, dialog, "E")
        assert dialog.selected_ids() and not dialog.restore_button.isEnabled()
        assert in_file(board_file)["E"] == ("In progress", True)
    finally:
        window.close()
        read_only.close()
