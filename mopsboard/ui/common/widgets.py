"""Small widgets and conversions more than one feature uses."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from mopsboard.ui.common import theme


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    picked: date = value.toPython()  # type: ignore[assignment]
    return picked


class OptionalDate(QWidget):
    """A date that may be left unset: a check box turns the date picker on."""

    def __init__(self, label: str, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(f"Set {label.lower()}")
        self.picker = QDateEdit()
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd")
        self.picker.setAccessibleName(label)
        self.picker.setDate(qdate(value) if value else QDate.currentDate())
        self.enabled.setChecked(value is not None)
        self.picker.setEnabled(value is not None)
        self.enabled.toggled.connect(self.picker.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.picker, 1)

    def value(self) -> date | None:
        if not self.enabled.isChecked():
            return None
        return pydate(self.picker.date())

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.picker.setDate(qdate(value))


class EntryLine(QLineEdit):
    """A line whose Enter is its own (`returnPressed`, to add what was typed): in a dialog, it
    does not also press the default button, so one can add item after item."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # QLineEdit leaves Enter to its dialog once it has emitted returnPressed.
            event.accept()


class ColourButton(QPushButton):
    """Shows a colour; a click opens the colour picker."""

    def __init__(self, colour: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.setAccessibleName("Colour")
        self.setMinimumWidth(110)
        self.clicked.connect(self._pick)
        self._show()

    def _show(self) -> None:
        text = theme.ON_DARK if QColor(self.colour).lightness() < 150 else theme.TEXT
        self.setText(self.colour)
        self.setStyleSheet(
            f"QPushButton {{ background: {self.colour}; color: {text}; border-radius: 4px;"
            f" padding: 4px 10px; border: 1px solid {theme.BORDER}; }}"
        )

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour), self, "Choose a colour")
        if chosen.isValid():
            self.set_colour(chosen.name())

    def set_colour(self, colour: str) -> None:
        self.colour = colour
        self._show()
