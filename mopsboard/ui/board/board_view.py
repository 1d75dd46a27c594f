"""The board: a filter bar over a row of stage columns (optionally split into swimlanes)."""

from __future__ import annotations

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import describe
from mopsboard.domain.filtering import ANY, Grouping, TaskFilter
from mopsboard.domain.ids import StageId, TaskId
from mopsboard.domain.models import Stage, Task
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.board.board_parts import Lane
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.board.board_selection import BoardSelection
from mopsboard.ui.board.card_delegate import CardDelegate
from mopsboard.ui.board.card_dialogs import ask_to_archive
from mopsboard.ui.board.card_menu import CardMenu
from mopsboard.ui.board.drag_feedback import DragFeedback
from mopsboard.ui.board.drag_scroll import DragScroller
from mopsboard.ui.board.filter_bar import FilterBar
from mopsboard.ui.board.header_strip import MARGIN, SPACING, HeaderStrip, shape_column
from mopsboard.ui.board.stage_header import (
    StageHeader,
    column_background,
    over_state,
    set_state,
)
from mopsboard.ui.board.stage_list import StageListView

COLUMN_MIN_WIDTH = 212
COLUMN_MAX_WIDTH = 340


class BoardView(QWidget):
    """Signals ask the main window to open the editor; every change goes through the actions."""

    openTask = Signal(int)
    newTaskRequested = Signal(int)  # stage id

    def __init__(
        self, model: BoardModel, actions: WorkspaceActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("boardPage")
        self.model = model
        self.workspace_actions = actions
        self.filter_bar = FilterBar()
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("boardScroll")
        # Tab goes to the columns themselves: the area around them is no stop of its own.
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header_strip = HeaderStrip(self.scroll_area)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.header_strip)
        layout.addWidget(self.scroll_area, 1)
        self.views: list[StageListView] = []
        self.headers: list[StageHeader] = []
        self.columns: list[QFrame] = []
        self.quick_adds: list[QLineEdit] = []
        self.drag_feedback = DragFeedback(self)
        self.drag_scroller = DragScroller(self.scroll_area)
        self.selection = BoardSelection()

        self.filter_bar.filterChanged.connect(self._apply_filter)
        self.filter_bar.groupingChanged.connect(self._apply_grouping)
        model.lanesChanged.connect(self.rebuild)
        model.summaryChanged.connect(self.update_headers)
        model.boardReloaded.connect(lambda: self.filter_bar.set_lookups(model.lookups))
        self.rebuild()

    # -- building the grid ----------------------------------------------------------------------

    def rebuild(self) -> None:
        focused = self.focused_task_id()
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.views, self.headers, self.columns, self.quick_adds = [], [], [], []
        grid_host = QWidget()
        grid_host.setObjectName("boardGrid")
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(MARGIN, 6, MARGIN, MARGIN)
        grid.setHorizontalSpacing(SPACING)
        grid.setVerticalSpacing(6)
        stages = self.model.stages
        lanes = self.model.lanes
        grouped = self.model.grouping is not Grouping.NONE
        self._add_headers(stages)
        shape_column(grid, len(stages))
        for lane_number, lane in enumerate(lanes):
            self._add_lane(grid, lane_number, lane, stages, grouped)
        self._add_quick_adds(grid, stages, 2 + len(lanes) * 2)
        if grouped:
            grid.setRowStretch(3 + len(lanes) * 2, 1)
        else:
            grid.setRowStretch(2, 1)
        if not stages:
            empty = QLabel("This board has no stages yet: add one with Edit \u25b8 Stages.")
            empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(empty, 0, 0)
        self.scroll_area.setWidget(grid_host)
        self.selection.follow(self.views)
        self.update_headers()
        if focused is not None:
            self.select_task(focused)

    def _add_headers(self, stages: list[Stage]) -> None:
        for stage in stages:
            header = StageHeader()
            header.setObjectName(f"stageHeader-{stage.id}")
            self.headers.append(header)
        self.header_strip.set_headers(self.headers, COLUMN_MIN_WIDTH, COLUMN_MAX_WIDTH)

    def _add_lane(
        self, grid: QGridLayout, lane_number: int, lane: Lane, stages: list[Stage], grouped: bool
    ) -> None:
        """One swimlane: its title (when grouped), then a cell per stage on the row below."""
        row = 1 + lane_number * 2
        if grouped:
            title = QLabel(("\u25cf " if lane.colour else "") + lane.title)
            title.setObjectName("laneTitle")
            if lane.colour:
                title.setStyleSheet(f"QLabel {{ color: {lane.colour}; }}")
            grid.addWidget(title, row, 0, 1, max(1, len(stages)))
        for column, stage in enumerate(stages):
            cell_row = lane_number * len(stages) + column
            view = StageListView(self.model, cell_row)
            view.setObjectName(f"stageList-{stage.id}" + (f"-lane{lane_number}" if grouped else ""))
            lane_text = f", {lane.title}" if grouped else ""
            view.setAccessibleName(f"{stage.name}{lane_text} cards")
            self._connect_view(view, column)
            frame = self._cell_frame(view, grouped)
            self.views.append(view)
            self.columns.append(frame)
            grid.addWidget(frame, row + 1, column)

    @staticmethod
    def _cell_frame(view: StageListView, grouped: bool) -> QFrame:
        frame = QFrame()
        frame.setObjectName("stageColumn")
        frame.setMinimumWidth(COLUMN_MIN_WIDTH)
        frame.setMaximumWidth(COLUMN_MAX_WIDTH)
        box = QVBoxLayout(frame)
        box.setContentsMargins(4, 2, 4, 4)
        box.addWidget(view)
        if grouped:
            # Cells of one lane share a row height; short ones keep their cards at the top.
            box.addStretch(1)
            view.fit_to_cards(max_cards=5)
        else:
            view.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        return frame

    def _add_quick_adds(self, grid: QGridLayout, stages: list[Stage], row: int) -> None:
        if not self.model.editable:
            return
        for column, stage in enumerate(stages):
            quick = QLineEdit()
            quick.setAccessibleName(f"Add a task to {stage.name}")
            quick.setPlaceholderText("+ Add a task")
            quick.setProperty("stageId", stage.id)
            quick.returnPressed.connect(lambda q=quick, s=stage.key: self._quick_add(q, s))
            quick.setObjectName("quickAdd")
            self.quick_adds.append(quick)
            grid.addWidget(quick, row, column)

    def _connect_view(self, view: StageListView, column: int) -> None:
        view.openRequested.connect(self.openTask.emit)
        view.archiveRequested.connect(self.archive_tasks)
        view.stepRequested.connect(self._step)
        view.nudgeRequested.connect(lambda task_id, offset, v=view: self._nudge(v, task_id, offset))
        view.focusNeighbour.connect(lambda offset, v=view: self._focus_neighbour(v, offset))
        view.menuRequested.connect(lambda ids, point, v=view: self._card_menu(v, ids, point))
        view.emptyDoubleClicked.connect(
            lambda v=view: self.newTaskRequested.emit(self._stage_id_of(v))
        )
        view.dragRefused.connect(
            lambda reason, v=view: self.drag_feedback.refused(v.parentWidget() or v, reason)
        )
        view.dragAllowed.connect(self.drag_feedback.clear)
        view.dragEnded.connect(self.drag_feedback.clear)
        # Said where the window says refused changes (its banner), after the hover's words go.
        view.dropRefused.connect(self.workspace_actions.failed.emit)
        for hovering in (view.dragAllowed, view.dragRefused):
            hovering.connect(lambda *_args: self.drag_scroller.follow())
        view.dragStarted.connect(lambda: self.drag_scroller.follow(own_drag=True))
        view.dragFinished.connect(self.drag_scroller.stop)
        view.dropped.connect(self._dropped)

    def update_headers(self) -> None:
        summaries = self.model.stage_summaries()
        for header, summary in zip(self.headers, summaries, strict=False):
            header.show_summary(summary)
        stage_count = max(1, len(self.model.stages))
        for n, frame in enumerate(self.columns):
            over = over_state(summaries[n % stage_count]) if summaries else "false"
            if set_state(frame, "over", over):
                view = self.views[n]
                delegate = view.itemDelegate()
                if isinstance(delegate, CardDelegate):
                    delegate.background = column_background(over)
                view.viewport().update()

    # -- actions from the views -----------------------------------------------------------------

    def _apply_filter(self, wanted: TaskFilter) -> None:
        self.model.set_filter(wanted)

    def _apply_grouping(self, grouping: Grouping) -> None:
        self.model.set_grouping(grouping)

    def _quick_add(self, line: QLineEdit, stage_id: StageId) -> None:
        title = line.text().strip()
        if not title or self.model.board_id is None:
            return
        wanted = self.model.filter
        fields: dict[str, object] = {}
        # A card added while the board is filtered takes the filter's values, so it stays in view.
        for name in ("campaign_id", "persona_id", "assignee_id", "team_id"):
            value = getattr(wanted, name)
            if value != ANY and value is not None:
                fields[name] = value
        try:
            task = Task.model_validate(
                {"board_id": self.model.board_id, "stage_id": stage_id, "title": title, **fields}
            )
        except ValidationError as error:
            # Said in the banner; the typed text stays in the line to be corrected.
            self.workspace_actions.failed.emit(describe(error))
            return
        created = self.workspace_actions.add_task(task)
        if created is not None:
            line.clear()
            # The new card is at the foot of the column, maybe far below what is shown: it is
            # brought into view and selected, while typing goes on in the line (kept in view
            # too where both fit).
            self.reveal([created.key], focus=False, beside=line)

    def reveal(
        self, task_ids: list[TaskId], *, focus: bool = True, beside: QWidget | None = None
    ) -> bool:
        """Selects cards and scrolls the first into view, in its column and on the board (a
        card in a swimlane far down), with `beside` too if both fit; False when the board
        does not show them."""
        if not self.selection.select(task_ids, focus=focus):
            return False
        task_id = self.selection.task_ids()[0]
        view = next(v for v in self.views if task_id in v.selected_task_ids())
        row = view.cell_model.row_of(task_id)
        card = view.visualRect(view.cell_model.index(row or 0, 0))
        # A swimlane's cell grows with its cards, and the board with it: laid out first, so the
        # card is looked for where it will be.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if beside is not None:
            self.scroll_area.ensureWidgetVisible(beside)
        host = self.scroll_area.widget()
        if host is not None:
            centre = view.viewport().mapTo(host, card.center())
            # The whole card, with a little air around it.
            self.scroll_area.ensureVisible(
                centre.x(), centre.y(), card.width() // 2 + 8, card.height() // 2 + 8
            )
        return True

    def _dropped(self, task_ids: list[int]) -> None:
        self.drag_scroller.stop()
        self.select_tasks([TaskId(i) for i in task_ids])

    def archive_tasks(self, task_ids: list[TaskId]) -> bool:
        """Archives cards (one undo step), asking first when there are several."""
        if not task_ids or (len(task_ids) > 1 and not ask_to_archive(self, len(task_ids))):
            return False
        self.workspace_actions.archive_tasks(task_ids)
        return True

    def archive_selected(self) -> bool:
        """Archives the selected cards, as Delete does (for the window's Archive command)."""
        return self.archive_tasks(self.selected_task_ids())

    def _stage_id_of(self, view: StageListView) -> int:
        stage = self.model.stage_of_cell(view.cell_row)
        return stage.key if stage is not None else 0

    def _card_menu(self, view: StageListView, task_ids: list[TaskId], point: QPoint) -> None:
        self.popup(self.card_menu(view, task_ids), view.viewport().mapToGlobal(point))

    def popup(self, menu: QMenu, where: QPoint) -> None:
        menu.exec(where)

    def card_menu(self, view: StageListView, task_ids: list[TaskId]) -> QMenu:
        """Right-click on cards (see ui/board/card_menu.py)."""
        stage = self.model.stage_of_cell(view.cell_row)
        here = stage.key if stage is not None else None
        return CardMenu(
            self,
            self.model,
            self.workspace_actions,
            task_ids,
            here,
            self.openTask.emit,
            self.reveal,
        )

    def _step(self, task_ids: list[TaskId], offset: int) -> None:
        if self.workspace_actions.step_tasks(task_ids, offset):
            self.select_tasks(task_ids)

    def _nudge(self, view: StageListView, task_id: TaskId, offset: int) -> None:
        neighbours = self.model.cell_task_ids(view.cell_row)
        if self.workspace_actions.nudge_task(task_id, neighbours, offset):
            self.select_task(task_id)

    def _focus_neighbour(self, view: StageListView, offset: int) -> None:
        index = self.views.index(view) + offset
        if 0 <= index < len(self.views) and self.views[index].cell_row // max(
            1, len(self.model.stages)
        ) == view.cell_row // max(1, len(self.model.stages)):
            target = self.views[index]
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            ids = self.model.cell_task_ids(target.cell_row)
            if ids:
                target.select_task(ids[0])

    # -- selection ------------------------------------------------------------------------------

    def select_task(self, task_id: TaskId) -> bool:
        return self.selection.select([task_id])

    def select_tasks(self, task_ids: list[TaskId]) -> bool:
        return self.selection.select(task_ids)

    def focused_stage_id(self) -> int | None:
        for view in self.views:
            if view.hasFocus():
                stage = self.model.stage_of_cell(view.cell_row)
                return stage.id if stage is not None else None
        return None

    def focused_task_id(self) -> TaskId | None:
        return self.selection.focused_task_id()

    def selected_task_ids(self) -> list[TaskId]:
        return self.selection.task_ids()

    def view_for_stage(self, stage_id: StageId, lane: int = 0) -> StageListView | None:
        for view in self.views:
            stage = self.model.stage_of_cell(view.cell_row)
            if (
                stage is not None
                and stage.id == stage_id
                and view.cell_row // max(1, len(self.model.stages)) == lane
            ):
                return view
        return None
