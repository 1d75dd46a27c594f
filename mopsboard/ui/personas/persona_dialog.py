"""The persona editor: name, description, colour and place on the grid, problems in words."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import validation_messages
from mopsboard.domain.models import Persona
from mopsboard.ui.common.form_errors import FieldErrors
from mopsboard.ui.common.widgets import ColourButton


def _coordinate(value: float, name: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setRange(-1.0, 1.0)
    box.setSingleStep(0.05)
    box.setDecimals(2)
    box.setValue(value)
    return box


class PersonaDialog(QDialog):
    def __init__(self, persona: Persona, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaDialog")
        self.setWindowTitle(f"Edit persona \u2014 {persona.name}" if persona.id else "New persona")
        self.original = persona
        self.result_persona: Persona | None = None
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.labels
        self.resize(480, 400)
        self.name = QLineEdit(persona.name)
        self.name.setObjectName("personaName")
        self.description = QPlainTextEdit(persona.description)
        self.description.setObjectName("personaDescription")
        self.description.setPlaceholderText("What this persona does, or who this audience is")
        self.colour = ColourButton(persona.colour)
        self.colour.setObjectName("personaColour")
        self.grid_x = _coordinate(persona.x, "personaX")
        self.grid_x.setToolTip("-1: technology \u2026 +1: creativity and arts")
        self.grid_y = _coordinate(persona.y, "personaY")
        self.grid_y.setToolTip("-1: emotional \u2026 +1: rational decision-making")
        form = QFormLayout()
        for label, widget, field in (
            ("&Name", self.name, "name"),
            ("&Description", self.description, "description"),
            ("&Colour", self.colour, "colour"),
            ("Technology \u2194 &creativity", self.grid_x, "x"),
            ("Emotional \u2194 &rational", self.grid_y, "y"),
        ):
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, self.field_errors.wrap(widget, field))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("savePersona")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.field_errors.form)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self.validate)
        self.description.textChanged.connect(self.validate)
        self.colour.clicked.connect(self.validate)
        self.grid_x.valueChanged.connect(self.validate)
        self.grid_y.valueChanged.connect(self.validate)
        changes: dict[str, list[SignalInstance]] = {
            "name": [self.name.textChanged],
            "description": [self.description.textChanged],
            "colour": [self.colour.clicked],
            "x": [self.grid_x.valueChanged],
            "y": [self.grid_y.valueChanged],
        }
        self.kept = self.field_errors.hold_unread(persona, changes, self.validate)
        self.validate()

    def _values(self) -> dict[str, Any]:
        return self.original.model_dump() | {
            "name": self.name.text(),
            "description": self.description.toPlainText(),
            "colour": self.colour.colour,
            "x": round(self.grid_x.value(), 2),
            "y": round(self.grid_y.value(), 2),
        }

    def validate(self) -> Persona | None:
        problems: dict[str, str] = {}
        persona: Persona | None = None
        try:
            persona = Persona.model_validate(self._values())
        except ValidationError as error:
            problems = validation_messages(error)
        valid = self.field_errors.show(problems) and persona is not None
        self.save_button.setEnabled(valid)
        return persona if valid else None

    def _save(self) -> None:
        persona = self.validate()
        if persona is not None:
            self.result_persona = persona.model_copy(update={"problems": self.kept})
            self.accept()
