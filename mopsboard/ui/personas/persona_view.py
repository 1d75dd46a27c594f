"""The Personas view: the persona map for a period and a team, the persona manager, and the hours
per persona per team. Clicking a bubble shows that persona's work on the board."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.models import Persona
from mopsboard.domain.persona_hours import ALL_TEAMS, Period
from mopsboard.qt.personas.persona_actions import PersonaActions
from mopsboard.qt.personas.persona_models import (
    PersonaData,
    PersonaTableModel,
    PersonaTeamHoursModel,
)
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common.conflict_dialog import save_or_ask
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.personas.persona_dialog import PersonaDialog
from mopsboard.ui.personas.persona_map import PersonaMap
from mopsboard.ui.personas.upright_header import UprightHeader

PERIODS = ("Next 4 weeks", "This week", "This quarter", "All open work")
NO_TEAM = 0


def period_for(choice: str, today: date) -> Period:
    if choice == "This week":
        return Period.weeks_from(today, 1)
    if choice == "Next 4 weeks":
        return Period.weeks_from(today, 4)
    if choice == "This quarter":
        return Period.quarter_of(today)
    return Period()


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Arrows move between cells; Tab leaves the table.
    table.setTabKeyNavigation(False)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(26)
    return table


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("tone", "heading")
    return label


class PersonasView(QWidget):
    def __init__(
        self, actions: WorkspaceActions, link: PageContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personasPage")
        self.link = link
        self.personas = PersonaActions(actions)
        self.data = PersonaData(actions.workspace, self)
        self.map = PersonaMap(self.data)
        self.map.personaClicked.connect(lambda pid: self.link.show_on_board("persona", pid))
        self.map.personaMoved.connect(self.personas.move_persona)

        toolbar = self._build_toolbar()
        side = self._build_side()
        splitter = QSplitter()
        splitter.addWidget(self.map)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setChildrenCollapsible(False)
        side.setMinimumWidth(300)
        self.splitter, self.side = splitter, side
        # The side is as wide as its tables until the user moves the splitter themselves.
        self._side_fitted = True
        splitter.splitterMoved.connect(self._splitter_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(splitter, 1)
        self._connect_signals()
        self._buttons()

    # -- building -------------------------------------------------------------------------------

    def _build_toolbar(self) -> QWidget:
        self.period = QComboBox()
        self.period.setObjectName("personaPeriod")
        self.period.setAccessibleName("Period")
        self.period.addItems(PERIODS)
        self.team = QComboBox()
        self.team.setObjectName("personaTeam")
        self.team.setAccessibleName("Team")
        self.team.setMinimumContentsLength(14)
        hint = QLabel(
            "Bubbles: planned hours of open tasks. Click one to see its work on the board."
        )
        hint.setObjectName("personaHint")
        hint.setProperty("tone", "muted")
        hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        bar.addWidget(QLabel("Period"))
        bar.addWidget(self.period)
        bar.addSpacing(8)
        bar.addWidget(QLabel("Team"))
        bar.addWidget(self.team)
        bar.addSpacing(12)
        bar.addWidget(hint, 1)
        toolbar = QWidget()
        toolbar.setObjectName("filterBar")
        toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        toolbar.setLayout(bar)
        return toolbar

    def _build_side(self) -> QWidget:
        self._build_persona_table()
        row = self._build_persona_buttons()
        self._build_hours_table()
        side = QWidget()
        side.setObjectName("personaSide")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 4, 10, 8)
        side_layout.addWidget(_heading("Personas"))
        side_layout.addWidget(self.persona_table, 1)
        side_layout.addLayout(row)
        side_layout.addWidget(_heading("Hours per persona and team"))
        side_layout.addWidget(self.hours_table, 2)
        return side

    def _build_persona_table(self) -> None:
        self.persona_model = PersonaTableModel(self.data, self)
        self.persona_table = _table("personaTable")
        self.persona_table.setAccessibleName("Personas")
        self.persona_table.setModel(self.persona_model)
        self.persona_table.verticalHeader().hide()
        header = self.persona_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.persona_table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.persona_table.selectionModel().selectionChanged.connect(lambda *_: self._buttons())

    def _build_persona_buttons(self) -> QHBoxLayout:
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setSpacing(2)
        for key, text, icon_name, slot in (
            ("add", "Add", Icon.PLUS, self.add),
            ("edit", "Edit", Icon.PENCIL, self.edit_selected),
            ("archive", "Archive", Icon.ARCHIVE, self.archive_selected),
            ("board", "Show on board", Icon.KANBAN, self.show_selected),
        ):
            button = QToolButton()
            button.setObjectName(f"persona_{key}")
            button.setText(text)
            button.setIcon(icon(icon_name))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _build_hours_table(self) -> None:
        self.hours_model = PersonaTeamHoursModel(self.data, self)
        self.hours_table = _table("personaHoursTable")
        self.hours_table.setAccessibleName("Hours per persona per team")
        # Persona names written upwards, so each column is as wide as its hours and every name
        # and team name is shown whole.
        self.hours_table.setHorizontalHeader(UprightHeader(self.hours_table))
        self.hours_table.setModel(self.hours_model)
        self.hours_table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self.hours_model.modelReset.connect(self._fit_side)
        self.hours_table.horizontalHeader().setMinimumSectionSize(52)
        rows = self.hours_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)

    def _connect_signals(self) -> None:
        self.period.currentIndexChanged.connect(lambda _i: self._scope())
        self.team.currentIndexChanged.connect(lambda _i: self._scope())
        self.data.changed.connect(self._buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.data.set_active(True)
        self._fill_teams()
        self._scope()
        self._fit_side()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_side()

    def _splitter_moved(self, _position: int, _index: int) -> None:
        self._side_fitted = False

    def _fit_side(self) -> None:
        """Gives the tables the width they need to show every name whole, the map the rest
        (never less than its minimum)."""
        if not self._side_fitted:
            return
        total = self.splitter.width() - self.splitter.handleWidth()
        wanted = self.side.sizeHint().width()
        side = max(self.side.minimumWidth(), min(wanted, total - self.map.minimumWidth()))
        with QSignalBlocker(self.splitter):
            self.splitter.setSizes([total - side, side])

    def hideEvent(self, event: QHideEvent) -> None:
        self.data.set_active(False)
        super().hideEvent(event)

    def _fill_teams(self) -> None:
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem("All teams", ALL_TEAMS)
        for team in self.data.teams:
            self.team.addItem(team.name, team.id)
        self.team.addItem("No team", NO_TEAM)
        found = self.team.findData(current)
        self.team.setCurrentIndex(max(0, found))
        self.team.blockSignals(False)

    def _scope(self) -> None:
        team = self.team.currentData()
        team_id = ALL_TEAMS if team is None else (None if team == NO_TEAM else int(team))
        self.data.set_scope(period_for(self.period.currentText(), date.today()), team_id)

    def _buttons(self) -> None:
        selected = self.selected() is not None
        writable = not self.data.workspace.read_only
        self.buttons["add"].setEnabled(writable)
        self.buttons["edit"].setEnabled(selected and writable)
        self.buttons["archive"].setEnabled(selected and writable)
        self.buttons["board"].setEnabled(selected)

    def selected(self) -> Persona | None:
        rows = self.persona_table.selectionModel().selectedRows()
        return self.persona_model.persona_at(rows[0].row()) if rows else None

    def add(self) -> None:
        dialog = PersonaDialog(Persona.model_construct(name="", description=""), self)
        if dialog.exec() and dialog.result_persona is not None:
            self.personas.add_persona(dialog.result_persona)

    def edit_selected(self) -> None:
        persona = self.selected()
        if persona is None or self.data.workspace.read_only:
            return
        dialog = PersonaDialog(persona, self)
        if not dialog.exec() or dialog.result_persona is None:
            return
        edited = dialog.result_persona
        save_or_ask(
            self,
            "persona",
            edited.name,
            lambda p: self.personas.edit_persona(p, conflicts_to_caller=True),
            edited,
            lambda: self.data.workspace.persona(persona.key),
        )

    def archive_selected(self) -> None:
        persona = self.selected()
        if persona is not None and persona.id is not None:
            self.personas.set_archived(persona.id)

    def show_selected(self) -> None:
        persona = self.selected()
        if persona is not None:
            self.link.show_on_board("persona", persona.id)
