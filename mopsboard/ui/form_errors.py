"""Problems shown next to the fields of an editing dialog, in words, with Save off until none."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class FieldErrors:
    """One error label under each field, plus one for what belongs to no field."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.form = _error_label()
        self.form.show()

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
        whether there are none."""
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
