"""Nothing in the app's process opens a workspace file except its SQLite connection.

Any other open and close of the workspace (or its -wal or -shm) drops every SQLite lock the
process holds on it; another program then deletes the WAL under the window, and the window's
later writes are lost. File dialogs sniff file contents for icons, and opening the same file a
second time read its header: both did exactly that.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from locks import HAVE_PROC_LOCKS, missing_locks
from PySide6.QtCore import QModelIndex, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.domain.models import Task
from mopsboard.store import open_files
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present

pytestmark = pytest.mark.skipif(not HAVE_PROC_LOCKS, reason="needs Linux's /proc/locks")


@pytest.fixture
def path(board_file: Path) -> Path:
    # Files of every kind in the workspace's folder, for the dialogs to list and sniff.
    folder = board_file.parent
    (folder / "notes.txt").write_text("plain text")
    (folder / "no-extension").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "archive").mkdir()  # every dialog lists at least this, whatever its filter
    return board_file


def _listed(model: QFileSystemModel, folder: str) -> list[QModelIndex]:
    root = model.index(folder)
    return [model.index(row, 0, root) for row in range(model.rowCount(root))]


def _gathered(model: QFileSystemModel, folder: str) -> bool:
    listed = _listed(model, folder)
    return bool(listed) and all(model.type(index) for index in listed)


def _look_at_every_file(qtbot: QtBot, dialog: QFileDialog) -> None:
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    folder = dialog.directory().absolutePath()
    qtbot.waitUntil(lambda: model.rowCount(model.index(folder)) > 0, timeout=3000)
    root = model.index(folder)
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(root)):
            model.data(model.index(row, column, root))
        model.fileIcon(model.index(row, 0, root))
    # The listing is gathered in a thread of its own; each file's icon and type come with it
    # (through the dialog's icon provider). Every listed file has them once it is done.
    qtbot.waitUntil(lambda: _gathered(model, folder), timeout=5000)
    types = {model.fileName(i): model.type(i) for i in _listed(model, folder)}
    # From the names alone: Qt's own provider would have read the files to say what they are.
    assert all(
        kind == "mopsboard workspace" for name, kind in types.items() if name.endswith(".mopsboard")
    ), types


def _cancel_next_file_dialog(qtbot: QtBot, seen: list[QFileDialog], folder: Path) -> None:
    """When the next file dialog shows, go to `folder` (exports start in the documents folder:
    a user browses to the workspace's), let it list it (and fetch icons and types, as a user
    looking at it would), then cancel it."""

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, cancel)
            return
        seen.append(dialog)
        try:
            dialog.setDirectory(str(folder))
            _look_at_every_file(qtbot, dialog)
        finally:
            dialog.reject()

    QTimer.singleShot(0, cancel)


def _dialogs(window: MainWindow, windows: Windows) -> dict[str, Callable[[], object]]:
    capacity = window.pages["capacity"]
    campaigns = window.pages["campaigns"]
    assert isinstance(capacity, CapacityView) and isinstance(campaigns, CampaignsView)
    return {
        "open": lambda: windows._open_requested(window, ""),
        "new": lambda: windows._new_requested(window),
        "save a copy": window.save_copy,
        "capacity csv": capacity._ask_csv,
        "capacity pdf": capacity._ask_pdf,
        "campaign calendar": campaigns.editing.export_calendar,
    }


@pytest.mark.parametrize(
    "name",
    ["open", "new", "save a copy", "capacity csv", "capacity pdf", "campaign calendar"],
)
def test_a_cancelled_file_dialog_keeps_the_workspace_locks(
    qtbot: QtBot, windows: Windows, path: Path, name: str
) -> None:
    window = windows.open(path)
    assert window is not None
    assert missing_locks(path) == []
    seen: list[QFileDialog] = []
    _cancel_next_file_dialog(qtbot, seen, path.parent)
    _dialogs(window, windows)[name]()
    assert len(seen) == 1
    assert missing_locks(path) == []
    assert windows.windows == [window]


def test_opening_the_open_workspace_again_shows_its_window_and_keeps_the_locks(
    windows: Windows, path: Path
) -> None:
    window = windows.open(path)
    assert window is not None
    # File > Open recent names the workspace the window already has, by another spelling.
    again = windows.open(path.parent / "." / path.name)
    assert again is window
    assert windows.windows == [window]
    key = open_files.file_key(path)
    assert len([f for f in open_files.open_files() if f.key == key]) == 1
    assert missing_locks(path) == []


def test_an_open_workspace_is_never_offered_as_an_export_target(
    qtbot: QtBot, windows: Windows, path: Path, warned: list[tuple[str, str]]
) -> None:
    window = windows.open(path)
    assert window is not None
    capacity = window.pages["capacity"]
    assert isinstance(capacity, CapacityView)
    answers = iter([str(path.with_name(path.name + "-shm")), str(path), ""])

    answered: list[QFileDialog] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QMessageBox):  # the dialog's own "replace it?" question
            QTimer.singleShot(20, answer)
            dialog.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(dialog, QFileDialog) and dialog not in answered:
            answered.append(dialog)
            choice = next(answers)
            if not choice:
                dialog.reject()
                return
            dialog.selectFile(choice)
            # Accepting asks whether to replace the file, in a loop of its own: answer it too.
            QTimer.singleShot(20, answer)
            dialog.accept()
        else:
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    before = path.stat().st_size
    capacity._ask_csv()
    assert len(warned) == 2 and all("cannot be written over" in text for _, text in warned)
    assert path.stat().st_size == before
    assert missing_locks(path) == []


def _cli(*argv: str | Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mopsboard", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )
    assert done.returncode == 0, done.stderr


def test_window_and_another_process_lose_no_write_after_every_dialog(
    qtbot: QtBot, windows: Windows, path: Path
) -> None:
    """The reported loss: dialogs and a second open in the window, then a CLI write, then a
    window write, then the window closes. Before the fix the CLI's task was gone."""
    window = windows.open(path)
    assert window is not None
    for name, open_dialog in _dialogs(window, windows).items():
        seen: list[QFileDialog] = []
        _cancel_next_file_dialog(qtbot, seen, path.parent)
        open_dialog()
        assert seen, name
    assert windows.open(path) is window
    _cli("add-task", path, "--title", "Written by the script")
    board = present(window.model.board_id)
    window.workspace_actions.add_task(
        Task(board_id=board, stage_id=window.model.stages[0].key, title="Written in the window")
    )
    _cli("add-task", path, "--title", "Written by the script, later")
    window.close()
    qtbot.waitUntil(lambda: windows.windows == [])
    key = open_files.file_key(path)
    assert not any(f.key == key for f in open_files.open_files())
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        titles = {row[0] for row in conn.execute("SELECT title FROM tasks")}
    finally:
        conn.close()
    assert {
        "Written by the script",
        "Written in the window",
        "Written by the script, later",
    } <= titles
