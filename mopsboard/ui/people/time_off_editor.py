"""A person's time off in the team manager: a list, and a line to add an entry or change the
chosen one. Like the other forms it only builds drafts; the dialog saves them."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.models import TimeOff
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.widgets import pydate, qdate, row_table
from mopsboard.ui.people.people_forms import ProblemLabels


class TimeOffEditor(QWidget):
    """A person's time off: a list, and a line to add an entry or change the chosen one."""

    addRequested = Signal(object)  # a TimeOff without id
    updateRequested = Signal(object)  # an edited TimeOff
    removeRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member_id: int | None = None
        self.entries: list[TimeOff] = []
        self.problems = ProblemLabels()
        self.table = row_table(["First day", "Last day", "Reason"], "timeOffTable")
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._chosen)
        self.first = QDateEdit()
        self.first.setObjectName("timeOffFirst")
        self.last = QDateEdit()
        self.last.setObjectName("timeOffLast")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate())
        self.first.dateChanged.connect(
            lambda day: self.last.setDate(day) if self.last.date() < day else None
        )
        self.reason = QLineEdit()
        self.reason.setObjectName("timeOffReason")
        self.reason.setPlaceholderText("Vacation, training, conference\u2026")
        self.add = QPushButton(icon(Icon.PLUS), "Add")
        self.add.setObjectName("addTimeOff")
        self.add.clicked.connect(lambda: self._emit(new=True))
        self.update_button = QPushButton("Save changes")
        self.update_button.setObjectName("updateTimeOff")
        self.update_button.clicked.connect(lambda: self._emit(new=False))
        self.remove = QPushButton(icon(Icon.TRASH_2), "Remove")
        self.remove.setObjectName("removeTimeOff")
        self.remove.clicked.connect(self._remove)
        line = QHBoxLayout()
        line.addWidget(self.first)
        line.addWidget(QLabel("to"))
        line.addWidget(self.last)
        line.addWidget(self.reason, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.add, self.update_button, self.remove):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("Time off")
        title.setStyleSheet("font-weight: 700;")
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addLayout(line)
        for field in ("", "reason"):
            layout.addWidget(self.problems.make(field))
        layout.addLayout(buttons)
        self._chosen()

    def load(self, member_id: int | None, entries: list[TimeOff]) -> None:
        chosen = self.chosen()
        self.member_id = member_id
        self.entries = entries
        self.problems.clear()
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            values = (entry.start_date.isoformat(), entry.end_date.isoformat(), entry.reason)
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.clearSelection()
        if chosen is not None:
            for row, entry in enumerate(entries):
                if entry.id == chosen.id:
                    self.table.selectRow(row)
        self.setEnabled(member_id is not None)
        self._chosen()

    def chosen(self) -> TimeOff | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.entries[min(rows)] if rows and min(rows) < len(self.entries) else None

    def _chosen(self) -> None:
        entry = self.chosen()
        self.update_button.setEnabled(entry is not None)
        self.remove.setEnabled(entry is not None)
        if entry is not None:
            self.first.setDate(qdate(entry.start_date))
            self.last.setDate(qdate(entry.end_date))
            self.reason.setText(entry.reason)

    def _emit(self, *, new: bool) -> None:
        if self.member_id is None:
            return
        chosen = None if new else self.chosen()
        base = chosen.model_dump() if chosen is not None else {}
        values = base | {
            "member_id": self.member_id,
            "start_date": pydate(self.first.date()),
            "end_date": pydate(self.last.date()),
            "reason": self.reason.text(),
        }
        try:
            entry = TimeOff.model_validate(values)
        except ValidationError as error:
            self.problems.show(error)
            return
        self.problems.clear()
        (self.addRequested if new else self.updateRequested).emit(entry)

    def _remove(self) -> None:
        entry = self.chosen()
        if entry is not None and entry.id is not None:
            self.removeRequested.emit(entry.id)
