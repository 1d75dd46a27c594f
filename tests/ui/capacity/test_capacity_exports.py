"""Exporting the capacity map as a user does it: Export ▸ CSV or PDF, the file dialog opens in
the documents folder, the file is written where they chose, the status bar and a note say
where, and the note's Open folder button opens that folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's documents folder, as the desktop names it."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    found = QStandardPaths.writableLocation

    def location(kind: QStandardPaths.StandardLocation) -> str:
        if kind == QStandardPaths.StandardLocation.DocumentsLocation:
            return str(folder)
        return found(kind)

    monkeypatch.setattr(QStandardPaths, "writableLocation", location)
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the desktop was asked to open."""
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def window(open_window: Callable[..., MainWindow], capacity_ws: Workspace) -> MainWindow:
    win = open_window(capacity_ws)
    assert win.show_view("capacity")
    return win


def export_entry(view: CapacityView, text: str) -> QAction:
    """An entry of the Export button's menu."""
    export = view.findChild(QToolButton, "capacityExport")
    assert export is not None and export.menu() is not None
    return next(a for a in export.menu().actions() if a.text() == text)


def save_in_next_dialog(name: str, started_in: list[tuple[Path, str]]) -> None:
    """When the file dialog shows, notes where it started and what it suggested, then saves
    under `name` in that folder, as a user typing a name and pressing Save would."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        folder = Path(dialog.directory().absolutePath())
        started_in.append((folder, Path(dialog.selectedFiles()[0]).name))
        dialog.selectFile(str(folder / name))
        dialog.accept()

    QTimer.singleShot(0, answer)


@pytest.mark.parametrize(
    ("entry", "name", "start"),
    [("CSV for a spreadsheet\u2026", "map.csv", b"Team"), ("PDF report\u2026", "map.pdf", b"%PDF")],
)
def test_an_export_goes_to_the_documents_folder_and_says_where(
    qtbot: QtBot,
    window: MainWindow,
    documents: Path,
    opened: list[QUrl],
    entry: str,
    name: str,
    start: bytes,
) -> None:
    view = window.pages["capacity"]
    assert isinstance(view, CapacityView)
    action = export_entry(view, entry)
    started_in: list[tuple[Path, str]] = []
    save_in_next_dialog(name, started_in)
    action.trigger()
    assert len(started_in) == 1
    folder, suggested = started_in[0]
    assert folder == documents
    assert suggested.startswith(f"{window.workspace.path.stem} capacity ")
    target = documents / name
    assert target.read_bytes().startswith(start)
    assert str(target) in window.statusBar().currentMessage()
    notice = view.findChild(QMessageBox, "savedNotice")
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.informativeText()
    button = notice.findChild(QPushButton, "openSavedFolder")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(documents))]
    qtbot.waitUntil(lambda: view.findChild(QMessageBox, "savedNotice") is None)


def test_a_cancelled_export_writes_and_says_nothing(
    qtbot: QtBot, window: MainWindow, documents: Path, opened: list[QUrl]
) -> None:
    view = window.pages["capacity"]
    assert isinstance(view, CapacityView)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)
    export_entry(view, "CSV for a spreadsheet\u2026").trigger()
    assert list(documents.iterdir()) == []
    assert view.findChild(QMessageBox, "savedNotice") is None
    assert opened == []
