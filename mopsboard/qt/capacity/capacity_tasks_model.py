"""The tasks behind one cell of the capacity map, with the hours each puts in that week. Rows
can be dragged onto the map: to another person's row (reassign) or another week (reschedule)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from mopsboard.domain.capacity import CapacityMap, Contribution, Row, RowKind
from mopsboard.io.capacity_export import hours_text
from mopsboard.qt.capacity.capacity_model import CAPACITY_MIME, CapacityModel, capacity_mime

AnyIndex = QModelIndex | QPersistentModelIndex
TaskIdRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Task", "Hours", "Who", "Dates")


@functools.lru_cache(maxsize=4096)
def _span(start: date | None, due: date | None) -> str:
    # A list of hundreds of tasks shares a few dozen spans: each is written once.
    if due is None:
        return ""
    if start is None or start == due:
        return f"{due:%d %b}"
    return f"{start:%d %b} \u2013 {due:%d %b}"


class CellTasksModel(QAbstractTableModel):
    """Follows its capacity model: after any change it shows the same cell again, so a drop
    that takes a task away from the cell takes it off this list at once."""

    def __init__(self, capacity: CapacityModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.capacity_model = capacity
        self.row: Row | None = None
        self.week: int | None = None
        self.tasks: list[Contribution] = []
        # Each row's words (task, hours, who, dates), made once per refresh: a view asks for
        # them many times over (sizing its columns to the contents, then painting).
        self._texts: list[tuple[str, str, str, str]] = []
        self._shown_from: CapacityMap | None = None
        capacity.refreshed.connect(self._refresh)

    def show_cell(self, row: Row | None, week: int | None) -> None:
        self.row, self.week = row, week
        self._shown_from = None  # another cell, or the same asked for again: shown anew
        self._refresh()

    def _refresh(self) -> None:
        row, week, model = self.row, self.week, self.capacity_model
        if row is not None and (week is None or week >= model.period.weeks):
            week = None
        if row is not None:
            # The map's rows are rebuilt on a recompute: find the same row again by what it is.
            number = model.row_number(row.kind, row.key)
            row = model.row_at(number) if number is not None else None
        tasks = (
            []
            if row is None or week is None
            else model.capacity.contributions(row, week)
            + model.capacity.logged_contributions(row, week)
        )
        # The same map (only tasks changed since) and the same list: nothing to show again.
        unchanged = (row, week, tasks) == (self.row, self.week, self.tasks)
        if unchanged and self._shown_from is model.capacity:
            return
        self.beginResetModel()
        self.row, self.week, self.tasks = row, week, tasks
        self._shown_from = model.capacity
        self._texts = [
            (
                c.title,
                f"{hours_text(c.hours)} h{' logged' if c.logged else ''}",
                self._who(c),
                _span(c.start_date, c.due_date),
            )
            for c in tasks
        ]
        self.endResetModel()

    @property
    def week_start(self) -> date | None:
        if self.week is None:
            return None
        return self.capacity_model.period.start_of(self.week)

    def task_id_at(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.row() >= len(self.tasks):
            return None
        return self.tasks[index.row()].task_id

    def column_texts(self, column: int) -> list[str]:
        """The words of every row in a column, as shown."""
        return [texts[column] for texts in self._texts] if 0 <= column < len(HEADERS) else []

    def total_hours(self) -> float:
        """The hours still planned in the cell (logged ones are listed, not counted here)."""
        return sum(c.hours for c in self.tasks if not c.logged)

    # -- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.tasks):
            return None
        entry = self.tasks[index.row()]
        column = index.column()
        if role == TaskIdRole:
            return entry.task_id
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts[index.row()]
            return texts[column] if 0 <= column < len(texts) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if entry.logged:
                return (
                    f"{entry.title}: {entry.hours:.2f} h logged in this week by "
                    f"{self._who(entry)}. Double-click to edit the task."
                )
            return (
                f"{entry.title}: {entry.hours:.2f} h in this week; {self._who(entry)}; "
                f"{_span(entry.start_date, entry.due_date)}. Drag it onto another person or "
                "week; double-click to edit."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _who(self, entry: Contribution) -> str:
        member_id = entry.key[1]
        members = self.capacity_model.capacity.members
        if member_id is None or member_id not in members:
            return "Unassigned"
        return members[member_id].name

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        logged = index.row() < len(self.tasks) and self.tasks[index.row()].logged
        # Hours logged are done: only what is still planned moves to another person or week.
        return flags if logged else flags | Qt.ItemFlag.ItemIsDragEnabled

    # -- dragging -------------------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [CAPACITY_MIME]

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy, not move: the map writes the change, so nothing is to be removed from here
        # once the drop is done (the list follows the map instead).
        return Qt.DropAction.CopyAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in sorted(indexes, key=lambda i: i.row()):
            task_id = self.task_id_at(index)
            if index.row() < len(self.tasks) and self.tasks[index.row()].logged:
                continue
            if task_id is not None and task_id not in ids:
                ids.append(task_id)
        week = self.week_start
        data = capacity_mime(ids, week) if week is not None else QMimeData()
        data.setText("\n".join(c.title for c in self.tasks if c.task_id in ids))
        return data

    def is_total(self) -> bool:
        return self.row is not None and self.row.kind is RowKind.TOTAL
