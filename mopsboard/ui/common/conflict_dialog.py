"""The one question the app asks when a change meets someone else's: keep theirs or keep mine
(or, after editing a task, reopen it to see their version). A stale save asks it, and so do
undo and redo (WorkspaceActions.resolve_conflict)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.domain.errors import ConflictError, MopsboardError
from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Record, Task
from mopsboard.qt.common.conflicts import Choice, Conflict
from mopsboard.qt.workspace_actions import WorkspaceActions

R = TypeVar("R", bound="Record[Any]")


def ask(parent: QWidget | None, conflict: Conflict) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(conflict.title)
    # The text quotes names users typed: shown as typed, never as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(conflict.text)
    if conflict.detail:
        box.setInformativeText(conflict.detail)
    keep_theirs = box.addButton("Keep theirs", QMessageBox.ButtonRole.RejectRole)
    keep_mine = box.addButton("Keep mine", QMessageBox.ButtonRole.AcceptRole)
    if conflict.can_reopen:
        box.addButton("Reopen", QMessageBox.ButtonRole.ActionRole)
    # Escape, or closing the box, overwrites nothing.
    box.setEscapeButton(keep_theirs)
    box.exec()
    clicked = box.clickedButton()
    if clicked is keep_mine:
        return Choice.MINE
    if clicked is keep_theirs or not conflict.can_reopen:
        return Choice.THEIRS
    return Choice.REOPEN


def install(parent: QWidget, actions: WorkspaceActions) -> None:
    """Undo and redo in `parent`'s window ask the user, over that window."""
    actions.resolve_conflict = lambda conflict: ask(parent, conflict)


def save_task_edit(
    parent: QWidget,
    actions: WorkspaceActions,
    original: Task,
    edited: Task,
    reopen: Callable[[TaskId], None],
) -> None:
    """Saves an edit made in the task editor; if the task changed since `original` was read,
    asks, and then keeps theirs, saves over theirs, or calls `reopen` with the task's id."""
    try:
        actions.edit_task(original, edited)
        return
    except ConflictError:
        pass
    except MopsboardError as error:
        actions.failed.emit(str(error))
        return
    try:
        theirs = actions.workspace.task(original.key)
    except MopsboardError as error:
        actions.failed.emit(str(error))
        return
    choice = ask(
        parent,
        Conflict(
            title="Task changed elsewhere",
            text=f"'{theirs.title}' was changed in another window or program while you edited it.",
            can_reopen=True,
        ),
    )
    if choice is Choice.MINE:
        mine = edited.model_copy(update={"version": theirs.version})
        save_task_edit(parent, actions, theirs, mine, reopen)
    elif choice is Choice.REOPEN:
        reopen(original.key)


def save_or_ask(
    parent: QWidget,
    what: str,
    name: str,
    save: Callable[[R], R | None],
    edited: R,
    reread: Callable[[], R],
) -> R | None:
    """Saves an edit made in an editor (campaign, persona, team, person) the way a task edit is
    saved: if the record changed elsewhere since the editor read it, asks the one question, then
    keeps theirs (None) or saves over theirs. `save` raises ConflictError for a stale record."""
    try:
        return save(edited)
    except ConflictError:
        pass
    try:
        theirs = reread()
    except MopsboardError:
        return None  # deleted meanwhile: nothing left to keep or overwrite
    choice = ask(
        parent,
        Conflict(
            title=f"{what.capitalize()} changed elsewhere",
            text=f"'{name}' was changed in another window or program while you edited it.",
        ),
    )
    if choice is not Choice.MINE:
        return None
    return save_or_ask(
        parent, what, name, save, edited.model_copy(update={"version": theirs.version}), reread
    )
