"""The stage editor: add, rename, reorder and delete stages; kind, WIP limit and mode, gates
(a review stage's checklist gate; any stage's "predecessors done" gate).

Each change applies at once as its own undo step, so the board behind the dialog shows it.
"""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import describe
from mopsboard.domain.ids import BoardId, StageId
from mopsboard.domain.models import Stage, StageKind
from mopsboard.qt.board.stage_gate_actions import StageGateActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common.icons import Icon, icon

KIND_LABELS = {
    StageKind.BACKLOG: "Backlog (not started)",
    StageKind.ACTIVE: "Active (work in progress)",
    StageKind.REVIEW: "Review (sign-off)",
    StageKind.DONE: "Done (finished)",
}


class StageDialog(QDialog):
    def __init__(
        self, actions: WorkspaceActions, board_id: BoardId, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("stageDialog")
        self.setWindowTitle("Stages")
        self.workspace_actions = actions
        self.workspace = actions.workspace
        self.gate_actions = StageGateActions(actions)
        self.board_id = board_id
        self.stages: list[Stage] = []

        self._build_fields()
        form = self._build_form()
        left = self._build_list_pane()
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(form, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(close)
        self._connect_signals()
        self._reload(0)
        self.resize(640, 360)

    # -- building -------------------------------------------------------------------------------

    def _build_fields(self) -> None:
        self.list = QListWidget()
        self.list.setObjectName("stageListEditor")
        self.list.setAccessibleName("Stages")
        self.name = QLineEdit()
        self.name.setObjectName("stageName")
        self.kind = QComboBox()
        self.kind.setObjectName("stageKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.wip = QSpinBox()
        self.wip.setObjectName("stageWip")
        self.wip.setRange(0, 999)
        self.wip.setSpecialValueText("No limit")
        self.hard = QCheckBox("Hard limit: refuse drops over the limit")
        self.hard.setObjectName("stageWipHard")
        self.gate = QCheckBox("Review gate: a task passes only with its checklist complete")
        self.gate.setObjectName("stageGate")
        self.predecessors = QCheckBox("Tasks need their predecessors done to come in")
        self.predecessors.setObjectName("stageNeedsPredecessors")
        self.predecessors.setToolTip(
            "A task waiting for another (finish to start) that is not in a Done stage is "
            "refused here and in every stage after this one."
        )
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)

    def _build_form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Kind", self.kind)
        form.addRow("&WIP limit", self.wip)
        form.addRow("", self.hard)
        form.addRow("", self.gate)
        form.addRow("", self.predecessors)
        form.addRow("", self.error)
        return form

    def _build_list_pane(self) -> QVBoxLayout:
        """The list of stages, with the buttons that add, delete and move them."""
        add = QPushButton(icon(Icon.PLUS), "Add")
        add.setObjectName("addStage")
        delete = QPushButton(icon(Icon.TRASH_2), "Delete")
        delete.setObjectName("deleteStage")
        up = QPushButton(icon(Icon.CHEVRON_UP), "Up")
        down = QPushButton(icon(Icon.CHEVRON_DOWN), "Down")
        buttons = QHBoxLayout()
        for button in (add, delete, up, down):
            buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(buttons)
        add.clicked.connect(self._add)
        delete.clicked.connect(self._delete)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        return left

    def _connect_signals(self) -> None:
        self.list.currentRowChanged.connect(self._show_stage)
        self.name.editingFinished.connect(self._apply)
        self.kind.currentIndexChanged.connect(self._apply)
        self.wip.valueChanged.connect(self._apply)
        self.hard.toggled.connect(self._apply)
        self.gate.toggled.connect(self._apply)
        self.predecessors.toggled.connect(self._apply_predecessors)
        self.workspace_actions.failed.connect(self.error.setText)

    def _reload(self, select: int) -> None:
        self.stages = self.workspace.stages(self.board_id)
        with QSignalBlocker(self.list):
            self.list.clear()
            for stage in self.stages:
                self.list.addItem(stage.name)
        self.list.setCurrentRow(max(0, min(select, len(self.stages) - 1)))
        self._show_stage(self.list.currentRow())

    def _current(self) -> Stage | None:
        row = self.list.currentRow()
        return self.stages[row] if 0 <= row < len(self.stages) else None

    def _show_stage(self, row: int) -> None:
        stage = self._current()
        widgets = (self.name, self.kind, self.wip, self.hard, self.gate, self.predecessors)
        for widget in widgets:
            widget.setEnabled(stage is not None)
        if stage is None:
            return
        blockers = [QSignalBlocker(w) for w in widgets]
        self.name.setText(stage.name)
        self.kind.setCurrentIndex(self.kind.findData(stage.kind.value))
        self.wip.setValue(stage.wip_limit or 0)
        self.hard.setChecked(stage.wip_hard)
        self.gate.setChecked(stage.is_gate)
        self.gate.setEnabled(stage.kind is StageKind.REVIEW)
        self.predecessors.setChecked(self.gate_actions.needs_done_predecessors(stage))
        del blockers

    def _apply_predecessors(self, required: bool) -> None:
        stage = self._current()
        if stage is None:
            return
        self.error.clear()
        if not self.gate_actions.require_done_predecessors(stage, required):
            self._show_stage(self.list.currentRow())

    def _apply(self) -> None:
        stage = self._current()
        if stage is None:
            return
        kind = StageKind(self.kind.currentData())
        update = {
            "name": self.name.text().strip() or stage.name,
            "kind": kind,
            "wip_limit": self.wip.value() or None,
            "wip_hard": self.hard.isChecked(),
            "is_gate": self.gate.isChecked() and kind is StageKind.REVIEW,
        }
        if all(getattr(stage, k) == v for k, v in update.items()):
            return
        self.error.clear()
        self.workspace_actions.update_stage(stage.model_copy(update=update))
        self._reload(self.list.currentRow())

    def _add(self) -> None:
        name, ok = QInputDialog.getText(self, "New stage", "Name of the new stage:")
        if not ok or not name.strip():
            return
        position = self.list.currentRow() + 1
        try:
            stage = Stage(board_id=self.board_id, name=name.strip(), position=position)
        except ValidationError as error:
            self.error.setText(describe(error))
            return
        with self.workspace_actions.macro(f"Add stage '{stage.name}'"):
            created = self.workspace_actions.add_stage(stage)
            if created is not None and self.gate_actions.needs_done_predecessors(created):
                # The id of a deleted stage, taken again: its gate is not this stage's.
                self.gate_actions.require_done_predecessors(created, False)
        self._reload(position)

    def _delete(self) -> None:
        stage = self._current()
        if stage is None:
            return
        count = len([t for t in self.workspace.tasks(self.board_id) if t.stage_id == stage.id])
        target: StageId | None = None
        if count:
            others = [s for s in self.stages if s.id != stage.id]
            if not others:
                self.error.setText("A board needs one stage to hold its tasks.")
                return
            choice, ok = QInputDialog.getItem(
                self,
                f"Delete '{stage.name}'",
                f"'{stage.name}' holds {count} task{'s' if count != 1 else ''}. Move them to:",
                [s.name for s in others],
                0,
                False,
            )
            if not ok:
                return
            target = next(s.key for s in others if s.name == choice)
        with self.workspace_actions.macro(f"Delete stage '{stage.name}'"):
            deleted = self.workspace_actions.delete_stage(stage.key, target)
            if deleted and self.gate_actions.needs_done_predecessors(stage):
                # A new stage may be given this id again: it must not find the gate on.
                self.gate_actions.require_done_predecessors(stage, False)
        self._reload(self.list.currentRow())

    def _move(self, offset: int) -> None:
        row = self.list.currentRow()
        target = row + offset
        if not (0 <= row < len(self.stages) and 0 <= target < len(self.stages)):
            return
        order = [s.key for s in self.stages]
        order[row], order[target] = order[target], order[row]
        self.workspace_actions.reorder_stages(self.board_id, order)
        self._reload(target)
