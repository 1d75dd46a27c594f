"""The scenarios page's left side: the scenarios (New, Rename, Discard, Adopt; a check box to
compare one), and the chosen scenario's changes in words (Add change, Delete).

Every button is one undoable action (`Drafting`, which the scenario actions are); nothing here
writes the real plan, except Adopt, which the page asks about first."""

from __future__ import annotations

import functools
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import ScenarioChangeId, ScenarioId
from mopsboard.domain.scenarios import DraftedChange, Scenario, ScenarioChange
from mopsboard.qt.scenarios.scenario_changes_model import ScenarioChangesModel
from mopsboard.qt.scenarios.scenario_list_model import MOST_COMPARED, ScenarioListModel
from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.theme import Scheme
from mopsboard.ui.scenarios.change_dialog import KINDS, draft_change

NO_SCENARIOS = "No scenarios yet: New scenario\u2026 drafts one over the real plan."
NO_CHANGES = (
    "No changes yet: Add change shifts a campaign, cuts, defers or hands over a task, adds "
    "capacity or changes someone's hours. The real plan stays as it is."
)
NONE_CHOSEN = "Choose a scenario above to see its changes."


class Drafting(Protocol):
    """The undoable drafting actions the panel's buttons call (qt/scenarios/scenario_actions)."""

    def new_scenario(self, name: str, note: str = "") -> Scenario | None: ...
    def rename_scenario(self, scenario_id: ScenarioId, name: str) -> Scenario | None: ...
    def discard_scenario(self, scenario_id: ScenarioId) -> bool: ...
    def add_change(
        self, scenario_id: ScenarioId, change: ScenarioChange
    ) -> DraftedChange | None: ...
    def remove_change(self, change_id: ScenarioChangeId) -> bool: ...


def _tool(name: str, text: str, icon_name: Icon) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setIcon(icon(icon_name))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(True)
    button.setToolTip(text.rstrip("\u2026"))
    button.setAccessibleName(text.rstrip("\u2026"))
    return button


def _hint(name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setProperty("tone", "muted")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label


class _ChangeList(QListView):
    """Delete (or Backspace) removes the chosen change."""

    deletePressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)


class ScenarioPanel(QWidget):
    # Adopt… was pressed for this scenario: the page asks and adopts.
    adoptRequested = Signal(int)

    def __init__(
        self,
        drafting: Drafting,
        scenarios: ScenarioListModel,
        changes: ScenarioChangesModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenarioPanel")
        self.drafting = drafting
        self.scenarios = scenarios
        self.changes = changes
        self.list = QListView()
        self.list.setObjectName("scenarioList")
        self.list.setAccessibleName(
            f"Scenarios (check up to {MOST_COMPARED} to compare with the real plan)"
        )
        self.list.setModel(scenarios)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # In a narrow panel a long name is elided (its tooltip has it whole), never scrolled to.
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.selectionModel().currentChanged.connect(self._chosen)
        self.list.doubleClicked.connect(lambda _i: self.rename())
        self.change_list = _ChangeList()
        self.change_list.setObjectName("scenarioChanges")
        self.change_list.setAccessibleName("The scenario's changes, in the order they apply")
        self.change_list.setModel(changes)
        self.change_list.setWordWrap(True)
        self.change_list.setSpacing(3)
        self.change_list.setAlternatingRowColors(True)
        self.change_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.change_list.deletePressed.connect(self.delete_change)
        self.change_list.selectionModel().currentChanged.connect(lambda *_: self._update())
        for listing in (self.list, self.change_list):
            follow_scheme(listing, functools.partial(_frame_focus, listing))
        self.no_scenarios = _hint("scenarioListEmpty", NO_SCENARIOS)
        self.no_changes = _hint("scenarioChangesEmpty", NO_CHANGES)

        self.new_button = _tool("newScenario", "New\u2026", Icon.PLUS)
        self.new_button.clicked.connect(self.new_scenario)
        self.rename_button = _tool("renameScenario", "Rename\u2026", Icon.PENCIL)
        self.rename_button.clicked.connect(self.rename)
        self.discard_button = _tool("discardScenario", "Discard\u2026", Icon.TRASH_2)
        self.discard_button.clicked.connect(self.discard)
        self.adopt_button = _tool("adoptScenario", "Adopt\u2026", Icon.CHECK)
        self.adopt_button.setToolTip("Apply the scenario's changes to the real plan")
        self.adopt_button.clicked.connect(self._adopt)
        self.add_change_button = _tool("addChange", "Add change", Icon.PLUS)
        self.add_change_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_change_button)
        menu.setObjectName("addChangeMenu")
        for kind in KINDS:
            action = QAction(kind.menu, menu)
            action.setObjectName(f"addChange-{kind.key}")
            action.triggered.connect(lambda _c=False, key=kind.key: self.add_change(key))
            menu.addAction(action)
        self.add_change_button.setMenu(menu)
        self.delete_button = _tool("deleteChange", "Delete", Icon.TRASH_2)
        self.delete_button.setToolTip("Remove the chosen change from the scenario (Delete)")
        self.delete_button.clicked.connect(self.delete_change)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 6, 8)
        layout.setSpacing(4)
        layout.addWidget(_heading("Scenarios"))
        layout.addLayout(_row(self.new_button, self.rename_button))
        # The list stays (a Tab stop, where a new scenario appears); the hint says what to do.
        layout.addWidget(self.no_scenarios)
        layout.addWidget(self.list, 2)
        layout.addLayout(_row(self.adopt_button, self.discard_button))
        layout.addSpacing(6)
        self.changes_heading = _heading("Changes")
        layout.addWidget(self.changes_heading)
        layout.addLayout(_row(self.add_change_button, self.delete_button))
        layout.addWidget(self.change_list, 3)
        layout.addWidget(self.no_changes, 3)
        scenarios.modelReset.connect(self._reselect)
        changes.modelReset.connect(self._update)
        self._reselect()

    # -- choosing -------------------------------------------------------------------------------

    def current(self) -> Scenario | None:
        index = self.list.currentIndex()
        return self.scenarios.scenario_at(index.row()) if index.isValid() else None

    def select(self, scenario_id: int | None) -> None:
        row = self.scenarios.row_of(scenario_id) if scenario_id is not None else None
        if row is None:
            self.list.setCurrentIndex(QModelIndex())
            self.changes.show_scenario(None)
        else:
            self.list.selectionModel().setCurrentIndex(
                self.scenarios.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._update()

    def _chosen(self, index: QModelIndex, _previous: QModelIndex) -> None:
        scenario = self.scenarios.scenario_at(index.row()) if index.isValid() else None
        self.changes.show_scenario(scenario.key if scenario else None)
        self._update()

    def _reselect(self) -> None:
        """After a re-read (an undo, another window): the same scenario again, else the first."""
        wanted = self.changes.scenario_id
        if wanted is None or self.scenarios.row_of(wanted) is None:
            first = self.scenarios.scenario_at(0)
            wanted = first.key if first is not None else None
        self.select(wanted)

    def _update(self) -> None:
        has_any = self.scenarios.rowCount() > 0
        self.no_scenarios.setVisible(not has_any)
        chosen = self.current()
        for button in (self.rename_button, self.discard_button, self.add_change_button):
            button.setEnabled(chosen is not None)
        self.adopt_button.setEnabled(chosen is not None and self.changes.rowCount() > 0)
        self.delete_button.setEnabled(self.change_list.currentIndex().isValid())
        shown = self.changes.rowCount() > 0
        self.change_list.setVisible(shown)
        self.no_changes.setVisible(not shown)
        self.no_changes.setText(NO_CHANGES if chosen is not None else NONE_CHOSEN)
        self.changes_heading.setText(f"Changes in {chosen.name}" if chosen else "Changes")

    # -- the actions ----------------------------------------------------------------------------

    def new_scenario(self) -> None:
        taken = {s.name.casefold() for s in self.scenarios.scenarios}
        number = len(taken) + 1
        while f"scenario {number}" in taken:
            number += 1
        name, ok = QInputDialog.getText(
            self.window(), "New scenario", "Name of the scenario:", text=f"Scenario {number}"
        )
        if ok and name.strip():
            made = self.drafting.new_scenario(name.strip())
            if made is not None:
                self.select(made.key)

    def rename(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(
            self.window(), "Rename scenario", "New name:", text=chosen.name
        )
        if ok and name.strip() and name.strip() != chosen.name:
            self.drafting.rename_scenario(chosen.key, name.strip())

    def discard(self) -> None:
        chosen = self.current()
        if chosen is None:
            return
        count = self.changes.rowCount()
        answer = QMessageBox.question(
            self.window(),
            "Discard scenario",
            f"Discard the scenario '{chosen.name}' and its {count} "
            f"change{'' if count == 1 else 's'}? The real plan stays as it is.\n\n"
            "You can undo this with Edit \u25b8 Undo.",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            self.drafting.discard_scenario(chosen.key)

    def add_change(self, kind: str) -> None:
        chosen = self.current()
        if chosen is None:
            return
        change = draft_change(self.window(), self.scenarios.workspace, kind)
        if change is not None and self.drafting.add_change(chosen.key, change) is not None:
            last = self.changes.rowCount() - 1
            if last >= 0:
                self.change_list.setCurrentIndex(self.changes.index(last))

    def delete_change(self) -> None:
        index = self.change_list.currentIndex()
        drafted = self.changes.change_at(index.row()) if index.isValid() else None
        if drafted is None:
            return
        row = index.row()
        if self.drafting.remove_change(drafted.key):
            left = self.changes.rowCount()
            if left:
                self.change_list.setCurrentIndex(self.changes.index(min(row, left - 1)))
            self.change_list.setFocus()

    def _adopt(self) -> None:
        chosen = self.current()
        if chosen is not None:
            self.adoptRequested.emit(chosen.key)


def _frame_focus(listing: QListView, s: Scheme) -> None:
    # As the app's tables show it: the frame in the focus colour, even with no row to mark.
    listing.setStyleSheet(
        f"QListView {{ border: 1px solid {s.border}; }}"
        f" QListView:focus {{ border: 1px solid {s.focus_ring}; }}"
    )


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("tone", "heading")
    label.setWordWrap(True)
    return label


def _row(*buttons: QToolButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(2)
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
