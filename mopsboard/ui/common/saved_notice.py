"""After an export: where the file went, in the status bar and in a note that offers to open
its folder, so a user never hunts for what they just saved."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_folder(path: Path) -> bool:
    """Opens the folder holding `path` in the desktop's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def tell_saved(
    parent: QWidget,
    title: str,
    what: str,
    path: Path,
    notify: Callable[[str], None] | None,
    hint: str = "",
) -> QMessageBox:
    """Says that `what` was saved to `path` (in the status bar too, through `notify`), with an
    Open folder button and a `hint` of what to do with the file; the note does not block the
    window, and goes when answered."""
    if notify is not None:
        notify(f"Saved {what} to {path}")
    box = QMessageBox(parent)
    box.setObjectName("savedNotice")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(f"Saved {what}.")
    box.setInformativeText(f"{path}\n\n{hint}" if hint else str(path))
    opener = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
    opener.setObjectName("openSavedFolder")
    opener.clicked.connect(lambda _checked=False: open_folder(path))
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.finished.connect(lambda _result: box.deleteLater())
    box.open()
    return box
