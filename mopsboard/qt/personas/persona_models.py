"""What the persona map shows: the personas, the planned hours of open work per persona (in a
period, for a team), and two table models over it: the personas with their hours, and the hours
per persona per team.

The open work is read once (one query) and re-read lazily after a change (qt/follow.py);
changing the period or the team only recomputes in memory.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from mopsboard.domain.models import Persona, Team
from mopsboard.domain.persona_hours import (
    ALL_TEAMS,
    Load,
    Period,
    PersonaHours,
    PlannedWork,
    persona_hours,
)
from mopsboard.qt.common.follow import Follower
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
PersonaIdRole = Qt.ItemDataRole.UserRole + 1
NO_PERSONA = "No persona"
WATCHED = frozenset({"tasks", "personas", "teams", "stages", "boards", "members"})
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def hours_text(hours: float) -> str:
    if hours >= 100 or round(hours, 1).is_integer():
        return f"{hours:,.0f} h"
    return f"{hours:.1f} h"


class PersonaData(QObject):
    """The personas and their planned hours; `changed` after every recomputation."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.personas: list[Persona] = []
        self.teams: list[Team] = []
        self.period = Period()
        self.team_id: int | None = ALL_TEAMS
        self.hours = PersonaHours({}, {})
        self._works: list[PlannedWork] = []
        self.follower = Follower(workspace, WATCHED, self.reload, self)

    def set_active(self, active: bool) -> None:
        self.follower.set_active(active)

    def reload(self) -> None:
        self.follower.loaded()
        self.personas = self.workspace.personas()
        self.teams = self.workspace.teams()
        self._works = self.workspace.planned_work()
        self._compute()

    def set_scope(self, period: Period, team_id: int | None) -> None:
        self.period = period
        self.team_id = team_id
        self._compute()

    def _compute(self) -> None:
        self.hours = persona_hours(self._works, self.period, self.team_id)
        self.changed.emit()

    def load(self, persona_id: int | None) -> Load:
        return self.hours.load(persona_id)

    def persona(self, persona_id: int) -> Persona | None:
        return next((p for p in self.personas if p.id == persona_id), None)


class PersonaTableModel(QAbstractTableModel):
    """The personas (for the manager): name with its colour, planned hours, open tasks, place."""

    HEADERS = ("Persona", "Hours", "Tasks", "Grid position")

    def __init__(self, data: PersonaData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = data
        self.personas: list[Persona] = []
        data.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        personas = list(self.source.personas)
        if [p.id for p in personas] == [p.id for p in self.personas]:
            self.personas = personas
            if personas:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(personas) - 1, len(self.HEADERS) - 1)
                )
            return
        self.beginResetModel()
        self.personas = personas
        self.endResetModel()

    def persona_at(self, row: int) -> Persona | None:
        return self.personas[row] if 0 <= row < len(self.personas) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.personas)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.HEADERS[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section in (1, 2):
                return RIGHT
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        persona = self.persona_at(index.row()) if index.isValid() else None
        if persona is None:
            return None
        column = index.column()
        load = self.source.load(persona.id)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return persona.name
            if column == 1:
                return hours_text(load.hours)
            if column == 2:
                return str(load.tasks)
            return f"{persona.x:+.2f}, {persona.y:+.2f}"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(persona.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return persona.description or persona.name
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return RIGHT
        if role == PersonaIdRole:
            return persona.id
        return None


class PersonaTeamHoursModel(QAbstractTableModel):
    """Hours per team (rows, then "No team", then "All teams") per persona (columns, then "No
    persona"); only the teams and personas with hours in the period, so the table stays small."""

    TOTAL = "All teams"

    def __init__(self, data: PersonaData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source = data
        self.row_keys: list[int | None] = []
        self.row_names: list[str] = []
        self.column_keys: list[int | None] = []
        self.column_names: list[str] = []
        self.cells: dict[tuple[int | None, int | None], float] = {}
        data.changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        by_team = self.source.hours.by_team
        used_personas = {p for p, _ in by_team}
        used_teams = {t for _, t in by_team}
        columns = [(p.id, p.name) for p in self.source.personas if p.id in used_personas]
        if None in used_personas:
            columns.append((None, NO_PERSONA))
        rows = [(t.id, t.name) for t in self.source.teams if t.id in used_teams]
        if None in used_teams:
            rows.append((None, "No team"))
        self.beginResetModel()
        self.row_keys = [key for key, _ in rows]
        self.row_names = [name for _, name in rows]
        self.column_keys = [key for key, _ in columns]
        self.column_names = [name for _, name in columns]
        self.cells = dict(by_team)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self.row_keys:
            return 0
        return len(self.row_keys) + 1

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.column_keys)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_names[section] if 0 <= section < len(self.column_names) else None
        if 0 <= section < len(self.row_names):
            return self.row_names[section]
        return self.TOTAL if section == len(self.row_names) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def hours_at(self, row: int, column: int) -> float:
        persona = self.column_keys[column]
        if row == len(self.row_keys):
            return sum(self.cells.get((persona, team), 0.0) for team in self.row_keys)
        return self.cells.get((persona, self.row_keys[row]), 0.0)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self.row_keys):
            return None
        if not 0 <= index.column() < len(self.column_keys):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            hours = self.hours_at(index.row(), index.column())
            return hours_text(hours) if hours >= 0.05 else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self.row_keys):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return self.hours_at(index.row(), index.column())
        return None
