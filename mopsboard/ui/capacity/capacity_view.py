"""The Capacity view: per team, person and week, the hours planned against the hours available,
coloured by load; the tasks behind a cell, to drag onto another person or week; what the map
does not count; exports as CSV and PDF. Every change goes through the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import LoadLevel
from mopsboard.domain.ids import TaskId
from mopsboard.io.capacity_export import write_capacity_csv
from mopsboard.qt.capacity.capacity_model import (
    FIRST_WEEK_COLUMN,
    CapacityModel,
)
from mopsboard.qt.capacity.capacity_tasks_model import CellTasksModel
from mopsboard.qt.common.watcher import watcher_for
from mopsboard.qt.people.people_actions import PeopleActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.capacity.capacity_map import HeatMapView, legend_chips
from mopsboard.ui.capacity.capacity_panel import PANEL_WIDTH, CapacityPanel
from mopsboard.ui.capacity.capacity_report import write_capacity_pdf
from mopsboard.ui.common.compact_button import CompactToolButton
from mopsboard.ui.common.eliding_combo import ElidingComboBox
from mopsboard.ui.common.file_dialogs import ask_save_path, documents_folder
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.common.saved_notice import tell_saved
from mopsboard.ui.common.wrapping_bar import Control, Item, Space, Stretch, WrappingBar

MAX_VIEW_WEEKS = 52
TEAM_NAME_WIDTH = 220


class CapacityView(QWidget):
    def __init__(
        self,
        actions: WorkspaceActions,
        open_team_manager: Callable[[], object] | None = None,
        parent: QWidget | None = None,
        *,
        task_editor: Callable[[QWidget, TaskId], None] | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._task_editor = task_editor
        self._notify = notify
        self.workspace_actions = actions
        self.workspace = actions.workspace
        self.people = PeopleActions(actions)
        self.model = CapacityModel(self.workspace, self, active=False)
        self.model.replanner = self.people.replan_tasks
        self.cell_model = CellTasksModel(self.model, self)
        self.map = HeatMapView(self.model)
        self.map.clicked.connect(self._cell_clicked)
        self.map.selectionModel().currentChanged.connect(self._cell_clicked)
        self.panel = CapacityPanel(self.cell_model)
        self.panel.openTask.connect(self.edit_task)
        self.model.refreshed.connect(self._refreshed)
        self._changed_elsewhere = False
        self.watcher = watcher_for(self.workspace)
        self.watcher.external.connect(self._other_writers_committed)

        self._build_period_controls()
        top = self._build_top_bar(open_team_manager)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("capacitySplitter")
        splitter.addWidget(self.map)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([900, PANEL_WIDTH])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(top)
        layout.addWidget(splitter, 1)
        self._fill_teams()
        self._refreshed()

    # -- building -------------------------------------------------------------------------------

    def _build_period_controls(self) -> None:
        # As wide as the longest team name (up to a cap): a long name is elided, whole in the
        # tooltip and in the list.
        self.team = ElidingComboBox(max_text_width=TEAM_NAME_WIDTH)
        self.team.setObjectName("capacityTeam")
        self.team.setAccessibleName("Team")
        self.team.setToolTip("Team")
        self.team.currentIndexChanged.connect(self._team_chosen)
        self.first = QDateEdit()
        self.first.setObjectName("capacityFrom")
        self.first.setAccessibleName("First week")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("'week of' d MMM yyyy")
        self.first.dateChanged.connect(self._period_chosen)
        self.weeks = QSpinBox()
        self.weeks.setObjectName("capacityWeeks")
        self.weeks.setAccessibleName("Number of weeks")
        self.weeks.setRange(1, MAX_VIEW_WEEKS)
        self.weeks.setSuffix(" weeks")
        self.weeks.valueChanged.connect(self._period_chosen)
        self._set_period_controls(self.model.period)

    def _build_top_bar(self, open_team_manager: Callable[[], object] | None) -> QWidget:
        bar = self._build_toolbar(open_team_manager)
        legend = self._build_legend()
        top = QWidget()
        top.setObjectName("capacityBar")
        # Styled by the app's sheet (ui/common/theme.py), which follows the colour scheme.
        top.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addLayout(legend)
        return top

    def _build_toolbar(self, open_team_manager: Callable[[], object] | None) -> WrappingBar:
        items: list[Item] = [
            Control(QLabel("Team")),
            Control(self.team),
            Space(10),
            Control(self._tool(Icon.CHEVRON_LEFT, "A week earlier", lambda: self.shift_weeks(-1))),
            Control(self.first),
            Control(self._tool(Icon.CHEVRON_RIGHT, "A week later", lambda: self.shift_weeks(1))),
            Control(self._tool(Icon.CALENDAR_DAYS, "This week", self.this_week, text=True)),
            Control(self.weeks),
            Stretch(),
        ]
        if open_team_manager is not None:
            items.append(
                Control(self._tool(Icon.USERS, "Teams\u2026", open_team_manager, text=True))
            )
        export = self._tool(Icon.FILE_DOWN, "Export", None, text=True)
        export.setObjectName("capacityExport")
        export.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(export)
        menu.addAction(icon(Icon.FILE_DOWN), "CSV for a spreadsheet\u2026", self._ask_csv)
        menu.addAction(icon(Icon.FILE_DOWN), "PDF report\u2026", self._ask_pdf)
        export.setMenu(menu)
        items.append(Control(export))
        # In a narrow window the labelled buttons show only their icons.
        return WrappingBar([items])

    def _build_legend(self) -> QHBoxLayout:
        legend = QHBoxLayout()
        legend.setContentsMargins(10, 0, 10, 6)
        legend.addWidget(legend_chips(), 0, Qt.AlignmentFlag.AlignVCenter)
        self.note = QLabel()
        self.note.setObjectName("capacityNote")
        self.note.setProperty("tone", "note")
        # In a narrow window the note takes two lines rather than widening the window.
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        legend.addWidget(self.note, 1)
        return legend

    def select_busiest(self) -> bool:
        """Chooses the first over-booked cell of a person (else nothing), so the side panel
        opens on what most needs a look."""
        capacity = self.model.capacity
        for number, row in enumerate(capacity.rows):
            if row.member is None:
                continue
            for week in range(capacity.period.weeks):
                if capacity.cell(row, week).level is LoadLevel.OVER:
                    self.map.setCurrentIndex(self.model.index(number, FIRST_WEEK_COLUMN + week))
                    return True
        return False

    def _tool(
        self, name: Icon, label: str, slot: Callable[[], object] | None, *, text: bool = False
    ) -> QToolButton:
        # A labelled button shows only its icon when the bar is too narrow for its text.
        button = CompactToolButton(icon(name), label) if text else QToolButton()
        if not text:
            button.setIcon(icon(name))
            button.setToolTip(label.rstrip("\u2026"))
            button.setAccessibleName(label.rstrip("\u2026"))
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- period and team ------------------------------------------------------------------------

    def _set_period_controls(self, period: Period) -> None:
        for widget in (self.first, self.weeks):
            widget.blockSignals(True)
        start = period.first
        self.first.setDate(QDate(start.year, start.month, start.day))
        self.weeks.setValue(period.weeks)
        for widget in (self.first, self.weeks):
            widget.blockSignals(False)

    def _period_chosen(self, *_args: object) -> None:
        picked: date = self.first.date().toPython()  # type: ignore[assignment]
        self.set_period(Period.of(picked, self.weeks.value()))

    def set_period(self, period: Period) -> None:
        self._set_period_controls(period)
        self.model.set_period(period)

    def shift_weeks(self, weeks: int) -> None:
        period = self.model.period
        self.set_period(Period(period.first + timedelta(weeks=weeks), period.weeks))

    def this_week(self) -> None:
        self.set_period(Period.of(date.today(), self.model.period.weeks))

    def _fill_teams(self) -> None:
        wanted = self.model.team_id
        teams = self.workspace.teams()
        entries = [("All teams", None)] + [(t.name, t.id) for t in teams]
        current = [(self.team.itemText(n), self.team.itemData(n)) for n in range(self.team.count())]
        if entries == current:
            return
        self.team.blockSignals(True)
        self.team.clear()
        for name, team_id in entries:
            self.team.addItem(name, team_id)
        index = self.team.findData(wanted)
        self.team.setCurrentIndex(max(0, index))
        self.team.blockSignals(False)
        if index < 0 and wanted is not None:
            self.model.set_team(None)

    def _team_chosen(self, _index: int) -> None:
        team_id = self.team.currentData()
        self.model.set_team(int(team_id) if team_id is not None else None)

    def set_team(self, team_id: int | None) -> None:
        self.team.setCurrentIndex(max(0, self.team.findData(team_id)))

    # -- following the model --------------------------------------------------------------------

    def _refreshed(self) -> None:
        self._fill_teams()
        if not self.map.currentIndex().isValid():
            # A recompute (another period or team) clears the map's selection: show again the
            # cell the side panel lists, else what most needs a look.
            shown = self.cell_model.row
            number = self.model.row_number(shown.kind, shown.key) if shown else None
            week = self.cell_model.week
            if number is not None and week is not None:
                self.map.setCurrentIndex(self.model.index(number, FIRST_WEEK_COLUMN + week))
            else:
                self.select_busiest()
        self.panel.show_uncounted(self.model.capacity)
        capacity = self.model.capacity
        over = sum(
            1
            for row in capacity.rows
            if row.member is not None
            and any(
                capacity.cell(row, week).level is LoadLevel.OVER
                for week in range(capacity.period.weeks)
            )
        )
        people = f"{over} {'person is' if over == 1 else 'people are'} over-booked"
        said = f"{people} in these weeks." if over else "Nobody is over-booked in these weeks."
        self.note.setText(f"{said} Cells: hours / hours available.")
        self.note.setToolTip(
            "A week's hours are those still planned in it, and those logged on its days: weeks "
            "gone by (dashed) hold logged hours only."
        )

    def _cell_clicked(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        row = self.model.row_at(index.row()) if index.isValid() else None
        week = self.model.week_of_column(index.column()) if index.isValid() else None
        if row is not None and week is not None:
            self.cell_model.show_cell(row, week)

    def showEvent(self, event: QShowEvent) -> None:
        # A window left open overnight moves on to the new week's "this week" marker.
        if self.model.today != date.today():
            self.model.reload()
        self.model.set_active(True)
        self.watcher.poll_now()
        if self._changed_elsewhere:
            self._changed_elsewhere = False
            self.model.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.set_active(False)
        super().hideEvent(event)

    def _other_writers_committed(self) -> None:
        """Another window or process committed: recompute now if shown, else when next shown."""
        if self.isVisible():
            self.model.reload()
        else:
            self._changed_elsewhere = True

    # -- editing a task -------------------------------------------------------------------------

    def edit_task(self, task_id: TaskId) -> None:
        # The task editor belongs to the board; the window hands it in (PageContext.edit_task).
        if self._task_editor is not None:
            self._task_editor(self, task_id)

    # -- exports --------------------------------------------------------------------------------

    def _suggested(self, suffix: str) -> Path:
        first = self.model.period.first
        return (
            documents_folder() / f"{self.workspace.path.stem} capacity {first.isoformat()}{suffix}"
        )

    def _ask_csv(self) -> None:
        title = "Export the map as CSV"
        target = ask_save_path(self, title, self._suggested(".csv"), "CSV (*.csv)", ".csv")
        if target is not None and self.export_csv(target):
            tell_saved(self, title, "the capacity map as CSV", target, self._notify)

    def _ask_pdf(self) -> None:
        title = "Export the map as a PDF report"
        target = ask_save_path(self, title, self._suggested(".pdf"), "PDF (*.pdf)", ".pdf")
        if target is not None and self.export_pdf(target):
            tell_saved(self, title, "the capacity report", target, self._notify)

    def export_csv(self, path: Path) -> bool:
        try:
            write_capacity_csv(self.model.capacity, path)
        except OSError as error:
            self.workspace_actions.failed.emit(
                f"{path}: could not write the CSV ({error.strerror})."
            )
            return False
        return True

    def export_pdf(self, path: Path) -> bool:
        title = f"Capacity \u2014 {self.workspace.path.stem}"
        if not write_capacity_pdf(self.model.capacity, self.model.wip, path, title):
            self.workspace_actions.failed.emit(f"{path}: could not write the PDF report.")
            return False
        return True


def make_capacity_view(context: PageContext) -> QWidget:
    view: CapacityView | None = None

    def open_teams() -> None:
        if view is not None:
            context.open_teams(view)

    view = CapacityView(
        context.actions, open_teams, task_editor=context.edit_task, notify=context.notify
    )
    return view
