"""File ▸ Import… on a mopsboard workspace file (File ▸ Export workspace…): the file is a whole
workspace, not a board of this one, so it becomes a new workspace file of its own, opened in a
window of its own."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.io.importers.reading import ImportOptions, read_import
from mopsboard.io.workspace_json import WorkspaceFile, import_workspace
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.file_dialogs import ask_save_path, documents_folder

WORKSPACE_FILTER = "mopsboard workspace (*.mopsboard)"
TITLE = "Make a new workspace"


def make_workspace_from_file(parent: QWidget, source: Path) -> Path | None:
    """Asks where the new workspace goes, rebuilds the exported workspace there (whole, or not
    at all: a file refused half-way is removed again) and gives the new file; None when the user
    cancelled or it was refused (and told why)."""
    suggested = documents_folder() / f"{source.stem}.mopsboard"
    target = ask_save_path(parent, TITLE, suggested, WORKSPACE_FILTER, ".mopsboard")
    if target is None:
        return None
    try:
        data = read_import(source, ImportOptions(format="json"))
        if not isinstance(data, WorkspaceFile):
            raise MopsboardError(f"{source}: this is not a mopsboard workspace file.")
        made = Workspace.create(target, defaults=False)
    except MopsboardError as error:
        QMessageBox.warning(parent, TITLE, f"No workspace was made. {error}")
        return None
    try:
        with made:
            import_workspace(made, data)
    except MopsboardError as error:
        _remove(target)
        QMessageBox.warning(parent, TITLE, f"No workspace was made. {error}")
        return None
    return target


def _remove(path: Path) -> None:
    """The new file and its journals, closed already: nothing of a refused rebuild is left."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()
