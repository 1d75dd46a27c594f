"""The running app's side of mopsboard.instance: it takes a request to open a workspace when one
arrives (a notifier on the socket, in the event loop) and answers once the window is open."""

from __future__ import annotations

import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from mopsboard import instance


class InstanceServer(QObject):
    openRequested = Signal(str, str)  # path, view ("" for the window's own)

    def __init__(self, server: socket.socket, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._take)

    @classmethod
    def start(cls, parent: QObject | None = None) -> InstanceServer | None:
        """Listens for other starts of the app; None when another app listens already or the
        platform has no such socket (each start then opens its own window)."""
        server = instance.listen()
        return None if server is None else cls(server, parent)

    def _take(self) -> None:
        received = instance.receive(self._server)
        if received is None:
            return
        conn, request = received
        try:
            self.openRequested.emit(str(request.path), request.view or "")
        finally:
            instance.answer(conn)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        instance.stop(self._server)
