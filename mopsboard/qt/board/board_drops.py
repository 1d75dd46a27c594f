"""Drag and drop for the board model: the MIME data a drag carries (task ids) and where a drop
lands (the stage of the cell, above which card, and in a swimlane the field to set)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from mopsboard.domain.filtering import Grouping
from mopsboard.domain.ids import StageId
from mopsboard.domain.models import Stage, Task
from mopsboard.qt.board.board_parts import TASK_MIME, Lane, task_ids_from_mime

AnyIndex = QModelIndex | QPersistentModelIndex
# (task ids in drag order, target stage id, task id to land above or None for the end) -> done?
# ... and, in a swimlane of another campaign (persona, assignee, team), the field to set.
LaneAssignment = tuple[str, int | None] | None
Mover = Callable[[list[int], StageId, int | None, LaneAssignment], bool]
LANE_FIELD = {
    Grouping.CAMPAIGN: "campaign_id",
    Grouping.PERSONA: "persona_id",
    Grouping.ASSIGNEE: "assignee_id",
    Grouping.TEAM: "team_id",
}


class BoardDrops:
    """Mixed into BoardModel, whose state it reads."""

    if TYPE_CHECKING:
        stages: list[Stage]
        tasks: dict[int, Task]
        lanes: list[Lane]
        grouping: Grouping
        mover: Mover | None
        _cells: list[list[int]]

        def _task_id_of(self, index: AnyIndex) -> int | None: ...

        def stage_of_cell(self, cell_row: int) -> Stage | None: ...

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
        data.setText("\n".join(self.tasks[i].title for i in ids if i in self.tasks))
        return data

    task_ids_from_mime = staticmethod(task_ids_from_mime)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        ids = self.task_ids_from_mime(data)
        return bool(ids) and all(i in self.tasks for i in ids) and self._drop_cell(parent) >= 0

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
        if not ids or stage is None or self.mover is None:
            return False
        if parent.isValid() and parent.internalId() != 0:
            # Dropped onto a card: land just above it.
            row = parent.row()
        cards = self._cells[cell]
        before = self._first_not_moving(cards, row, set(ids))
        return self.mover(ids, stage.key, before, self._lane_assignment(cell))

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
