"""Exporting the campaign calendar as a user does it: the toolbar's Export .ics button, the file
dialog in the documents folder, the status bar and a note saying where, Open folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    found = QStandardPaths.writableLocation
    monkeypatch.setattr(
        QStandardPaths,
        "writableLocation",
        lambda kind: (
            str(folder)
            if kind == QStandardPaths.StandardLocation.DocumentsLocation
            else found(kind)
        ),
    )
    return folder


def test_the_calendar_goes_to_the_documents_folder_and_says_where(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    planned_ws: Workspace,
    documents: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    started_in: list[Path] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        started_in.append(Path(dialog.directory().absolutePath()))
        dialog.selectFile(str(documents / "spring plan"))
        dialog.accept()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(page.buttons["export"], Qt.MouseButton.LeftButton)
    assert started_in == [documents]
    target = documents / "spring plan.ics"
    assert target.read_text("utf-8").startswith("BEGIN:VCALENDAR")
    assert str(target) in window.statusBar().currentMessage()
    notice = page.findChild(QMessageBox, "savedNotice")
    assert notice is not None and notice.isVisible()
    assert str(target) in notice.informativeText()
    assert "Outlook" in notice.informativeText()
    button = notice.findChild(QPushButton, "openSavedFolder")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(documents))]
