"""The timeline as a user sees it: a campaign's name is never under its launch diamond, and
overdue is drawn as its own mark, so a red campaign does not look late."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication

from mopsboard.domain.models import StageKind
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView

TODAY = date.today()
LONG_NAME = "Webinar: lead scoring that sales trusts"


@pytest.fixture
def page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> TimelineView:
    win = open_window(planned_ws, (1366, 768))
    assert win.show_view("timeline")
    shown = win.pages["timeline"]
    assert isinstance(shown, TimelineView)
    return shown


def _rename(page: TimelineView, campaign: str, name: str) -> None:
    ws = page.rows.workspace
    ws.update_campaign(ws.campaign_named(campaign).model_copy(update={"name": name}))
    page.rows.reload()


def _screen(page: TimelineView) -> QImage:
    QApplication.processEvents()
    return page.timeline.viewport().grab().toImage()


def _changed(before: QImage, after: QImage, area: QRect) -> QRect:
    """The bounding box of the pixels in `area` that differ between two images."""
    xs, ys = [], []
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            if before.pixel(x, y) != after.pixel(x, y):
                xs.append(x)
                ys.append(y)
    assert xs, "nothing changed"
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def test_a_campaign_name_is_written_beside_its_launch_diamond(page: TimelineView) -> None:
    ws = page.rows.workspace
    spring = ws.campaign_named("Spring launch")
    # The launch a third of the way along a bar that is wide enough for the name.
    assert spring.start_date is not None
    ws.update_campaign(
        spring.model_copy(
            update={
                "start_date": TODAY - timedelta(days=6),
                "launch_date": TODAY + timedelta(days=6),
                "end_date": TODAY + timedelta(days=40),
            }
        )
    )
    # The same letters in another order: as wide, written in the same place.
    _rename(page, "Spring launch", LONG_NAME[::-1])
    timeline = page.timeline
    row = page.rows.row_of_campaign(spring.key)
    bar = timeline.bar_rect(row)
    assert bar is not None
    reversed_name = _screen(page)
    _rename(page, LONG_NAME[::-1], LONG_NAME)
    assert page.rows.row_of_campaign(spring.key) == row
    written = _changed(reversed_name, _screen(page), bar)

    launch = ws.campaign(spring.key).launch_date
    assert launch is not None
    diamond_x = timeline.x_of(launch) + timeline.ppd / 2
    assert written.right() < diamond_x - 8 or written.left() > diamond_x + 8
    assert written.width() > 100  # the name is written, not an ellipsis
    assert timeline.painter.campaign_name_at(row) is not None


def _reddish(image: QImage, area: QRect) -> float:
    """The share of the pixels in `area` that are the overdue red (or close to it)."""
    late = QColor(theme.OVERDUE)
    count = total = 0
    for y in range(area.top(), area.bottom() + 1):
        for x in range(area.left(), area.right() + 1):
            pixel = image.pixelColor(x, y)
            total += 1
            count += (
                abs(pixel.red() - late.red()) < 40
                and abs(pixel.green() - late.green()) < 40
                and abs(pixel.blue() - late.blue()) < 40
            )
    return count / total


def test_a_red_campaign_does_not_look_overdue(page: TimelineView) -> None:
    ws = page.rows.workspace
    for name in ("Spring launch", "Intent webinar"):
        campaign = ws.campaign_named(name)
        ws.update_campaign(campaign.model_copy(update={"colour": theme.OVERDUE}))
    with Workspace.open(ws.path) as fresh:
        board = fresh.boards()[0].key
        done = {s.key for s in fresh.stages(board) if s.kind is StageKind.DONE}
        late = [
            t.title
            for t in fresh.tasks(board)
            if t.stage_id not in done and t.due_date and t.due_date < TODAY
        ]
        webinar = fresh.campaign_named("Intent webinar").key
        assert [t.title for t in fresh.tasks(board) if t.campaign_id == webinar] == ["B", "D"]
    assert late == ["A"]  # of the Spring launch; the webinar has nothing late
    page.expand.click()
    timeline = page.timeline
    image = _screen(page)

    def ring(row: int) -> float:
        """The overdue red just outside a campaign's bar, where its own outline is not."""
        bar = timeline.bar_rect(row)
        assert bar is not None
        above = QRect(bar.left() + 12, bar.top() - 3, bar.width() - 24, 2)
        return _reddish(image, above)

    assert ring(page.rows.row_of_campaign(ws.campaign_named("Spring launch").key)) > 0.2
    assert ring(page.rows.row_of_campaign(webinar)) == 0

    task_a = next(t for t in ws.tasks() if t.title == "A")
    task_d = next(t for t in ws.tasks() if t.title == "D")
    late_bar = timeline.bar_rect(page.rows.row_of_task(task_a.key))
    open_bar = timeline.bar_rect(page.rows.row_of_task(task_d.key))
    assert late_bar is not None and open_bar is not None
    # The red campaign's open task is its colour; its late one is hatched, not filled red.
    assert _reddish(image, open_bar.adjusted(2, 2, -2, -2)) > 0.9
    assert 0.05 < _reddish(image, late_bar.adjusted(2, 2, -2, -2)) < 0.5
