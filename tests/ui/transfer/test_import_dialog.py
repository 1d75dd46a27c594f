"""File ▸ Import…, driven as a user drives it: a file chosen, the preview read, options and
mapping changed with the mouse, Import clicked; the SQLite file and the undo history checked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.transfer.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TRELLO = FIXTURES / "trello" / "launch_board.json"
JIRA = FIXTURES / "csv" / "jira.csv"


@pytest.fixture
def actions(board_ws: Workspace) -> WorkspaceActions:
    return WorkspaceActions(board_ws)


@pytest.fixture
def informed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    return shown


@pytest.fixture
def dialog(qtbot: QtBot, actions: WorkspaceActions) -> Iterator[ImportDialog]:
    made = ImportDialog(actions)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made
    made.close()


def opened(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    dialog.open_file(path)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=5000)


def cells(dialog: ImportDialog, column: int) -> list[str]:
    table = dialog.preview
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_a_trello_board_previewed_imported_and_undone(
    qtbot: QtBot, dialog: ImportDialog, actions: WorkspaceActions, informed: list[str]
) -> None:
    opened(qtbot, dialog, TRELLO)
    assert dialog.format_label.text() == "Trello board export"
    assert cells(dialog, 0) == ["Write launch email \u2709\ufe0f", "Landing page", "Press release"]
    assert cells(dialog, 1) == ["To Do", "Doing", "Done"]
    assert cells(dialog, 3)[1] == "blue dark"
    assert cells(dialog, 6)[0] == "1/3"
    assert "3 tasks in 4 stages, 3 people" in dialog.message.text()
    assert not dialog.columns.isVisible()

    # On the box itself, at its left end.
    box = dialog.archived
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 5, timeout=5000)

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    ws = actions.workspace
    board = ws.board_named("Q3 Launch \U0001f680")
    assert len(ws.tasks(board.key, include_archived=True)) == 5
    assert "'Q3 Launch \U0001f680': 5 tasks in 5 stages" in informed[0]
    assert actions.undo_stack.count() == 1
    assert actions.undo_stack.undoText() == "Import 'Q3 Launch \U0001f680'"

    actions.undo_stack.undo()
    assert "Q3 Launch \U0001f680" not in [b.name for b in ws.boards()]
    assert "Jonas Weber" not in [m.name for m in ws.members()]
    actions.undo_stack.redo()
    again = ws.board_named("Q3 Launch \U0001f680")
    assert [t.title for t in ws.tasks(again.key)][:2] == [
        "Write launch email \u2709\ufe0f",
        "Landing page",
    ]


def test_a_jira_csv_with_a_column_mapped_differently(
    qtbot: QtBot, dialog: ImportDialog, actions: WorkspaceActions, informed: list[str]
) -> None:
    opened(qtbot, dialog, JIRA)
    assert dialog.format_label.text() == "CSV (Jira; comma-separated; utf-8)"
    assert dialog.columns.isVisible()
    assert cells(dialog, 3)[0] == "Task, email, launch, MOPS Sprint 4, MOPS Sprint 5"
    headers = [dialog.columns.item(r, 0).text() for r in range(dialog.columns.rowCount())]
    choice = dialog.columns.cellWidget(headers.index("Issue Type"), 2)
    assert isinstance(choice, QComboBox) and choice.currentText() == "labels"
    choice.setCurrentText("ignore")
    qtbot.waitUntil(lambda: cells(dialog, 3)[0] == "email, launch, MOPS Sprint 4, MOPS Sprint 5")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    task = next(t for t in actions.workspace.tasks() if t.title == "Launch email for Atlas 3.0")
    assert task.labels == ("email", "launch", "MOPS Sprint 4", "MOPS Sprint 5")
    assert task.estimate_hours == 8.0


def test_ambiguous_dates_wait_for_the_users_choice(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "calendar.csv"
    path.write_text("Date,Title,Status\n05/06/2026,Post,Idea\n", encoding="utf-8")
    opened(qtbot, dialog, path)
    assert "could be 5 June or May 6" in dialog.message.text()
    assert not dialog.import_button.isEnabled()
    dialog.dates.setCurrentIndex(1)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=5000)
    assert cells(dialog, 4) == ["\u2026 to 2026-06-05"]


def test_into_an_existing_board_new_stages_are_marked(
    qtbot: QtBot, dialog: ImportDialog, actions: WorkspaceActions, informed: list[str]
) -> None:
    opened(qtbot, dialog, TRELLO)
    dialog.target.setCurrentIndex(dialog.target.findText(actions.workspace.boards()[0].name))
    qtbot.waitUntil(lambda: not dialog.progress.isVisible() and dialog.preview.rowCount() == 3)
    assert cells(dialog, 1) == ["To Do (new stage)", "Doing (new stage)", "Done"]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    board = actions.workspace.boards()[0]
    assert [s.name for s in actions.workspace.stages(board.key)][-3:] == [
        "To Do",
        "Doing",
        "Legal approval",
    ]


def test_a_file_that_cannot_be_imported_says_why(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"lists": [], "cards": [', encoding="utf-8")
    opened(qtbot, dialog, path)
    assert "truncated" in dialog.message.text()
    assert not dialog.import_button.isEnabled() and dialog.preview.rowCount() == 0
