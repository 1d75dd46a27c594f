"""One cell of the board (a stage, or a stage within a swimlane) as a list view of cards."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QFrame, QListView, QWidget

from mopsboard.domain.ids import TaskId
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.board.board_parts import TASK_MIME, task_ids_from_mime
from mopsboard.ui.board.card_delegate import CARD_HEIGHT, MARGIN, CardDelegate
from mopsboard.ui.common.hotkeys import Hotkey, bind


class StageListView(QListView):
    """Keys: Ctrl+Left/Right move the selected cards to the previous/next stage, Ctrl+Up/Down move
    the current card within the stage, Enter opens it, Delete archives the selected cards,
    Left/Right go to the next column."""

    stepRequested = Signal(list, int)  # task ids, stage offset
    nudgeRequested = Signal(int, int)  # task id, row offset
    openRequested = Signal(int)
    archiveRequested = Signal(list)
    focusNeighbour = Signal(int)  # column offset
    menuRequested = Signal(list, QPoint)  # task ids, viewport position
    emptyDoubleClicked = Signal()
    # While a drag hovers: why a drop here would be refused, or that it would be taken.
    dragRefused = Signal(str)
    dragAllowed = Signal()
    # The drag left this view, was dropped on it, or (started here) ended wherever it went.
    dragEnded = Signal()
    # A drag of cards of this view begins, and (wherever it went) is over.
    dragStarted = Signal()
    dragFinished = Signal()
    dropped = Signal(list)  # the task ids of a drop this view took
    # The drag was let go over this view while it refused it: the reason, to be said after.
    dropRefused = Signal(str)

    def __init__(self, model: BoardModel, cell_row: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board_model = model
        self.cell_row = cell_row
        self.cell_model = model.cell_model(cell_row)
        self.setModel(self.cell_model)
        self.setItemDelegate(CardDelegate(self))
        self.setUniformItemSizes(True)
        # A grid lets the view lay out thousands of cards without asking the model about each.
        self.setGridSize(QSize(200, CARD_HEIGHT + 2 * MARGIN))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # A read-only workspace shows its cards and opens them, but offers nothing to change.
        self.editable = model.editable
        self._refusing = ""  # why the drag hovering here now would be refused
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # Drops are still taken in: the board model refuses them with the reason, said while
        # the drag hovers (a drag from another window onto a read-only one).
        self.setDragDropMode(
            QAbstractItemView.DragDropMode.DragDrop
            if self.editable
            else QAbstractItemView.DragDropMode.DropOnly
        )
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAutoScroll(True)
        self.setAutoScrollMargin(32)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("stageList")
        # Styled by this property: the board names each view after its stage.
        self.setProperty("role", "stageList")
        self.doubleClicked.connect(self._open_index)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self._bind_keys()

    def fit_to_cards(self, max_cards: int) -> None:
        """In a swimlane the view is as tall as its cards (up to `max_cards`), and stays so."""
        self._max_cards = max_cards
        self.cell_model.rowsInserted.connect(self._fit)
        self.cell_model.rowsRemoved.connect(self._fit)
        self.cell_model.modelReset.connect(self._fit)
        self._fit()

    def _fit(self, *_args: object) -> None:
        cards = max(1, min(self._max_cards, len(self.cell_model.task_ids)))
        self.setFixedHeight(cards * (CARD_HEIGHT + 2 * MARGIN) + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.setGridSize(QSize(max(120, self.viewport().width()), CARD_HEIGHT + 2 * MARGIN))
        super().resizeEvent(event)

    def selected_task_ids(self) -> list[TaskId]:
        rows = sorted(i.row() for i in self.selectionModel().selectedIndexes())
        ids = self.cell_model.task_ids
        return [TaskId(ids[r]) for r in rows if r < len(ids)]

    def current_task_id(self) -> TaskId | None:
        task = self.cell_model.task_at(self.currentIndex())
        if task is not None:
            return task.key
        selected = self.selected_task_ids()
        return selected[0] if selected else None

    def select_task(self, task_id: int) -> bool:
        return self.select_tasks([task_id])

    def select_tasks(self, task_ids: Sequence[int], *, focus: bool = True) -> bool:
        """Selects the cards of this cell among `task_ids` (only them), scrolled into view;
        False when it shows none of them."""
        rows = [row for row in (self.cell_model.row_of(i) for i in task_ids) if row is not None]
        if not rows:
            return False
        selection = QItemSelection()
        for row in rows:
            index = self.cell_model.index(row, 0)
            selection.select(index, index)
        first = self.cell_model.index(rows[0], 0)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(first, flags.NoUpdate)
        self.selectionModel().select(selection, flags.ClearAndSelect)
        self.scrollTo(first)
        if focus:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        task = self.cell_model.task_at(index)
        if task is not None and task.id is not None:
            self.openRequested.emit(task.id)

    def _context_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        if not index.isValid():
            return
        if not self.selectionModel().isSelected(index):
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        ids = self.selected_task_ids()
        if ids:
            self.menuRequested.emit(ids, point)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self.indexAt(event.position().toPoint()).isValid():
            # Double-click on the empty part of a column: a new task there.
            if self.editable:
                self.emptyDoubleClicked.emit()
            return
        super().mouseDoubleClickEvent(event)

    def _bind_keys(self) -> None:
        """The card keys (see the class docstring): actions that fire while this list has focus."""
        looking: tuple[tuple[Hotkey, Callable[[], None]], ...] = (
            (Hotkey.OPEN_CARD, self._open_current),
            (Hotkey.PREVIOUS_COLUMN, lambda: self.focusNeighbour.emit(-1)),
            (Hotkey.NEXT_COLUMN, lambda: self.focusNeighbour.emit(1)),
        )
        changing: tuple[tuple[Hotkey, Callable[[], None]], ...] = (
            (Hotkey.CARD_TO_PREVIOUS_STAGE, lambda: self._step(-1)),
            (Hotkey.CARD_TO_NEXT_STAGE, lambda: self._step(1)),
            (Hotkey.CARD_UP, lambda: self._nudge(-1)),
            (Hotkey.CARD_DOWN, lambda: self._nudge(1)),
            (Hotkey.ARCHIVE_CARDS, self._archive_selected),
        )
        for hotkey, slot in looking + (changing if self.editable else ()):
            action = bind(QAction(self), hotkey, Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, run=slot: run())
            self.addAction(action)

    def _step(self, offset: int) -> None:
        task_id = self.current_task_id()
        ids = self.selected_task_ids() or ([task_id] if task_id is not None else [])
        if ids:
            self.stepRequested.emit(ids, offset)

    def _nudge(self, offset: int) -> None:
        task_id = self.current_task_id()
        if task_id is not None:
            self.nudgeRequested.emit(task_id, offset)

    def _open_current(self) -> None:
        task_id = self.current_task_id()
        if task_id is not None:
            self.openRequested.emit(task_id)

    def _archive_selected(self) -> None:
        task_id = self.current_task_id()
        ids = self.selected_task_ids() or ([task_id] if task_id is not None else [])
        if ids:
            self.archiveRequested.emit(ids)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        super().dragEnterEvent(event)
        if not event.isAccepted() and event.mimeData().hasFormat(TASK_MIME):
            # Taken in even where the drop is refused: the moves that follow come here and say
            # why, each one refused (the forbidden cursor).
            event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        cell = self.board_model.index(self.cell_row, 0)
        reason = self.board_model.drop_refusal(event.mimeData(), cell)
        self._refusing = reason or ""
        if reason is None:
            self.dragAllowed.emit()
        else:
            event.ignore()
            if reason:
                self.dragRefused.emit(reason)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        refusing, self._refusing = self._refusing, ""
        self.dragEnded.emit()
        # A drop refused while hovering is never delivered: letting go over this view ends the
        # drag with a leave, the button already up (moving on keeps it down).
        if refusing and not QGuiApplication.mouseButtons() & Qt.MouseButton.LeftButton:
            self.dropRefused.emit(refusing)

    def dropEvent(self, event: QDropEvent) -> None:
        # Delivered anyway (a drag that never hovered): the drop's own refusal says why.
        self._refusing = ""
        super().dropEvent(event)
        self.dragEnded.emit()
        if event.isAccepted():
            self.dropped.emit(task_ids_from_mime(event.mimeData()))

    def startDrag(self, supported: Qt.DropAction) -> None:
        self.dragStarted.emit()
        super().startDrag(supported)
        # A drag released outside any view (or over a refusing one) ends here too.
        self.dragEnded.emit()
        self.dragFinished.emit()
