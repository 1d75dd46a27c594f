"""The campaigns table driven as a user would: archive, filter, follow another process, show a
campaign's work on its board; each test asserts what the SQLite file holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Campaign, Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


def on_file(ws: Workspace) -> Workspace:
    return Workspace.open(Path(ws.path))


def test_campaigns_table_archives_and_filters(qtbot: QtBot, window: MainWindow) -> None:
    window.workspace.add_campaign(Campaign(name="Unrelated", status="active"))
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.proxy.rowCount() == 3
    spring = window.workspace.campaign_named("Spring launch")
    assert page.select(spring.key)
    assert page.buttons["board"].isEnabled()
    page.search.setText("unrel")
    assert page.proxy.rowCount() == 1
    page.search.clear()
    page.select(spring.key)
    page.buttons["archive"].click()
    with on_file(window.workspace) as fresh:
        assert fresh.campaign(spring.key).archived
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    page.archived.setChecked(True)
    assert page.proxy.rowCount() == 3
    window.workspace_actions.undo_stack.undo()
    with on_file(window.workspace) as fresh:
        assert not fresh.campaign(spring.key).archived


def test_views_notice_another_process_writing(qtbot: QtBot, window: MainWindow) -> None:
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.proxy.rowCount() == 2
    with on_file(window.workspace) as other:
        other.add_campaign(Campaign(name="From elsewhere"))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 3, timeout=3000)
    assert window.show_view("timeline")
    timeline = window.pages["timeline"]
    assert isinstance(timeline, TimelineView)
    assert "From elsewhere" in {c.name for c in timeline.rows.campaigns}


def test_show_on_board_goes_to_the_board_holding_the_work(window: MainWindow) -> None:
    ws = window.workspace
    other = ws.add_board("Events board")
    stage = ws.stages(other.key)[0].key
    expo = ws.add_campaign(Campaign(name="Expo"))
    ws.add_task(Task(board_id=other.key, stage_id=stage, title="Booth", campaign_id=expo.id))
    assert window.model.board_id != other.id
    window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    page.model.reload()
    assert page.select(expo.key)
    page.buttons["board"].click()
    assert window.model.board_id == other.id
    assert window.board_view.filter_bar.current().campaign_id == expo.id
    assert [window.model.tasks[i].title for i in window.model.tasks] == ["Booth"]
