"""Keeps a view's data in step with the workspace, lazily.

A change to a watched table, in this process (the store's change reports) or in another one
(PRAGMA data_version, polled while the view is shown), only marks the data stale; it is re-read
when the view is shown, or soon after the change when it already is. So a hidden view never slows
down a drag on the board.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

POLL_MS = 1000


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
        self._version: int | None = None
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._reload_if_stale)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_other_processes)
        workspace.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        if change.table in self.tables:
            self.stale = True
            if self.active:
                self._soon.start()

    def set_active(self, active: bool) -> None:
        """The view is shown (True) or hidden."""
        self.active = active
        if not active:
            self._poll.stop()
            return
        self._poll.start()
        self._check_other_processes()
        self._reload_if_stale()

    def loaded(self) -> None:
        """The view has just read the workspace: it is fresh."""
        self.stale = False
        try:
            self._version = self.workspace.data_version()
        except MopsboardError:
            self._version = None

    def _reload_if_stale(self) -> None:
        if self.stale:
            self._reload()

    def _check_other_processes(self) -> None:
        try:
            version = self.workspace.data_version()
        except MopsboardError:
            return
        if self._version is not None and version != self._version:
            self.stale = True
            self._soon.start()
