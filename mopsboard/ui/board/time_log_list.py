"""The hours already logged on a task, in the Log time dialog (ui/board/log_time_dialog.py): one
row per entry (day, who, hours, note); a row picked to be changed in the dialog's form, or
deleted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.time_logs import TimeLog
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.widgets import row_table

COLUMNS = ("Day", "Who", "Hours", "Note")


class TimeLogList(QWidget):
    # The entry picked to be changed; None when none is (a new entry is being logged).
    picked = Signal(object)
    # Delete was pressed for this entry.
    deleteRequested = Signal(object)

    def __init__(self, nobody: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._nobody = nobody
        self.shown: list[TimeLog] = []
        self.title = QLabel("Logged so far")
        self.table = row_table(COLUMNS, "timeLogs", "Hours logged on this task")
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            mode = QHeaderView.ResizeMode
            header.setSectionResizeMode(
                column, mode.Stretch if column == len(COLUMNS) - 1 else mode.ResizeToContents
            )
        self.table.itemSelectionChanged.connect(lambda: self.picked.emit(self.current()))
        self.new_button = QPushButton(icon(Icon.PLUS), "New entry")
        self.new_button.setObjectName("newTimeLog")
        self.new_button.setAutoDefault(False)
        self.new_button.setToolTip("Log more hours rather than change the entry picked")
        self.new_button.clicked.connect(self.table.clearSelection)
        self.delete_button = QPushButton(icon(Icon.TRASH_2), "Delete entry")
        self.delete_button.setObjectName("deleteTimeLog")
        self.delete_button.setAutoDefault(False)
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._enable()
        self.picked.connect(lambda _log: self._enable())

    def current(self) -> TimeLog | None:
        rows = self.table.selectionModel().selectedRows()
        return self.shown[rows[0].row()] if rows else None

    def fill(self, logs: Sequence[TimeLog], names: Mapping[int, str], select: int | None) -> None:
        """Lists `logs` (naming people by `names`), the entry of id `select` picked."""
        self.shown = list(logs)
        self.table.blockSignals(True)
        try:
            # Emptied first: a current row that goes would hand its selection to the next.
            self.table.setRowCount(0)
            self.table.setRowCount(len(self.shown))
            for row, log in enumerate(self.shown):
                who = names.get(log.member_id, "") if log.member_id is not None else self._nobody
                cells = (log.day.isoformat(), who, f"{log.hours:g}", log.note)
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    if column == 3:
                        item.setToolTip(text)  # cut to the column's width otherwise
                    if column == 2:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    self.table.setItem(row, column, item)
            wanted = next((n for n, log in enumerate(self.shown) if log.id == select), None)
            if wanted is not None:
                self.table.selectRow(wanted)
        finally:
            self.table.blockSignals(False)
        self.setVisible(bool(self.shown))
        self.picked.emit(self.current())

    def _enable(self) -> None:
        picked = self.current() is not None
        self.delete_button.setEnabled(picked)
        self.new_button.setEnabled(picked)

    def _delete(self) -> None:
        log = self.current()
        if log is not None:
            self.deleteRequested.emit(log)
