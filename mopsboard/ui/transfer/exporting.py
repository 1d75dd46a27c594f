"""File ▸ Export workspace… and File ▸ Export tasks…: where to write, then the file written whole
(or not at all) and the user told where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId
from mopsboard.io.task_export import export_tasks_csv
from mopsboard.io.workspace_json import export_workspace
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.file_dialogs import ask_save_path, documents_folder
from mopsboard.ui.common.saved_notice import tell_saved

WORKSPACE_FILE_FILTER = "mopsboard workspace file (*.json)"
CSV_FILTER = "CSV (*.csv)"


Notify = Callable[[str], None] | None


def export_workspace_file(
    parent: QWidget, workspace: Workspace, notify: Notify = None
) -> Path | None:
    """Asks where, writes the whole workspace there, says where it went (with an Open folder
    button; `notify` puts it in the status bar too); returns the file written, or None."""
    suggested = documents_folder() / f"{workspace.path.stem}.json"
    target = ask_save_path(parent, "Export workspace", suggested, WORKSPACE_FILE_FILTER, ".json")
    if target is None:
        return None
    try:
        counts = export_workspace(workspace, target)
    except MopsboardError as error:
        QMessageBox.warning(parent, "Export workspace", str(error))
        return None
    what = f"the workspace ({counts.get('tasks', 0)} tasks, {sum(counts.values())} rows)"
    hint = f"'mopsboard import NEW.mopsboard {target.name}' rebuilds it exactly."
    tell_saved(parent, "Export workspace", what, target, notify, hint)
    return target


def export_tasks(
    parent: QWidget, workspace: Workspace, board_id: BoardId | None = None, notify: Notify = None
) -> Path | None:
    """Asks where, writes the tasks (of a board, or all) as CSV, says where they went; returns
    the file, or None."""
    name = workspace.board(board_id).name if board_id is not None else workspace.path.stem
    suggested = documents_folder() / f"{name} tasks.csv"
    target = ask_save_path(parent, "Export tasks", suggested, CSV_FILTER, ".csv")
    if target is None:
        return None
    try:
        count = export_tasks_csv(workspace, target, board_id)
    except MopsboardError as error:
        QMessageBox.warning(parent, "Export tasks", str(error))
        return None
    tell_saved(parent, "Export tasks", f"{count} tasks", target, notify)
    return target
