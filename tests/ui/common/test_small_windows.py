"""The board's filter bar at the sizes people use, from a 1024 x 700 laptop to 1920 x 1080:
the window can be that small, every picker shows its text whole (or, for a long name the user
chose, elided with its whole name in the tooltip), the filter box shows its hint, and nothing
overlaps. The pickers wrap onto a second row rather than be squeezed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Campaign
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.filter_bar import FilterBar
from mopsboard.ui.shell.main_window import MainWindow

LONG_CAMPAIGN = "Trial-to-paid email nurture for the spring product launch"


def text_room(combo: QComboBox) -> int:
    """How wide a text the combo box's edit field holds, as its style lays it out."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def pickers(bar: FilterBar) -> list[QComboBox]:
    return [bar.campaign, bar.persona, bar.assignee, bar.team, bar.due, bar.grouping]


def assert_fits(window: MainWindow, bar: FilterBar, *elided: QComboBox) -> None:
    """Every control inside the window, none over another, every picker's text whole (but the
    `elided` ones', which show a long name cut short with an ellipsis)."""
    controls: list[QWidget] = [bar.search, bar.clear, *pickers(bar)]
    boxes = [QRect(c.mapTo(window, QPoint(0, 0)), c.size()) for c in controls]
    for control, box in zip(controls, boxes, strict=True):
        assert window.rect().contains(box), control.accessibleName()
    for number, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[number + 1 :])
    for combo in pickers(bar):
        metrics = QFontMetrics(combo.font())
        text = combo.shown_text() if combo in elided else combo.currentText()
        assert metrics.horizontalAdvance(text) <= text_room(combo), (
            combo.accessibleName(),
            combo.currentText(),
        )
    icons = 2 * (bar.search.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6)
    hint = QFontMetrics(bar.search.font()).horizontalAdvance(bar.search.placeholderText())
    assert hint + icons <= bar.search.width()


@pytest.mark.parametrize(
    ("size", "wrapped"),
    [((1024, 700), True), ((1366, 768), False), ((1440, 900), False), ((1920, 1080), False)],
)
def test_the_filter_bar_fits_the_window(
    open_window: Callable[..., MainWindow],
    board_ws: Workspace,
    size: tuple[int, int],
    wrapped: bool,
) -> None:
    window = open_window(board_ws, size)
    assert (window.width(), window.height()) == size
    bar = window.board_view.filter_bar
    assert bar.bar.wrapped is wrapped
    assert_fits(window, bar)
    # Every picker's longest word of its own ("Due in the next 2 weeks", "Lanes: assignee").
    for combo in (bar.due, bar.grouping):
        for row in range(combo.count()):
            combo.setCurrentIndex(row)
            assert_fits(window, bar)


# The offscreen platform cannot grab the keyboard for the open list; it says so and goes on.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")
def test_a_long_name_is_elided_and_whole_in_the_tooltip_and_the_list(
    qtbot: QtBot, open_window: Callable[..., MainWindow], board_ws: Workspace
) -> None:
    campaign = board_ws.add_campaign(Campaign(name=LONG_CAMPAIGN))
    window = open_window(board_ws, (1024, 700))
    bar = window.board_view.filter_bar
    bar.set_field("campaign", campaign.key)
    assert bar.campaign.currentText() == LONG_CAMPAIGN
    shown = bar.campaign.shown_text()
    assert shown.endswith("\u2026") and LONG_CAMPAIGN.startswith(shown[:-1])
    assert QFontMetrics(bar.campaign.font()).horizontalAdvance(shown) <= text_room(bar.campaign)
    assert LONG_CAMPAIGN in bar.campaign.tooltip_text()
    assert_fits(window, bar, bar.campaign)
    bar.campaign.showPopup()
    try:
        list_width = bar.campaign.view().width()
        assert (
            QFontMetrics(bar.campaign.view().font()).horizontalAdvance(LONG_CAMPAIGN) < list_width
        )
    finally:
        bar.campaign.hidePopup()
    assert window.model.filter.campaign_id == campaign.key
