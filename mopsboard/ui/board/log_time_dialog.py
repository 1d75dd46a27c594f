"""Log time on a task: hours, the day, who spent them and a note, saved as one undo step.

What it has logged so far is said against the estimate, so the person logging sees what is left
(what the capacity map plans for the days to come), and listed (ui/board/time_log_list.py): an
entry picked there is changed through the same form (Save entry) or deleted, each one undo step,
and the dialog stays open for the next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.models import Task
from mopsboard.domain.time_logs import MAX_HOURS_PER_LOG, TimeLog
from mopsboard.qt.board.time_actions import TimeActions
from mopsboard.ui.board.time_log_list import TimeLogList
from mopsboard.ui.common.enter_key import enter_presses

NOBODY = "Nobody in particular"


def so_far_text(task: Task, logged: float) -> str:
    if task.estimate_hours is None:
        return f"{logged:g} hours logged so far; the task has no estimate."
    left = max(0.0, task.estimate_hours - logged)
    return (
        f"{logged:g} of {task.estimate_hours:g} estimated hours logged so far; "
        f"{left:g} left to plan."
    )


class LogTimeDialog(QDialog):
    def __init__(
        self, parent: QWidget, actions: TimeActions, task_id: TaskId, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.time_actions = actions
        self.today = today or date.today()
        workspace = actions.workspace
        self.task = workspace.task(task_id)
        self.setWindowTitle(f"Log time \u2014 {self.task.title}")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("logHours")
        self.hours.setRange(0.25, MAX_HOURS_PER_LOG)
        self.hours.setDecimals(2)
        self.hours.setSingleStep(0.25)
        self.hours.setValue(1.0)
        self.hours.setSuffix(" h")
        self.day = QDateEdit()
        self.day.setObjectName("logDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(_qdate(self.today))
        self.member = QComboBox()
        self.member.setObjectName("logMember")
        self.member.addItem(NOBODY, None)
        for member in workspace.members(include_inactive=False):
            self.member.addItem(member.name, member.id)
        assignee = self.task.assignee_id
        if assignee is not None and self.member.findData(assignee) < 0:
            self.member.addItem(workspace.member(assignee).name, assignee)
        self._assignee_row = max(0, self.member.findData(assignee))
        self.member.setCurrentIndex(self._assignee_row)
        self._names = {
            int(member.key): member.name for member in workspace.members(include_inactive=True)
        }
        self.note = QLineEdit()
        self.note.setObjectName("logNote")
        self.note.setPlaceholderText("What was done (optional)")
        self.so_far = QLabel(so_far_text(self.task, actions.logged_hours(task_id)))
        self.so_far.setObjectName("logSoFar")
        self.so_far.setWordWrap(True)
        self.so_far.setProperty("tone", "soft")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.log_button = self.buttons.addButton("Log", QDialogButtonBox.ButtonRole.AcceptRole)
        self.log_button.setObjectName("logTime")
        self.buttons.accepted.connect(self._log)
        self.buttons.rejected.connect(self.reject)
        # Whether the form holds an entry picked in the list (being changed).
        self._changing = False
        self.logs = TimeLogList(NOBODY)
        self.logs.picked.connect(self._show_entry)
        self.logs.deleteRequested.connect(self._delete)
        form = QFormLayout()
        form.addRow("Hours", self.hours)
        form.addRow("Day", self.day)
        form.addRow("Who", self.member)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.so_far)
        layout.addWidget(self.logs, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        enter_presses(self, self.log_button)
        self._refresh(None)
        self._type_hours()

    def _type_hours(self) -> None:
        """The hours are typed first: their field has the focus with its text selected, so what
        is typed replaces "1.00" (the spin box selects it only when reached with Tab)."""
        self.hours.setFocus()
        self.hours.selectAll()

    def _refresh(self, select: int | None) -> None:
        actions = self.time_actions
        self.so_far.setText(so_far_text(self.task, actions.logged_hours(self.task.key)))
        self.logs.fill(actions.time_logs(self.task.key), self._names, select)

    def _show_entry(self, log: TimeLog | None) -> None:
        """Fills the form with the entry picked (to change it), or for a new one."""
        self.log_button.setText("Save entry" if log is not None else "Log")
        if log is None:
            if self._changing:
                # Back from changing an entry: the form is a new one's again.
                self.hours.setValue(1.0)
                self.day.setDate(_qdate(self.today))
                self.member.setCurrentIndex(self._assignee_row)
                self.note.clear()
            self._changing = False
            self._type_hours()
            return
        self._changing = True
        self.hours.setValue(log.hours)
        self.day.setDate(_qdate(log.day))
        self.member.setCurrentIndex(max(0, self.member.findData(log.member_id)))
        self.note.setText(log.note)
        self._type_hours()

    def _member(self) -> MemberId | None:
        chosen = self.member.currentData()
        return None if chosen is None else MemberId(int(chosen))

    def _log(self) -> None:
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        entry = self.logs.current()
        if entry is not None:
            values = {
                "member_id": self._member(),
                "day": day,
                "hours": self.hours.value(),
                "note": self.note.text(),
            }
            changed = self.time_actions.edit_time_log(entry.model_copy(update=values))
            if changed is not None:
                self._refresh(changed.key)
            return
        logged = self.time_actions.log_time(
            self.task.key, self._member(), day, self.hours.value(), self.note.text()
        )
        if logged is not None:
            self.accept()

    def _delete(self, log: TimeLog) -> None:
        if self.time_actions.delete_time_log(log):
            self._refresh(None)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
