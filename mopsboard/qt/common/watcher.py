"""One watcher per open workspace: every view learns of changes from it, and from nothing else.

Two kinds of news: a change committed through this process's connection (the store's change
reports, with the table and rows), and a commit by another connection or process (its
`data_version` moved; views re-read what they show). For a file, one timer polls SQLite's
`PRAGMA data_version` for all views of a workspace, so one commit elsewhere is noticed once and
told to every view. A server workspace tells instead (LISTEN/NOTIFY): the watcher waits on the
connection's socket and hears at once, with no poll; news that came in during one of the
store's own statements is told by the store, and looked at once the event loop is free.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from mopsboard.domain.errors import MopsboardError
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

POLL_MS = 1000

_watchers: weakref.WeakKeyDictionary[Workspace, ChangeWatcher] = weakref.WeakKeyDictionary()


class ChangeWatcher(QObject):
    # A Change committed through this process's connection.
    changed = Signal(object)
    # Another connection committed something.
    external = Signal()
    # A server workspace's connection was lost (False) or made again (True).
    reachable = Signal(bool)

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        # The workspace keeps its watcher (through its listener list), not the other way round.
        self._workspace = weakref.ref(workspace)
        self._version: int | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.poll_now)
        self._socket: QSocketNotifier | None = None
        self._on_server = workspace.on_server
        self._lost = False
        workspace.subscribe(self._report)
        self._version = self._read_version()
        if self._on_server:
            workspace.when_told(self._told_meanwhile)
            self._follow_socket(self._version is not None)
        else:
            self._poll.start()

    def _follow_socket(self, reachable: bool) -> None:
        """Waits on the server connection's socket; while the connection is lost, tries to make
        it again once a second (the store does, at the next read), and says so."""
        workspace = self._workspace()
        socket = workspace.notification_socket() if reachable and workspace else None
        if socket is None:
            if self._socket is not None:
                # A dead socket reads as ready for ever: stop listening to it.
                self._socket.setEnabled(False)
                self._socket.deleteLater()
                self._socket = None
            self._poll.start()
        elif (
            self._socket is None
            or self._socket.socket() != socket
            or not self._socket.isEnabled()  # a new connection may have the old one's number
        ):
            if self._socket is not None:
                self._socket.setEnabled(False)
                self._socket.deleteLater()
            self._socket = QSocketNotifier(socket, QSocketNotifier.Type.Read, self)
            self._socket.activated.connect(self.poll_now)
            self._poll.stop()
        if self._lost == (socket is not None):
            self._lost = socket is None
            self.reachable.emit(not self._lost)

    def _told_meanwhile(self) -> None:
        # Called from inside a store statement: the views re-read once it is over. The socket
        # may have just closed: it is not waited on again until the poll finds the new one.
        if self._socket is not None:
            self._socket.setEnabled(False)
        QTimer.singleShot(0, self, self.poll_now)

    @property
    def polling(self) -> bool:
        """Whether the watcher polls (a file, or a server it lost) rather than waits to be told
        (a server)."""
        return self._poll.isActive()

    def _report(self, change: Change) -> None:
        self.changed.emit(change)

    def _read_version(self) -> int | None:
        workspace = self._workspace()
        if workspace is None:
            return None
        try:
            return workspace.data_version()
        except MopsboardError:
            return None

    def poll_now(self) -> bool:
        """Checks for another connection's commits now; True (and `external`) if there was one."""
        version = self._read_version()
        if self._on_server:
            self._follow_socket(version is not None)
        if version is None:
            return False
        if self._version is not None and version != self._version:
            self._version = version
            self.external.emit()
            return True
        self._version = version
        return False

    def stop(self) -> None:
        """The workspace is closing: no more polls."""
        self._poll.stop()
        if self._socket is not None:
            self._socket.setEnabled(False)
        workspace = self._workspace()
        if workspace is not None:
            workspace.when_told(None)
            workspace.unsubscribe(self._report)
            _watchers.pop(workspace, None)


def stop_watching(workspace: Workspace) -> None:
    """Before `workspace` closes: its watcher (if it has one) stops, and lets go of the socket it
    waits on before the connection closes it."""
    watcher = _watchers.get(workspace)
    if watcher is not None:
        watcher.stop()


def watcher_for(workspace: Workspace) -> ChangeWatcher:
    """The one watcher of `workspace`, made on first use."""
    watcher = _watchers.get(workspace)
    if watcher is None:
        watcher = ChangeWatcher(workspace)
        _watchers[workspace] = watcher
    return watcher
