"""Answering the message box a gesture opens (it runs its own event loop inside the gesture), by
a real click on one of its buttons or a real key, and what it asked."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox


@dataclass
class Asked:
    texts: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    buttons: list[list[str]] = field(default_factory=list)
    icons: list[QMessageBox.Icon] = field(default_factory=list)


def answer_next_box(answer: str, tries: int = 200) -> Asked:
    """Clicks the button named `answer` in the next message box (or presses Esc when `answer` is
    "Escape") as soon as it is up; gives up after `tries` looks of 10 ms."""
    asked = Asked()

    def look(left: int) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.texts.append(box.text())
            asked.details.append(box.informativeText())
            asked.buttons.append([b.text() for b in box.buttons()])
            asked.icons.append(box.icon())
            if answer == "Escape":
                QTest.keyClick(box, Qt.Key.Key_Escape)
            else:
                button = next(b for b in box.buttons() if b.text() == answer)
                QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        elif left:
            QTimer.singleShot(10, lambda: look(left - 1))

    QTimer.singleShot(0, lambda: look(tries))
    return asked
