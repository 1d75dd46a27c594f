"""File ▸ Publish to server…: the open workspace file copied whole into an empty database on a
server, for the team to open there (the file stays as it is)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMessageBox, QWidget

from mopsboard.domain.errors import MopsboardError
from mopsboard.io.server_copies import publish_into, rows_text
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.server_dialog import ask_server


class Publisher(Protocol):
    """What publishing needs of a window (ui/shell/main_window.MainWindow)."""

    @property
    def workspace(self) -> Workspace: ...

    def window(self) -> QWidget: ...


def publish_from(window: Publisher) -> str | None:
    """Asks where, publishes, and asks whether to open the server workspace now; its URL when
    the user says so (None otherwise: cancelled, refused, or staying on the file)."""
    source = window.workspace
    url, problem = "", ""
    while True:
        asked = ask_server(window.window(), url=url, problem=problem, publishing=True)
        if asked is None:
            return None
        url = asked
        try:
            counts = publish_into(source, url)
        except MopsboardError as error:
            problem = str(error)
            continue
        break
    from mopsboard.store.server.failures import shown

    answer = QMessageBox.question(
        window.window(),
        "Published",
        f"{source.path.name} is now on the server at {shown(url)} ({rows_text(counts)}).\n\n"
        "Open the server workspace now? This window closes; the file stays as it was, and "
        "changes made in it from now on stay in the file.",
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        QMessageBox.StandardButton.Open,
    )
    return url if answer == QMessageBox.StandardButton.Open else None
