"""Who is over their personal WIP limit, for the board's cards and the capacity map.

A member's work in progress is their open tasks in stages of kind active, across all boards. It
is recounted a moment after tasks, stages or members change, not inside the change: a drag on
a large board then costs what it did, and a burst of changes costs one count.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

RECOUNT_DELAY_MS = 250
_WATCHES: weakref.WeakKeyDictionary[Workspace, WipWatch] = weakref.WeakKeyDictionary()


class WipWatch(QObject):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Held weakly: the registry must not keep a closed workspace alive, and the workspace's
        # listener list is what keeps this watch alive.
        self._workspace = weakref.ref(workspace)
        self.counts: dict[int, int] = {}
        self.limits: dict[int, int] = {}
        self.over: frozenset[int] = frozenset()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RECOUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)
        workspace.subscribe(self._on_change)
        self.recount()

    @classmethod
    def of(cls, workspace: Workspace) -> WipWatch:
        """The one watch of a workspace (made on first use, gone with the workspace)."""
        watch = _WATCHES.get(workspace)
        if watch is None:
            watch = _WATCHES[workspace] = cls(workspace)
        return watch

    def _on_change(self, change: Change) -> None:
        if change.table in {"tasks", "stages", "members", "boards"}:
            self._timer.start()

    def recount(self) -> None:
        self._timer.stop()
        workspace = self._workspace()
        if workspace is None:
            return
        try:
            counts = workspace.member_wip()
            limits: dict[int, int] = {
                m.key: m.wip_limit for m in workspace.members() if m.wip_limit is not None
            }
        except MopsboardError:
            return  # the file went away or is locked: keep what was shown
        over = frozenset(m for m, limit in limits.items() if counts.get(m, 0) > limit)
        if (counts, limits, over) != (self.counts, self.limits, self.over):
            self.counts, self.limits, self.over = counts, limits, over
            self.changed.emit()

    def describe(self, member_id: int) -> str | None:
        """ "3 tasks in progress, limit 2" for a member over the limit; None otherwise."""
        if member_id not in self.over:
            return None
        return f"{self.counts.get(member_id, 0)} tasks in progress, limit {self.limits[member_id]}"
