"""Drag and drop for the board model: the MIME data a drag carries (task ids) and where a drop
lands (the stage of the cell, above which card, and in a swimlane the field to set)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.filtering import Grouping
from mopsboard.domain.ids import StageId
from mopsboard.domain.models import Stage, Task
from mopsboard.domain.rules import PredecessorGate, move_refusal, predecessor_stop
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.qt.board.board_parts import (
    TASK_MIME,
    WORKSPACE_MIME,
    Lane,
    task_ids_from_mime,
    workspace_of_mime,
)
from mopsboard.qt.board.board_tasks import BoardTasks
from mopsboard.qt.board.stage_gates import PredecessorGates
from mopsboard.qt.common.actions import EntityActions
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
# (task ids in drag order, target stage id, task id to land above or None for the end) -> done?
# ... and, in a swimlane of another campaign (persona, assignee, team), the field to set.
LaneAssignment = tuple[str, int | None] | None
Mover = Callable[[list[int], StageId, int | None, LaneAssignment], bool]
READ_ONLY_REFUSAL = (
    "This workspace is read-only: cards cannot be moved. Save a copy (File \u25b8 Save a copy) "
    "to edit it."
)
OTHER_WORKSPACE_REFUSAL = "Cards move only within their own workspace."
LANE_FIELD = {
    Grouping.CAMPAIGN: "campaign_id",
    Grouping.PERSONA: "persona_id",
    Grouping.ASSIGNEE: "assignee_id",
    Grouping.TEAM: "team_id",
}


class BoardDrops:
    """Mixed into BoardModel, whose state it reads."""

    if TYPE_CHECKING:
        workspace: Workspace
        workspace_name: str
        stages: list[Stage]
        tasks: BoardTasks
        _stage_order: dict[int, list[int]]
        lanes: list[Lane]
        grouping: Grouping
        mover: Mover | None
        _cells: list[list[int]]

        def _task_id_of(self, index: AnyIndex) -> int | None: ...

        def stage_of_cell(self, cell_row: int) -> Stage | None: ...

        @property
        def editable(self) -> bool: ...

    # -- drag and drop --------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [TASK_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ordered = sorted(
            (i for i in indexes if self._task_id_of(i) is not None),
            key=lambda i: (int(i.internalId()) % max(1, len(self.stages)), i.internalId(), i.row()),
        )
        ids = [cast(int, self._task_id_of(i)) for i in ordered]
        data = QMimeData()
        data.setData(TASK_MIME, QByteArray(json.dumps(ids).encode()))
        data.setData(WORKSPACE_MIME, QByteArray(self.workspace_name.encode()))
        data.setText("\n".join(self.tasks[i].title for i in ids if i in self.tasks))
        return data

    task_ids_from_mime = staticmethod(task_ids_from_mime)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self.drop_refusal(data, parent) is None

    def drop_refusal(self, data: QMimeData, parent: AnyIndex) -> str | None:
        """Why these cards cannot be dropped into the cell `parent` (a cell, or a card in it),
        in the words the refused drop would report; "" for a drag that is not this board's
        cards; None when the drop is allowed. Asked on every move of a drag: it reads only what
        the model holds."""
        ids = self.task_ids_from_mime(data)
        cell = self._drop_cell(parent)
        stage = self.stage_of_cell(cell) if cell >= 0 else None
        if not ids or stage is None or not all(i in self.tasks for i in ids):
            return ""
        if self._from_another_workspace(data):
            return OTHER_WORKSPACE_REFUSAL
        if not self.editable:
            return READ_ONLY_REFUSAL
        tasks = [self.tasks[i] for i in ids]
        here = len(self._stage_order.get(stage.key, []))
        return self._predecessor_refusal(tasks, stage) or move_refusal(
            self.stages, tasks, stage, here
        )

    def _predecessor_refusal(self, tasks: Sequence[Task], target: Stage) -> str | None:
        """Why a stage that takes tasks only once their predecessors are done keeps one of
        `tasks` out; None when none is kept out. The titles are read only for a refusal."""
        gated = PredecessorGates.of(self.workspace).gated(s.key for s in self.stages)
        if not gated:
            return None
        waiting = BlockedCards.of(self.workspace).waiting_for
        stop = predecessor_stop(self.stages, tasks, target, PredecessorGate(gated, waiting))
        if stop is None:
            return None
        titles = {t: self.tasks[t].title for t in stop.waiting_for if t in self.tasks}
        elsewhere = [t for t in stop.waiting_for if t not in titles]
        if elsewhere:
            # Unreadable, they are named by id, as the rule does for a title it is not given.
            with contextlib.suppress(MopsboardError):
                titles |= {t.key: t.title for t in self.workspace.tasks_by_id(elsewhere)}
        return stop.words(titles)

    def _from_another_workspace(self, data: QMimeData) -> bool:
        # The same ids name other tasks in another file.
        return workspace_of_mime(data) not in (None, self.workspace_name)

    def _drop_cell(self, parent: AnyIndex) -> int:
        if parent.isValid() and parent.internalId() == 0:
            return parent.row()
        if parent.isValid():
            return int(parent.internalId()) - 1
        return -1

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        ids = [i for i in self.task_ids_from_mime(data) if i in self.tasks]
        cell = self._drop_cell(parent)
        stage = self.stage_of_cell(cell) if cell >= 0 else None
        if not ids or stage is None or self.mover is None or self._from_another_workspace(data):
            return False
        if parent.isValid() and parent.internalId() != 0:
            # Dropped onto a card: land just above it.
            row = parent.row()
        refusal = self._predecessor_refusal([self.tasks[i] for i in ids], stage)
        if refusal is not None:
            # The store does not know this gate: the drop itself says why it is refused.
            self._report_refusal(refusal)
            return False
        cards = self._cells[cell]
        before = self._first_not_moving(cards, row, set(ids))
        return self.mover(ids, stage.key, before, self._lane_assignment(cell))

    def _report_refusal(self, reason: str) -> None:
        # Where the mover's own refusals go (the window's banner): the mover is an action of
        # the window's history.
        owner = getattr(self.mover, "__self__", None)
        if isinstance(owner, EntityActions):
            owner.history.failed.emit(reason)

    def _lane_assignment(self, cell: int) -> LaneAssignment:
        column = LANE_FIELD.get(self.grouping)
        if column is None or not self.stages:
            return None
        lane = self.lanes[cell // len(self.stages)]
        return column, lane.key

    def _first_not_moving(self, cards: list[int], row: int, moving: set[int]) -> int | None:
        """The card the dropped ones land above: the first one at or after `row` that is not
        itself being moved; None means the end of the stage."""
        if row < 0:
            return None
        for task_id in cards[row:]:
            if task_id not in moving:
                return task_id
        return None
