"""File ▸ Export workspace…, Export this board's tasks… and Export all tasks…: where to write,
then the file written whole (or not at all) and the user told what went where."""

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
    hint = (
        "File \u25b8 Import\u2026 on this file makes a new workspace from it, exactly as it is "
        f"now (in a terminal: mopsboard import NEW.mopsboard {target.name})."
    )
    tell_saved(parent, "Export workspace", what, target, notify, hint)
    return target


def export_tasks(
    parent: QWidget, workspace: Workspace, board_id: BoardId | None = None, notify: Notify = None
) -> Path | None:
    """Asks where, writes the tasks of a board (or, with no board, of every board) as CSV,
    says which and where they went; returns the file, or None."""
    if board_id is not None:
        name = workspace.board(board_id).name
        suggested = documents_folder() / f"{name} tasks.csv"
    else:
        suggested = documents_folder() / f"{workspace.path.stem} all tasks.csv"
    target = ask_save_path(parent, "Export tasks", suggested, CSV_FILTER, ".csv")
    if target is None:
        return None
    try:
        count = export_tasks_csv(workspace, target, board_id)
    except MopsboardError as error:
        QMessageBox.warning(parent, "Export tasks", str(error))
        return None
    if board_id is not None:
        tell_saved(parent, "Export tasks", f"{count} tasks of the board '{name}'", target, notify)
        return target
    # A tasks CSV comes back as tasks of one board (see the README): said where it is made,
    # with the export that keeps boards apart.
    hint = (
        "Imported again, this file brings its tasks into one board, their stages merged by "
        "name. To keep the boards apart, use File \u25b8 Export workspace\u2026 instead."
    )
    tell_saved(parent, "Export tasks", f"{count} tasks of every board", target, notify, hint)
    return target
