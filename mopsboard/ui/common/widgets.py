"""Small widgets and conversions more than one feature uses."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QColorDialog,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from mopsboard.domain.typed_days import read_day
from mopsboard.ui.common import theme
from mopsboard.ui.common.icons import Icon, icon


def qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    picked: date = value.toPython()  # type: ignore[assignment]
    return picked


_DATE_FORMAT = "yyyy-MM-dd"


def _locale_writes_day_first() -> bool:
    written = QLocale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return 0 <= written.find("d") < written.find("m")


def parse_day(text: str) -> QDate:
    """The date typed: ISO (2026-03-31), or as the user's locale writes dates (31.03.2026,
    03/31/2026), or with the month's name (31 Mar 2026); an invalid QDate for anything else."""
    found = read_day(text, dayfirst=_locale_writes_day_first())
    return qdate(found) if found is not None else QDate()


class TypedDate(QWidget):
    """A date typed as text, with a calendar to pick it from.

    What is typed stays as typed: unlike QDateEdit, whose sections turn a date typed over a
    selection into another one (2026 became 2025), this never rewrites the text. Text that is not
    a date reads as an invalid QDate and `problem` names it, so a dialog can refuse to save."""

    # On every change of the text: the date it reads as (invalid when it is not a date).
    dateChanged = Signal(QDate)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self.line = QLineEdit()
        self.line.setPlaceholderText("YYYY-MM-DD")
        self.line.setAccessibleName(label)
        self.line.textChanged.connect(lambda text: self.dateChanged.emit(parse_day(text)))
        # Once typed, a date in another form is shown as the field writes dates: the user sees
        # which day was understood (17.12.2026 -> 2026-12-17).
        self.line.editingFinished.connect(self._show_understood)
        self.calendar_button = QToolButton()
        self.calendar_button.setIcon(icon(Icon.CALENDAR_DAYS))
        self.calendar_button.setToolTip("Pick the date from a calendar")
        self.calendar_button.setAccessibleName(f"Pick the {label.lower()} from a calendar")
        self.calendar_button.clicked.connect(self._show_calendar)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        self._popup = QMenu(self)
        shown = QWidgetAction(self._popup)
        shown.setDefaultWidget(self.calendar)
        self._popup.addAction(shown)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.line)

    def date(self) -> QDate:
        return parse_day(self.line.text())

    # QDateEdit's name, which the dialogs and their tests call.
    def setDate(self, value: QDate) -> None:
        self.line.setText(value.toString(_DATE_FORMAT))

    def problem(self) -> str:
        """What is wrong with the text, in words ("" when it is a date)."""
        if self.date().isValid():
            return ""
        example = QDate(2026, 3, 31).toString(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
        return f"{self._label} is not a whole date, like 2026-03-31 or {example}"

    def _show_understood(self) -> None:
        understood = self.date()
        if understood.isValid() and self.line.text() != understood.toString(_DATE_FORMAT):
            self.setDate(understood)

    def set_read_only(self, read_only: bool) -> None:
        """Shown, to be read and copied, but neither typed over nor picked."""
        self.line.setReadOnly(read_only)
        self.calendar_button.setEnabled(not read_only)

    def _show_calendar(self) -> None:
        current = self.date()
        self.calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())
        self._popup.popup(
            self.calendar_button.mapToGlobal(self.calendar_button.rect().bottomLeft())
        )
        self.calendar.setFocus()

    def _picked(self, day: QDate) -> None:
        self._popup.hide()
        self.setDate(day)
        self.line.setFocus()


class OptionalDate(QWidget):
    """A date that may be left unset: a check box turns the typed date on."""

    def __init__(self, label: str, value: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox()
        self.enabled.setAccessibleName(f"Set {label.lower()}")
        self.picker = TypedDate(label)
        self.picker.setDate(qdate(value) if value else QDate.currentDate())
        self.enabled.setChecked(value is not None)
        self.picker.setEnabled(value is not None)
        self.enabled.toggled.connect(self.picker.setEnabled)
        self._last = value
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.picker, 1)

    def value(self) -> date | None:
        """The date, or None when it is unset. While the text is not a date (see `problem`),
        the last date it held: a dialog that checks `problem` never saves that."""
        if not self.enabled.isChecked():
            return None
        typed = self.picker.date()
        if typed.isValid():
            self._last = pydate(typed)
        return self._last if self._last is not None else pydate(QDate.currentDate())

    def problem(self) -> str:
        """What is wrong with the date typed ("" when it is a date, or unset)."""
        return self.picker.problem() if self.enabled.isChecked() else ""

    def set_read_only(self, read_only: bool) -> None:
        self.enabled.setEnabled(not read_only)
        self.picker.set_read_only(read_only)

    def set_value(self, value: date | None) -> None:
        self.enabled.setChecked(value is not None)
        if value is not None:
            self.picker.setDate(qdate(value))


def ask_to_discard(parent: QWidget, question: str) -> bool:
    """Asks before an editor throws away what was typed in it; True for Discard. Esc, or closing
    the box, keeps editing: nothing is lost by a key pressed once too often."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Unsaved changes")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(question)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


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
        # Words on the user's own colour: dark or light by that colour, whatever the scheme.
        text = theme.LIGHT.on_dark if QColor(self.colour).lightness() < 150 else theme.LIGHT.text
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


def row_table(
    columns: Sequence[str], name: str, spoken: str = "", *, many: bool = False
) -> QTableWidget:
    """A read-only table whose rows are picked whole (one at a time unless `many`), on one line
    each, without row numbers: the lists of dialogs (logs, time off, a template's tasks)."""
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    if spoken:
        table.setAccessibleName(spoken)
    table.setHorizontalHeaderLabels(list(columns))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if not many:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    return table
