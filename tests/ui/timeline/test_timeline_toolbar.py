"""The timeline's toolbar at the widths the window has on a small laptop: every button can be
seen and clicked, in words when there is room, as an icon with its name in a tooltip when not."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView


def _page_at(qtbot: QtBot, win: MainWindow, width: int) -> TimelineView:
    """A timeline page of the window's own workspace and context, as wide as the window gives
    its pages at that window width."""
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    page = TimelineView(shown.link.actions, shown.link)
    qtbot.addWidget(page)
    page.resize(width - win.sidebar.width(), 600)
    page.show()
    qtbot.waitExposed(page)
    return page


def _icon_only(button: QToolButton) -> bool:
    return (
        not button.icon().isNull()
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    )


def _buttons(page: TimelineView) -> list[QToolButton]:
    return [b for b in page.toolbar.findChildren(QToolButton) if b.isVisible()]


@pytest.mark.parametrize("window_width", [1024, 1366])
def test_every_toolbar_button_fits(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    planned_ws: Workspace,
    window_width: int,
) -> None:
    win = open_window(planned_ws, (1366, 768))
    page = _page_at(qtbot, win, window_width)
    assert page.minimumSizeHint().width() <= window_width - win.sidebar.width()
    buttons = _buttons(page)
    assert len(buttons) == 9
    inside = page.toolbar.rect()
    for button in buttons:
        assert inside.contains(button.geometry()), button.objectName()
        # Never squeezed below what it asks for, so no word is cut.
        assert button.width() >= button.sizeHint().width(), button.objectName()
        if _icon_only(button):
            assert button.toolTip() == button.text()
    for first, second in pairwise(buttons):
        assert not first.geometry().intersects(second.geometry())
    icon_only = {b.objectName() for b in buttons if _icon_only(b)}
    if window_width >= 1366:
        assert icon_only == set()
    else:
        assert icon_only
    qtbot.mouseClick(page.expand, Qt.MouseButton.LeftButton)
    assert len(page.rows.rows) == 2 + 6
