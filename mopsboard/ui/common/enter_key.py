"""Which button Enter presses in a dialog.

A dialog makes its own choice when it is shown: the first of its buttons that may be a default
(every QPushButton may, unless told otherwise), so a button made default while its box was not
yet in the dialog loses to the box's Cancel, and Enter cancels. Called once the layout is
built, this makes `button` the one, and no other button take Enter for itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


def enter_presses(dialog: QDialog, button: QPushButton) -> None:
    for other in dialog.findChildren(QPushButton):
        other.setAutoDefault(other is button)
    button.setDefault(True)
