"""File ▸ Export workspace…, Export this board's tasks… and Export all tasks…: the file the
user chose is written, and they are told where (a note with an Open folder button); a refusal
is shown, never raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.transfer import exporting


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox, kind, lambda _p, title, text, *a, k=kind: shown.append((k, text))
        )
    return shown


def choose(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> None:
    monkeypatch.setattr(exporting, "ask_save_path", lambda *args: target)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def notice(parent: QWidget) -> str:
    box = parent.findChild(QMessageBox, "savedNotice")
    assert box is not None, "no note says where the file went"
    return f"{box.text()} {box.informativeText()}"


def test_the_workspace_file(
    parent: QWidget,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, tmp_path / "out.json")
    told: list[str] = []
    assert exporting.export_workspace_file(parent, board_ws, told.append) == tmp_path / "out.json"
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(data["tables"]["tasks"]["rows"]) == 7
    assert str(tmp_path / "out.json") in notice(parent)
    rows = sum(len(table["rows"]) for table in data["tables"].values())
    assert told == [f"Saved the workspace (7 tasks, {rows} rows) to {tmp_path / 'out.json'}"]
    assert said == []


def test_one_boards_tasks_and_a_cancel(
    parent: QWidget,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, None)
    assert exporting.export_tasks(parent, board_ws, board_ws.boards()[0].key) is None
    assert said == [] and parent.findChild(QMessageBox, "savedNotice") is None
    choose(monkeypatch, tmp_path / "tasks.csv")
    exporting.export_tasks(parent, board_ws, board_ws.boards()[0].key)
    assert (tmp_path / "tasks.csv").read_bytes().count(b"\r\n") == 8
    assert (
        notice(parent) == f"Saved 7 tasks of the board 'Campaign board'. {tmp_path / 'tasks.csv'}"
    )


def test_a_folder_that_cannot_be_written_is_told(
    parent: QWidget,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, tmp_path / "missing" / "out.json")
    assert exporting.export_workspace_file(parent, board_ws) is None
    assert said[0][0] == "warning" and "could not write the workspace file" in said[0][1]
