"""The capacity heat map as a table model: one row per team total, member and Unassigned row;
a name column, a WIP column, then one column per week.

The model follows the store: a change to a few tasks re-reads only those tasks and updates the
cells they touch (the domain map follows single-task changes); changes to people, teams, time
off or stages recompute the map. WIP counts come from the workspace's WipWatch. Dropping tasks
(from the drill-down list) on a cell reassigns them to that row and moves them to that week,
through `replanner`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from mopsboard.domain.calendar import Period, weekdays_text
from mopsboard.domain.capacity import (
    EPSILON,
    CapacityMap,
    Cell,
    LoadLevel,
    Row,
    RowKey,
    RowKind,
)
from mopsboard.io.capacity_export import hours_text
from mopsboard.qt.capacity.wip_watch import WipWatch
from mopsboard.qt.common import palette
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
CAPACITY_MIME = "application/x-mopsboard-capacity-tasks"
NAME_COLUMN, WIP_COLUMN, FIRST_WEEK_COLUMN = 0, 1, 2
RowKindRole = Qt.ItemDataRole.UserRole + 10
LevelRole = Qt.ItemDataRole.UserRole + 11
TeamColourRole = Qt.ItemDataRole.UserRole + 12
OverWipRole = Qt.ItemDataRole.UserRole + 13
# True for a week that ended before today: its cell shows hours logged, not planned.
PastRole = Qt.ItemDataRole.UserRole + 14
# (task ids, target row or None to keep the assignee, days to move the dates by) -> done?
Replanner = Callable[[list[int], RowKey | None, int], bool]

LEVEL_WORDS = {
    LoadLevel.EMPTY: "nothing planned, no hours available",
    LoadLevel.UNDER: "under 80% booked",
    LoadLevel.FULL: "80 to 100% booked",
    LoadLevel.OVER: "over-booked",
    LoadLevel.NO_CAPACITY: "planned with no hours available",
}
_CHANGES_THAT_RECOMPUTE = frozenset({"members", "teams", "time_off", "stages", "boards"})
# What a week's cell answers; a view asks for more roles than these.
_CELL_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        LevelRole,
        PastRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


def capacity_mime(task_ids: Iterable[int], week: date) -> QMimeData:
    """What a drag from the drill-down carries: the tasks and the week they were dragged from."""
    data = QMimeData()
    payload = {"task_ids": list(task_ids), "week": week.isoformat()}
    data.setData(CAPACITY_MIME, QByteArray(json.dumps(payload).encode()))
    return data


def read_capacity_mime(data: QMimeData) -> tuple[list[int], date] | None:
    if not data.hasFormat(CAPACITY_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(CAPACITY_MIME).data()).decode())
        ids = [int(i) for i in payload["task_ids"] if isinstance(i, int)][:10_000]
        return ids, date.fromisoformat(str(payload["week"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


class CapacityModel(QAbstractTableModel):
    refreshed = Signal()

    def __init__(
        self, workspace: Workspace, parent: QObject | None = None, *, active: bool = True
    ) -> None:
        super().__init__(parent)
        # While its view is hidden the map does not follow task edits (a board drag must not pay
        # for it): it only notes that it is stale, and catches up when shown again.
        self.active = active
        self.stale = True
        self.workspace = workspace
        self.period = Period.of(date.today(), 8)
        self.team_id: int | None = None
        self.today = date.today()
        self.replanner: Replanner | None = None
        self.capacity = CapacityMap(self.period, [], [])
        self._cells: dict[tuple[int, int], tuple[Cell, LoadLevel, str]] = {}
        self.wip_watch = WipWatch.of(workspace)
        self.wip_watch.changed.connect(self._wip_changed)
        workspace.subscribe(self._on_change)
        if active:
            self.reload(recount_wip=False)  # the watch has just counted, or follows the file

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self.stale:
            # Stale for task edits only, which the WIP watch follows by itself.
            self.reload(recount_wip=False)

    @property
    def wip(self) -> dict[int, int]:
        return self.wip_watch.counts

    # -- loading and following the store --------------------------------------------------------

    def reload(self, *, recount_wip: bool = True) -> None:
        """Recomputes the map; `recount_wip` counts the WIP again at once too (after a change
        to people, stages or boards, which the watch counts only a moment later, or another
        program's, which it does not see)."""
        self.stale = False
        inputs = self.workspace.capacity_inputs(self.period)
        self.beginResetModel()
        self.today = date.today()
        self.capacity = inputs.compute(self.period, team_id=self.team_id)
        self._cells = {}
        self.endResetModel()
        if recount_wip:
            self.wip_watch.recount()
        self.refreshed.emit()

    def set_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.reload(recount_wip=False)

    def set_team(self, team_id: int | None) -> None:
        if team_id != self.team_id:
            self.team_id = team_id
            self.reload(recount_wip=False)

    def _on_change(self, change: Change) -> None:
        if change.table in ("tasks", "time_logs") and not self.active:
            self.stale = True
            return
        if change.table == "time_logs":
            # Hours logged move what is left of their tasks and fill the weeks they were logged
            # in: rare and small, so the map is read again.
            self.reload(recount_wip=False)
            return
        if change.table == "tasks" and change.ids:
            self.follow_tasks(change.ids)
        elif change.table == "tasks" or change.table in _CHANGES_THAT_RECOMPUTE:
            self.reload()

    def follow_tasks(self, task_ids: Iterable[int]) -> None:
        """Re-reads these tasks and updates only the cells (and WIP counts) they change."""
        ids = set(task_ids)
        items = self.workspace.capacity_items(ids)
        gone = ids - {item.id for item in items}
        layout = [(r.kind, r.key) for r in self.capacity.rows]
        touched = self.capacity.replace(items, gone)
        self._cells = {}
        if [(r.kind, r.key) for r in self.capacity.rows] != layout:
            self.beginResetModel()
            self.endResetModel()
        else:
            teams = {key[0] for key in touched}
            last = self.columnCount() - 1
            for number, row in enumerate(self.capacity.rows):
                if row.key in touched or (row.kind is RowKind.TOTAL and row.key[0] in teams):
                    self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        self.refreshed.emit()

    def _wip_changed(self) -> None:
        # Counted a moment after a change (see qt/wip_watch), so only that column follows.
        if self.rowCount():
            top, bottom = self.index(0, WIP_COLUMN), self.index(self.rowCount() - 1, WIP_COLUMN)
            self.dataChanged.emit(top, bottom)

    # -- what views ask -------------------------------------------------------------------------

    def row_at(self, number: int) -> Row | None:
        rows = self.capacity.rows
        return rows[number] if 0 <= number < len(rows) else None

    def week_of_column(self, column: int) -> int | None:
        week = column - FIRST_WEEK_COLUMN
        return week if 0 <= week < self.period.weeks else None

    def row_number(self, kind: RowKind, key: RowKey) -> int | None:
        for number, row in enumerate(self.capacity.rows):
            if row.kind is kind and row.key == key:
                return number
        return None

    def over_wip(self, row: Row) -> bool:
        member = row.member
        if member is None or member.wip_limit is None:
            return False
        return self.wip.get(member.key, 0) > member.wip_limit

    # -- QAbstractTableModel --------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.capacity.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_WEEK_COLUMN + self.period.weeks

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section == NAME_COLUMN:
            return "Team / member" if role == Qt.ItemDataRole.DisplayRole else None
        if section == WIP_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return "WIP"
            if role == Qt.ItemDataRole.ToolTipRole:
                return "Tasks in active stages, and the member's limit"
            return None
        week = self.week_of_column(section)
        if week is None:
            return None
        start = self.period.start_of(week)
        current = start <= self.today < start + timedelta(days=7)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{start:%d %b}\nweek {start.isocalendar().week}"
        if role == Qt.ItemDataRole.ToolTipRole:
            end = start + timedelta(days=6)
            when = " (this week)" * current
            if self.capacity.is_past(week):
                when = " (past: the hours logged)"
            return f"Monday {start:%d %b} to Sunday {end:%d %b %Y}{when}"
        if role == Qt.ItemDataRole.FontRole and self.capacity.is_past(week):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = index.column()
        if role == RowKindRole:
            return row.kind.value
        if role == TeamColourRole:
            return row.team.colour
        if column == NAME_COLUMN:
            return self._name_data(row, role)
        if column == WIP_COLUMN:
            return self._wip_data(row, role)
        week = self.week_of_column(column)
        if week is None or role not in _CELL_ROLES:
            return None
        cell, level, text = self._week_cell(index.row(), row, week)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == PastRole:
            return self.capacity.is_past(week)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # What a screen reader says of a cell: whose, which week, and the level in words.
            return (
                f"{row.label}, week of {self.period.start_of(week):%d %B}: "
                f"{self._spoken_hours(cell, week)} of {hours_text(cell.available)} hours, "
                f"{LEVEL_WORDS[level]}"
            )
        if role == LevelRole:
            return level.value
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(palette.current().load(level)[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(palette.current().load(level)[1])
        if role == Qt.ItemDataRole.ToolTipRole:
            load = f" ({cell.load:.0%})" if cell.load is not None else ""
            return (
                f"{row.label}, week of {self.period.start_of(week):%d %b}: "
                f"{self._hours_words(cell, week)} of {cell.available:.2f} h "
                f"available{load}; {LEVEL_WORDS[level]}. Click to see the tasks."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _hours_words(self, cell: Cell, week: int) -> str:
        """What a cell's hours are, in words: logged in a past week, planned in a later one,
        both in between (this week)."""
        logged = f"{cell.actual:.2f} h logged"
        if self.capacity.is_past(week):
            return logged
        planned = f"{cell.planned:.2f} h planned"
        return f"{logged} and {planned}" if cell.actual > EPSILON else planned

    def _spoken_hours(self, cell: Cell, week: int) -> str:
        if self.capacity.is_past(week):
            return f"{hours_text(cell.actual)} logged"
        if cell.actual > EPSILON:
            return f"{hours_text(cell.actual)} logged and {hours_text(cell.planned)} planned"
        return hours_text(cell.planned)

    def _week_cell(self, number: int, row: Row, week: int) -> tuple[Cell, LoadLevel, str]:
        """A week's cell, its level and its figures, worked out once per change of the map: a
        painted cell asks for them several times over, and a team's total sums its people."""
        found = self._cells.get((number, week))
        if found is None:
            cell = self.capacity.cell(row, week)
            text = f"{hours_text(cell.hours)} / {hours_text(cell.available)}"
            found = self._cells[(number, week)] = (cell, cell.level, text)
        return found

    def _name_data(self, row: Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return row.label
        if role == Qt.ItemDataRole.ToolTipRole:
            member = row.member
            if row.kind is RowKind.TOTAL:
                return f"{row.team.name} ({row.team.kind.value}): the team's total"
            if member is None:
                return f"Work for {row.team.name} that nobody is assigned to yet"
            days = weekdays_text(member.working_days)
            country = f", holidays of {member.holiday_country}" if member.holiday_country else ""
            inactive = " (inactive)" if not member.active else ""
            return (
                f"{member.name}{inactive}: {member.weekly_hours:g} h a week on {days}, "
                f"{member.availability:.0%} available for planned work{country}"
            )
        return None

    def _wip_data(self, row: Row, role: int) -> Any:
        member = row.member
        if member is None:
            return None
        count = self.wip.get(member.key, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{count} / {member.wip_limit}" if member.wip_limit is not None else str(count)
        if role == OverWipRole:
            return self.over_wip(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            limit = f"; the limit is {member.wip_limit}" if member.wip_limit is not None else ""
            return f"{count} tasks in active stages{limit}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if row.kind is not RowKind.TOTAL and index.column() != WIP_COLUMN:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        return flags

    # -- dropping tasks from the drill-down -----------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [CAPACITY_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def _target(self, row: int, column: int, parent: AnyIndex) -> tuple[Row, int | None] | None:
        # Only a drop onto a cell counts: the view turns a drop on a cell that takes none (a
        # team total) into one between rows, which would land on the neighbouring row.
        if not parent.isValid():
            return None
        number, col = parent.row(), parent.column()
        target = self.row_at(number)
        if target is None or target.kind is RowKind.TOTAL or col == WIP_COLUMN:
            return None
        return target, self.week_of_column(col)

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return (
            read_capacity_mime(data) is not None and self._target(row, column, parent) is not None
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        payload = read_capacity_mime(data)
        target = self._target(row, column, parent)
        if payload is None or target is None or self.replanner is None:
            return False
        task_ids, source_week = payload
        target_row, week = target
        shift = (self.period.start_of(week) - source_week).days if week is not None else 0
        keys = {self.capacity.key_of(task_id) for task_id in task_ids}
        # Dropped on its own row: only the dates change.
        new_owner = None if keys == {target_row.key} else target_row.key
        if new_owner is None and shift == 0:
            return False
        return self.replanner(task_ids, new_owner, shift)
