"""File ▸ Import… on a workspace file (File ▸ Export workspace…): the dialog offers to make a new
workspace from it, asks where, rebuilds it there and opens it in a window of its own. And every
message of the dialog names its own controls, not the command line's flags."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.io.workspace_json import export_workspace
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.transfer import workspace_from_file
from mopsboard.ui.transfer.import_dialog import ImportDialog
from tests.ui.conftest import OpenWindow


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> Iterator[ImportDialog]:
    made = ImportDialog(window.workspace_actions, window)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made


def read(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.open_file(path)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=5000)


def test_a_workspace_file_becomes_a_new_workspace_opened_in_its_own_window(
    qtbot: QtBot,
    window: MainWindow,
    dialog: ImportDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exported = tmp_path / "board.json"
    export_workspace(window.workspace, exported)
    read(qtbot, dialog, exported)
    assert dialog.format_label.text() == "mopsboard workspace file"
    assert "mopsboard import" not in dialog.message.text()
    assert "Make a new workspace from this file" in dialog.message.text()
    button = dialog.new_workspace_button
    assert button.isVisible() and button.text() == "Make a new workspace from this file\u2026"
    assert not dialog.import_button.isVisible()

    target = tmp_path / "rebuilt.mopsboard"
    asked: list[Path] = []

    def where(_parent: object, _caption: str, suggested: Path, *_args: object) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(workspace_from_file, "ask_save_path", where)
    opened: list[str] = []
    window.openWorkspaceRequested.connect(opened.append)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked[0].name == "board.mopsboard"
    assert opened == [str(target)]
    assert not dialog.isVisible()
    with Workspace.open(target) as rebuilt:
        titles = sorted(t.title for t in rebuilt.tasks())
        boards = [b.name for b in rebuilt.boards()]
    assert titles == sorted(t.title for t in window.workspace.tasks())
    assert boards == [b.name for b in window.workspace.boards()]
    # This window's own workspace took nothing in.
    assert window.workspace_actions.undo_stack.count() == 0


def test_a_workspace_that_cannot_be_made_is_told_and_nothing_is_left(
    qtbot: QtBot,
    window: MainWindow,
    dialog: ImportDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exported = tmp_path / "board.json"
    export_workspace(window.workspace, exported)
    read(qtbot, dialog, exported)
    taken = tmp_path / "taken.mopsboard"
    taken.write_bytes(b"not mine to overwrite")
    monkeypatch.setattr(workspace_from_file, "ask_save_path", lambda *args: taken)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    opened: list[str] = []
    window.openWorkspaceRequested.connect(opened.append)
    qtbot.mouseClick(dialog.new_workspace_button, Qt.MouseButton.LeftButton)
    assert warned and warned[0].startswith("No workspace was made.")
    assert "exists already" in warned[0]
    assert taken.read_bytes() == b"not mine to overwrite" and opened == []
    assert dialog.isVisible()


def test_messages_name_the_dialog_s_controls_not_the_command_line_s_flags(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    untitled = tmp_path / "untitled.csv"
    untitled.write_text("Publish on,Channel\n2026-06-05,Blog\n", encoding="utf-8")
    read(qtbot, dialog, untitled)
    assert "choose Title as the Field of that column under Columns" in dialog.message.text()
    ambiguous = tmp_path / "calendar.csv"
    ambiguous.write_text("Date,Title,Status\n05/06/2026,Post,Idea\n", encoding="utf-8")
    read(qtbot, dialog, ambiguous)
    assert "say which under Dates" in dialog.message.text()
    assert "--" not in dialog.message.text()


def test_a_skipped_archived_row_says_to_tick_the_box(
    qtbot: QtBot,
    open_window: OpenWindow,
    dialog: ImportDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "old.csv"
    path.write_text("Title,Archived\nKept,no\nOld,yes\n", encoding="utf-8")
    read(qtbot, dialog, path)
    informed: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: informed.append(text))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "tick 'Archived cards too' to bring it in" in informed[0]
    assert "--archived" not in informed[0]
