"""Server workspaces in the app: File ▸ Publish to server… and Open server workspace…, driven
through their dialog; a refused address asked again with the server's reason; the password kept
out of the settings; what a server window greys out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.recent import recent_files
from mopsboard.ui.shell.server_dialog import ServerAddress, ServerDialog, ask_server

Steps = Callable[[ServerDialog], None]


def when_asked(qtbot: QtBot, *steps: Steps) -> list[str]:
    """Answers the server dialogs as they come up, one step each; gives back the problems each
    dialog showed."""
    problems: list[str] = []
    queue = list(steps)

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, ServerDialog):
            problems.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
            queue.pop(0)(dialog)
            if queue:
                QTimer.singleShot(0, lambda: attempt(400))
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))
        else:
            raise AssertionError("the server dialog never came up")

    QTimer.singleShot(0, lambda: attempt(400))
    return problems


def type_address(qtbot: QtBot, url: str, password: str = "") -> Steps:
    """Types the parts of `url` into the dialog as a user would, and presses Enter."""
    parts = urlsplit(url)

    def fill(dialog: ServerDialog) -> None:
        for field, text in (
            (dialog.host, parts.hostname or ""),
            (dialog.database, parts.path.lstrip("/")),
            (dialog.user, parts.username or ""),
            (dialog.password, password),
        ):
            field.selectAll()
            qtbot.keyClick(field, Qt.Key.Key_Delete)
            qtbot.keyClicks(field, text)
        dialog.port.setValue(parts.port or 5432)
        dialog.ssl.setCurrentText("disable")
        qtbot.keyClick(dialog.database, Qt.Key.Key_Return)

    return fill


def cancel(dialog: ServerDialog) -> None:
    dialog.reject()


def trigger(window: object, name: str) -> None:
    found = window.findChild(QAction, name)  # type: ignore[attr-defined]
    assert found is not None, name
    found.trigger()


def test_publish_a_file_then_work_on_the_server(
    qtbot: QtBot,
    windows: Windows,
    board_file: Path,
    server_url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file_window = windows.open(board_file)
    assert file_window is not None
    with Workspace.open(board_file, read_only=True) as ws:
        titles = sorted(t.title for t in ws.tasks(include_archived=True))
    asked: list[str] = []

    def open_it(_parent: object, _title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Open

    monkeypatch.setattr(QMessageBox, "question", open_it)
    when_asked(qtbot, type_address(qtbot, server_url))
    trigger(file_window, "publishAction")

    assert len(asked) == 1 and "is now on the server" in asked[0]
    server_window = windows.windows[-1]
    assert server_window is not file_window
    assert server_window.workspace.on_server
    # The file's window made way for the server's.
    qtbot.waitUntil(lambda: file_window not in windows.windows)
    assert sorted(t.title for t in server_window.workspace.tasks(include_archived=True)) == titles
    shown = server_window.path_label.text()
    assert shown.startswith("postgresql://") and urlsplit(shown).path == urlsplit(server_url).path
    assert recent_files()[0] == server_window.workspace.location
    assert "(server)" in server_window.windowTitle()
    # What only a file has is greyed, saying why; publishing again is pointless.
    for name in ("restoreAction", "publishAction"):
        action = server_window.findChild(QAction, name)
        assert action is not None and not action.isEnabled()
        assert "on a server" in action.toolTip()


def test_a_refused_address_is_asked_again_with_the_reason(
    qtbot: QtBot, windows: Windows, server_url: str, critical: list[tuple[str, str]]
) -> None:
    with Workspace.create(server_url):
        pass
    wrong = server_url.rsplit("/", 1)[0] + "/no_such_database"
    problems = when_asked(qtbot, type_address(qtbot, server_url))
    window = windows.open(wrong)
    assert window is not None and window.workspace.on_server
    assert "no_such_database" in problems[0]
    assert critical == []  # told in the dialog, where the address can be put right

    problems = when_asked(qtbot, cancel)
    assert windows.open(wrong) is None
    assert problems and problems[0]


def test_a_password_typed_is_used_and_never_kept(
    qtbot: QtBot, windows: Windows, server_url: str
) -> None:
    with Workspace.create(server_url):
        pass
    # The test server trusts loopback: the password is sent and not asked for.
    secret = "s3cret:with@odd/chars"
    when_asked(qtbot, type_address(qtbot, server_url, password=secret))
    url = ask_server(None)
    assert url is not None and ServerAddress(url).password == secret
    window = windows.open(url)
    assert window is not None
    settings = QSettings()
    kept = " ".join(str(settings.value(key)) for key in settings.allKeys())
    assert secret not in kept and "s3cret" not in kept
    assert "s3cret" not in window.path_label.toolTip() + window.windowTitle()


def test_an_address_reads_back_as_it_was_given() -> None:
    address = ServerAddress(
        "postgresql://ana%40acme@db.example.com:6432/Spring%20plan?sslmode=require"
    )
    assert (address.host, address.port, address.user, address.database) == (
        "db.example.com",
        6432,
        "ana@acme",
        "Spring plan",
    )
    assert address.options == {"sslmode": "require"}
    assert (
        address.url() == "postgresql://ana%40acme@db.example.com:6432/Spring%20plan?sslmode=require"
    )
    address.password = "p@ss"
    assert address.url(with_password=False).find("p%40ss") == -1
    assert ServerAddress(address.url()).password == "p@ss"
