"""Log time on a task: hours, the day, who spent them and a note, saved as one undo step.

What it has logged so far is said against the estimate, so the person logging sees what is left
(what the capacity map plans for the days to come)."""

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
from mopsboard.domain.time_logs import MAX_HOURS_PER_LOG
from mopsboard.qt.board.time_actions import TimeActions

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
        shown = today or date.today()
        self.day.setDate(QDate(shown.year, shown.month, shown.day))
        self.member = QComboBox()
        self.member.setObjectName("logMember")
        self.member.addItem(NOBODY, None)
        for member in workspace.members(include_inactive=False):
            self.member.addItem(member.name, member.id)
        assignee = self.task.assignee_id
        if assignee is not None and self.member.findData(assignee) < 0:
            self.member.addItem(workspace.member(assignee).name, assignee)
        self.member.setCurrentIndex(max(0, self.member.findData(assignee)))
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
        self.log_button.setDefault(True)
        self.buttons.accepted.connect(self._log)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Hours", self.hours)
        form.addRow("Day", self.day)
        form.addRow("Who", self.member)
        form.addRow("Note", self.note)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.so_far)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)

    def _log(self) -> None:
        chosen = self.member.currentData()
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        logged = self.time_actions.log_time(
            self.task.key,
            None if chosen is None else MemberId(int(chosen)),
            day,
            self.hours.value(),
            self.note.text(),
        )
        if logged is not None:
            self.accept()
