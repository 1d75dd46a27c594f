"""One scenario's changes, in the order they apply, each said in words ("Shift Spring launch
10 days later", "Hand 'Landing page' to Agency North (agency)").

The words name rows of the real plan as they are now; a row deleted since the change was
drafted is said to be gone, not hidden."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mopsboard.domain.errors import NotFoundError
from mopsboard.domain.ids import CampaignId, MemberId, ScenarioId, TaskId, TeamId
from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    DraftedChange,
    ReassignTask,
    ScenarioChange,
    ShiftCampaign,
    TimeOffChange,
)
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
ChangeIdRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
WATCHED = frozenset({"scenario_changes", "scenarios", "tasks", "campaigns", "members", "teams"})


def _days(count: int) -> str:
    return f"{count} day{'' if abs(count) == 1 else 's'}"


def _span(first: date, last: date) -> str:
    if first == last:
        return f"{first:%d %b %Y}"
    if first.year == last.year:
        return f"{first:%d %b} \u2013 {last:%d %b %Y}"
    return f"{first:%d %b %Y} \u2013 {last:%d %b %Y}"


class Names:
    """The names a change's words use, read from the real plan (once per row)."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._cache: dict[tuple[str, int], str] = {}

    def _named(self, table: str, key: int, read: Any, gone: str) -> str:
        if (table, key) not in self._cache:
            try:
                self._cache[(table, key)] = read(key)
            except NotFoundError:
                self._cache[(table, key)] = gone
        return self._cache[(table, key)]

    def campaign(self, campaign_id: CampaignId) -> str:
        ws = self.workspace
        return self._named(
            "campaigns", campaign_id, lambda k: ws.campaign(k).name, "a deleted campaign"
        )

    def task(self, task_id: TaskId) -> str:
        ws = self.workspace
        return self._named("tasks", task_id, lambda k: f"'{ws.task(k).title}'", "a deleted task")

    def member(self, member_id: MemberId) -> str:
        ws = self.workspace
        return self._named("members", member_id, lambda k: ws.member(k).name, "someone removed")

    def team(self, team_id: TeamId) -> str:
        ws = self.workspace

        def read(key: TeamId) -> str:
            team = ws.team(key)
            return team.name if team.kind is TeamKind.INTERNAL else f"{team.name} ({team.kind})"

        return self._named("teams", team_id, read, "a deleted team")


def change_words(change: ScenarioChange, names: Names) -> str:
    """A change as the list says it."""
    if isinstance(change, ShiftCampaign):
        way = "later" if change.days > 0 else "earlier"
        return f"Shift {names.campaign(change.campaign_id)} {_days(abs(change.days))} {way}"
    if isinstance(change, CutTask):
        return f"Cut {names.task(change.task_id)}"
    if isinstance(change, DeferTask):
        return f"Defer {names.task(change.task_id)} by {_days(change.days)}"
    if isinstance(change, ReassignTask):
        if change.assignee_id is not None:
            to = names.member(change.assignee_id)
        else:
            assert change.team_id is not None  # the change's own rule: one or the other
            to = names.team(change.team_id)
        return f"Hand {names.task(change.task_id)} to {to}"
    if isinstance(change, AddCapacity):
        return (
            f"Add {change.name} to {names.team(change.team_id)}: "
            f"{change.weekly_hours:g} h a week, {_span(change.first, change.last)}"
        )
    if isinstance(change, ChangeAvailability):
        share = round(change.availability * 100)
        return f"{names.member(change.member_id)} available {share}% of their hours"
    if isinstance(change, TimeOffChange):
        reason = f" ({change.reason})" if change.reason else ""
        return f"{names.member(change.member_id)} off {_span(change.first, change.last)}{reason}"
    raise TypeError(f"not a scenario change: {change!r}")


class ScenarioChangesModel(QAbstractListModel):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.scenario_id: ScenarioId | None = None
        self.changes: list[DraftedChange] = []
        self.words: list[str] = []
        workspace.subscribe(self._on_change)

    def close(self) -> None:
        self.workspace.unsubscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if self.scenario_id is not None and change.table in WATCHED:
            self.reload()

    def show_scenario(self, scenario_id: ScenarioId | None) -> None:
        self.scenario_id = scenario_id
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        scenario_id = self.scenario_id
        there = scenario_id is not None and any(
            s.key == scenario_id for s in self.workspace.scenarios()
        )
        self.changes = self.workspace.changes(scenario_id) if there and scenario_id else []
        names = Names(self.workspace)
        self.words = [change_words(drafted.change, names) for drafted in self.changes]
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
