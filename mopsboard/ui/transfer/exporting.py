"""File ▸ Export workspace… and File ▸ Export tasks…: where to write, then the file written whole
(or not at all) and the user told where it went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId
from mopsboard.io.task_export import export_tasks_csv
from mopsboard.io.workspace_json import export_workspace
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.file_dialogs import ask_save_path

WORKSPACE_FILE_FILTER = "mopsboard workspace file (*.json)"
CSV_FILTER = "CSV (*.csv)"


def _folder() -> Path:
    documents = Path.home() / "Documents"
    return documents if documents.is_dir() else Path.home()


def export_workspace_file(parent: QWidget | None, workspace: Workspace) -> Path | None:
    """Asks where, writes the whole workspace there; returns the file written, or None."""
    suggested = _folder() / f"{workspace.path.stem}.json"
    target = ask_save_path(parent, "Export workspace", suggested, WORKSPACE_FILE_FILTER, ".json")
    if target is None:
        return None
    try:
        counts = export_workspace(workspace, target)
    except MopsboardError as error:
        QMessageBox.warning(parent, "Export workspace", str(error))
        return None
    QMessageBox.information(
        parent,
        "Export workspace",
        f"Saved the workspace ({counts.get('tasks', 0)} tasks, {sum(counts.values())} rows) to "
        f"{target}.\n\n'mopsboard import NEW.mopsboard {target.name}' rebuilds it exactly.",
    )
    return target


def export_tasks(
    parent: QWidget | None, workspace: Workspace, board_id: BoardId | None = None
) -> Path | None:
    """Asks where, writes the tasks (of a board, or all) as CSV; returns the file, or None."""
    name = workspace.board(board_id).name if board_id is not None else workspace.path.stem
    target = ask_save_path(
        parent, "Export tasks", _folder() / f"{name} tasks.csv", CSV_FILTER, ".csv"
    )
    if target is None:
        return None
    try:
        count = export_tasks_csv(workspace, target, board_id)
    except MopsboardError as error:
        QMessageBox.warning(parent, "Export tasks", str(error))
        return None
    QMessageBox.information(parent, "Export tasks", f"Saved {count} tasks to {target}.")
    return target
