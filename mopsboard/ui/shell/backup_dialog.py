"""File ▸ Restore from backup: the workspace's backups by date, to restore or to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.backups import Backup, list_backups, restore_backup
from mopsboard.store.workspace import Workspace

RESTORE = "restore"
OPEN = "open"


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


class RestoreDialog(QDialog):
    """Lists the backups; `choice` is (RESTORE or OPEN, backup) once the user picks one."""

    def __init__(self, workspace_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        self.choice: tuple[str, Backup] | None = None
        self.backups = list_backups(workspace_path)
        intro = QLabel(
            f"Backups of {workspace_path.name}, newest first. mopsboard makes one each day you "
            "open the workspace and keeps the last seven, and one before each upgrade.\n"
            "Restoring replaces what the workspace holds with the backup; what it holds now is "
            "saved as another backup first, so a restore can be undone the same way."
            if self.backups
            else f"There are no backups of {workspace_path.name} yet. mopsboard makes one each "
            "day you open the workspace, beside the workspace file."
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        for backup in self.backups:
            text = f"{backup.taken_at:%Y-%m-%d %H:%M}   {backup.kind}   {_size(backup.path)}"
            item = QListWidgetItem(text)
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton("Restore\u2026")
        self.restore_button.setObjectName("restoreButton")
        self.open_button = QPushButton("Open read-only")
        self.open_button.setObjectName("openBackupButton")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.open_button.clicked.connect(lambda: self._choose(OPEN))
        buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self._choose(OPEN))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        if self.backups:
            self.list.setCurrentRow(0)
        self._update_buttons()
        self.resize(560, 360)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.list.currentRow() >= 0
        self.restore_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def _choose(self, action: str) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.choice = (action, self.backups[row])
        self.accept()


def restore_from_backup(
    window: QWidget,
    workspace: Workspace,
    history: QUndoStack,
    open_read_only: Callable[[str], object],
    notify: Callable[[str], object],
) -> None:
    """Asks which backup, then restores it over the workspace or opens it read-only."""
    dialog = RestoreDialog(workspace.path, window)
    if not dialog.exec() or dialog.choice is None:
        return
    action, backup = dialog.choice
    if action == OPEN:
        open_read_only(str(backup.path))
        return
    answer = QMessageBox.question(
        window,
        "Restore from backup",
        f"Replace everything in {workspace.path.name} with the backup from "
        f"{backup.taken_at:%Y-%m-%d %H:%M}?\n\nWhat the workspace holds now is saved as a backup "
        "first. Other windows on this workspace will show the restored contents.",
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    try:
        restore_backup(workspace, backup.path)
    except MopsboardError as error:
        QMessageBox.warning(window, "Restore from backup", f"Nothing was restored. {error}")
        return
    # The history describes the contents that were replaced: it cannot be undone step by step.
    history.clear()
    notify(f"Restored the backup from {backup.taken_at:%Y-%m-%d %H:%M}")
