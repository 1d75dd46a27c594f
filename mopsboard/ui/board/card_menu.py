"""The menu a right-click on cards opens: open, move to another stage, archive."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu, QWidget

from mopsboard.domain.ids import StageId, TaskId
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common.icons import Icon, icon


class CardMenu(QMenu):
    """Made for the cards under the mouse (the selection), in the stage they sit in. In a
    read-only workspace only Open is offered."""

    def __init__(
        self,
        parent: QWidget,
        model: BoardModel,
        actions: WorkspaceActions,
        task_ids: Sequence[TaskId],
        here: StageId | None,
        open_task: Callable[[TaskId], object],
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.workspace_actions = actions
        self.task_ids = list(task_ids)
        if len(self.task_ids) == 1:
            self.addAction(icon(Icon.PENCIL), "Open…", lambda: open_task(self.task_ids[0]))
        if not model.editable:
            return
        move_menu = self.addMenu(icon(Icon.KANBAN), "Move to")
        for stage in model.stages:
            if stage.id != here:
                action = move_menu.addAction(stage.name)
                action.triggered.connect(functools.partial(self._move_to, stage.key))
        self.addSeparator()
        count = f" {len(self.task_ids)} tasks" if len(self.task_ids) > 1 else ""
        self.addAction(icon(Icon.ARCHIVE), f"Archive{count}", self._archive)

    def _move_to(self, stage_id: StageId, _checked: bool = False) -> None:
        self.workspace_actions.move_tasks(self.task_ids, stage_id, None)

    def _archive(self) -> None:
        self.workspace_actions.archive_tasks(self.task_ids)
