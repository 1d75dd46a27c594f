"""A board's archived cards, as a table: the card, the stage it returns to, its campaign,
assignee and due date, and when it was archived; and a filter that finds them by text, the way
the board's filter box does (title, description, labels).

The model follows the store lazily (qt/common/follow.py): shown, it re-reads after any change
to the board's tasks, so a restore or an undo shows at once.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mopsboard.domain.filtering import search_text
from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.domain.models import Task
from mopsboard.qt.board.board_parts import Lookups
from mopsboard.qt.common.follow import Follower
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
TaskIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Card", "Stage", "Campaign", "Assignee", "Due", "Archived")
CARD, STAGE, CAMPAIGN, ASSIGNEE, DUE, ARCHIVED = range(len(COLUMNS))
WATCHED = frozenset({"tasks", "stages", "campaigns", "members", "boards"})


def _day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.strftime("%d %b %Y")


class ArchiveModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.board_id: BoardId | None = None
        self.tasks: list[Task] = []
        self.stage_names: dict[int, str] = {}
        self.lookups = Lookups()
        # Folded once per load, so each keystroke in the filter only compares.
        self.search: list[str] = []
        self.follower = Follower(workspace, WATCHED, self.reload, self)

    # -- following the store --------------------------------------------------------------------

    def set_board(self, board_id: BoardId | None) -> None:
        self.board_id = board_id
        self.reload()

    def set_active(self, active: bool) -> None:
        """The table is shown (True) or hidden: only a shown table re-reads on changes."""
        self.follower.set_active(active)

    def reload(self) -> None:
        self.follower.loaded()
        board_id = self.board_id
        tasks: list[Task] = []
        if board_id is not None:
            tasks = [t for t in self.workspace.tasks(board_id, include_archived=True) if t.archived]
            self.stage_names = {s.key: s.name for s in self.workspace.stages(board_id)}
        # The most recently archived first: what the user is most likely looking for.
        tasks.sort(key=lambda t: t.updated_at.timestamp() if t.updated_at else 0.0, reverse=True)
        self.beginResetModel()
        self.tasks = tasks
        self.lookups = Lookups.load(self.workspace)
        self.search = [search_text(t) for t in tasks]
        self.endResetModel()

    def task_id_at(self, row: int) -> TaskId | None:
        return self.tasks[row].key if 0 <= row < len(self.tasks) else None

    def row_of(self, task_id: int) -> int:
        return next((row for row, task in enumerate(self.tasks) if task.id == task_id), -1)

    # -- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.tasks):
            return None
        task = self.tasks[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(task, column)
        if role == SortRole:
            return self._sort_value(task, column)
        if role == TaskIdRole:
            return task.key
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == CARD and task.description:
                return f"{task.title}\n\n{task.description[:300]}"
            return self._text(task, column) or None
        return None

    def _text(self, task: Task, column: int) -> str:
        if column == CARD:
            return task.title
        if column == STAGE:
            return self.stage_names.get(task.stage_id, "")
        if column == CAMPAIGN:
            campaign = self.lookups.campaigns.get(task.campaign_id or 0)
            return campaign.name if campaign else ""
        if column == ASSIGNEE:
            member = self.lookups.members.get(task.assignee_id or 0)
            return member.name if member else ""
        if column == DUE:
            return _day(task.due_date)
        return _day(task.updated_at)

    def _sort_value(self, task: Task, column: int) -> str:
        # Sortable text: dates in ISO form, names folded.
        if column == DUE:
            return task.due_date.isoformat() if task.due_date else ""
        if column == ARCHIVED:
            return task.updated_at.isoformat() if task.updated_at else ""
        return self._text(task, column).casefold()


class ArchiveFilter(QSortFilterProxyModel):
    """The archived cards whose title, description or labels hold every word typed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.setSortRole(SortRole)

    def set_text(self, text: str) -> None:
        words = text.casefold().split()
        if words == self.words:
            return
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair; older Qt has only it.
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
        self.words = words
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not self.words or not isinstance(model, ArchiveModel):
            return True
        if not 0 <= source_row < len(model.search):
            return False
        text = model.search[source_row]
        return all(word in text for word in self.words)
