"""The campaigns table, Cost column included, fits a laptop's window without scrolling
sideways; narrower windows scroll rather than cut names."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from mopsboard.qt.campaigns.campaign_model import COLUMNS, COST
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.shell.main_window import MainWindow


def test_every_column_is_in_view_at_the_default_size(
    qtbot: QtBot, open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    window = open_window(planned_ws, (1440, 900))
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    table = page.table
    qtbot.waitUntil(lambda: table.viewport().width() > 1000)
    header = table.horizontalHeader()
    used = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
    assert used <= table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionViewportPosition(COST) + header.sectionSize(COST) <= table.width()
