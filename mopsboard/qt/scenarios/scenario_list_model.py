"""The workspace's what-if scenarios as a list, each with a check box: the ones checked (up to
three) are compared with the real plan.

The list follows the store: a scenario added, renamed or discarded anywhere (an undo, another
window) is re-read; which ones are checked is kept by id across re-reads."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from mopsboard.domain.ids import ScenarioId
from mopsboard.domain.scenarios import Scenario
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
ScenarioIdRole = Qt.ItemDataRole.UserRole + 1
# The real plan and at most this many scenarios side by side.
MOST_COMPARED = 3
WATCHED = frozenset({"scenarios", "scenario_changes"})


class ScenarioListModel(QAbstractListModel):
    # The scenarios checked for comparison changed (a check, or one of them discarded).
    comparedChanged = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.scenarios: list[Scenario] = []
        self._counts: dict[int, int] = {}
        # In the order they were checked: the comparison's columns keep that order.
        self.compared: list[ScenarioId] = []
        workspace.subscribe(self._on_change)
        self.reload()

    def close(self) -> None:
        self.workspace.unsubscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.table in WATCHED:
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.scenarios = self.workspace.scenarios()
        self._counts = {s.key: len(self.workspace.changes(s.key)) for s in self.scenarios}
        self.endResetModel()
        there = {s.key for s in self.scenarios}
        kept = [key for key in self.compared if key in there]
        if kept != self.compared:
            self.compared = kept
            self.comparedChanged.emit()

    def row_of(self, scenario_id: int) -> int | None:
        for row, scenario in enumerate(self.scenarios):
            if scenario.key == scenario_id:
                return row
        return None

    def scenario_at(self, row: int) -> Scenario | None:
        return self.scenarios[row] if 0 <= row < len(self.scenarios) else None

    def set_compared(self, scenario_id: ScenarioId, compared: bool) -> bool:
        """Checks or unchecks a scenario; refused (False) past three checked."""
        if compared == (scenario_id in self.compared):
            return True
        if compared and len(self.compared) >= MOST_COMPARED:
            return False
        if compared:
            self.compared.append(scenario_id)
        else:
            self.compared.remove(scenario_id)
        row = self.row_of(scenario_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.comparedChanged.emit()
        return True

    # -- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.scenarios)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        scenario = self.scenario_at(index.row()) if index.isValid() else None
        if scenario is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return scenario.name
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = scenario.key in self.compared
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == ScenarioIdRole:
            return scenario.key
        count = self._counts.get(scenario.key, 0)
        changes = f"{count} change{'' if count == 1 else 's'}"
        if role == Qt.ItemDataRole.ToolTipRole:
            note = f"\n{scenario.note}" if scenario.note else ""
            return f"{scenario.name}: {changes}{note}\nChecked: compared with the real plan"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            compared = "compared" if scenario.key in self.compared else "not compared"
            return f"{changes}, {compared}"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        scenario = self.scenario_at(index.row()) if index.isValid() else None
        if scenario is None or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        return self.set_compared(scenario.key, checked)
