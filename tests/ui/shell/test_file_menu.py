"""File ▸ Import…, Export workspace… and Export tasks…: in the menu, and each does its work."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.transfer import exporting, import_dialog


def file_menu_texts(window: MainWindow) -> list[str]:
    file_menu = window.menuBar().actions()[0].menu()
    return [a.text().replace("&", "") for a in file_menu.actions() if a.text()]


def trigger(window: MainWindow, name: str) -> None:
    found = window.findChild(QAction, name)
    assert found is not None, name
    found.trigger()


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def record(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", record)
    monkeypatch.setattr(QMessageBox, "warning", record)
    return shown


def test_the_file_menu_offers_import_and_both_exports(window: MainWindow) -> None:
    texts = file_menu_texts(window)
    assert {"Import\u2026", "Export workspace\u2026", "Export tasks\u2026"} <= set(texts)
    assert texts.index("Import\u2026") < texts.index("Quit")


def test_export_tasks_writes_the_board_s_tasks(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    target = tmp_path / "out.csv"
    monkeypatch.setattr(exporting, "ask_save_path", lambda *args: target)
    trigger(window, "exportTasksAction")
    with target.open(encoding="utf-8-sig", newline="") as f:
        titles = sorted(row["Title"] for row in csv.DictReader(f))
    board = window.model.board_id
    assert board is not None
    assert titles == sorted(t.title for t in window.workspace.tasks(board, include_archived=True))
    notice = window.findChild(QMessageBox, "savedNotice")
    assert notice is not None and str(target) in notice.informativeText()
    assert str(target) in window.statusBar().currentMessage()


def test_export_workspace_writes_every_task(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    target = tmp_path / "out.json"
    monkeypatch.setattr(exporting, "ask_save_path", lambda *args: target)
    trigger(window, "exportWorkspaceAction")
    tasks = json.loads(target.read_text(encoding="utf-8"))["tables"]["tasks"]
    title = tasks["columns"].index("title")
    written = sorted(row[title] for row in tasks["rows"])
    assert written == sorted(t.title for t in window.workspace.tasks(include_archived=True))
    notice = window.findChild(QMessageBox, "savedNotice")
    assert notice is not None and str(target) in notice.informativeText()
    assert str(target) in window.statusBar().currentMessage()


def test_import_opens_the_import_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    monkeypatch.setattr(
        import_dialog,
        "open_import_dialog",
        lambda parent, actions: opened.append((parent, actions)),
    )
    trigger(window, "importAction")
    assert opened == [(window, window.workspace_actions)]
