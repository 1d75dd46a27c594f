"""The approved plan on the timeline: a ghost bar under an approved campaign's bar (and under
each of its task bars whose dates moved since), where and only where a baseline exists, with a
tooltip saying the approved dates and how far the plan moved, and a legend entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QImage

from mopsboard.domain.workdays import WEEKDAYS_ONLY
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.ghost_bars import moved_words
from mopsboard.ui.timeline.timeline_view import TimelineView


@pytest.fixture
def window(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> MainWindow:
    return open_window(planned_ws)


def timeline_of(win: MainWindow) -> TimelineView:
    assert win.show_view("timeline")
    page = win.pages["timeline"]
    assert isinstance(page, TimelineView)
    return page


def approve_and_shift(ws: Workspace, days: int = 7) -> None:
    """Spring launch approved, then moved `days` later with all its tasks."""
    spring = ws.campaign_named("Spring launch")
    ws.approve(spring.key, ["Product"], "brief ok")
    ws.shift_campaign(spring.key, days)


def differing(a: QImage, b: QImage) -> list[QPoint]:
    assert a.size() == b.size()
    return [
        QPoint(x, y)
        for y in range(a.height())
        for x in range(a.width())
        if a.pixel(x, y) != b.pixel(x, y)
    ]


def test_ghost_bars_are_drawn_where_and_only_where_a_baseline_exists(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline, rows = page.timeline, page.rows
    spring = ws.campaign_named("Spring launch")
    before = {t.key: (t.start_date, t.due_date) for t in ws.campaign_tasks(spring.key)}
    approve_and_shift(ws)
    rows.reload()
    rows.expand_all(True)
    timeline.scroll_to_day(spring.launch_date or rows.today, 0.5)
    ghosts: dict[int, QRect] = {}
    for row, item in enumerate(rows.rows):
        rect = timeline.painter.ghosts.rect(row)
        approved = item.campaign.key == spring.key
        if not approved:
            assert rect is None, item
            continue
        assert rect is not None, item
        ghosts[row] = rect
        if item.bar is None:
            # The approved span, on the days it covered then: a week before the bar now.
            first = spring.start_date
            assert first is not None
            assert rect.left() == timeline.x_of(first)
            bar = timeline.bar_rect(row)
            assert bar is not None and bar.left() - rect.left() == 7 * timeline.ppd
            assert rect.bottom() > bar.bottom()  # its lower edge shows under the bar
        else:
            start, due = before[item.bar.id]
            assert rect.left() == timeline.x_of(start or due)
    assert len(ghosts) == 1 + len(before)
    # Painted, and nowhere else: the timeline with its baselines differs from the same
    # timeline without them only inside the ghosts.
    with_ghosts = timeline.viewport().grab().toImage()
    kept, rows.approved.approved = rows.approved.approved, frozenset()
    without = timeline.viewport().grab().toImage()
    rows.approved.approved = kept
    changed = differing(with_ghosts, without)
    assert changed
    visible = [r for r in ghosts.values() if timeline.viewport().rect().intersects(r)]
    assert all(any(r.adjusted(-1, -1, 1, 1).contains(p) for r in visible) for p in changed)
    for rect in visible:
        assert any(rect.contains(p) for p in changed), rect


def test_a_task_whose_dates_did_not_move_has_no_ghost(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    rows = page.rows
    spring = ws.campaign_named("Spring launch")
    approve_and_shift(ws)
    moved_back = next(t for t in ws.campaign_tasks(spring.key) if t.due_date)
    ws.update_task(
        moved_back.model_copy(
            update={
                "start_date": moved_back.start_date - timedelta(days=7)
                if moved_back.start_date
                else None,
                "due_date": moved_back.due_date - timedelta(days=7),  # type: ignore[operator]
            }
        )
    )
    rows.reload()
    rows.set_expanded(spring.key, True)
    row = rows.row_of_task(moved_back.key)
    assert page.timeline.painter.ghosts.rect(row) is None
    assert page.timeline.painter.ghosts.words(row) == ""
    assert "Approved plan" not in page.timeline.painter.row_words(row)


def test_the_ghost_tooltip_says_the_approved_dates_and_the_shift(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline, rows = page.timeline, page.rows
    spring = ws.campaign_named("Spring launch")
    assert spring.start_date and spring.launch_date and spring.end_date
    approve_and_shift(ws)
    rows.reload()
    timeline.scroll_to_day(spring.launch_date, 0.5)
    row = rows.row_of_campaign(spring.key)
    ghost = timeline.painter.ghosts.rect(row)
    bar = timeline.bar_rect(row)
    assert ghost is not None and bar is not None
    # Where the ghost shows on its own: before the bar, which moved a week later.
    spot = QPoint(ghost.left() + 3, ghost.center().y())
    assert not bar.contains(spot)
    later = WEEKDAYS_ONLY.working_days_in(
        spring.launch_date + timedelta(days=1), spring.launch_date + timedelta(days=7)
    )
    expected = (
        f"Approved plan: {spring.start_date:%d %b} \u2013 {spring.end_date:%d %b %Y} "
        f"(launch {spring.launch_date:%a %d %b %Y}); now {later} working days later"
    )
    if spring.start_date.year != spring.end_date.year:
        expected = expected.replace(f"{spring.start_date:%d %b}", f"{spring.start_date:%d %b %Y}")
    assert timeline.tooltip_at(spot) == expected
    # The bar's own tooltip says it too.
    assert expected in timeline.tooltip_at(bar.center())


def test_the_legend_shows_while_some_campaign_is_approved(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    assert page.ghost_legend.isHidden()
    approve_and_shift(ws, 0)
    page.rows.reload()
    assert page.ghost_legend.isVisible()
    assert "approved" in page.ghost_legend.toolTip()


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (0, "now as approved"),
        (1, "now 1 working day later"),
        (-3, "now 3 working days earlier"),
    ],
)
def test_the_shift_in_words(days: int, words: str) -> None:
    assert moved_words(days) == words
