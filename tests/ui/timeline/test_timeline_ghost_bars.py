"""The approved plan on the timeline: a ghost bar under an approved campaign's bar (and under
each of its task bars whose dates moved since), where and only where a baseline exists, with a
tooltip saying the approved dates and how far the plan moved, and a legend entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from mopsboard.domain.workdays import WEEKDAYS_ONLY
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
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


def move_launch_only(ws: Workspace, days: int) -> tuple[date, date]:
    """Spring launch approved, then its launch alone moved: (approved, now)."""
    spring = ws.campaign_named("Spring launch")
    assert spring.launch_date is not None
    ws.approve(spring.key, ["Product"], "brief ok")
    now = spring.launch_date + timedelta(days=days)
    ws.update_campaign(ws.campaign_named("Spring launch").model_copy(update={"launch_date": now}))
    return spring.launch_date, now


def test_an_approved_launch_that_moved_is_a_hollow_diamond_on_the_ghost(
    window: MainWindow,
) -> None:
    ws = window.workspace
    page = timeline_of(window)
    timeline, rows = page.timeline, page.rows
    approved, now = move_launch_only(ws, -4)
    rows.reload()
    timeline.scroll_to_day(approved, 0.5)
    row = rows.row_of_campaign(ws.campaign_named("Spring launch").key)
    ghost = timeline.painter.ghosts.rect(row)
    box = timeline.painter.ghosts.launch_marker(row)
    assert ghost is not None and box is not None
    # At the approved launch's day, on the ghost, apart from the launch now.
    centre = box.center()
    assert int(centre.x()) == timeline.x_of(approved) + timeline.ppd // 2
    assert ghost.contains(centre.toPoint())
    assert abs(centre.x() - (timeline.x_of(now) + timeline.ppd / 2)) == 4 * timeline.ppd
    image = timeline.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    text = QColor(theme.current().text)

    def near_text(x: float, y: float) -> bool:
        """Whether a pixel by (x, y) has about the diamonds' colour (antialiased lines spread)."""
        px, py = int(x * ratio), int(y * ratio)
        around = [image.pixelColor(px + dx, py + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
        return any(abs(c.lightness() - text.lightness()) < 60 for c in around)

    # Its outline is drawn in the diamonds' colour; its middle is left empty.
    half = box.width() / 4  # the middle of the diamond's edges
    assert near_text(centre.x() - half, centre.y() - half)
    assert near_text(centre.x() + half, centre.y() + half)
    assert not near_text(centre.x(), centre.y())
    tip = timeline.tooltip_at(centre.toPoint() + QPoint(0, -3))
    assert tip == (
        f"Approved launch: {approved:%a %d %b %Y}; "
        f"{moved_words(-WEEKDAYS_ONLY.working_days_in(now + timedelta(days=1), approved))} "
        f"({now:%a %d %b %Y})"
    )


def test_a_launch_as_approved_has_no_hollow_diamond(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    approve_and_shift(ws, 0)
    page.rows.reload()
    spring = ws.campaign_named("Spring launch")
    row = page.rows.row_of_campaign(spring.key)
    assert page.timeline.painter.ghosts.rect(row) is not None
    assert page.timeline.painter.ghosts.launch_marker(row) is None
    page.rows.set_expanded(spring.key, True)
    task_row = row + 1
    assert page.timeline.painter.ghosts.launch_marker(task_row) is None


def test_the_legend_names_the_ghost_and_the_approved_launch(window: MainWindow) -> None:
    ws = window.workspace
    page = timeline_of(window)
    approve_and_shift(ws, 0)
    page.rows.reload()
    texts = [w.text() for w in page.ghost_legend.findChildren(QLabel) if w.text()]
    assert texts == ["Approved plan", "Approved launch"]
    swatch = page.ghost_legend.findChild(QLabel, "timelineGhostLegendSwatch")
    image = swatch.pixmap().toImage()
    # A ghost alone: one faint bar with a dashed edge, no solid bar over it (which made it look
    # like a switch): no pixel is drawn nearly opaque inside it.
    inside = [
        image.pixelColor(x, y).alpha()
        for y in range(image.height() // 2 - 1, image.height() // 2 + 2)
        for x in range(3, image.width() - 3)
    ]
    assert inside and max(inside) < 100
    launch = page.ghost_legend.findChild(QLabel, "timelineGhostLegendLaunch")
    assert not launch.pixmap().isNull()
