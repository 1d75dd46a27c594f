"""One scenario's changes, in the order they apply, each said in words as the command line and
the conflicts say them (domain/scenario_words.py: "Shift 'Spring launch' 10 days later",
"Hand 'Landing page' to Agency North"); a row deleted since it was drafted is said to be."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mopsboard.domain.ids import ScenarioId
from mopsboard.domain.scenario_words import change_text
from mopsboard.domain.scenarios import DraftedChange
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
ChangeIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
WATCHED = frozenset({"scenario_changes", "scenarios", "tasks", "campaigns", "members", "teams"})


class ScenarioChangesModel(QAbstractListModel):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.scenario_id: ScenarioId | None = None
        self.changes: list[DraftedChange] = []
        self.words: list[str] = []
        # While its page is hidden the list does not follow the plan (a board drag must not
        # pay for it): it notes that it is stale and catches up when shown again.
        self.active = True
        self.stale = False
        workspace.subscribe(self._on_change)

    def close(self) -> None:
        self.workspace.unsubscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if self.scenario_id is None or change.table not in WATCHED:
            return
        if self.active:
            self.reload()
        else:
            self.stale = True

    def set_active(self, active: bool) -> None:
        self.active = active
        if active and self.stale:
            self.reload()

    def show_scenario(self, scenario_id: ScenarioId | None) -> None:
        self.scenario_id = scenario_id
        self.reload()

    def reload(self) -> None:
        self.stale = False
        self.beginResetModel()
        scenario_id = self.scenario_id
        there = scenario_id is not None and any(
            s.key == scenario_id for s in self.workspace.scenarios()
        )
        self.changes = self.workspace.changes(scenario_id) if there and scenario_id else []
        names = self.workspace.change_names(drafted.change for drafted in self.changes)
        self.words = [change_text(drafted.change, names) for drafted in self.changes]
        self.endResetModel()

    def change_at(self, row: int) -> DraftedChange | None:
        return self.changes[row] if 0 <= row < len(self.changes) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.changes)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        drafted = self.change_at(index.row()) if index.isValid() else None
        if drafted is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.words[index.row()]
        if role == ChangeIdRole:
            return drafted.key
        if role == KindRole:
            return drafted.change.kind
        return None
