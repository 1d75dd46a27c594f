"""Problems shown next to the fields of an editing dialog, in words, with Save off until none."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mopsboard.domain.models import FieldProblem, Record


class FieldErrors:
    """One error label under each field, plus one for what belongs to no field."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.form = _error_label()
        self.form.show()
        # Problems no check of the form's values finds, shown until the field changes: a value
        # the file holds that cannot be read reads as the field's default, which is valid.
        self.held: dict[str, str] = {}

    def hold_until(
        self,
        field: str,
        message: str,
        changes: Iterable[SignalInstance],
        then: Callable[[], object],
    ) -> None:
        """Shows `message` by `field` until one of `changes` fires (the user gave the field a
        value), then calls `then` (the dialog's check, which shows what is left)."""
        self.held[field] = message

        def release(*_: object) -> None:
            if self.held.pop(field, None) is not None:
                then()

        for signal in changes:
            signal.connect(release)

    def hold_unread(
        self,
        record: Record[Any],
        changes: Mapping[str, Iterable[SignalInstance]],
        then: Callable[[], object],
    ) -> tuple[FieldProblem, ...]:
        """Each field of the form that the file holds in a form that cannot be read (see
        store/salvage) shows that, with what the file holds, until the user gives it a value
        (one of its `changes`). Returns the problems of the fields the form does not show: a
        save carries them, so the store leaves those as the file holds them."""
        for problem in record.problems:
            if problem.field in changes:
                message = f"{problem.text}. Change it to save."
                self.hold_until(problem.field, message, changes[problem.field], then)
        return tuple(p for p in record.problems if p.field not in changes)

    def wrap(self, widget: QWidget, field: str, *, stretch_after: int = 0) -> QWidget:
        """The field's widget with its (hidden until needed) error label under it."""
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        if stretch_after:
            row = QHBoxLayout()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(widget, 1)
            row.addStretch(stretch_after)
            box.addLayout(row)
        else:
            box.addWidget(widget)
        error = _error_label()
        box.addWidget(error)
        self.labels[field] = error
        return holder

    def show(self, problems: dict[str, str], form_level: str = "") -> bool:
        """Shows each problem by its field (others, and `form_level`, below the form); returns
        whether there are none (held ones included)."""
        problems = problems | self.held
        for field, label in self.labels.items():
            message = problems.get(field, "")
            label.setText(message)
            label.setVisible(bool(message))
        unplaced = [m for f, m in problems.items() if f not in self.labels]
        self.form.setText("\n".join(filter(None, [form_level, *unplaced])))
        return not problems and not form_level


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label
