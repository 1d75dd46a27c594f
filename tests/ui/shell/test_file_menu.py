"""File ▸ Import…, Export workspace… and Export tasks…: in the menu, and each does its work."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell import backup_dialog
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.transfer import exporting, import_dialog
from tests.values import present


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
    exports = {
        "Export workspace\u2026",
        "Export this board's tasks\u2026",
        "Export all tasks\u2026",
    }
    assert {"Import\u2026", *exports} <= set(texts)
    assert texts.index("Import\u2026") < texts.index("Quit")


def exported_titles(target: Path) -> list[tuple[str, str]]:
    with target.open(encoding="utf-8-sig", newline="") as f:
        return sorted((row["Board"], row["Title"]) for row in csv.DictReader(f))


def second_board(window: MainWindow) -> None:
    board = window.workspace_actions.add_board("Events 2027")
    assert board is not None
    stage = window.workspace.stages(board.key)[0]
    window.workspace_actions.add_task(Task(board_id=board.key, stage_id=stage.key, title="Venue"))


def test_export_this_board_s_tasks_writes_that_board_and_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    second_board(window)
    target = tmp_path / "out.csv"
    asked: list[Path] = []
    monkeypatch.setattr(
        exporting,
        "ask_save_path",
        lambda _p, _t, suggested, *args: asked.append(suggested) or target,
    )
    trigger(window, "exportTasksAction")
    board = present(window.model.board_id)
    name = window.workspace.board(board).name
    assert asked[0].name == f"{name} tasks.csv"
    expected = sorted((name, t.title) for t in window.workspace.tasks(board, include_archived=True))
    assert exported_titles(target) == expected and ("Events 2027", "Venue") not in expected
    notice = window.findChild(QMessageBox, "savedNotice")
    assert notice is not None and str(target) in notice.informativeText()
    assert notice.text() == f"Saved {len(expected)} tasks of the board '{name}'."
    assert str(target) in window.statusBar().currentMessage()


def test_export_all_tasks_writes_every_board_and_says_so(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, told: list[str]
) -> None:
    second_board(window)
    target = tmp_path / "all.csv"
    monkeypatch.setattr(exporting, "ask_save_path", lambda *args: target)
    trigger(window, "exportAllTasksAction")
    written = exported_titles(target)
    assert ("Events 2027", "Venue") in written
    assert len(written) == len(window.workspace.tasks(include_archived=True)) == 8
    notice = window.findChild(QMessageBox, "savedNotice")
    assert notice is not None
    assert notice.text() == "Saved 8 tasks of every board."
    # What a CSV of every board comes back as, said where it is made.
    assert "into one board" in notice.informativeText()
    assert "Export workspace" in notice.informativeText()


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


@pytest.fixture
def read_only_window(qtbot: QtBot, board_file: Path) -> Iterator[MainWindow]:
    ws = Workspace.open(board_file, read_only=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    ws.close()


def test_a_read_only_window_offers_no_import_and_no_restore_and_says_why(
    read_only_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(import_dialog, "open_import_dialog", lambda *args: opened.append("import"))
    monkeypatch.setattr(
        backup_dialog.RestoreDialog, "exec", lambda dialog: opened.append("restore")
    )
    file_menu = read_only_window.menuBar().actions()[0].menu()
    # The menu shows its entries' tooltips: the reason is there where the entry is greyed.
    assert file_menu.toolTipsVisible()
    for name, words in (
        ("importAction", "Nothing can be imported into it"),
        ("restoreAction", "Restore a backup from the window of the workspace"),
    ):
        found = read_only_window.findChild(QAction, name)
        assert found is not None
        assert not found.isEnabled(), name
        assert found.toolTip().startswith("This workspace is read-only"), found.toolTip()
        assert words in found.toolTip()
        found.trigger()
    assert opened == []
    # Export reads, so it stays.
    export = read_only_window.findChild(QAction, "exportWorkspaceAction")
    assert export is not None and export.isEnabled()


def test_a_writable_window_offers_import_and_restore(window: MainWindow) -> None:
    for name in ("importAction", "restoreAction"):
        found = window.findChild(QAction, name)
        assert found is not None and found.isEnabled()
        assert "read-only" not in found.toolTip()


def test_the_swimlanes_menu_ticks_the_board_s_grouping(window: MainWindow) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    lanes = next(a.menu() for a in view_menu.actions() if a.text() == "S&wimlanes")
    ticked = [a.text() for a in lanes.actions() if a.isChecked()]
    grouping = window.board_view.filter_bar.grouping
    assert ticked == [grouping.currentText()]
    # The filter bar's picker changes it: the menu follows.
    grouping.setCurrentIndex(1)
    assert [a.text() for a in lanes.actions() if a.isChecked()] == [grouping.itemText(1)]
    # The menu changes it: the picker and the board follow.
    lanes.actions()[2].trigger()
    assert grouping.currentIndex() == 2
    assert [a.text() for a in lanes.actions() if a.isChecked()] == [grouping.itemText(2)]
