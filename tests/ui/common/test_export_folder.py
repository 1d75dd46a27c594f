"""Where exports go by default: the documents folder the desktop names, else the home folder,
never the app's hidden data folder; and an export dialog looking at a folder that holds the
open workspace (a workspace kept in Documents) neither opens it nor offers it as a target."""

from __future__ import annotations

from pathlib import Path

import pytest
from locks import HAVE_PROC_LOCKS, missing_locks
from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.paths import data_dir
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.capacity.capacity_view import CapacityView
from mopsboard.ui.common.file_dialogs import ask_save_path, documents_folder
from tests.ui.shell.test_workspace_locks import _look_at_every_file

DOCUMENTS = QStandardPaths.StandardLocation.DocumentsLocation


def documents_at(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    found = QStandardPaths.writableLocation
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda kind: where if kind == DOCUMENTS else found(kind)
    )


def test_exports_go_to_the_documents_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents_at(monkeypatch, str(tmp_path))
    assert documents_folder() == tmp_path
    assert documents_folder() != data_dir()


@pytest.mark.parametrize("where", ["", "/no/such/folder"])
def test_without_a_documents_folder_exports_go_home(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    documents_at(monkeypatch, where)
    assert documents_folder() == Path.home()


@pytest.mark.skipif(not HAVE_PROC_LOCKS, reason="needs Linux's /proc/locks")
def test_export_dialogs_over_a_workspace_in_documents_keep_its_locks(
    qtbot: QtBot, windows: Windows, board_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = board_file.parent
    (folder / "notes.txt").write_text("plain text")
    (folder / "archive").mkdir()
    documents_at(monkeypatch, str(folder))
    window = windows.open(board_file)
    assert window is not None
    capacity, campaigns = window.pages["capacity"], window.pages["campaigns"]
    assert isinstance(capacity, CapacityView) and isinstance(campaigns, CampaignsView)
    for export in (capacity._ask_csv, capacity._ask_pdf, campaigns.editing.export_calendar):
        seen: list[Path] = []

        def cancel(seen: list[Path] = seen) -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, cancel)
                return
            seen.append(Path(dialog.directory().absolutePath()))
            try:
                _look_at_every_file(qtbot, dialog)
            finally:
                dialog.reject()

        QTimer.singleShot(0, cancel)
        export()
        assert seen == [folder]
        assert missing_locks(board_file) == []


def _answer_next_dialog(qtbot: QtBot, seen: list[Path], name: str | None) -> None:
    """Notes the folder the next file dialog opens in; saves as `name` there, or cancels."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(Path(dialog.directory().absolutePath()))
        if name is None:
            dialog.reject()
            return
        dialog.selectFile(name)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_the_next_save_starts_in_the_folder_of_the_last_one(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    chosen = tmp_path / "Campaign reports"
    documents.mkdir()
    chosen.mkdir()
    documents_at(monkeypatch, str(documents))
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[Path] = []
    _answer_next_dialog(qtbot, seen, str(chosen / "capacity.csv"))
    target = ask_save_path(parent, "Export", documents_folder() / "out.csv", "CSV (*.csv)")
    assert target == chosen / "capacity.csv"
    _answer_next_dialog(qtbot, seen, None)
    assert ask_save_path(parent, "Export", documents_folder() / "next.csv", "CSV (*.csv)") is None
    assert seen == [documents, chosen]
    chosen.rmdir()  # the folder went away: back to the documents folder
    assert documents_folder() == documents
