"""The task editor's Team and Assignee fields: people listed under their team's name, only the
chosen team's once a team is chosen; a person chosen brings their team along (the store sets a
task's team from its assignee, so the form shows what will be saved)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox

from mopsboard.domain.models import Member, Team
from mopsboard.qt.board.board_parts import Lookups

NONE_CHOICE = 0


def _by_name(name: str) -> str:
    return name.casefold()


class TeamAndAssignee:
    """Two combos that keep each other right: `team` and `assignee`."""

    def __init__(self, lookups: Lookups, team_id: int | None, assignee_id: int | None) -> None:
        self._teams = lookups.teams
        # Who can be chosen: active people, and whoever the task names now (they may have
        # left: the task keeps them until someone else is chosen).
        self._people = {i: m for i, m in lookups.members.items() if m.active or i == assignee_id}
        self._rebuilding = False
        # The team whose people are listed (None: everyone). A team chosen in the Team field
        # narrows the list; a team that comes with a person chosen does not, so one can go
        # through everyone with the arrow keys. An unassigned task of a team lists that team.
        self._listed_team = team_id if assignee_id is None else None
        self.team = QComboBox()
        self.team.setObjectName("taskTeam")
        self.team.addItem("No team", NONE_CHOICE)
        shown_teams = [
            (t.name, i) for i, t in lookups.teams.items() if not t.archived or i == team_id
        ]
        for name, row_id in sorted(shown_teams, key=lambda pair: _by_name(pair[0])):
            self.team.addItem(name, row_id)
        self.team.setCurrentIndex(max(0, self.team.findData(team_id or NONE_CHOICE)))
        self.assignee = QComboBox()
        self.assignee.setObjectName("taskAssignee")
        self._list = QStandardItemModel(self.assignee)
        self.assignee.setModel(self._list)
        self._show_people(assignee_id)
        self.team.activated.connect(self._team_chosen)
        self.assignee.currentIndexChanged.connect(self._person_chosen)

    def team_id(self) -> int | None:
        return self._value(self.team)

    def assignee_id(self) -> int | None:
        return self._value(self.assignee)

    @staticmethod
    def _value(combo: QComboBox) -> int | None:
        data = combo.currentData()
        return None if data in (None, NONE_CHOICE) else int(data)

    # -- the list of people ---------------------------------------------------------------------

    def _show_people(self, assignee_id: int | None) -> None:
        """Lists the people of the listed team (everyone without one) and selects `assignee_id`,
        or Unassigned when it is not listed."""
        groups: dict[int, list[tuple[int, Member]]] = {}
        for member_id, member in self._people.items():
            if self._listed_team is None or member.team_id == self._listed_team:
                groups.setdefault(member.team_id, []).append((member_id, member))
        self._rebuilding = True
        try:
            self._list.clear()
            self._list.appendRow(self._person_item("Unassigned", NONE_CHOICE))
            for team_id in sorted(groups, key=lambda t: _by_name(self._team_name(t))):
                self._list.appendRow(self._header(self._team_name(team_id)))
                for member_id, member in sorted(groups[team_id], key=lambda p: _by_name(p[1].name)):
                    text = member.name if member.active else f"{member.name} (inactive)"
                    self._list.appendRow(self._person_item(text, member_id))
            found = self.assignee.findData(assignee_id if assignee_id else NONE_CHOICE)
            self.assignee.setCurrentIndex(max(0, found))
        finally:
            self._rebuilding = False

    def _team_name(self, team_id: int) -> str:
        team: Team | None = self._teams.get(team_id)
        return team.name if team is not None else "Other people"

    @staticmethod
    def _person_item(text: str, row_id: int) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(row_id, Qt.ItemDataRole.UserRole)
        return item

    @staticmethod
    def _header(text: str) -> QStandardItem:
        # A team's name, above its people: shown, never chosen.
        item = QStandardItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = QFont()
        font.setBold(True)
        item.setFont(font)
        item.setAccessibleText(f"Team {text}")
        return item

    # -- keeping the two right ------------------------------------------------------------------

    def _team_chosen(self, _index: int) -> None:
        """The user chose a team (or No team): only its people are listed. Someone of another
        team cannot stay: the task becomes the chosen team's, unassigned (as a card dropped
        into another team's lane does)."""
        self._listed_team = self.team_id()
        current = self.assignee_id()
        person = self._people.get(current) if current is not None else None
        keep = person is not None and person.team_id == self._listed_team
        self._show_people(current if keep else None)

    def _person_chosen(self, _index: int) -> None:
        if self._rebuilding:
            return
        current = self.assignee_id()
        person = self._people.get(current) if current is not None else None
        if person is None or person.team_id == self.team_id():
            return
        found = self.team.findData(person.team_id)
        if found < 0:
            # Their team is archived or gone: named all the same, so the form says what the
            # store will save.
            self.team.addItem(self._team_name(person.team_id), person.team_id)
            found = self.team.count() - 1
        self.team.setCurrentIndex(found)
