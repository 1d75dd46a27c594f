"""The person form of Teams and people: a member's week, holidays, limits, rate and the weeks they
work here, with their problems in words; the dialog saves through the undoable actions."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mopsboard.domain.calendar import holiday_countries, is_known_holiday_country, weekdays_text
from mopsboard.domain.capacity import daily_hours
from mopsboard.domain.models import Member, Team
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.widgets import OptionalDate
from mopsboard.ui.people.people_forms import (
    DAY_NAMES,
    NO_COUNTRY,
    ProblemLabels,
    rate_field,
    rate_text,
)


class MemberForm(QWidget):
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.member: Member | None = None
        self.problems = ProblemLabels()
        days_row = self._build_week_fields()
        self._build_other_fields()
        self._connect_signals()
        self._build_layout(days_row)

    # -- building -------------------------------------------------------------------------------

    def _build_week_fields(self) -> QHBoxLayout:
        """The name, team, hours and working days; gives back the row of day boxes."""
        self.name = QLineEdit()
        self.name.setObjectName("memberName")
        self.team = QComboBox()
        self.team.setObjectName("memberTeam")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("memberHours")
        self.hours.setRange(0, 168)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(1)
        self.hours.setSuffix(" h a week")
        self.days = [QCheckBox(name) for name in DAY_NAMES]
        days_row = QHBoxLayout()
        days_row.setSpacing(4)
        for box, name in zip(self.days, DAY_NAMES, strict=True):
            box.setObjectName(f"memberDay{name}")
            days_row.addWidget(box)
        days_row.addStretch(1)
        return days_row

    def _build_other_fields(self) -> None:
        self.availability = QSpinBox()
        self.availability.setObjectName("memberAvailability")
        self.availability.setRange(0, 100)
        self.availability.setSuffix(" % for planned work")
        self.country = QComboBox()
        self.country.setObjectName("memberCountry")
        self.country.setEditable(True)
        self.country.addItem(NO_COUNTRY, None)
        for code, name in holiday_countries():
            self.country.addItem(f"{code} \u2014 {name}", code)
        self.country.setToolTip(
            "Public holidays are days off. A region can be given as a code such as US-CA or GB-ENG."
        )
        self.wip = QSpinBox()
        self.wip.setObjectName("memberWip")
        self.wip.setRange(0, 1000)
        self.wip.setSpecialValueText("No limit")
        self.wip.setSuffix(" tasks in progress")
        self.rate = rate_field(
            "memberRate",
            "What an hour of this person's work costs, for the campaigns' planned and actual "
            "cost; empty: their team's rate, if it has one.",
        )
        self.active_from = OptionalDate("First day", None)
        self.active_from.setObjectName("memberActiveFrom")
        self.active_from.setToolTip(
            "Someone engaged for some weeks (a contractor): no hours before"
        )
        self.active_until = OptionalDate("Last day", None)
        self.active_until.setObjectName("memberActiveUntil")
        self.active_until.setToolTip(
            "Someone engaged for some weeks (a contractor): no hours after"
        )
        self.active = QCheckBox("Active (shown on the capacity map and in pickers)")
        self.active.setObjectName("memberActive")
        self.week = QLabel()
        self.week.setObjectName("memberWeek")
        self.week.setWordWrap(True)
        self.week.setProperty("tone", "soft")
        self.save = QPushButton(icon(Icon.SAVE), "Save person")
        self.save.setObjectName("saveMember")
        self.save.setDefault(True)
        self.save.clicked.connect(self.saveRequested.emit)

    def _connect_signals(self) -> None:
        for signal in (self.hours.valueChanged, self.availability.valueChanged):
            signal.connect(self._update_week)
        for box in self.days:
            box.toggled.connect(self._update_week)
        self.active.toggled.connect(self._update_week)
        for bound in (self.active_from, self.active_until):
            bound.enabled.toggled.connect(self._update_week)
            bound.picker.dateChanged.connect(self._update_week)
        self.country.currentTextChanged.connect(self._update_week)

    def _build_layout(self, days_row: QHBoxLayout) -> None:
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("", self.problems.make("name"))
        form.addRow("Team", self.team)
        form.addRow("Weekly hours", self.hours)
        form.addRow("", self.problems.make("weekly_hours"))
        form.addRow("Working days", days_row)
        form.addRow("", self.problems.make("working_days"))
        form.addRow("Availability", self.availability)
        form.addRow("Holidays of", self.country)
        form.addRow("", self.problems.make("holiday_country"))
        form.addRow("WIP limit", self.wip)
        form.addRow("Hourly rate", self.rate)
        form.addRow("", self.problems.make("hourly_rate"))
        form.addRow("Works from", self.active_from)
        form.addRow("Works until", self.active_until)
        form.addRow("", self.problems.make("active_until"))
        form.addRow("", self.active)
        form.addRow("", self.week)
        form.addRow("", self.problems.make(""))
        form.addRow("", self.save)

    def load(self, member: Member, teams: list[Team]) -> None:
        self.member = member
        self.problems.clear()
        self.team.clear()
        for team in teams:
            suffix = " (archived)" if team.archived else ""
            self.team.addItem(team.name + suffix, team.id)
        self.team.setCurrentIndex(max(0, self.team.findData(member.team_id)))
        self.name.setText(member.name)
        self.hours.setValue(member.weekly_hours)
        for number, box in enumerate(self.days, start=1):
            box.setChecked(str(number) in member.working_days)
        self.availability.setValue(round(member.availability * 100))
        index = self.country.findData(member.holiday_country)
        if index >= 0:
            self.country.setCurrentIndex(index)
        else:
            self.country.setEditText(member.holiday_country or NO_COUNTRY)
        self.wip.setValue(member.wip_limit or 0)
        self.rate.setText(rate_text(member.hourly_rate))
        self.active.setChecked(member.active)
        self.active_from.set_value(member.active_from)
        self.active_until.set_value(member.active_until)
        self.save.setText("Add person" if member.id is None else "Save person")
        self._update_week()

    def _country_code(self) -> str | None:
        text = self.country.currentText().strip()
        if not text or text == NO_COUNTRY:
            return None
        index = self.country.findText(text)
        if index >= 0:
            data = self.country.itemData(index)
            return str(data) if data else None
        return text.split("\u2014")[0].strip()

    def _values(self) -> dict[str, Any]:
        base = self.member.model_dump() if self.member else {}
        return base | {
            "name": self.name.text(),
            "team_id": self.team.currentData(),
            "weekly_hours": self.hours.value(),
            "working_days": "".join(
                str(n) for n, box in enumerate(self.days, 1) if box.isChecked()
            ),
            "availability": self.availability.value() / 100,
            "holiday_country": self._country_code(),
            "wip_limit": self.wip.value() or None,
            "hourly_rate": self.rate.text().strip() or None,
            "active": self.active.isChecked(),
            "active_from": self.active_from.value(),
            "active_until": self.active_until.value(),
        }

    def _engagement_problem(self) -> str:
        """What is wrong with the first and last day, in words ("" when nothing), as typed."""
        typed = self.active_from.problem() or self.active_until.problem()
        if typed:
            return typed
        first, last = self.active_from.value(), self.active_until.value()
        if first and last and last < first:
            return f"The last day {last.isoformat()} is before the first ({first.isoformat()})."
        return ""

    def _show_engagement_problem(self) -> bool:
        """Shows (or clears) the dates' problem by the dates; True when there is one."""
        label = self.problems.labels["active_until"]
        problem = self._engagement_problem()
        label.setText(problem)
        label.setVisible(bool(problem))
        return bool(problem)

    def _update_week(self, *_args: object) -> None:
        self._show_engagement_problem()
        try:
            member = Member.model_validate(self._values() | {"name": "x", "team_id": 1})
        except ValidationError:
            self.week.setText("")
            return
        daily = daily_hours(member)
        days = len(member.weekdays)
        text = (
            f"{daily:.3g} h on each of {days} working day{'s' if days != 1 else ''}: "
            f"{daily * days:.3g} h a week for planned work."
            if member.active
            else "Inactive: no hours on the capacity map."
        )
        if member.active and (member.active_from or member.active_until):
            text += " " + engagement_text(member)
        code = member.holiday_country
        if code and not is_known_holiday_country(code):
            text += f" mopsboard knows no public holidays for {code}; none are taken off."
        self.week.setText(text)

    def draft(self) -> Member | None:
        if self._show_engagement_problem():
            return None
        try:
            member = Member.model_validate(self._values())
        except ValidationError as error:
            self.problems.show(error)
            return None
        self.problems.clear()
        return member


def engagement_text(member: Member) -> str:
    first, last = member.active_from, member.active_until
    if first and last:
        return f"Works here from {first.isoformat()} to {last.isoformat()} only."
    if first:
        return f"Works here from {first.isoformat()}."
    return f"Works here until {last.isoformat() if last else ''}."


def member_label(member: Member) -> str:
    days = weekdays_text(member.working_days)
    text = f"{member.name} \u00b7 {member.weekly_hours:g} h, {days}"
    return text + (" (inactive)" if not member.active else "")
