"""Keeps a view's data in step with the workspace, lazily.

A change to a watched table, in this process or in another one (both told by the workspace's
one ChangeWatcher), only marks the data stale; it is re-read when the view is shown, or soon after
the change when it already is. So a hidden view never slows down a drag on the board.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from mopsboard.qt.common.watcher import watcher_for
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace


class Follower(QObject):
    def __init__(
        self,
        workspace: Workspace,
        tables: Iterable[str],
        reload: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tables = frozenset(tables)
        self.active = False
        self.stale = True
        self._reload = reload
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._reload_if_stale)
        self.watcher = watcher_for(workspace)
        self.watcher.changed.connect(self._on_change)
        self.watcher.external.connect(self._on_external)

    def _on_change(self, change: Change) -> None:
        if change.table in self.tables:
            self.stale = True
            if self.active:
                self._soon.start()

    def set_active(self, active: bool) -> None:
        """The view is shown (True) or hidden."""
        self.active = active
        if active:
            self.watcher.poll_now()
            self._reload_if_stale()

    def loaded(self) -> None:
        """The view has just read the workspace: it is fresh."""
        self.stale = False

    def _reload_if_stale(self) -> None:
        if self.stale:
            self._reload()

    def _on_external(self) -> None:
        self.stale = True
        if self.active:
            self._soon.start()
