"""The menu a right-click on cards opens: open, log time, move to another stage, duplicate,
move to another board, archive."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMenu, QWidget

from mopsboard.domain.ids import StageId, TaskId
from mopsboard.domain.models import Board
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.board.card_dialogs import choose_board
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
        show_tasks: Callable[[list[TaskId]], object],
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.workspace_actions = actions
        self.task_ids = list(task_ids)
        # Where the cards a menu command made or moved are shown (the copies, selected).
        self._show_tasks = show_tasks
        if len(self.task_ids) == 1:
            self.addAction(icon(Icon.PENCIL), "Open…", lambda: open_task(self.task_ids[0]))
        if not model.editable:
            return
        if len(self.task_ids) == 1:
            self.addAction(icon(Icon.CLOCK), "Log time…", self._log_time)
        move_menu = self.addMenu(icon(Icon.KANBAN), "Move to")
        for stage in model.stages:
            if stage.id != here:
                action = move_menu.addAction(stage.name)
                action.triggered.connect(functools.partial(self._move_to, stage.key))
        self.addAction(icon(Icon.COPY), "Duplicate", self._duplicate)
        if self._other_boards():
            self.addAction("Move to another board…", self._to_board)
        else:
            # Greyed with one board, and saying why where it is greyed.
            nowhere = self.addAction("Move to another board… (no other board)")
            nowhere.setEnabled(False)
            nowhere.setToolTip(
                "This workspace has one board. Make another (the + beside Boards in the "
                "sidebar) to move cards there."
            )
            self.setToolTipsVisible(True)
        self.addSeparator()
        count = f" {len(self.task_ids)} tasks" if len(self.task_ids) > 1 else ""
        self.addAction(icon(Icon.ARCHIVE), f"Archive{count}", self._archive)

    def _log_time(self) -> None:
        # Imported when asked for: the board's first paint needs none of the dialog's widgets.
        from mopsboard.ui.board.log_time_dialog import LogTimeDialog

        LogTimeDialog(self.parentWidget() or self, self.workspace_actions, self.task_ids[0]).exec()

    def _move_to(self, stage_id: StageId, _checked: bool = False) -> None:
        self.workspace_actions.move_tasks(self.task_ids, stage_id, None)

    def _duplicate(self) -> None:
        copies = self.workspace_actions.duplicate_tasks(self.task_ids)
        if copies:
            self._show_tasks([copy.key for copy in copies])

    def _other_boards(self) -> list[Board]:
        return [b for b in self.model.workspace.boards() if b.id != self.model.board_id]

    def _to_board(self) -> None:
        parent = self.parentWidget() or self
        chosen = choose_board(parent, self.model.workspace, self.task_ids, self._other_boards())
        if chosen is not None:
            self.workspace_actions.move_tasks_to_board(self.task_ids, chosen)

    def _archive(self) -> None:
        self.workspace_actions.archive_tasks(self.task_ids)
