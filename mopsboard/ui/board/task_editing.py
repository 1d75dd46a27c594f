"""Editing one task in the task editor, from the board or from any other page (through
PageContext.edit_task): the same dialog, the same stale-edit question. A task whose dates move
later asks whether to push its successors along (qt/board/link_actions.py, `PushPlan`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from mopsboard.domain.errors import ConflictError, MopsboardError
from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Task
from mopsboard.qt.board.board_parts import Lookups
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.common.conflict_dialog import save_task_edit
from mopsboard.ui.common.push_question import ask_to_push


def edit_task(
    parent: QWidget, actions: WorkspaceActions, task_id: TaskId, lookups: Lookups | None = None
) -> None:
    workspace = actions.workspace
    try:
        original = workspace.task(task_id)
        # The task may sit on another board than the one shown (opened from another view).
        stages = workspace.stages(original.board_id)
        names = lookups if lookups is not None else Lookups.load(workspace)
        activity = workspace.task_activity(task_id)
    except MopsboardError as error:
        actions.failed.emit(str(error))
        return
    dialog = TaskDialog(
        original,
        stages,
        names,
        parent,
        comments=actions,
        links=actions,
        activity=activity,
        read_only=workspace.read_only,
        refusal=_refusal_of(actions),
    )
    if not dialog.exec() or dialog.result_task is None:
        return

    def reopen(reopened_id: TaskId) -> None:
        edit_task(parent, actions, reopened_id, lookups)

    edited = dialog.result_task
    if not _saved_pushing(parent, actions, original, edited):
        save_task_edit(parent, actions, original, edited, reopen)


def _refusal_of(actions: WorkspaceActions) -> Callable[[Task], str | None]:
    def refusal(edited: Task) -> str | None:
        try:
            return actions.workspace.stage_refusal(edited)
        except MopsboardError:
            return None  # gone or unreadable: the save says so, as it always has

    return refusal


def _saved_pushing(
    parent: QWidget, actions: WorkspaceActions, original: Task, edited: Task
) -> bool:
    """Saves the edit with its successors pushed, when its dates moved later and the user says
    Push: True when that is done (or refused, and said). A task changed elsewhere meanwhile is
    left to the usual stale-edit question, without pushing."""
    if (edited.start_date, edited.due_date) == (original.start_date, original.due_date):
        return False
    plan = actions.push_plan(original.key, edited.start_date, edited.due_date)
    if plan is None or not ask_to_push(parent, plan):
        return False
    try:
        actions.edit_task_pushing(original, edited, plan)
    except ConflictError:
        actions.failed.emit(
            f"'{original.title}' was changed elsewhere while you edited it: its successors "
            "were not pushed."
        )
        return False
    return True
