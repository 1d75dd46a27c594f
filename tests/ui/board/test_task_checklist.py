"""The task editor's checklist, typed into as its hint says: "New item, then Enter"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window


def _open_checklist_tab(qtbot: QtBot, dialog: TaskDialog) -> None:
    tabs = dialog.findChild(QTabWidget, "taskTabs")
    assert tabs is not None
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).startswith("Checklist"))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentWidget().isAncestorOf(dialog.new_item)


def test_enter_adds_items_one_after_another_and_save_keeps_them_all(
    qtbot: QtBot, window: MainWindow
) -> None:
    still_open: list[bool] = []
    shown: list[list[str]] = []

    def steps(dialog: TaskDialog) -> None:
        _open_checklist_tab(qtbot, dialog)
        qtbot.mouseClick(dialog.new_item, Qt.MouseButton.LeftButton)
        for text in ("Draft the copy", "Legal review", "Schedule the send"):
            qtbot.keyClicks(dialog.new_item, text)
            qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
            still_open.append(dialog.isVisible())
        qtbot.keyClicks(dialog.new_item, "Proofread")
        qtbot.keyClick(dialog.new_item, Qt.Key.Key_Enter)  # the keypad's Enter
        still_open.append(dialog.isVisible())
        shown.append([dialog.checklist.item(n).text() for n in range(dialog.checklist.count())])
        assert dialog.new_item.text() == ""  # ready for the next item
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    run = edit_in_window(window, "E", steps)

    assert still_open == [True, True, True, True]
    added = ["Draft the copy", "Legal review", "Schedule the send", "Proofread"]
    assert shown == [added]
    assert not run.left_open  # Save closed it
    with Workspace.open(window.workspace.path) as ws:
        saved = next(t for t in ws.tasks() if t.title == "E")
        assert [item.text for item in saved.checklist] == added


def test_enter_in_an_empty_item_line_neither_adds_nor_saves(
    qtbot: QtBot, window: MainWindow
) -> None:
    def steps(dialog: TaskDialog) -> None:
        _open_checklist_tab(qtbot, dialog)
        qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert dialog.checklist.count() == 0

    run = edit_in_window(window, "E", steps)
    assert run.left_open
    with Workspace.open(window.workspace.path) as ws:
        assert next(t for t in ws.tasks() if t.title == "E").version == 1


def test_enter_in_the_title_still_saves(qtbot: QtBot, window: MainWindow) -> None:
    """Only the checklist line keeps Enter: elsewhere it is the dialog's Save, as before."""

    def steps(dialog: TaskDialog) -> None:
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "E, renamed")
        qtbot.keyClick(dialog.title, Qt.Key.Key_Return)

    run = edit_in_window(window, "E", steps)
    assert not run.left_open
    with Workspace.open(window.workspace.path) as ws:
        assert any(t.title == "E, renamed" for t in ws.tasks())
