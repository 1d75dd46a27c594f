"""The question a task moved later asks when it has successors to push (qt/board/link_actions.py,
`PushPlan`): Push, or Keep dates (Esc). The timeline's drags and the task editor's dates ask it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.qt.board.link_actions import PushPlan


def ask_to_push(parent: QWidget, plan: PushPlan) -> bool:
    """True for Push; Keep dates, Esc or closing the box keep the successors where they are."""
    text, detail = plan.question()
    box = QMessageBox(parent)
    box.setObjectName("pushQuestion")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Push successors?")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(detail)
    push = box.addButton("Push", QMessageBox.ButtonRole.AcceptRole)
    push.setObjectName("pushSuccessors")
    keep = box.addButton("Keep dates", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepDates")
    box.setDefaultButton(push)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is push
