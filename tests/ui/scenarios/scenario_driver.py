"""Driving the scenarios page's dialogs from inside their own event loops, as a user would, and
reading the real plan as the file holds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.scenario_panel import ScenarioPanel
from mopsboard.ui.scenarios.scenarios_view import ScenariosView
from mopsboard.ui.shell.main_window import MainWindow


class Driven:
    """What a driven dialog raised, kept to be raised again once its loop is over."""

    def __init__(self) -> None:
        self.error: BaseException | None = None
        self.seen: list[QWidget] = []

    def check(self) -> None:
        if self.error is not None:
            raise self.error
        assert self.seen, "the dialog never came"


def when_modal(kind: type[QWidget], then: Callable[[Any], None], tries: int = 300) -> Driven:
    """Calls `then` with the modal `kind` as soon as it is up (gives up after 3 s); a dialog
    the steps leave open is closed, so a failing step never hangs the test."""
    driven = Driven()

    def attempt(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind):
            driven.seen.append(widget)
            try:
                then(widget)
            except BaseException as error:  # raised again by check(), outside the loop
                driven.error = error
            if widget.isVisible() and driven.error is not None:
                widget.close()
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(tries))
    return driven


def scenarios_page(window: MainWindow) -> ScenariosView:
    assert window.show_view("scenarios")
    page = window.pages["scenarios"]
    assert isinstance(page, ScenariosView)
    return page


def add_change_action(panel: ScenarioPanel, kind: str) -> QAction:
    menu = panel.add_change_button.menu()
    assert menu is not None
    action = menu.findChild(QAction, f"addChange-{kind}")
    assert action is not None
    return action


def shown_changes(panel: ScenarioPanel) -> list[str]:
    model = panel.change_list.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def plan_in_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """The real plan's tasks, campaigns and people as the file holds them, read through a
    connection of its own."""
    with Workspace.open(path) as ws:
        return {
            "tasks": [t.model_dump(mode="json") for t in ws.tasks(include_archived=True)],
            "campaigns": [c.model_dump(mode="json") for c in ws.campaigns(include_archived=True)],
            "members": [m.model_dump(mode="json") for m in ws.members()],
        }
