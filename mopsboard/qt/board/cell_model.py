"""A flat list model for one cell of the board model (one stage, or a stage within a swimlane).

Qt's list views re-lay out and repaint on every layout signal of their model, whichever part of
the model it concerns. Viewing the board model through one of these per cell means a drop
disturbs only the two columns it touches, so a 10,000-card board moves a card in milliseconds.
The board model stays the one source of truth: these hold no data of their own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mopsboard.domain.models import Task

AnyIndex = QModelIndex | QPersistentModelIndex
# Cards a view holds before it asks for more (it does when scrolled to the end): a re-layout after a
# drop then walks a page, not a whole 2,000-card column.
PAGE = 100


_READ_ONLY_CARD = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_EDITABLE_CARD = _READ_ONLY_CARD | Qt.ItemFlag.ItemIsDragEnabled


def card_flags(*, editable: bool) -> Qt.ItemFlag:
    """A card can be selected and opened; dragged only where the workspace can be written.
    (Worked out once: Qt asks for every row's flags many times a frame, and each `|` of two
    flags is a call into Python's enum.)"""
    return _EDITABLE_CARD if editable else _READ_ONLY_CARD


class CellSource(Protocol):
    """What a cell needs of the board model it shows a part of (the board model is one). Named
    here, not imported, so the board model can make its cells without the two importing each
    other."""

    @property
    def tasks(self) -> Mapping[int, Task]: ...
    @property
    def editable(self) -> bool: ...
    def read_tasks(self, task_ids: Iterable[int]) -> None: ...
    def cell_task_ids(self, cell_row: int) -> list[int]: ...
    def index(self, row: int, column: int, parent: AnyIndex = ...) -> QModelIndex: ...
    def task_data(self, task_id: int, role: int) -> Any: ...
    def mimeTypes(self) -> list[str]: ...
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData: ...
    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool: ...
    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool: ...


class CellModel(QAbstractListModel):
    def __init__(self, board: CellSource, cell_row: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.cell_row = cell_row
        self._ids: list[int] = board.cell_task_ids(cell_row)
        # The cards the view holds: the first pages of `_ids`.
        self._view: list[int] = self._ids[:PAGE]
        # While `follow` or `reset_to` changes the rows, a view (or the model tester) asking for
        # more from one of the change's signals would load from the new ids into a half-edited
        # list (or insert rows in the middle of a reset).
        self._changing = False

    @property
    def task_ids(self) -> list[int]:
        return self._ids

    def _board_index(self, index: AnyIndex) -> QModelIndex:
        return self.board.index(index.row(), 0, self.board.index(self.cell_row, 0))

    def task_at(self, index: AnyIndex) -> Task | None:
        if not index.isValid() or index.row() >= len(self._view):
            return None
        return self.board.tasks.get(self._view[index.row()])

    def row_of(self, task_id: int) -> int | None:
        """The row of a task in this cell, loading cards up to it if needed."""
        try:
            row = self._ids.index(task_id)
        except ValueError:
            return None
        self._load_to(row + 1)
        return row

    def _load_to(self, count: int) -> None:
        count = min(count, len(self._ids))
        loaded = len(self._view)
        if count <= loaded:
            return
        self.board.read_tasks(self._ids[loaded:count])
        self.beginInsertRows(QModelIndex(), loaded, count - 1)
        self._view = self._ids[:count]
        self.endInsertRows()

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not self._changing and not parent.isValid() and len(self._view) < len(self._ids)

    def fetchMore(self, parent: AnyIndex) -> None:
        if not self._changing and not parent.isValid():
            self._load_to(len(self._view) + PAGE)

    # -- following the board model --------------------------------------------------------------

    def follow(self, ids: list[int]) -> None:
        """The cell now shows `ids`. Cards leave and arrive with remove and insert signals and
        the rest reorders with a layout change, so the view keeps its scroll position and its
        selection stays on the same tasks."""
        if ids == self._ids:
            return
        self._changing = True
        try:
            self._follow(ids)
        finally:
            self._changing = False

    def _follow(self, ids: list[int]) -> None:
        fully_loaded = len(self._view) == len(self._ids)
        self._ids = ids
        target = ids if fully_loaded else ids[: max(len(self._view), PAGE)]
        wanted = set(target)
        # Runs of neighbouring rows go in one signal each: a filter that hides or shows most
        # of a column then costs a few signals, not one per card.
        row = len(self._view) - 1
        while row >= 0:
            if self._view[row] in wanted:
                row -= 1
                continue
            last = row
            while row > 0 and self._view[row - 1] not in wanted:
                row -= 1
            self.beginRemoveRows(QModelIndex(), row, last)
            del self._view[row : last + 1]
            self.endRemoveRows()
            row -= 1
        present = set(self._view)
        kept_order = [task_id for task_id in target if task_id in present]
        if kept_order != self._view:
            self._reorder(kept_order)
        row = 0
        while row < len(target):
            if row < len(self._view) and self._view[row] == target[row]:
                row += 1
                continue
            # Every card of `target` not in the view yet comes before the next one that is.
            end = row
            while end < len(target) and target[end] not in present:
                end += 1
            if end == row:
                row += 1
                continue
            self.beginInsertRows(QModelIndex(), row, end - 1)
            self._view[row:row] = target[row:end]
            self.endInsertRows()
            row = end

    def _reorder(self, order: list[int]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = [self._view[i.row()] if i.row() < len(self._view) else None for i in persistent]
        self._view = order
        where = {task_id: row for row, task_id in enumerate(order)}
        moved = [
            self.index(where[task_id], 0) if task_id in where else QModelIndex() for task_id in old
        ]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def cards_changed(self, task_ids: Collection[int]) -> None:
        """These tasks were edited: the rows that show them are painted again. (`follow` tells
        of cards that come, go or move; a card that stays put needs telling too.)"""
        for row, task_id in enumerate(self._view):
            if task_id in task_ids:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)

    def reset_to(self, ids: list[int]) -> None:
        self._changing = True
        try:
            self.board.read_tasks(ids[:PAGE])
            self.beginResetModel()
            self._ids = ids
            self._view = ids[:PAGE]
            self.endResetModel()
        finally:
            self._changing = False

    # -- QAbstractListModel ---------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._view)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._view):
            return None
        # By task, not by row: while `follow` edits the rows, the board already holds the new
        # order and the same row there may be another card.
        return self.board.task_data(self._view[index.row()], role)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            # The view's empty space is where drops land at the end of the cell.
            return Qt.ItemFlag.ItemIsDropEnabled
        return card_flags(editable=self.board.editable)

    def mimeTypes(self) -> list[str]:
        return self.board.mimeTypes()

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        return self.board.mimeData([self._board_index(i) for i in indexes if i.isValid()])

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return self.board.canDropMimeData(
            data, action, row, column, self.board.index(self.cell_row, 0)
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if parent.isValid():
            # Dropped onto a card: land just above it.
            row = parent.row()
        return self.board.dropMimeData(
            data, action, row, column, self.board.index(self.cell_row, 0)
        )
