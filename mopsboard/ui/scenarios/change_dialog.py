"""Add a change to a scenario: one small form per kind of change (a campaign picker and days
for a shift, a task found by its title for a cut, and so on). Enter adds the change, Esc
cancels; what cannot be a change (a shift of 0 days, a last day before the first) is said in
the dialog, which stays open.

The dialog only drafts the change: the page hands it to the scenario's undoable actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from pydantic import ValidationError
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import describe
from mopsboard.domain.scenarios import (
    MAX_DAYS,
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ScenarioChange,
    ShiftCampaign,
    TimeOffChange,
)
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.enter_key import enter_presses
from mopsboard.ui.common.widgets import TypedDate, pydate, qdate
from mopsboard.ui.scenarios.pickers import (
    CampaignPicker,
    OwnerPicker,
    TaskPicker,
    team_words,
)


@dataclass(frozen=True)
class Kind:
    key: str
    menu: str
    title: str


# In the order the Add change menu offers them.
KINDS = (
    Kind("shift_campaign", "Shift a campaign\u2026", "Shift a campaign"),
    Kind("cut_task", "Cut a task\u2026", "Cut a task"),
    Kind("defer_task", "Defer a task\u2026", "Defer a task"),
    Kind("reassign_task", "Hand a task to someone else\u2026", "Hand a task to someone else"),
    Kind("add_capacity", "Add temporary capacity\u2026", "Add temporary capacity"),
    Kind("change_availability", "Change someone's availability\u2026", "Change availability"),
    Kind("time_off", "Time off for someone\u2026", "Time off"),
)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}


def _date_edit(name: str, label: str, day: date) -> TypedDate:
    # Typed, as in the task and person forms: a QDateEdit read a typed day or month wrongly.
    edit = TypedDate(label)
    edit.setObjectName(name)
    edit.setDate(qdate(day))
    return edit


def _days_box(name: str, low: int) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setAccessibleName("Days")
    box.setRange(low, MAX_DAYS)
    box.setSuffix(" days")
    box.setValue(7)
    return box


class ChangeDialog(QDialog):
    """The form of one kind of change; `change` is the drafted change once accepted."""

    def __init__(
        self, parent: QWidget, workspace: Workspace, kind: str, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.kind = KIND_BY_KEY[kind]
        self.today = today or date.today()
        self.change: ScenarioChange | None = None
        # The field typed in first: it has the focus with its text selected when the dialog
        # shows, so what is typed replaces it.
        self._first: QLineEdit | QAbstractSpinBox | None = None
        self.setObjectName("scenarioChangeDialog")
        self.setWindowTitle(self.kind.title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setObjectName("scenarioChangeProblem")
        self.problem.setProperty("tone", "warning")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(
            "Add change", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.add_button.setObjectName("addScenarioChange")
        self.buttons.accepted.connect(self._add)
        self.buttons.rejected.connect(self.reject)
        self._draft: Callable[[], ScenarioChange | None] = self._build(kind)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        enter_presses(self, self.add_button)

    # -- the forms ------------------------------------------------------------------------------

    def _build(self, kind: str) -> Callable[[], ScenarioChange | None]:
        builders: dict[str, Callable[[], Callable[[], ScenarioChange | None]]] = {
            "shift_campaign": self._shift_form,
            "cut_task": self._cut_form,
            "defer_task": self._defer_form,
            "reassign_task": self._reassign_form,
            "add_capacity": self._capacity_form,
            "change_availability": self._availability_form,
            "time_off": self._time_off_form,
        }
        return builders[kind]()

    def _task_picker(self) -> TaskPicker:
        ws = self.workspace
        campaigns: dict[int, str] = {c.key: c.name for c in ws.campaigns(include_archived=True)}
        picker = TaskPicker(ws.tasks(), campaigns)
        self.form.addRow("Task", picker)
        self._first = picker.search
        return picker

    def _person_picker(self) -> OwnerPicker:
        ws = self.workspace
        picker = OwnerPicker(ws.members(include_inactive=False), ws.teams(), people_only=True)
        picker.setObjectName("scenarioPerson")
        self.form.addRow("Person", picker)
        return picker

    def _shift_form(self) -> Callable[[], ScenarioChange | None]:
        campaigns = CampaignPicker(self.workspace.campaigns())
        days = QSpinBox()
        days.setObjectName("scenarioShiftDays")
        days.setAccessibleName("Days later (negative: earlier)")
        days.setRange(-MAX_DAYS, MAX_DAYS)
        days.setSuffix(" days")
        days.setValue(7)
        said = QLabel()
        said.setObjectName("scenarioShiftSaid")
        said.setProperty("tone", "soft")
        said.setWordWrap(True)

        def say() -> None:
            picked = campaigns.campaign_id()
            count = days.value()
            if picked is None:
                said.setText("There is no campaign to shift.")
                return
            launch = self.workspace.campaign(picked).launch_date
            way = "later" if count >= 0 else "earlier"
            moved = (
                f": launch {launch:%d %b %Y} \u2192 {launch + timedelta(days=count):%d %b %Y}"
                if launch is not None
                else ""
            )
            said.setText(f"{abs(count)} calendar days {way}, with all its tasks{moved}")

        campaigns.currentIndexChanged.connect(lambda _i: say())
        days.valueChanged.connect(lambda _v: say())
        self.form.addRow("Campaign", campaigns)
        self.form.addRow("Move by", days)
        self.form.addRow("", said)
        say()
        self._first = days

        def draft() -> ScenarioChange | None:
            picked = campaigns.campaign_id()
            if picked is None:
                return None
            return ShiftCampaign(campaign_id=picked, days=days.value())

        return draft

    def _cut_form(self) -> Callable[[], ScenarioChange | None]:
        picker = self._task_picker()

        def draft() -> ScenarioChange | None:
            task = picker.task()
            return CutTask(task_id=task.key) if task is not None else None

        return draft

    def _defer_form(self) -> Callable[[], ScenarioChange | None]:
        picker = self._task_picker()
        days = _days_box("scenarioDeferDays", 1)
        self.form.addRow("Later by", days)

        def draft() -> ScenarioChange | None:
            task = picker.task()
            return DeferTask(task_id=task.key, days=days.value()) if task is not None else None

        return draft

    def _reassign_form(self) -> Callable[[], ScenarioChange | None]:
        picker = self._task_picker()
        ws = self.workspace
        owner = OwnerPicker(ws.members(include_inactive=False), ws.teams())
        self.form.addRow("Hand to", owner)

        def draft() -> ScenarioChange | None:
            task, to = picker.task(), owner.owner()
            if task is None or to is None:
                return None
            return ReassignTask(task_id=task.key, assignee_id=to.member_id, team_id=to.team_id)

        return draft

    def _capacity_form(self) -> Callable[[], ScenarioChange | None]:
        team = QComboBox()
        team.setObjectName("scenarioTeam")
        team.setAccessibleName("Team")
        for each in self.workspace.teams():
            team.addItem(team_words(each), each.key)
        name = QLineEdit("Contractor")
        name.setObjectName("scenarioCapacityName")
        name.setAccessibleName("Name")
        hours = QDoubleSpinBox()
        hours.setObjectName("scenarioCapacityHours")
        hours.setAccessibleName("Hours a week")
        hours.setRange(0.5, 168)
        hours.setDecimals(1)
        hours.setValue(20)
        hours.setSuffix(" h a week")
        monday = self.today - timedelta(days=self.today.weekday())
        first = _date_edit("scenarioCapacityFirst", "First day", monday)
        last = _date_edit("scenarioCapacityLast", "Last day", monday + timedelta(days=25))
        rate = QDoubleSpinBox()
        rate.setObjectName("scenarioCapacityRate")
        rate.setAccessibleName("Hourly rate")
        rate.setRange(0, 1_000_000)
        rate.setDecimals(2)
        rate.setSpecialValueText("not known")
        for label, widget in (
            ("Team", team),
            ("Name", name),
            ("Hours", hours),
            ("First day", first),
            ("Last day", last),
            ("Hourly rate", rate),
        ):
            self.form.addRow(label, widget)
        self._first = name

        def draft() -> ScenarioChange | None:
            if team.currentData() is None:
                return None
            return AddCapacity.model_validate(
                {
                    "team_id": int(team.currentData()),
                    "name": name.text(),
                    "weekly_hours": hours.value(),
                    "first": pydate(first.date()),
                    "last": pydate(last.date()),
                    "hourly_rate": rate.value() or None,
                }
            )

        return draft

    def _availability_form(self) -> Callable[[], ScenarioChange | None]:
        person = self._person_picker()
        share = QSpinBox()
        share.setObjectName("scenarioAvailability")
        share.setAccessibleName("Share of their hours for planned work")
        share.setRange(0, 100)
        share.setSuffix(" % of their hours")
        share.setValue(50)
        self.form.addRow("Available", share)
        self._first = share

        def draft() -> ScenarioChange | None:
            who = person.owner()
            if who is None or who.member_id is None:
                return None
            return ChangeAvailability(member_id=who.member_id, availability=share.value() / 100)

        return draft

    def _time_off_form(self) -> Callable[[], ScenarioChange | None]:
        person = self._person_picker()
        first = _date_edit("scenarioOffFirst", "First day off", self.today)
        last = _date_edit("scenarioOffLast", "Last day off", self.today + timedelta(days=4))
        reason = QLineEdit()
        reason.setObjectName("scenarioOffReason")
        reason.setAccessibleName("Reason")
        reason.setPlaceholderText("Optional, such as a conference")
        self.form.addRow("First day", first)
        self.form.addRow("Last day", last)
        self.form.addRow("Reason", reason)

        def draft() -> ScenarioChange | None:
            who = person.owner()
            if who is None or who.member_id is None:
                return None
            return TimeOffChange(
                member_id=who.member_id,
                first=pydate(first.date()),
                last=pydate(last.date()),
                reason=reason.text(),
            )

        return draft

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._first is not None:
            self._first.setFocus()
            self._first.selectAll()

    # -- adding ---------------------------------------------------------------------------------

    def _add(self) -> None:
        problems = [field.problem() for field in self.findChildren(TypedDate) if field.problem()]
        if problems:
            self._say("\n".join(problems))
            return
        try:
            change = self._draft()
        except ValidationError as error:
            self._say(describe(error))
            return
        if change is None:
            self._say("Pick what the change is about first.")
            return
        self.change = change
        self.accept()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()


def draft_change(
    parent: QWidget, workspace: Workspace, kind: str, today: date | None = None
) -> ScenarioChange | None:
    """Asks for a change of `kind`; the change, or None when cancelled."""
    dialog = ChangeDialog(parent, workspace, kind, today)
    return dialog.change if dialog.exec() == QDialog.DialogCode.Accepted else None
