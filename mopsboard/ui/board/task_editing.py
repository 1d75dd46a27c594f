"""Editing one task in the task editor, from the board or from any other page (through
PageContext.edit_task): the same dialog, the same stale-edit question."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import TaskId
from mopsboard.qt.board.board_parts import Lookups
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.common.conflict_dialog import save_task_edit


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
    )
    if not dialog.exec() or dialog.result_task is None:
        return

    def reopen(reopened_id: TaskId) -> None:
        edit_task(parent, actions, reopened_id, lookups)

    save_task_edit(parent, actions, original, dialog.result_task, reopen)
