"""One item model for a board: top-level rows are cells (a swimlane x a stage), their children the
cards in that cell, in board order. Each stage column is a list view rooted at a cell, so a board
of 10,000 cards costs what is on screen.

The model follows the store: it subscribes to the workspace's change reports and re-reads only the
changed tasks, so undo, redo and edits from anywhere show up the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from mopsboard.domain.filtering import (
    Grouping,
    TaskFilter,
    is_overdue,
)
from mopsboard.domain.ids import BoardId
from mopsboard.domain.models import Stage, StageKind, Task
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.qt.board.board_drops import BoardDrops, Mover
from mopsboard.qt.board.board_following import BoardFollowing
from mopsboard.qt.board.board_layout import (
    cells_for,
    shown_ids,
    summaries_for,
)
from mopsboard.qt.board.board_parts import (
    Lane,
    Lookups,
    StageSummary,
    lanes_for,
    task_spoken,
    task_tooltip,
    workspace_key,
)
from mopsboard.qt.board.board_search import BoardSearch
from mopsboard.qt.board.board_tasks import BoardTasks
from mopsboard.qt.board.cell_model import PAGE, CellModel, card_flags
from mopsboard.qt.board.task_actions import TaskActions
from mopsboard.store.board_outline import CardOutline
from mopsboard.store.workspace import Workspace

TaskIdRole = Qt.ItemDataRole.UserRole + 1
StageIdRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class BoardModel(BoardSearch, BoardFollowing, BoardDrops, QAbstractItemModel):
    lanesChanged = Signal()
    summaryChanged = Signal()
    boardReloaded = Signal()

    def __init__(
        self,
        workspace: Workspace,
        parent: QObject | None = None,
        *,
        task_actions: TaskActions | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        # How a drag names this file (board_drops.py).
        self.workspace_name = workspace_key(workspace.path)
        self.board_id: BoardId | None = None
        self.stages: list[Stage] = []
        self.lookups = Lookups()
        self.tasks = BoardTasks.of(())
        # Every card's stage, order key, estimate and version, as this model last saw them.
        self._outline: dict[int, CardOutline] = {}
        self._search: dict[int, str] = {}
        self._stage_order: dict[int, list[int]] = {}
        self.filter = TaskFilter()
        self.grouping = Grouping.NONE
        self.lanes: list[Lane] = [Lane(None, "")]
        self._cells: list[list[int]] = []
        self.today = date.today()
        # A drop is written by the task actions (qt/board/task_actions.py); without them (a
        # model only looked at) every drop is refused.
        self.mover: Mover | None = task_actions.move_tasks if task_actions else None
        # Bumped whenever names or colours may have changed, so cached card images are redrawn.
        self.lookups_generation = 0
        # Estimated hours per stage, summed on demand and forgotten when a stage's cards change.
        self._stage_hours: dict[int, float] = {}
        self._cell_models: dict[int, CellModel] = {}
        # Folds the cards' search texts while the window is idle.
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._fold_while_idle)
        self._to_fold: list[int] = []
        workspace.subscribe(self._on_change)

    # -- loading --------------------------------------------------------------------------------

    def load(self, board_id: int | None) -> None:
        self.beginResetModel()
        self.board_id = board_id = None if board_id is None else BoardId(board_id)
        self.today = date.today()
        self.lookups = Lookups.load(self.workspace)
        self.lookups_generation += 1
        if board_id is None:
            self.stages, outline = [], []
        else:
            self.stages = self.workspace.stages(board_id)
            outline = self.workspace.board_outline(board_id)
        self._outline = {card.id: card for card in outline}
        self.tasks = BoardTasks(self.workspace.tasks_by_id, self._outline)
        # Folded search texts are made while idle or by the first text filter (board_search).
        self._search = {}
        self._stage_order = {s.key: [] for s in self.stages}
        self._stage_hours = {}
        for card in outline:
            # Cards arrive in rank order, so appending keeps each stage sorted.
            self._stage_order.setdefault(card.stage_id, []).append(card.id)
        self.lanes = self._compute_lanes()
        self._cells = self._compute_cells()
        # The cards the columns show first, in one read rather than one each.
        self.tasks.read(task_id for cell in self._cells for task_id in cell[:PAGE])
        self._start_folding(self._outline)
        self.endResetModel()
        self._reset_cell_models()
        self.lanesChanged.emit()
        self.summaryChanged.emit()
        self.boardReloaded.emit()

    def reload(self) -> None:
        self.load(self.board_id)

    def read_tasks(self, task_ids: Iterable[int]) -> None:
        """Reads these cards' tasks in one go, if not read yet (a column about to show them)."""
        self.tasks.read(task_ids)

    def _compute_lanes(self) -> list[Lane]:
        if self.grouping is Grouping.NONE:
            return lanes_for((), self.grouping, self.lookups)
        return lanes_for(self.tasks.values(), self.grouping, self.lookups)

    def _visible(self, task_ids: Iterable[int]) -> list[int]:
        done = {s.key for s in self.stages if s.kind is StageKind.DONE}
        return shown_ids(task_ids, self.tasks, self._search, self.filter, self.today, done)

    def _compute_cells(self, stage_ids: Collection[int] | None = None) -> list[list[int]]:
        """The cards of every cell; given `stage_ids`, only those stages' columns are worked
        out again (the cards of the others have not changed) and the rest kept."""
        words_only = self.filter == TaskFilter(text=self.filter.text)
        if not words_only or self.grouping is not Grouping.NONE:
            # They look at every card's task: the ones not read yet are read first, in one go.
            self.tasks.read_all()
        if self.filter.text:
            # Whatever idle time has not folded yet, in one go for the whole board.
            self._fold_search(self._outline)
        if stage_ids is None or len(self._cells) != len(self.stages) * len(self.lanes):
            return cells_for(
                self.stages, self.lanes, self.grouping, self._stage_order, self.tasks, self._visible
            )
        columns = [n for n, stage in enumerate(self.stages) if stage.key in stage_ids]
        fresh = cells_for(
            [self.stages[n] for n in columns],
            self.lanes,
            self.grouping,
            self._stage_order,
            self.tasks,
            self._visible,
        )
        cells = list(self._cells)
        for lane in range(len(self.lanes)):
            for i, column in enumerate(columns):
                cells[lane * len(self.stages) + column] = fresh[lane * len(columns) + i]
        return cells

    # -- filtering and grouping -----------------------------------------------------------------

    def set_filter(self, wanted: TaskFilter) -> None:
        if wanted == self.filter:
            return
        self.filter = wanted
        self._relayout()

    def set_grouping(self, grouping: Grouping) -> None:
        if grouping == self.grouping:
            return
        self.grouping = grouping
        self._lay_out_lanes()

    def _lay_out_lanes(self) -> None:
        """The swimlanes changed (a grouping, or a lane that came or went): every cell anew."""
        self.beginResetModel()
        self.lanes = self._compute_lanes()
        self._cells = self._compute_cells()
        self.endResetModel()
        self._reset_cell_models()
        self.lanesChanged.emit()
        self.summaryChanged.emit()

    # -- per-cell list models for the views -----------------------------------------------------

    def cell_model(self, cell_row: int) -> CellModel:
        """The list model a view of this cell shows; made once and reused while the cell exists."""
        model = self._cell_models.get(cell_row)
        if model is None:
            model = CellModel(self, cell_row, self)
            self._cell_models[cell_row] = model
        return model

    def _reset_cell_models(self) -> None:
        for cell_row, model in list(self._cell_models.items()):
            if cell_row >= len(self._cells):
                del self._cell_models[cell_row]
                model.deleteLater()
            else:
                model.reset_to(list(self._cells[cell_row]))

    def _follow_cells(self, cells: Collection[int] | None = None) -> None:
        for cell_row, model in self._cell_models.items():
            if cell_row < len(self._cells) and (cells is None or cell_row in cells):
                model.follow(list(self._cells[cell_row]))

    def _relayout(self, stage_ids: Collection[int] | None = None) -> None:
        """Cells change their cards but not their number: persistent indexes (the selection)
        follow their tasks, and cards that are no longer shown drop out of it. Given the
        stages whose cards changed, only their columns are worked out again."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        remembered = [self._task_id_of(index) for index in persistent]
        before = self._cells
        self._cells = self._compute_cells(stage_ids)
        where = self._rows_of({task_id for task_id in remembered if task_id is not None})
        new_indexes = []
        for index, remembered_id in zip(persistent, remembered, strict=True):
            if remembered_id is None:
                new_indexes.append(QModelIndex(self.index(index.row(), 0)))
            elif remembered_id in where:
                cell, row = where[remembered_id]
                new_indexes.append(self.createIndex(row, 0, cell + 1))
            else:
                new_indexes.append(QModelIndex())
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()
        changed = {
            n for n, ids in enumerate(self._cells) if n >= len(before) or ids is not before[n]
        }
        self._follow_cells(changed)
        self.summaryChanged.emit()

    def _cards_changed(self, task_ids: Collection[int]) -> None:
        """Tells the views of the board and of its cells that these cards' data changed, so a
        card edited in place (a new estimate, assignee, checklist) is painted again."""
        wanted = set(task_ids)
        if not wanted:
            return
        for cell, row in self._rows_of(wanted).values():
            index = self.createIndex(row, 0, cell + 1)
            self.dataChanged.emit(index, index)
        for cell_model in self._cell_models.values():
            cell_model.cards_changed(wanted)

    # -- what views and delegates ask -----------------------------------------------------------

    def cell_index(self, lane: int, column: int) -> QModelIndex:
        return self.index(lane * len(self.stages) + column, 0)

    def task_at(self, index: AnyIndex) -> Task | None:
        task_id = self._task_id_of(index)
        return self.tasks.get(task_id) if task_id is not None else None

    def _task_id_of(self, index: AnyIndex) -> int | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        cell = int(index.internalId()) - 1
        if cell >= len(self._cells) or index.row() >= len(self._cells[cell]):
            return None
        return self._cells[cell][index.row()]

    def index_of_task(self, task_id: int) -> QModelIndex:
        for cell, ids in enumerate(self._cells):
            if task_id in ids:
                return self.createIndex(ids.index(task_id), 0, cell + 1)
        return QModelIndex()

    def stage_of_cell(self, cell_row: int) -> Stage | None:
        if not self.stages:
            return None
        return self.stages[cell_row % len(self.stages)]

    def cell_task_ids(self, cell_row: int) -> list[int]:
        return list(self._cells[cell_row]) if 0 <= cell_row < len(self._cells) else []

    def stage_summaries(self) -> list[StageSummary]:
        return summaries_for(
            self.stages,
            len(self.lanes),
            self._cells,
            self._stage_order,
            self._outline,
            self._stage_hours,
        )

    def shown_count(self) -> int:
        return sum(len(cell) for cell in self._cells)

    @property
    def editable(self) -> bool:
        """Whether cards may be dragged and changed here: not in a read-only workspace."""
        return not self.workspace.read_only

    def is_done_stage(self, stage_id: int) -> bool:
        return any(s.id == stage_id and s.kind is StageKind.DONE for s in self.stages)

    # -- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._cells) else QModelIndex()
        if (
            parent.internalId() == 0
            and parent.row() < len(self._cells)
            and row < len(self._cells[parent.row()])
        ):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, child: AnyIndex | None = None) -> QModelIndex:  # type: ignore[override]
        if child is None or not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._cells)
        if parent.column() == 0 and parent.internalId() == 0 and parent.row() < len(self._cells):
            return len(self._cells[parent.row()])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            stage = self.stage_of_cell(index.row())
            if stage is None:
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return stage.name
            if role == StageIdRole:
                return stage.id
            return None
        task_id = self._task_id_of(index)
        return None if task_id is None else self.task_data(task_id, role)

    def task_data(self, task_id: int, role: int) -> Any:
        """A card's data, by task: what the cell models show of each of their rows."""
        task = self.tasks.get(task_id)
        if task is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return task.title
        if role == TaskIdRole:
            return task.id
        if role == StageIdRole:
            return task.stage_id
        if role == Qt.ItemDataRole.ToolTipRole:
            blocked = BlockedCards.of(self.workspace).describe(task_id)
            return task_tooltip(task, self.lookups) + (f"\n{blocked}" if blocked else "")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            stage = next((s.name for s in self.stages if s.id == task.stage_id), "")
            done = self.is_done_stage(task.stage_id)
            late = is_overdue(task.due_date, done=done, today=self.today)
            spoken = task_spoken(task, self.lookups, stage, late)
            blocked = BlockedCards.of(self.workspace).describe(task_id)
            return f"{spoken}, {blocked}" if blocked else spoken
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return card_flags(editable=self.editable)
