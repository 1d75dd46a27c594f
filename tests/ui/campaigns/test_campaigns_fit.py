"""The Campaigns view and its template dialog at a small laptop's size (1024 x 700): every
toolbar label whole, campaign names readable, the dialog no larger than the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics, QScreen
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Campaign
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.campaigns.campaign_model import NAME
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import NAME_MIN_WIDTH, CampaignsView
from mopsboard.ui.campaigns.template_dialog import TemplateDialog
from mopsboard.ui.common.compact_button import CompactToolButton
from mopsboard.ui.common.wrapping_bar import WrappingBar
from mopsboard.ui.shell.main_window import MainWindow


def campaigns_at(
    open_window: Callable[..., MainWindow], ws: Workspace, size: tuple[int, int]
) -> CampaignsView:
    window = open_window(ws, size)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    return page


@pytest.mark.parametrize("size", [(1024, 700), (1366, 768), (1920, 1080)])
def test_every_toolbar_label_is_whole(
    open_window: Callable[..., MainWindow], planned_ws: Workspace, size: tuple[int, int]
) -> None:
    page = campaigns_at(open_window, planned_ws, size)
    assert page.window().width() == size[0]
    toolbar = page.findChild(WrappingBar, "filterBar")
    assert toolbar is not None
    for key, button in page.buttons.items():
        assert isinstance(button, CompactToolButton)
        assert not button.compact, key
        assert button.width() >= button.sizeHint().width(), (key, button.text())
        assert toolbar.rect().contains(button.geometry()), key
    for control in (page.search, page.status, page.archived):
        assert toolbar.rect().contains(control.geometry()), control.objectName()
        assert control.width() >= control.minimumSizeHint().width(), control.objectName()
    # The filter box shows its whole hint beside its search icon and its clear button.
    icons = 2 * (page.search.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) + 6)
    hint = QFontMetrics(page.search.font()).horizontalAdvance(page.search.placeholderText())
    assert hint + icons <= page.search.width()
    # Buttons and filters never overlap, in one row or two.
    boxes = [b.geometry() for b in page.buttons.values()] + [page.search.geometry()]
    for number, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[number + 1 :])


def test_campaign_names_keep_their_width_in_a_small_window(
    open_window: Callable[..., MainWindow], planned_ws: Workspace
) -> None:
    planned_ws.add_campaign(Campaign(name="Trial-to-paid email nurture"))
    page = campaigns_at(open_window, planned_ws, (1024, 700))
    width = page.table.columnWidth(NAME)
    assert width >= NAME_MIN_WIDTH
    metrics = QFontMetrics(page.table.font())
    swatch = page.table.iconSize().width() or 16
    for row in range(page.proxy.rowCount()):
        name = str(page.proxy.index(row, NAME).data())
        assert metrics.horizontalAdvance(name) + swatch + 16 <= width, name


@pytest.mark.parametrize("screen", [(1024, 700), (1366, 768), (800, 600)])
def test_the_template_dialog_fits_the_screen(
    qtbot: QtBot,
    board_ws: Workspace,
    actions: WorkspaceActions,
    monkeypatch: pytest.MonkeyPatch,
    screen: tuple[int, int],
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, *screen))
    dialog = TemplateDialog(
        CampaignActions(actions), board_ws.boards()[0].id, today=date(2026, 3, 2)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen[0] - 40 and dialog.height() <= screen[1] - 60
    assert dialog.minimumSizeHint().width() <= dialog.width()
    # What matters in it is still there, and whole: the preview and the create button.
    assert dialog.preview.isVisible() and dialog.preview.height() > 100
    assert dialog.create_button.width() >= dialog.create_button.sizeHint().width()
    assert dialog.rect().contains(dialog.buttons.geometry())


def test_the_template_dialog_keeps_its_size_on_a_large_screen(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(0, 0, 1920, 1080))
    dialog = TemplateDialog(
        CampaignActions(actions), board_ws.boards()[0].id, today=date(2026, 3, 2)
    )
    qtbot.addWidget(dialog)
    assert (dialog.width(), dialog.height()) == (1040, 640)
