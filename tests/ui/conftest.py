"""Shared by the UI tests: the windows they open, what message boxes would have said, and, after
every test, a check that each open workspace still holds its locks."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from locks import assert_open_workspaces_keep_their_locks
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.file_dialogs import LAST_SAVE_FOLDER_KEY
from mopsboard.ui.shell.main_window import MainWindow

# What a message box would have shown: (title, text), in the order shown.
Messages = list[tuple[str, str]]
OpenWindow = Callable[..., MainWindow]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    # Checked after the test's own steps, while its windows and workspaces are still open: any
    # dialog or action that opened a workspace file behind SQLite's back fails here.
    result = yield
    assert_open_workspaces_keep_their_locks()
    return result


@pytest.fixture(autouse=True)
def _no_remembered_save_folder() -> None:
    """Each test starts as a first save would: no folder remembered from another test's."""
    QSettings().remove(LAST_SAVE_FOLDER_KEY)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[OpenWindow]:
    """Opens a main window on a workspace, shown and exposed at a laptop's size (1440 x 900
    unless `size` says otherwise); every window it opened is closed after the test."""
    opened: list[MainWindow] = []

    def open_(ws: Workspace, size: tuple[int, int] = (1440, 900)) -> MainWindow:
        win = MainWindow(ws)
        qtbot.addWidget(win)
        win.resize(*size)
        win.show()
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield open_
    for win in reversed(opened):
        win.close()


@pytest.fixture
def window(open_window: OpenWindow, board_ws: Workspace) -> MainWindow:
    """A main window on the board workspace (see make_board in tests/conftest.py)."""
    return open_window(board_ws)


@pytest.fixture
def board_file(board_ws: Workspace) -> Path:
    """The board workspace's file, closed: for a test that opens it the way the app does."""
    board_ws.close()
    return board_ws.path


@pytest.fixture
def windows(qtbot: QtBot) -> Iterator[Windows]:
    """The app's set of windows, one per workspace; each is closed with its workspace after the
    test."""
    opened = Windows()
    yield opened
    for window in list(opened.windows):
        with contextlib.suppress(RuntimeError):  # already closed and deleted
            window.close()
        window.workspace.close()


def _record(monkeypatch: pytest.MonkeyPatch, kind: str) -> Messages:
    shown: Messages = []

    def record(parent: QWidget | None, title: str, text: str, *args: Any) -> None:
        shown.append((title, text))

    monkeypatch.setattr(QMessageBox, kind, record)
    return shown


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """What QMessageBox.critical would have shown, instead of blocking on it."""
    return _record(monkeypatch, "critical")


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """What QMessageBox.warning would have shown, instead of blocking on it."""
    return _record(monkeypatch, "warning")
