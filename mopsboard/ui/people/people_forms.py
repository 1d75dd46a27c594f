"""The team manager's shared form parts (problem lines, rate fields) and the team form; the
person form is member_form.py. Forms only build drafts and show problems in words; the dialog
saves through the undoable actions."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from mopsboard.domain.capacity import daily_hours
from mopsboard.domain.errors import validation_messages
from mopsboard.domain.fields import HEX_COLOUR
from mopsboard.domain.models import Member, Team, TeamKind
from mopsboard.ui.common import theme
from mopsboard.ui.common.icons import Icon, icon

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
KIND_WORDS = {
    TeamKind.INTERNAL: "Internal team",
    TeamKind.AGENCY: "Agency",
    TeamKind.PARTNER: "Partner (product, legal, IT\u2026)",
}
NO_COUNTRY = "No public holidays"
# A new team's colour is user data: its default is the domain model's.
DEFAULT_TEAM_COLOUR: str = Team.model_fields["colour"].default


class ProblemLabels:
    """A red line under each field that has a problem, in words."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def make(self, field: str) -> QLabel:
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.hide()
        self.labels[field] = label
        return label

    def show(self, error: ValidationError) -> None:
        self.clear()
        for field, sentence in validation_messages(error).items():
            label = self.labels.get(field) or self.labels[""]
            label.setText(sentence if not label.text() else f"{label.text()} {sentence}")
            label.show()

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()


def rate_field(name: str, tip: str) -> QLineEdit:
    """An hourly rate: a number, or empty for not known (0 is a rate: the work is free)."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setPlaceholderText("Not known")
    field.setToolTip(tip)
    return field


def rate_text(rate: float | None) -> str:
    return "" if rate is None else f"{rate:g}"


class TeamForm(QWidget):
    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team: Team | None = None
        self.problems = ProblemLabels()
        self.name = QLineEdit()
        self.name.setObjectName("teamName")
        self.kind = QComboBox()
        self.kind.setObjectName("teamKind")
        for kind, words in KIND_WORDS.items():
            self.kind.addItem(words, kind.value)
        self.colour = QLineEdit()
        self.colour.setObjectName("teamColour")
        self.colour.setPlaceholderText(DEFAULT_TEAM_COLOUR)
        pick = QToolButton()
        pick.setText("Pick\u2026")
        pick.clicked.connect(self._pick_colour)
        self.swatch = QLabel()
        self.swatch.setFixedSize(22, 22)
        self.colour.textChanged.connect(self._show_swatch)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(self.colour, 1)
        colour_row.addWidget(pick)
        self.rate = rate_field(
            "teamRate",
            "What an hour of this team's work costs (an agency's rate), for the campaigns' "
            "planned and actual cost; its people's own rates come first.",
        )
        self.summary = QLabel()
        self.summary.setObjectName("teamSummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("tone", "soft")
        self.save = QPushButton(icon(Icon.SAVE), "Save team")
        self.save.setObjectName("saveTeam")
        self.save.setDefault(True)
        self.save.clicked.connect(self.saveRequested.emit)
        form = QFormLayout(self)
        form.addRow("Name", self.name)
        form.addRow("", self.problems.make("name"))
        form.addRow("Kind", self.kind)
        form.addRow("Colour", colour_row)
        form.addRow("", self.problems.make("colour"))
        form.addRow("Hourly rate", self.rate)
        form.addRow("", self.problems.make("hourly_rate"))
        form.addRow("", self.summary)
        form.addRow("", self.problems.make(""))
        form.addRow("", self.save)

    def _show_swatch(self, text: str) -> None:
        colour = text.strip() if HEX_COLOUR.match(text.strip()) else "transparent"
        self.swatch.setStyleSheet(
            f"background: {colour}; border: 1px solid {theme.BORDER}; border-radius: 4px;"
        )

    def load(self, team: Team, members: list[Member] | None = None) -> None:
        self.team = team
        people = [m for m in members or [] if m.active]
        hours = sum(daily_hours(m) * len(m.weekdays) for m in people)
        self.summary.setText(
            f"{len(people)} active {'person' if len(people) == 1 else 'people'}: "
            f"{hours:.4g} h a week for planned work, before time off and holidays."
            if team.id is not None
            else "Add the team, then its people."
        )
        self.problems.clear()
        self.name.setText(team.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(team.kind.value)))
        self.colour.setText(team.colour)
        self.rate.setText(rate_text(team.hourly_rate))
        self.save.setText("Add team" if team.id is None else "Save team")

    def _pick_colour(self) -> None:
        from PySide6.QtGui import QColor

        current = QColor(self.colour.text() or DEFAULT_TEAM_COLOUR)
        chosen = QColorDialog.getColor(current, self, "Team colour")
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def draft(self) -> Team | None:
        """The team as the form says, or None (with the problems shown)."""
        base = self.team.model_dump() if self.team else {}
        values = base | {
            "name": self.name.text(),
            "kind": self.kind.currentData(),
            "colour": self.colour.text().strip() or DEFAULT_TEAM_COLOUR,
            "hourly_rate": self.rate.text().strip() or None,
        }
        try:
            team = Team.model_validate(values)
        except ValidationError as error:
            self.problems.show(error)
            return None
        self.problems.clear()
        return team


def team_label(team: Team) -> str:
    return f"{team.name} \u00b7 {team.kind.value}" + (" (archived)" if team.archived else "")
