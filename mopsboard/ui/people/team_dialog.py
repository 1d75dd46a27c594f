"""The team manager: teams (internal, agency, partner) and their people, each person's week and
time off. Add, edit, archive a team, deactivate a person; every save is one undo step, and the
dialog's Undo and Redo buttons walk the same history as the window's."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import TeamId
from mopsboard.domain.models import Member, Team, TimeOff
from mopsboard.qt.people.people_actions import PeopleActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.base import Change
from mopsboard.ui.common import theme
from mopsboard.ui.common.conflict_dialog import save_or_ask
from mopsboard.ui.common.hotkeys import Hotkey, bind
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.people.member_form import MemberForm, member_label
from mopsboard.ui.people.people_forms import TeamForm, team_label
from mopsboard.ui.people.time_off_editor import TimeOffEditor

KeyRole = Qt.ItemDataRole.UserRole + 1
_PEOPLE_TABLES = frozenset({"teams", "members", "time_off"})


# A team or a person, as the dialog saves them.
R = TypeVar("R", Team, Member)


class TeamDialog(QDialog):
    def __init__(self, actions: WorkspaceActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle("Teams and people")
        self.resize(980, 640)
        self.workspace_actions = actions
        self.workspace = actions.workspace
        self.people = PeopleActions(actions)
        self.teams: list[Team] = []
        self.members: list[Member] = []

        left = self._build_tree_pane()
        self._build_pages()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.pages)
        splitter.setSizes([340, 640])
        footer = self._build_footer(actions)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)

        actions.failed.connect(self._show_failure)
        self.workspace.subscribe(self._on_change)
        self.finished.connect(self._stop_following)
        self.reload()
        if self.workspace.read_only:
            self._disable_writing()

    # -- building -------------------------------------------------------------------------------

    def _build_tree_pane(self) -> QWidget:
        self.tree = QTreeWidget()
        self.tree.setObjectName("peopleTree")
        self.tree.setAccessibleName("Teams and their people")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._selected)
        self.show_all = QCheckBox("Show archived teams and inactive people")
        self.show_all.setObjectName("showArchivedPeople")
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.add_team_button = QPushButton(icon(Icon.PLUS), "Team")
        self.add_team_button.setObjectName("addTeam")
        self.add_team_button.clicked.connect(self.new_team)
        self.add_member_button = QPushButton(icon(Icon.PLUS), "Person")
        self.add_member_button.setObjectName("addMember")
        self.add_member_button.clicked.connect(self.new_member)
        self.retire_button = QPushButton(icon(Icon.ARCHIVE), "Archive")
        self.retire_button.setObjectName("retirePeople")
        self.retire_button.clicked.connect(self.toggle_retired)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        for button in (self.add_team_button, self.add_member_button, self.retire_button):
            buttons.addWidget(button)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.show_all)
        return left

    def _build_pages(self) -> None:
        self.team_form = TeamForm()
        self.team_form.saveRequested.connect(self.save_team)
        self.member_form = MemberForm()
        self.member_form.saveRequested.connect(self.save_member)
        self.time_off = TimeOffEditor()
        self.time_off.addRequested.connect(self._add_time_off)
        self.time_off.updateRequested.connect(self._update_time_off)
        self.time_off.removeRequested.connect(self.people.delete_time_off)
        member_page = QWidget()
        member_layout = QVBoxLayout(member_page)
        member_layout.setContentsMargins(0, 0, 0, 0)
        member_layout.addWidget(self.member_form)
        member_layout.addWidget(self.time_off, 1)
        empty = QLabel("Choose a team or a person, or add one.")
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        for page in (empty, self.team_form, member_page):
            self.pages.addWidget(page)

    def _build_footer(self, actions: WorkspaceActions) -> QHBoxLayout:
        self.message = QLabel()
        self.message.setObjectName("fieldError")
        self.message.setWordWrap(True)
        self.message.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        footer = QHBoxLayout()
        stack = actions.undo_stack
        undo = bind(stack.createUndoAction(self, "Undo"), Hotkey.UNDO)
        undo.setIcon(icon(Icon.UNDO_2))
        redo = bind(stack.createRedoAction(self, "Redo"), Hotkey.REDO)
        redo.setIcon(icon(Icon.REDO_2))
        for action, name in ((undo, "undoPeople"), (redo, "redoPeople")):
            # Icon only: the actions' text names the step and a person, and grows long.
            tool = QToolButton()
            tool.setObjectName(name)
            tool.setDefaultAction(action)
            footer.addWidget(tool)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        footer.addWidget(self.message, 1)
        footer.addWidget(close)
        return footer

    def _disable_writing(self) -> None:
        for button in (self.add_team_button, self.add_member_button, self.retire_button):
            button.setEnabled(False)
        self.team_form.save.setEnabled(False)
        self.member_form.save.setEnabled(False)
        self.time_off.setEnabled(False)

    # -- the tree -------------------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.table in _PEOPLE_TABLES:
            self.reload()

    def _stop_following(self, _result: int) -> None:
        self.workspace.unsubscribe(self._on_change)
        with contextlib.suppress(RuntimeError, TypeError):
            self.workspace_actions.failed.disconnect(self._show_failure)

    def current_key(self) -> tuple[str, int | None] | None:
        item = self.tree.currentItem()
        value = item.data(0, KeyRole) if item is not None else None
        return (str(value[0]), value[1]) if value else None

    def reload(self, select: tuple[str, int | None] | None = None) -> None:
        wanted = select or self.current_key()
        everything = self.show_all.isChecked()
        try:
            self.teams = self.workspace.teams(include_archived=True)
            self.members = self.workspace.members()
        except MopsboardError as error:
            self._show_failure(str(error))
            return
        self.tree.blockSignals(True)
        self.tree.clear()
        found: QTreeWidgetItem | None = None
        for team in self.teams:
            if team.archived and not everything and wanted != ("team", team.id):
                continue
            item = QTreeWidgetItem([team_label(team)])
            item.setData(0, KeyRole, ("team", team.id))
            item.setForeground(0, QColor(team.colour).darker(130))
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            found = item if wanted == ("team", team.id) else found
            for member in self.members:
                if member.team_id != team.id:
                    continue
                if not member.active and not everything and wanted != ("member", member.id):
                    continue
                child = QTreeWidgetItem([member_label(member)])
                child.setData(0, KeyRole, ("member", member.id))
                if not member.active:
                    child.setForeground(0, QColor(theme.ARCHIVED))
                item.addChild(child)
                found = child if wanted == ("member", member.id) else found
            item.setExpanded(True)
        self.tree.blockSignals(False)
        if found is not None:
            self.tree.setCurrentItem(found)
        self._selected()

    def _selected(self, *_args: object) -> None:
        key = self.current_key()
        self.message.hide()
        if key is None:
            self.pages.setCurrentIndex(0)
            self.retire_button.setEnabled(False)
            return
        kind, row_id = key
        self.retire_button.setEnabled(not self.workspace.read_only)
        if kind == "team":
            team = next(t for t in self.teams if t.id == row_id)
            self.team_form.load(team, [m for m in self.members if m.team_id == team.id])
            self.retire_button.setText("Restore team" if team.archived else "Archive team")
            self.pages.setCurrentIndex(1)
        else:
            member = next(m for m in self.members if m.id == row_id)
            self._show_member(member)
            self.retire_button.setText("Reactivate" if not member.active else "Deactivate")

    def _show_member(self, member: Member) -> None:
        self.member_form.load(member, self.teams)
        entries = self.workspace.time_off(member.id) if member.id is not None else []
        self.time_off.load(member.id, entries)
        self.pages.setCurrentIndex(2)

    # -- adding and saving ----------------------------------------------------------------------

    def new_team(self) -> None:
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.team_form.load(Team(name="New team"))
        self.retire_button.setEnabled(False)
        self.pages.setCurrentIndex(1)
        self.team_form.name.setFocus()
        self.team_form.name.selectAll()

    def new_member(self) -> None:
        key = self.current_key()
        team_id = None
        if key is not None and key[0] == "team":
            team_id = None if key[1] is None else TeamId(key[1])
        elif key is not None:
            team_id = next((m.team_id for m in self.members if m.id == key[1]), None)
        live = [t for t in self.teams if not t.archived]
        if team_id is None and live:
            team_id = live[0].id
        if team_id is None:
            self._show_failure("Add a team first: every person belongs to a team.")
            return
        self.tree.setCurrentIndex(QModelIndex())
        self._show_member(Member(team_id=team_id, name="New person"))
        self.retire_button.setEnabled(False)
        self.member_form.name.setFocus()
        self.member_form.name.selectAll()

    def save_team(self) -> None:
        draft = self.team_form.draft()
        if draft is None:
            return
        ws = self.workspace
        saved = self._save(draft, "team", self.people.add_team, self.people.edit_team, ws.team)
        if saved is not None:
            self.reload(("team", saved.id))

    def save_member(self) -> None:
        draft = self.member_form.draft()
        if draft is None:
            return
        ws = self.workspace
        people = self.people
        saved = self._save(draft, "person", people.add_member, people.edit_member, ws.member)
        if saved is not None:
            self.reload(("member", saved.id))

    def _save(
        self,
        draft: R,
        what: str,
        add: Callable[[R], R | None],
        edit: Callable[..., R | None],
        read: Callable[[Any], R],
    ) -> R | None:
        """Adds a new record, or saves an edited one asking if it changed elsewhere meanwhile."""
        if draft.id is None:
            return add(draft)
        record_id = draft.id
        return save_or_ask(
            self,
            what,
            draft.name,
            lambda record: edit(record, conflicts_to_caller=True),
            draft,
            lambda: read(record_id),
        )

    def toggle_retired(self) -> None:
        key = self.current_key()
        if key is None:
            return
        if key[0] == "team":
            team = next(t for t in self.teams if t.id == key[1])
            self.people.set_team_archived(team, not team.archived)
        else:
            member = next(m for m in self.members if m.id == key[1])
            self.people.set_member_active(member, not member.active)
        self.reload(key)

    def _add_time_off(self, entry: TimeOff) -> None:
        self.people.add_time_off(entry)

    def _update_time_off(self, entry: TimeOff) -> None:
        self.people.edit_time_off(entry)

    def _show_failure(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def open_team_manager(actions: WorkspaceActions, parent: QWidget | None = None) -> None:
    TeamDialog(actions, parent).exec()
