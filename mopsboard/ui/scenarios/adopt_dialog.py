"""Adopt a scenario: when rows its changes were drafted against changed since (someone edited a
task, a campaign, a person), each such change is listed with what happened, and the user
decides per change: apply it anyway to the rows as they are now, or skip it (the default, so
Enter never overwrites someone's edit unasked)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import ScenarioChangeId
from mopsboard.store.scenarios import ChangeConflict, Decision
from mopsboard.ui.common import theme
from mopsboard.ui.common.enter_key import enter_presses
from mopsboard.ui.common.icons import Icon, icon

APPLY, SKIP = 0, 1


class AdoptDialog(QDialog):
    def __init__(self, parent: QWidget, scenario: str, conflicts: Sequence[ChangeConflict]) -> None:
        super().__init__(parent)
        self.setObjectName("adoptDialog")
        self.setWindowTitle(f"Adopt \u2018{scenario}\u2019")
        self.conflicts = list(conflicts)
        self.choices: dict[ScenarioChangeId, QButtonGroup] = {}
        said = QLabel(
            f"The real plan changed since these changes of \u2018{scenario}\u2019 were "
            "drafted. For each, apply it anyway to the plan as it is now, or skip it. The "
            "scenario's other changes apply as drafted."
        )
        said.setWordWrap(True)
        rows = QWidget()
        rows.setObjectName("adoptConflicts")
        column = QVBoxLayout(rows)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        for conflict in self.conflicts:
            column.addWidget(self._row(conflict))
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(rows)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.adopt_button = self.buttons.addButton("Adopt", QDialogButtonBox.ButtonRole.AcceptRole)
        self.adopt_button.setObjectName("adoptConfirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(said)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        enter_presses(self, self.adopt_button)

    def _row(self, conflict: ChangeConflict) -> QWidget:
        box = QFrame()
        box.setObjectName(f"adoptConflict-{conflict.change_id}")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(f"{conflict.number}. {conflict.change_text}")
        title.setProperty("tone", "heading")
        title.setWordWrap(True)
        alert = QLabel()
        alert.setPixmap(icon(Icon.CIRCLE_ALERT, theme.current().warning_fg).pixmap(16, 16))
        alert.setToolTip("Changed since it was drafted")
        heading = QHBoxLayout()
        heading.addWidget(alert, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(title, 1)
        what = [d.text for d in conflict.drifts]
        if conflict.problem:
            what.append(conflict.problem)
        happened = QLabel("\n".join(f"\u2022 {line[0].upper()}{line[1:]}" for line in what if line))
        happened.setObjectName("adoptConflictText")
        happened.setWordWrap(True)
        happened.setProperty("tone", "soft")
        apply = QRadioButton("Apply anyway")
        apply.setObjectName(f"adoptApply-{conflict.change_id}")
        skip = QRadioButton("Skip")
        skip.setObjectName(f"adoptSkip-{conflict.change_id}")
        for button, words in ((apply, "apply anyway"), (skip, "skip")):
            button.setAccessibleName(f"Change {conflict.number}: {words}")
        group = QButtonGroup(box)
        group.addButton(apply, APPLY)
        group.addButton(skip, SKIP)
        skip.setChecked(True)
        self.choices[conflict.change_id] = group
        choice = QHBoxLayout()
        choice.addWidget(apply)
        choice.addWidget(skip)
        choice.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(heading)
        layout.addWidget(happened)
        layout.addLayout(choice)
        return box

    def decisions(self) -> dict[ScenarioChangeId, Decision]:
        return {
            change_id: "apply" if group.checkedId() == APPLY else "skip"
            for change_id, group in self.choices.items()
        }


def ask_decisions(
    parent: QWidget, scenario: str, conflicts: Sequence[ChangeConflict]
) -> dict[ScenarioChangeId, Decision] | None:
    """Each conflicting change's decision, or None when the user cancelled."""
    dialog = AdoptDialog(parent, scenario, conflicts)
    return dialog.decisions() if dialog.exec() == QDialog.DialogCode.Accepted else None
