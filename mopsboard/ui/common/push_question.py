"""The question a task moved later asks when it has successors to push (qt/board/link_actions.py,
`PushPlan`): Push, or Keep dates (Esc). The timeline's drags and the task editor's dates ask it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

from mopsboard.qt.board.link_actions import PushPlan

# A message box wraps its words at about 500 pixels: a successor's line with a long title then
# takes two or three. Wider, each reads on one line, and the box still fits a 1024 px window.
_WIDTH = 620


def _widen(box: QMessageBox) -> None:
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        room = QSpacerItem(_WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(room, layout.rowCount(), 0, 1, layout.columnCount())


def ask_to_push(parent: QWidget, plan: PushPlan) -> bool:
    """True for Push; Keep dates, Esc or closing the box keep the successors where they are."""
    text, detail = plan.question()
    box = QMessageBox(parent)
    box.setObjectName("pushQuestion")
    # A push that makes work late for a launch is a warning, not a routine question.
    box.setIcon(QMessageBox.Icon.Warning if plan.passes_launch else QMessageBox.Icon.Question)
    box.setWindowTitle("Push successors?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(detail)
    _widen(box)
    push = box.addButton("Push", QMessageBox.ButtonRole.AcceptRole)
    push.setObjectName("pushSuccessors")
    keep = box.addButton("Keep dates", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepDates")
    box.setDefaultButton(push)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is push
