"""The Scenarios page: what-if drafts over the real plan (left) and the real plan compared with
up to three of them (right). Drafting never changes the real plan; adopting applies a
scenario's changes to it as one undo step, asking per change when the plan moved since.

The comparison is computed once for every plan compared, when what it depends on changes and
the page is shown (a hidden page only notes that it is stale): switching plans reads nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QSplitter, QVBoxLayout, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import ScenarioId
from mopsboard.qt.common.watcher import watcher_for
from mopsboard.qt.scenarios.scenario_actions import ScenarioActions
from mopsboard.qt.scenarios.scenario_changes_model import ScenarioChangesModel
from mopsboard.qt.scenarios.scenario_list_model import ScenarioListModel
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.base import Change
from mopsboard.store.scenarios import ScenarioConflicts
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.scenarios.adopt_dialog import ask_decisions
from mopsboard.ui.scenarios.compare_panel import ComparePanel
from mopsboard.ui.scenarios.scenario_panel import ScenarioPanel

# What a comparison is computed from: the plan, the people, the scenarios.
WATCHED = frozenset(
    {
        "tasks",
        "campaigns",
        "members",
        "teams",
        "time_off",
        "stages",
        "boards",
        "task_links",
        "time_logs",
        "scenarios",
        "scenario_changes",
    }
)
LEFT_WIDTH = 300
# The list's buttons and a scenario's name in two lines still fit; the user drags it wider.
LEFT_LEAST = 200


class ScenariosView(QWidget):
    def __init__(
        self, actions: WorkspaceActions, context: PageContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scenariosPage")
        self.context = context
        self.workspace = actions.workspace
        self.scenario_actions = ScenarioActions(actions)
        self.scenarios = ScenarioListModel(self.workspace, self)
        self.changes = ScenarioChangesModel(self.workspace, self)
        self.panel = ScenarioPanel(self.scenario_actions, self.scenarios, self.changes)
        self.panel.adoptRequested.connect(lambda key: self.adopt(ScenarioId(key)))
        self.compare = ComparePanel()
        # Checks and period steps in quick succession (a spin box held down) compute once.
        self.compare.periodChanged.connect(self._compute_soon)
        self.scenarios.comparedChanged.connect(self._compute_soon)
        self.stale = True
        self._sized = False
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.refresh)
        self.workspace.subscribe(self._on_change)
        self.watcher = watcher_for(self.workspace)
        self.watcher.external.connect(self._other_writers_committed)
        self.destroyed.connect(lambda *_: self._stop_following())
        splitter = QSplitter()
        splitter.setObjectName("scenariosSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.panel)
        splitter.addWidget(self.compare)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([LEFT_WIDTH, 1000])
        self.splitter = splitter
        self.panel.setMinimumWidth(LEFT_LEAST)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def _stop_following(self) -> None:
        self.workspace.unsubscribe(self._on_change)
        self.scenarios.close()
        self.changes.close()

    # -- following the plan -----------------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.table in WATCHED:
            self._compute_soon()

    def _other_writers_committed(self) -> None:
        self.scenarios.reload()
        self.changes.reload()
        self._compute_soon()

    def _compute_soon(self) -> None:
        """One computation for the writes of one action, and none while the page is hidden."""
        self.stale = True
        if self.isVisible():
            self._pending.start()

    def refresh(self) -> None:
        """Computes the comparison of the real plan and the checked scenarios again."""
        self._pending.stop()
        if not self.isVisible():
            self.stale = True
            return
        self.stale = False
        # At 50,000 tasks a comparison of four plans takes a second or two: say it is busy.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            comparison = self.workspace.compare_scenarios(
                list(self.scenarios.compared), self.compare.period()
            )
        except MopsboardError as error:
            # A scenario discarded by another window meanwhile, say: the next report redoes it.
            self.compare.say(f"Could not compare the plans: {error}")
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.compare.set_comparison(comparison)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # The list narrower in a small window, so that the maps keep the room.
            self._sized = True
            left = max(self.panel.minimumWidth(), min(LEFT_WIDTH, self.width() // 4))
            self.splitter.setSizes([left, max(1, self.width() - left)])
        self.changes.set_active(True)
        self.watcher.poll_now()
        if self.stale:
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._pending.stop()
        self.changes.set_active(False)
        super().hideEvent(event)

    # -- adopting -------------------------------------------------------------------------------

    def adopt(self, scenario_id: ScenarioId) -> bool:
        """Asks, then applies the scenario to the real plan (one undo step)."""
        actions = self.scenario_actions
        conflicts = actions.adoption_conflicts(scenario_id)
        if conflicts is None:
            return False
        name = self.workspace.scenario(scenario_id).name
        if conflicts:
            decisions = ask_decisions(self.window(), name, conflicts)
            if decisions is None:
                return False
        else:
            count = len(self.changes.changes)
            answer = QMessageBox.question(
                self.window(),
                "Adopt scenario",
                f"Apply the {count} change{'' if count == 1 else 's'} of \u2018{name}\u2019 to "
                "the real plan? The scenario is then done with and goes from the list.\n\n"
                "You can undo this with Edit \u25b8 Undo.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            decisions = {}
        try:
            adoption = actions.adopt(scenario_id, decisions, conflicts_to_caller=True)
        except ScenarioConflicts as late:
            # Someone changed the plan while the question was open: ask about what they did.
            more = ask_decisions(self.window(), name, late.conflicts)
            if more is None:
                return False
            adoption = actions.adopt(scenario_id, {**decisions, **more})
        if adoption is None:
            return False
        # Skipped changes, and any whose row was gone, are named as not applied.
        skipped = len(adoption.not_applied)
        left = f" ({skipped} change{'' if skipped == 1 else 's'} left out)" if skipped else ""
        self.context.notify(f"Adopted \u2018{adoption.name}\u2019 into the real plan{left}.")
        return True


def make_scenarios_view(context: PageContext) -> QWidget:
    return ScenariosView(context.actions, context)
