"""File ▸ Export workspace… and Export tasks…: the file the user chose is written, and they are
told where; a refusal is shown, never raised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

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


def test_the_workspace_file(
    qtbot: object,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, tmp_path / "out.json")
    assert exporting.export_workspace_file(None, board_ws) == tmp_path / "out.json"
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert len(data["tables"]["tasks"]["rows"]) == 7
    assert said[0][0] == "information" and str(tmp_path / "out.json") in said[0][1]


def test_one_boards_tasks_and_a_cancel(
    qtbot: object,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, None)
    assert exporting.export_tasks(None, board_ws, board_ws.boards()[0].key) is None
    assert said == []
    choose(monkeypatch, tmp_path / "tasks.csv")
    exporting.export_tasks(None, board_ws, board_ws.boards()[0].key)
    assert (tmp_path / "tasks.csv").read_bytes().count(b"\r\n") == 8
    assert said == [("information", f"Saved 7 tasks to {tmp_path / 'tasks.csv'}.")]


def test_a_folder_that_cannot_be_written_is_told(
    qtbot: object,
    board_ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
) -> None:
    choose(monkeypatch, tmp_path / "missing" / "out.json")
    assert exporting.export_workspace_file(None, board_ws) is None
    assert said[0][0] == "warning" and "could not write the workspace file" in said[0][1]
