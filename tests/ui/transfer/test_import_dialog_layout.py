"""The import dialog's rough edges, seen as a user sees them: a path typed in the File box is
read; the column mapping shows at least eight columns at 1366 x 768, beside a preview that shows
each task's estimate and description; a workspace open here is never read as an import."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.transfer.import_dialog import ImportDialog

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
JIRA = FIXTURES / "csv" / "jira.csv"
# What a dialog may take of a 1366 x 768 screen (ui/common/screen_fit.py leaves 48 x 72 px).
LAPTOP = QSize(1366 - 48, 768 - 72)


@pytest.fixture
def dialog(qtbot: QtBot, board_ws: Workspace) -> Iterator[ImportDialog]:
    made = ImportDialog(WorkspaceActions(board_ws))
    qtbot.addWidget(made)
    made.resize(made.size().boundedTo(LAPTOP))
    made.show()
    qtbot.waitExposed(made)
    yield made


def read_done(qtbot: QtBot, dialog: ImportDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=5000)


def column(dialog: ImportDialog, name: str) -> list[str]:
    table = dialog.preview
    headers = [table.horizontalHeaderItem(n).text() for n in range(table.columnCount())]
    at = headers.index(name)
    return [table.item(row, at).text() for row in range(table.rowCount())]


def test_a_path_typed_in_the_file_box_is_read_on_enter(qtbot: QtBot, dialog: ImportDialog) -> None:
    line = dialog.file_line
    assert not line.isReadOnly()
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, str(JIRA))
    qtbot.keyClick(line, Qt.Key.Key_Return)
    read_done(qtbot, dialog)
    assert dialog.format_label.text().startswith("CSV (Jira")
    assert dialog.preview.rowCount() > 0 and dialog.import_button.isEnabled()


def test_a_typed_path_with_no_file_says_so(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.csv"
    qtbot.mouseClick(dialog.file_line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.file_line, str(missing))
    qtbot.keyClick(dialog.file_line, Qt.Key.Key_Return)
    assert dialog.message.text() == f"There is no file at {missing}."
    assert not dialog.import_button.isEnabled()


def test_the_open_workspace_is_never_read_as_an_import(
    qtbot: QtBot, dialog: ImportDialog, board_ws: Workspace
) -> None:
    dialog.open_file(board_ws.path)
    assert "open in mopsboard" in dialog.message.text()
    assert not dialog.progress.isVisible() and dialog.preview.rowCount() == 0


def test_eight_columns_of_the_mapping_show_at_1366_by_768_beside_the_preview(
    qtbot: QtBot, dialog: ImportDialog
) -> None:
    assert dialog.height() <= LAPTOP.height()
    dialog.open_file(JIRA)
    read_done(qtbot, dialog)
    table = dialog.columns
    assert table.rowCount() > 8
    seen = QRect(0, 0, table.viewport().width(), table.viewport().height())
    whole_rows = [
        row
        for row in range(table.rowCount())
        if seen.contains(table.visualRect(table.model().index(row, 0)))
    ]
    assert len(whole_rows) >= 8, len(whole_rows)
    # The mapping and the preview share a splitter, so either can be given more room.
    splitter = dialog.findChild(QSplitter, "importSplitter")
    assert splitter is not None
    assert splitter.isAncestorOf(table) and splitter.isAncestorOf(dialog.preview)
    preview = dialog.preview
    assert preview.isVisible() and preview.viewport().height() >= 2 * preview.rowHeight(0)


def test_the_preview_shows_estimates_and_descriptions(qtbot: QtBot, dialog: ImportDialog) -> None:
    dialog.open_file(JIRA)
    read_done(qtbot, dialog)
    assert column(dialog, "Estimate")[0] == "8 h"
    description = column(dialog, "Description")[0]
    # One line of it, the rest in the tooltip.
    assert description == "Draft the launch email. Two subject lines to test."
    table = dialog.preview
    headers = [table.horizontalHeaderItem(n).text() for n in range(table.columnCount())]
    item = table.item(0, headers.index("Description"))
    assert item.toolTip() == "Draft the launch email.\nTwo subject lines to test."
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
