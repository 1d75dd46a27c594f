"""Questions the board asks about cards: before archiving several at once, and which board
cards go to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_archive(parent: QWidget, count: int) -> bool:
    """Asks before several cards leave the board at once (one goes without asking: undo brings
    it back, and it is the one the user was looking at); True to archive them."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Archive tasks")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"Archive the {count} selected tasks?")
    box.setInformativeText("They leave the board; Undo brings them back.")
    archive = box.addButton(f"Archive {count} tasks", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(archive)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is archive
