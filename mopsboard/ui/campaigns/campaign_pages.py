"""The campaign pages' link to the main window, and the three pages the sidebar lists: campaigns,
timeline and personas (registered in ui/views.py).

The pages never reach into the window: they get a `BoardLink` of what they may ask of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from mopsboard.ui.shell.main_window import MainWindow


@dataclass(frozen=True)
class BoardLink:
    """What a campaign page may ask of the window it sits in."""

    # ("campaign" or "persona", id or None for "has none"): filter the board to it and show it.
    show_on_board: Callable[[str, int | None], None]
    current_board: Callable[[], int | None]
    notify: Callable[[str], None]


def board_link(window: MainWindow) -> BoardLink:
    def show_on_board(field: str, value: int | None) -> None:
        if field == "campaign" and value is not None:
            boards = [board for board, _count in window.workspace.campaign_boards(value)]
            if boards and window.model.board_id not in boards:
                # The campaign's work is elsewhere: go to the board holding most of it.
                window.show_board(boards[0])
        bar = window.board_view.filter_bar
        bar.set_lookups(window.model.lookups)
        bar.set_field(field, value)
        window.show_view("board")

    def notify(text: str) -> None:
        window.statusBar().showMessage(text, 8000)

    return BoardLink(show_on_board, lambda: window.model.board_id, notify)


def make_campaigns(window: MainWindow) -> QWidget:
    from mopsboard.ui.campaigns.campaigns_view import CampaignsView

    return CampaignsView(window.commands, board_link(window))


def make_timeline(window: MainWindow) -> QWidget:
    from mopsboard.ui.timeline.timeline_view import TimelineView

    return TimelineView(window.commands, board_link(window))


def make_personas(window: MainWindow) -> QWidget:
    from mopsboard.ui.personas.persona_view import PersonasView

    return PersonasView(window.commands, board_link(window))
