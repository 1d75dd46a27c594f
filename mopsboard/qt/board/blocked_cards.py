"""Which tasks are blocked, for the board's cards: those waiting for a finish-to-start
predecessor that is not in a Done stage (the rule is domain/link_rules.py's `blocked_tasks`).

One per workspace, as the WIP watch is. It counts again after a change, not inside it, so a
burst of changes costs one count: a link added, edited or removed (`Change("task_links")`), a
task moved between stages, added or deleted (a delete takes its links with it), a stage's kind
changed, or another program's commit. A count reads the links and whether their predecessors
are done, never the tasks themselves.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QTimer, Signal

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.link_rules import LinkKind, blocked_tasks
from mopsboard.qt.common.watcher import watcher_for
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

# The task fields whose change can block or unblock a task: its stage (done or not), and its
# being there at all.
_BLOCKING_FIELDS = frozenset({"stage_id", "archived", "board_id"})
_BLOCKED: weakref.WeakKeyDictionary[Workspace, BlockedCards] = weakref.WeakKeyDictionary()


class BlockedCards(QObject):
    # The blocked tasks changed (not emitted for a count that found the same ones).
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Held weakly: the workspace's listener list keeps this alive, not the other way round.
        self._workspace = weakref.ref(workspace)
        self.ids: frozenset[int] = frozenset()
        # Each blocked task's open finish-to-start predecessors, in the order they were linked.
        self.waiting_for: dict[int, tuple[int, ...]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.recount)
        workspace.subscribe(self._on_change)
        watcher_for(workspace).external.connect(self._later)
        self.recount()

    @classmethod
    def of(cls, workspace: Workspace) -> BlockedCards:
        """The one count of a workspace (made on first use, gone with the workspace)."""
        found = _BLOCKED.get(workspace)
        if found is None:
            found = _BLOCKED[workspace] = cls(workspace)
        return found

    def _on_change(self, change: Change) -> None:
        if change.table == "tasks":
            if change.kind == "updated" and change.fields and not change.fields & _BLOCKING_FIELDS:
                return  # a title, dates or an order: nobody's block moves
            self._later()
        elif change.table in {"task_links", "stages", "boards"}:
            self._later()

    def _later(self) -> None:
        self._timer.start(0)

    def recount(self) -> None:
        self._timer.stop()
        workspace = self._workspace()
        if workspace is None:
            return
        try:
            links = workspace.links()
            done = workspace.done_task_ids({link.predecessor_id for link in links})
        except MopsboardError:
            return  # the file went away or is locked: keep what was shown
        blocked = blocked_tasks((link.edge for link in links), done)
        waiting: dict[int, list[int]] = {}
        for link in links:
            if link.kind is LinkKind.FINISH_TO_START and link.predecessor_id not in done:
                waiting.setdefault(link.successor_id, []).append(link.predecessor_id)
        waiting_for = {task: tuple(waiting[task]) for task in sorted(blocked)}
        if (blocked, waiting_for) != (self.ids, self.waiting_for):
            self.ids, self.waiting_for = blocked, waiting_for
            self.changed.emit()

    def describe(self, task_id: int) -> str | None:
        """ "Blocked by 'Copy' and 'Legal review'" for a blocked task; None otherwise (what a
        card's tooltip and its spoken text say)."""
        waiting = self.waiting_for.get(task_id)
        workspace = self._workspace()
        if not waiting or workspace is None:
            return None
        try:
            titles: dict[int, str] = {t.key: t.title for t in workspace.tasks_by_id(waiting[:3])}
        except MopsboardError:
            titles = {}
        named = [f"'{titles[t]}'" for t in waiting[:3] if t in titles]
        more = len(waiting) - len(named)
        if more:
            named.append(f"{more} more" if named else f"{more} open tasks")
        text = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
        return f"Blocked by {text}"
