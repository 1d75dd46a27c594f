"""The views the sidebar lists beside the board. Each entry makes its page for a main window.

A view is a QWidget built from the window's workspace, its undoable actions and the board model
(for "show on board"). To add one, append a `ViewSpec` to `VIEWS`: nothing else in the window
changes. The key is what `mopsboard --view KEY` names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from mopsboard.ui.campaigns import campaign_pages

if TYPE_CHECKING:
    from mopsboard.ui.shell.main_window import MainWindow


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str
    icon: str  # a name from mopsboard/resources/icons
    make: Callable[[MainWindow], QWidget]


VIEWS: list[ViewSpec] = []


def _capacity(window: MainWindow) -> QWidget:
    # Imported when the window is built, not when this registry is.
    from mopsboard.ui.capacity.capacity_view import make_capacity_view

    return make_capacity_view(window)


# Issue 4: team capacity, listed first after the board.
VIEWS.append(ViewSpec("capacity", "Capacity", "users", _capacity))

# Issue 5: campaigns, their timeline and the persona map.
VIEWS += [
    ViewSpec("campaigns", "Campaigns", "target", campaign_pages.make_campaigns),
    ViewSpec("timeline", "Timeline", "calendar-days", campaign_pages.make_timeline),
    ViewSpec("personas", "Personas", "user", campaign_pages.make_personas),
]
