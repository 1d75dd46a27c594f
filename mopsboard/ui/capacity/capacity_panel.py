"""The capacity view's side panel: the tasks behind the chosen cell (drag them onto the map to
reassign or reschedule; double-click to edit) and the tasks the map does not count."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyleOptionViewItem,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.capacity import CapacityMap, RowKind
from mopsboard.io.capacity_export import hours_text
from mopsboard.qt.capacity.capacity_tasks_model import CellTasksModel, TaskIdRole
from mopsboard.ui.common.icons import Icon, icon

PANEL_WIDTH = 330
# Hours, who and dates are as wide as their widest words; the task's title takes the rest.
FITTED_COLUMNS = (1, 2, 3)
WHO_COLUMN = 2


class CellTasksView(QTableView):
    """The drill-down list: a drag source only."""

    def __init__(self, model: CellTasksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityCellTasks")
        self.setAccessibleName("Tasks behind the chosen cell")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Arrows move between rows; Tab leaves the list.
        self.setTabKeyNavigation(False)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in FITTED_COLUMNS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Sizes the fitted columns as Qt's ResizeToContents would, asking the delegate about
        the rows whose words are the widest only: Qt asks it about every row, and a cell of a
        large workspace lists hundreds of tasks."""
        model = self.model()
        if not isinstance(model, CellTasksModel):
            return
        header = self.horizontalHeader()
        metrics = QFontMetrics(self.font())
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegate()
        for column in FITTED_COLUMNS:
            # The row of each text width within two pixels of the widest (the delegate lays
            # text out as the metrics measure it, give or take a rounding).
            rows_by_width: dict[int, int] = {}
            for row, text in enumerate(model.column_texts(column)):
                rows_by_width.setdefault(metrics.horizontalAdvance(text), row)
            widest = max(rows_by_width, default=0)
            hint = 0
            for width, row in rows_by_width.items():
                if width >= widest - 2:
                    hint = max(hint, delegate.sizeHint(option, model.index(row, column)).width())
            if self.showGrid():
                hint += 1
            fitted = max(hint, header.sectionSizeHint(column))
            fitted = max(header.minimumSectionSize(), min(fitted, header.maximumSectionSize()))
            if header.sectionSize(column) != fitted:
                header.resizeSection(column, fitted)

    def show_who(self, shown: bool) -> None:
        """Shows or hides the Who column (it says something on a team's total only)."""
        if self.isColumnHidden(WHO_COLUMN) == shown:
            self.setColumnHidden(WHO_COLUMN, not shown)
            # A hidden column's heading has no width: measured again now that it shows.
            self.fit_columns()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit_columns()

    def selected_task_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        model = self.model()
        return [int(model.index(row, 0).data(TaskIdRole)) for row in rows]


class CapacityPanel(QWidget):
    openTask = Signal(int)

    def __init__(self, cell_model: CellTasksModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityPanel")
        self.cell_model = cell_model
        self.setMinimumWidth(280)
        self.setMaximumWidth(PANEL_WIDTH + 80)
        self.title = QLabel("Click a cell of the map")
        self.title.setObjectName("capacityCellTitle")
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.title.setFont(title_font)
        self.summary = QLabel("to see the tasks behind it, with the hours each puts in that week.")
        self.summary.setWordWrap(True)
        self.summary.setProperty("tone", "muted")
        self.tasks = CellTasksView(cell_model)
        self.tasks.doubleClicked.connect(self._open_index)
        hint = QLabel(
            "Drag a task onto another person (reassign) or another week (reschedule, keeping "
            "its span). Double-click to edit."
        )
        hint.setWordWrap(True)
        hint.setProperty("tone", "note")
        self.edit_button = QPushButton(icon(Icon.PENCIL), "Edit task\u2026")
        self.edit_button.setObjectName("capacityEditTask")
        self.edit_button.clicked.connect(self._edit_selected)

        self.uncounted_title = QLabel("Not counted")
        self.uncounted_title.setFont(title_font)
        self.uncounted = QTreeWidget()
        self.uncounted.setObjectName("capacityUncounted")
        self.uncounted.setAccessibleName("Tasks the map does not count")
        self.uncounted.setHeaderHidden(True)
        self.uncounted.setRootIsDecorated(False)
        self.uncounted.itemActivated.connect(self._open_item)
        self.uncounted.itemDoubleClicked.connect(self._open_item)
        self.fix_button = QPushButton(icon(Icon.PENCIL), "Fix\u2026")
        self.fix_button.setObjectName("capacityFixTask")
        self.fix_button.setToolTip("Open the task to give it what it lacks")
        self.fix_button.clicked.connect(self._fix_selected)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.tasks, 3)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        layout.addSpacing(6)
        heading = QHBoxLayout()
        heading.addWidget(self.uncounted_title, 1)
        heading.addWidget(self.fix_button)
        layout.addLayout(heading)
        layout.addWidget(self.uncounted, 2)
        cell_model.modelReset.connect(self.update_summary)
        self.update_summary()

    # -- the chosen cell ------------------------------------------------------------------------

    def update_summary(self) -> None:
        model = self.cell_model
        row, start = model.row, model.week_start
        self.edit_button.setEnabled(bool(model.tasks))
        self.tasks.show_who(row is not None and row.kind is RowKind.TOTAL)
        if row is None or start is None or model.week is None:
            self.title.setText("Click a cell of the map")
            self.summary.setText(
                "to see the tasks behind it, with the hours each puts in that week."
            )
            return
        who = f"{row.team.name}, total" if row.kind is RowKind.TOTAL else row.label
        if row.kind is RowKind.UNASSIGNED:
            who = f"{row.team.name}, unassigned"
        self.title.setText(f"{who} \u00b7 week of {start:%d %b}")
        cell = model.capacity_model.capacity.cell(row, model.week)
        count = sum(1 for c in model.tasks if not c.logged)
        tasks = f"{count} task{'s' if count != 1 else ''}"
        available = f"{hours_text(cell.available)} h available"
        planned = f"{hours_text(cell.planned)} h planned"
        if model.capacity_model.capacity.is_past(model.week):
            self.summary.setText(
                f"{hours_text(cell.actual)} h logged of {available}; a week gone by holds no plan"
            )
            return
        if cell.actual > 0:
            planned = f"{hours_text(cell.actual)} h logged and {planned}"
        self.summary.setText(f"{planned} of {available} \u00b7 {tasks}")

    def _open_index(self, index: QModelIndex) -> None:
        task_id = self.cell_model.task_id_at(index)
        if task_id is not None:
            self.openTask.emit(task_id)

    def _edit_selected(self) -> None:
        ids = self.tasks.selected_task_ids()
        if not ids and self.cell_model.tasks:
            ids = [self.cell_model.tasks[0].task_id]
        if ids:
            self.openTask.emit(ids[0])

    # -- what is not counted --------------------------------------------------------------------

    def show_uncounted(self, capacity: CapacityMap) -> None:
        self.uncounted.clear()
        groups = capacity.uncounted_by_team()
        total = sum(len(entries) for _team, entries in groups)
        self.uncounted_title.setText(f"Not counted ({total})")
        self.fix_button.setEnabled(total > 0)
        # An empty list leaves its room to the tasks of the chosen cell.
        self.uncounted.setMaximumHeight(16_777_215 if groups else 40)
        if not groups:
            item = QTreeWidgetItem(["Every open task in these weeks is counted."])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.uncounted.addTopLevelItem(item)
            return
        bold = QFont(self.uncounted.font())
        bold.setBold(True)
        for team, entries in groups:
            heading = QTreeWidgetItem([f"{team.name if team else 'No team'} ({len(entries)})"])
            heading.setFont(0, bold)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.uncounted.addTopLevelItem(heading)
            for entry in entries:
                item = QTreeWidgetItem([f"{entry.title} \u2014 {entry.reason}"])
                item.setData(0, TaskIdRole, entry.task_id)
                item.setToolTip(
                    0, f"#{entry.task_id} {entry.title}: {entry.reason}. Double-click to fix."
                )
                self.uncounted.addTopLevelItem(item)

    def _open_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        task_id = item.data(0, TaskIdRole)
        if task_id is not None:
            self.openTask.emit(int(task_id))

    def _fix_selected(self) -> None:
        item = self.uncounted.currentItem()
        if item is None or item.data(0, TaskIdRole) is None:
            items = [
                self.uncounted.topLevelItem(n) for n in range(self.uncounted.topLevelItemCount())
            ]
            item = next((i for i in items if i and i.data(0, TaskIdRole) is not None), None)
        if item is not None:
            self._open_item(item)
