"""Which stages take a task only once the tasks it waits for are done (the rule is
domain/rules.py's `predecessor_stop`), as the board's drops ask it on every move of a drag.

Kept in the workspace's settings, one key per stage ("1" on, "0" off), so that turning one
stage's gate on or off is one write that touches no other stage's. One per workspace, read on
first use of each stage and read again after a settings change or another program's commit.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from mopsboard.domain.errors import MopsboardError
from mopsboard.qt.common.watcher import watcher_for
from mopsboard.store.base import Change
from mopsboard.store.predecessor_gates import gate_setting_key
from mopsboard.store.workspace import Workspace

_GATES: weakref.WeakKeyDictionary[Workspace, PredecessorGates] = weakref.WeakKeyDictionary()


def setting_key(stage_id: int) -> str:
    return gate_setting_key(stage_id)


class PredecessorGates(QObject):
    # A stage's gate was turned on or off (here or by another program).
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Held weakly: the workspace's listener list keeps this alive, not the other way round.
        self._workspace = weakref.ref(workspace)
        self._known: dict[int, bool] = {}
        workspace.subscribe(self._on_change)
        watcher_for(workspace).external.connect(self._forget)

    @classmethod
    def of(cls, workspace: Workspace) -> PredecessorGates:
        """The one reader of a workspace (made on first use, gone with the workspace)."""
        found = _GATES.get(workspace)
        if found is None:
            found = _GATES[workspace] = cls(workspace)
        return found

    def _on_change(self, change: Change) -> None:
        if change.table in {"settings", "stages"}:
            self._forget()

    def _forget(self) -> None:
        if self._known:
            self._known.clear()
            self.changed.emit()

    def needs_done_predecessors(self, stage_id: int) -> bool:
        if stage_id not in self._known:
            workspace = self._workspace()
            try:
                value = workspace.setting(setting_key(stage_id)) if workspace else None
            except MopsboardError:
                value = None  # the file went away or is locked: no gate to ask
            self._known[stage_id] = value == "1"
        return self._known[stage_id]

    def gated(self, stage_ids: Iterable[int]) -> frozenset[int]:
        """Those of `stage_ids` that take a task only once its predecessors are done."""
        return frozenset(s for s in stage_ids if self.needs_done_predecessors(s))
