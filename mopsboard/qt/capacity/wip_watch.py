"""Who is over their personal WIP limit, for the board's cards and the capacity map.

A member's work in progress is their open tasks in stages of kind active, across all boards. It
is counted after a change, not inside it, so a burst of changes costs one count: the tasks a
change names are looked up again (a drop on a board of 50,000 cards recounts the cards dropped),
and a change to stages, members or boards, or one that names no rows (a restore), counts again
from the whole file a moment later.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

RECOUNT_DELAY_MS = 250
# The task fields whose change can move a task in or out of someone's count.
COUNTED_FIELDS = frozenset({"stage_id", "assignee_id", "archived", "board_id"})
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
        # Whose count each counted task is in: what an incremental count corrects.
        self._assignee_of: dict[int, int] = {}
        self._touched: set[int] = set()
        self._count_all = True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._count_pending)
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
        if change.table == "tasks" and change.ids:
            if change.fields and not change.fields & COUNTED_FIELDS:
                return  # a new order, dates or a title: nobody's count moves
            self._touched |= change.ids
            if not self._count_all:
                self._timer.start(0)
        elif change.table in {"tasks", "stages", "members", "boards"}:
            self._count_all = True
            self._timer.start(RECOUNT_DELAY_MS)

    def _count_pending(self) -> None:
        if self._count_all:
            self.recount()
        else:
            self._recount_touched()

    def recount(self) -> None:
        """Counts every member's work in progress again, from the whole file."""
        self._timer.stop()
        workspace = self._workspace()
        if workspace is None:
            return
        try:
            assignee_of = workspace.wip_assignees()
            limits = self._limits(workspace)
        except MopsboardError:
            return  # the file went away or is locked: keep what was shown
        self._assignee_of, self._touched, self._count_all = assignee_of, set(), False
        counts: dict[int, int] = {}
        for member_id in assignee_of.values():
            counts[member_id] = counts.get(member_id, 0) + 1
        self._show(counts, limits)

    def _recount_touched(self) -> None:
        workspace = self._workspace()
        if workspace is None:
            return
        touched = self._touched
        try:
            now = workspace.wip_assignees(touched)
        except MopsboardError:
            return  # kept to count when the file can be read again
        self._touched = set()
        counts = dict(self.counts)
        for task_id in touched:
            before, after = self._assignee_of.pop(task_id, None), now.get(task_id)
            if before is not None:
                counts[before] -= 1
                if not counts[before]:
                    del counts[before]
            if after is not None:
                self._assignee_of[task_id] = after
                counts[after] = counts.get(after, 0) + 1
        self._show(counts, self.limits)

    @staticmethod
    def _limits(workspace: Workspace) -> dict[int, int]:
        return {m.key: m.wip_limit for m in workspace.members() if m.wip_limit is not None}

    def _show(self, counts: dict[int, int], limits: dict[int, int]) -> None:
        over = frozenset(m for m, limit in limits.items() if counts.get(m, 0) > limit)
        if (counts, limits, over) != (self.counts, self.limits, self.over):
            self.counts, self.limits, self.over = counts, limits, over
            self.changed.emit()

    def describe(self, member_id: int) -> str | None:
        """ "3 tasks in progress, limit 2" for a member over the limit; None otherwise."""
        if member_id not in self.over:
            return None
        return f"{self.counts.get(member_id, 0)} tasks in progress, limit {self.limits[member_id]}"
