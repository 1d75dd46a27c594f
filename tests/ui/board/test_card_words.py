"""What a card says to someone who cannot see its colours: a screen reader reads its title,
stage, campaign and due date (through Qt's accessibility interface, as one would), and an
overdue date carries a clock as well as its red."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QImage, QPixmapCache
from pytestqt.qtbot import QtBot

from mopsboard.ui.board.card_delegate import MARGIN
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.card_text_probe import RecordingDelegate
from tests.ui.board.screen import on_screen
from tests.ui.board.test_board_window import task_id, view_of
from tests.ui.board.test_card_redraw import card_rect

TODAY = date.today()


def spoken(window: MainWindow, stage: str, title: str) -> str:
    view = view_of(window, stage)
    column = QAccessible.queryAccessibleInterface(view)
    assert column is not None and column.text(QAccessible.Text.Name) == f"{stage} cards"
    row = view.cell_model.row_of(task_id(window, title))
    assert row is not None
    card = column.child(row)
    assert card is not None and card.role() == QAccessible.Role.ListItem
    return card.text(QAccessible.Text.Name)


def test_a_screen_reader_reads_title_stage_campaign_and_due_date(window: MainWindow) -> None:
    late = f"{TODAY - timedelta(days=2):%d %B %Y}"
    assert spoken(window, "Backlog", "A").startswith(
        f"A, stage Backlog, campaign Spring launch, overdue, was due {late}, "
    )
    assert "assigned to Ana Lima" in spoken(window, "Backlog", "A")
    soon = f"{TODAY + timedelta(days=1):%d %B %Y}"
    assert spoken(window, "Ready", "D").startswith(
        f"D, stage Ready, campaign Intent webinar, due {soon}"
    )
    review = spoken(window, "Review", "F")
    assert "checklist 1 of 2 done" in review and "labels legal" in review


def red_ink(image: QImage, left: int, right: int) -> int:
    """How many pixels of the card's footer between `left` and `right` are the red overdue
    dates are written in."""
    red = QColor(theme.current().overdue)
    count = 0
    for x in range(left, right):
        for y in range(image.height() - MARGIN - 22, image.height() - MARGIN - 4):
            seen = image.pixelColor(x, y)
            pairs = zip(seen.getRgb()[:3], red.getRgb()[:3], strict=True)
            if all(abs(a - b) < 60 for a, b in pairs):
                count += 1
    return count


def test_an_overdue_date_is_marked_by_a_clock_too(qtbot: QtBot, window: MainWindow) -> None:
    backlog = view_of(window, "Backlog")
    written: list[dict[str, Any]] = []
    backlog.setItemDelegate(RecordingDelegate(backlog, written))
    QPixmapCache.clear()
    backlog.viewport().repaint()
    late = on_screen(backlog.viewport(), card_rect(backlog, task_id(window, "A")))
    later = on_screen(backlog.viewport(), card_rect(backlog, task_id(window, "C")))
    dates = {w["text"]: w["box"][0] for w in written}
    late_at = dates[f"{TODAY - timedelta(days=2):%d %b}"]
    later_at = dates[f"{TODAY + timedelta(days=20):%d %b}"]
    # A's date is written further in than C's, by its mark, and the mark is red.
    assert late_at >= later_at + 10
    assert red_ink(late, later_at, late_at - 2) >= 12
    assert red_ink(later, later_at, late_at - 2) == 0


def test_the_keyboards_card_wears_a_ring_apart_from_the_selection(
    qtbot: QtBot, window: MainWindow
) -> None:
    backlog = view_of(window, "Backlog")
    a, b = task_id(window, "A"), task_id(window, "B")
    backlog.setFocus()
    backlog.setCurrentIndex(backlog.cell_model.index(0, 0))
    qtbot.keyClick(backlog, Qt.Key.Key_Down)  # from A to B, as a keyboard user goes
    assert backlog.current_task_id() == b
    qtbot.wait(20)
    ring = QColor(theme.current().focus_ring)

    def ringed(title_id: int) -> bool:
        """Whether the card's left margin, half-way down, is the ring's colour."""
        rect = card_rect(backlog, title_id)
        seen = on_screen(backlog.viewport(), rect).pixelColor(1, rect.height() // 2)
        return all(abs(x - y) < 40 for x, y in zip(seen.getRgb(), ring.getRgb(), strict=True))

    assert ringed(b)
    assert not ringed(a)
    window.sidebar.views.setFocus()  # the focus leaves the column: no ring
    qtbot.wait(20)
    assert not ringed(b)
