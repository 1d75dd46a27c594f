"""Backups in the app: a daily copy when a window opens a workspace, File ▸ Restore from backup."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from locks import file_bytes
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.cli import main
from mopsboard.domain.models import Task
from mopsboard.store import backups
from mopsboard.store.backups import BEFORE_RESTORE, DAILY, list_backups, make_backup
from mopsboard.store.database import WorkspaceError
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.backup_dialog import RestoreDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present


def titles(board_file: Path) -> list[str]:
    with Workspace.open(board_file, read_only=True) as ws:
        return sorted(t.title for t in ws.tasks())


def test_opening_a_window_makes_the_days_backup_once_and_the_cli_none(
    qtbot: QtBot, windows: Windows, board_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tasks", str(board_file)]) == 0
    capsys.readouterr()
    assert list_backups(board_file) == []
    window = windows.open(board_file)
    assert window is not None
    [daily] = list_backups(board_file)
    assert daily.label == DAILY
    assert titles(daily.path) == titles(board_file)
    workspace = window.workspace
    window.close()
    # The closed window is forgotten and lets go of its file.
    qtbot.waitUntil(lambda: windows.windows == [])
    with pytest.raises(WorkspaceError):
        workspace.data_version()
    assert windows.open(board_file) is not None
    assert len(list_backups(board_file)) == 1


def test_a_damaged_workspace_is_reported_in_the_banner_and_old_backups_stay(
    windows: Windows, board_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "_quick_check", lambda _path: ["Page 7: btreeInitPage() error"])
    window = windows.open(board_file)
    assert window is not None
    assert "no backup was made" in window.banner.text()
    assert "Restore from backup" in window.banner.text()
    assert list_backups(board_file) == []


def test_restore_dialog_lists_backups_newest_first(qtbot: QtBot, board_file: Path) -> None:
    with Workspace.open(board_file) as ws:
        noon = datetime(2026, 3, 2, 12, 0)
        make_backup(ws, DAILY, noon - timedelta(days=1))
        make_backup(ws, "before-upgrade", noon - timedelta(days=20))
        make_backup(ws, DAILY, noon)
    dialog = RestoreDialog(board_file)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(n).text() for n in range(dialog.list.count())]
    assert [row.split("   ")[:2] for row in rows] == [
        ["2026-03-02 12:00", "daily copy"],
        ["2026-03-01 12:00", "daily copy"],
        ["2026-02-10 12:00", "before an upgrade"],
    ]
    assert dialog.restore_button.isEnabled()
    empty = RestoreDialog(board_file.with_name("other.mopsboard"))
    qtbot.addWidget(empty)
    assert empty.list.count() == 0
    assert not empty.restore_button.isEnabled()


def _choose(monkeypatch: pytest.MonkeyPatch, button: str, row: int = 0) -> None:
    def pick(dialog: RestoreDialog) -> int:
        dialog.list.setCurrentRow(row)
        getattr(dialog, button).click()
        return int(dialog.result())

    monkeypatch.setattr(RestoreDialog, "exec", pick)


def _restore_action(window: MainWindow) -> Any:
    return next(a for a in window.actions() if a.objectName() == "restoreAction")


def test_restore_from_the_file_menu_replaces_the_board_and_keeps_what_it_replaced(
    windows: Windows, board_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = windows.open(board_file)
    assert window is not None
    [daily] = list_backups(board_file)
    board = present(window.model.board_id)
    window.workspace_actions.add_task(
        Task(board_id=board, stage_id=window.model.stages[0].key, title="After the backup")
    )
    assert "After the backup" in titles(board_file)
    assert window.workspace_actions.undo_stack.count() == 1
    _choose(monkeypatch, "restore_button")
    asked: list[str] = []

    def yes(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    _restore_action(window).trigger()
    assert asked and "saved as a backup first" in asked[0]
    assert titles(board_file) == titles(daily.path)
    assert "After the backup" not in [t.title for t in window.model.tasks.values()]
    assert len(window.model.tasks) == len(titles(board_file))
    assert window.workspace_actions.undo_stack.count() == 0
    [replaced] = [b for b in list_backups(board_file) if b.label == BEFORE_RESTORE]
    assert "After the backup" in titles(replaced.path)


def test_restore_can_be_cancelled_at_the_question(
    windows: Windows, board_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = windows.open(board_file)
    assert window is not None
    before = file_bytes(board_file)
    _choose(monkeypatch, "restore_button")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    _restore_action(window).trigger()
    assert file_bytes(board_file) == before
    assert [b.label for b in list_backups(board_file)] == [DAILY]


def test_a_bad_backup_is_refused_with_a_message(
    windows: Windows,
    board_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    warned: list[tuple[str, str]],
) -> None:
    window = windows.open(board_file)
    assert window is not None
    [daily] = list_backups(board_file)
    daily.path.write_bytes(b"not a database at all" * 100)
    _choose(monkeypatch, "restore_button")
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    before = titles(board_file)
    _restore_action(window).trigger()
    assert warned and warned[0][1].startswith("Nothing was restored.")
    assert "not a mopsboard workspace" in warned[0][1]
    assert titles(board_file) == before


def test_open_a_backup_read_only_in_a_new_window(
    windows: Windows, board_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = windows.open(board_file)
    assert window is not None
    [daily] = list_backups(board_file)
    before = file_bytes(daily.path)
    _choose(monkeypatch, "open_button")
    _restore_action(window).trigger()
    assert len(windows.windows) == 2
    backup_window = windows.windows[1]
    assert backup_window.workspace.path == daily.path
    assert backup_window.workspace.read_only
    assert "read-only" in backup_window.banner.text()
    assert window.isVisible()  # the workspace's own window stays open
    assert file_bytes(daily.path) == before
    # A backup opened to look at is not backed up itself.
    assert list_backups(daily.path) == []
