"""Questions the board asks about cards: before archiving several at once, and which board
cards go to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.domain.models import Board
from mopsboard.store.workspace import Workspace


def ask_to_archive(parent: QWidget, count: int) -> bool:
    """Asks before several cards leave the board at once (one goes without asking: undo brings
    it back, and it is the one the user was looking at); True to archive them."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Archive tasks")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"Archive the {count} selected tasks?")
    box.setInformativeText("They leave the board; Undo brings them back.")
    archive = box.addButton(f"Archive {count} tasks", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(archive)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is archive


class BoardChoice(QDialog):
    """Which board cards go to, and where on it they land (the stage of the same name, or the
    board's first stage), said before they go."""

    def __init__(
        self,
        parent: QWidget,
        workspace: Workspace,
        task_ids: Sequence[TaskId],
        boards: Sequence[Board],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Move to another board")
        self.workspace = workspace
        self.task_ids = list(task_ids)
        tasks = workspace.tasks_by_id(self.task_ids)
        self._stage_names = {t.key: workspace.stage(t.stage_id).name for t in tasks}
        what = f"'{tasks[0].title}'" if len(tasks) == 1 else f"the {len(tasks)} selected tasks"
        self.board = QComboBox()
        self.board.setAccessibleName("Board")
        for board in boards:
            self.board.addItem(board.name, board.id)
        self.landing = QLabel()
        self.landing.setObjectName("boardLanding")
        self.landing.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.move_button = self.buttons.addButton("Move", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(400)
        self.board.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form = QFormLayout()
        form.addRow(f"Move {what} to", self.board)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.landing)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.board.currentIndexChanged.connect(self._show_landing)
        self._show_landing()

    def chosen(self) -> BoardId | None:
        data = self.board.currentData()
        return BoardId(int(data)) if isinstance(data, int) else None

    def _show_landing(self) -> None:
        board_id = self.chosen()
        if board_id is None:
            return
        stages = self.workspace.stages(board_id)
        if not stages:
            self.landing.setText("That board has no stages yet: add one there first.")
            self.move_button.setEnabled(False)
            return
        self.move_button.setEnabled(True)
        names = {s.id: s.name for s in stages}
        landing = self.workspace.board_landing(self.task_ids, board_id)
        targets: dict[str, str] = {}
        for task_id, source in self._stage_names.items():
            targets.setdefault(source, names[landing[task_id]])
        board = self.board.currentText()
        lines = [
            f"From {source}: into {target}."
            if target.casefold() == source.casefold()
            else f"From {source}: into {target}, its first stage ({board} has no {source})."
            for source, target in targets.items()
        ]
        self.landing.setText("\n".join(lines))


def choose_board(
    parent: QWidget, workspace: Workspace, task_ids: Sequence[TaskId], boards: Sequence[Board]
) -> BoardId | None:
    """Asks which of `boards` the cards go to; None when the user cancels."""
    dialog = BoardChoice(parent, workspace, task_ids, boards)
    return dialog.chosen() if dialog.exec() else None
