"""Approve a campaign's brief: who approved it (the common roles to tick, any others typed,
comma-separated) and a note. Enter approves once a role is named."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.baselines import COMMON_ROLES, MAX_NOTE


def _kept(earlier: int) -> str:
    if not earlier:
        return ""
    if earlier == 1:
        return " The earlier approval is kept with its baseline."
    return f" The {earlier} earlier approvals are kept with their baselines."


class ApproveDialog(QDialog):
    def __init__(
        self,
        campaign_name: str,
        approved_before: int = 0,
        parent: QWidget | None = None,
        *,
        saves_edits: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approveDialog")
        self.setWindowTitle(f"Approve \u2014 {campaign_name}")
        intro = QLabel(
            "Approving records who approved the brief, when, and a baseline of the plan as it "
            "is now: the launch, the tasks with their estimates, owners and teams, the hours "
            "per team and week, and the planned cost. \u201cSince approval\u201d compares "
            "the plan with it." + _kept(approved_before)
        )
        intro.setWordWrap(True)
        self.unsaved = QLabel(
            "The campaign dialog holds edits not saved yet: approving saves them first, and "
            "the approval takes the plan with them (one step, one undo)."
            if saves_edits
            else ""
        )
        self.unsaved.setObjectName("approveSavesEdits")
        self.unsaved.setWordWrap(True)
        self.unsaved.setVisible(saves_edits)
        self.roles: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for n, role in enumerate(COMMON_ROLES):
            box = QCheckBox(role)
            box.setObjectName(f"approveRole_{n}")
            box.toggled.connect(self._update)
            self.roles[role] = box
            grid.addWidget(box, n // 2, n % 2)
        self.other = QLineEdit()
        self.other.setObjectName("approveOtherRoles")
        self.other.setAccessibleName("Other roles")
        self.other.setPlaceholderText("other roles, comma-separated, e.g. IT, Regional lead")
        self.other.textChanged.connect(self._update)
        self.note = QLineEdit()
        self.note.setObjectName("approveNote")
        self.note.setAccessibleName("Note")
        self.note.setMaxLength(MAX_NOTE)
        self.note.setPlaceholderText("e.g. approved with the reduced budget")
        form = QFormLayout()
        form.addRow("Approved by", grid)
        form.addRow("&Other roles", self.other)
        form.addRow("&Note", self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.approve_button = self.buttons.addButton(
            "&Approve", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.approve_button.setObjectName("approveButton")
        self.approve_button.setDefault(True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.unsaved)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self._update()

    def approved_by(self) -> tuple[str, ...]:
        ticked = [role for role, box in self.roles.items() if box.isChecked()]
        typed = [part.strip() for part in self.other.text().split(",")]
        return tuple(dict.fromkeys(r for r in [*ticked, *typed] if r))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter approves once a role is named, and does nothing before: QDialog would press
        # the next button that takes Enter (Cancel) while Approve is disabled.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._accept()
            return
        super().keyPressEvent(event)

    def _update(self) -> None:
        self.approve_button.setEnabled(bool(self.approved_by()))

    def _accept(self) -> None:
        if self.approved_by():
            self.accept()
