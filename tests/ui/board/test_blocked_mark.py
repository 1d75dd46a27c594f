"""A card waiting for an open predecessor says "Blocked" in words on the board, and stops
saying it once the link is gone; a card whose predecessor is done says nothing of it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmapCache
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import TaskId
from mopsboard.qt.board.blocked_cards import BlockedCards
from mopsboard.ui.board.card_delegate import BLOCKED_MARK
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.card_text_probe import RecordingDelegate
from tests.ui.board.test_board_window import task_id, view_of


def written_on(window: MainWindow, stage: str) -> dict[str, list[str]]:
    """Each card's title (its first word written) and every text written on it, as painted."""
    view = view_of(window, stage)
    written: list[dict[str, Any]] = []
    view.setItemDelegate(RecordingDelegate(view, written))
    QPixmapCache.clear()
    view.viewport().repaint()
    # A card writes its title first, then the rest of what it says.
    titles = {t.title for t in window.model.tasks.values()}
    cards: dict[str, list[str]] = {}
    last = ""
    for piece in written:
        text = str(piece["text"])
        if text in titles:
            last = text
            cards[last] = []
        else:
            cards[last].append(text)
    return cards


def test_a_blocked_card_says_so_until_its_link_goes(qtbot: QtBot, window: MainWindow) -> None:
    actions = window.workspace_actions
    a, b, c, g = (TaskId(task_id(window, t)) for t in "ABCG")
    blocked = BlockedCards.of(window.workspace)
    with qtbot.waitSignal(blocked.changed):
        link = actions.add_link(b, a)
    assert link is not None
    assert actions.add_link(g, c) is not None  # G is done: C is not blocked
    qtbot.wait(10)
    cards = written_on(window, "Backlog")
    assert BLOCKED_MARK in cards["A"]
    assert BLOCKED_MARK not in cards["B"] and BLOCKED_MARK not in cards["C"]
    # Not painted words only: the tooltip and what a screen reader reads say it too.
    column = view_of(window, "Backlog")
    card = column.model().index(column.model().row_of(a) or 0, 0)
    assert "Blocked by 'B'" in card.data(Qt.ItemDataRole.ToolTipRole)
    assert card.data(Qt.ItemDataRole.AccessibleTextRole).endswith("Blocked by 'B'")

    with qtbot.waitSignal(blocked.changed):
        assert actions.remove_link(link.key)
    assert BLOCKED_MARK not in written_on(window, "Backlog")["A"]
