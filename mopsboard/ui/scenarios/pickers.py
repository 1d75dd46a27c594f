"""The pickers a scenario's change is drafted with: a campaign, a task found by its title, and a
person or a team (an agency or a partner named as such).

They read the real plan once, when the dialog opens, and never write."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import CampaignId, MemberId, TaskId, TeamId
from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.models import Campaign, Member, Task, Team

TaskIdRole = Qt.ItemDataRole.UserRole + 1
TitleRole = Qt.ItemDataRole.UserRole + 2
# How a team's kind is said after its name, so an agency is never taken for a team of our own.
KIND_WORDS = {TeamKind.INTERNAL: "team", TeamKind.AGENCY: "agency", TeamKind.PARTNER: "partner"}


class CampaignPicker(QComboBox):
    def __init__(self, campaigns: list[Campaign], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioCampaign")
        self.setAccessibleName("Campaign")
        for campaign in campaigns:
            launch = campaign.launch_date
            said = f" (launch {launch:%d %b %Y})" if launch is not None else " (no launch date)"
            self.addItem(campaign.name + said, campaign.id)

    def campaign_id(self) -> CampaignId | None:
        chosen = self.currentData()
        return None if chosen is None else CampaignId(int(chosen))

    def select(self, campaign_id: int | None) -> None:
        self.setCurrentIndex(max(0, self.findData(campaign_id)))


def task_words(task: Task, campaigns: dict[int, str]) -> str:
    campaign = campaigns.get(task.campaign_id) if task.campaign_id is not None else None
    return f"{task.title} \u2014 {campaign}" if campaign else task.title


class _SearchLine(QLineEdit):
    """Up and Down move through the matches below while the text keeps the focus."""

    stepped = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.stepped.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class TaskPicker(QWidget):
    """A search field over the open tasks' titles and the matches under it; the first match is
    picked as the text changes, so a typed title then Enter picks it."""

    picked = Signal()

    def __init__(
        self, tasks: list[Task], campaigns: dict[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = {task.key: task for task in tasks}
        self.items = QStandardItemModel(self)
        for task in tasks:
            item = QStandardItem(task_words(task, campaigns))
            item.setData(task.key, TaskIdRole)
            item.setData(task.title, TitleRole)
            item.setEditable(False)
            self.items.appendRow(item)
        self.matches = QSortFilterProxyModel(self)
        self.matches.setSourceModel(self.items)
        self.matches.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # By the title only: the campaign's name beside it would match every task of it.
        self.matches.setFilterRole(TitleRole)
        self.search = _SearchLine()
        self.search.setObjectName("scenarioTaskSearch")
        self.search.setAccessibleName("Find a task by its title")
        self.search.setPlaceholderText("Type part of a task's title")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.stepped.connect(self._step)
        self.list = QListView()
        self.list.setObjectName("scenarioTaskList")
        self.list.setAccessibleName("Matching tasks")
        self.list.setModel(self.matches)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumHeight(140)
        self.list.selectionModel().currentChanged.connect(lambda *_: self.picked.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.matches.setFilterFixedString(text.strip())
        if self.matches.rowCount():
            self.list.setCurrentIndex(self.matches.index(0, 0))
        else:
            self.list.setCurrentIndex(QModelIndex())
            self.picked.emit()

    def _step(self, by: int) -> None:
        rows = self.matches.rowCount()
        if rows:
            row = min(rows - 1, max(0, self.list.currentIndex().row() + by))
            self.list.setCurrentIndex(self.matches.index(row, 0))

    def task(self) -> Task | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.tasks.get(TaskId(int(index.data(TaskIdRole))))

    def select(self, task_id: int) -> None:
        for row in range(self.matches.rowCount()):
            index = self.matches.index(row, 0)
            if index.data(TaskIdRole) == task_id:
                self.list.setCurrentIndex(index)
                return


@dataclass(frozen=True)
class Owner:
    """Who a task is handed to: a person, or a team as a whole (an agency's, say)."""

    member_id: MemberId | None = None
    team_id: TeamId | None = None


def team_words(team: Team) -> str:
    """The team's name, with its kind when the name does not say it ("Brightline (agency)")."""
    kind = KIND_WORDS[team.kind]
    if team.kind is TeamKind.INTERNAL or kind in team.name.casefold():
        return team.name
    return f"{team.name} ({kind})"


def owner_words(member: Member | None, team: Team) -> str:
    if member is None:
        return f"{team_words(team)}: the team, nobody in particular"
    return f"{member.name}, {team_words(team)}"


class OwnerPicker(QComboBox):
    """The people, each with their team, then the teams as wholes; agencies and partners are
    named as such."""

    def __init__(
        self,
        members: list[Member],
        teams: list[Team],
        parent: QWidget | None = None,
        *,
        people_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioOwner")
        self.setAccessibleName("Person" if people_only else "Person or team")
        by_id = {team.key: team for team in teams}
        self._owners: list[Owner] = []
        for member in members:
            team = by_id.get(member.team_id)
            if team is not None:
                self._add(owner_words(member, team), Owner(member_id=member.key))
        if not people_only:
            for team in teams:
                self._add(owner_words(None, team), Owner(team_id=team.key))

    def _add(self, text: str, owner: Owner) -> None:
        self.addItem(text, len(self._owners))
        self._owners.append(owner)

    def owner(self) -> Owner | None:
        row = self.currentData()
        return None if row is None else self._owners[int(row)]

    def select(self, owner: Owner) -> None:
        if owner in self._owners:
            self.setCurrentIndex(self._owners.index(owner))
