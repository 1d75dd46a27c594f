"""The imported events' strip when more events meet than its lanes hold: no event vanishes
without a word; the tag in the way says how many more there are, and its tooltip names them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.event_marks import LANES, strip_height
from mopsboard.ui.timeline.timeline_view import TimelineView

MONDAY = date.today() + timedelta(days=14 - date.today().weekday())
TITLES = ["Acme 5.0", "Beta GA", "Cloud EU", "Docs day", "Edge 2"]


Opener = Callable[[int], TimelineView]


@pytest.fixture
def open_page(open_window: Callable[..., MainWindow], planned_ws: Workspace) -> Opener:
    """The timeline at the months' scale with five product launches `apart` days apart."""

    def opened(apart: int) -> TimelineView:
        window = open_window(planned_ws)
        assert window.show_view("timeline")
        found = window.pages["timeline"]
        assert isinstance(found, TimelineView)
        add_launches(planned_ws, apart)
        found.rows.reload()
        found.months.click()
        found.timeline.scroll_to_day(MONDAY, 0.3)
        return found

    return opened


def add_launches(ws: Workspace, apart: int) -> None:
    ws.import_calendar_events(
        [
            CalendarEvent(uid=title, title=title, first_day=day, last_day=day, source="a.ics")
            for n, title in enumerate(TITLES)
            for day in [MONDAY + timedelta(days=n * apart)]
        ]
    )


def test_events_without_room_for_a_tag_are_counted_on_the_tag_in_their_way(
    open_page: Opener,
) -> None:
    # On five days running, at the months' scale, the tags would overlap: the strip has two
    # lanes.
    timeline = open_page(1).timeline
    marks = timeline.painter.events.layout()
    assert [m.event.title for m in marks] == TITLES
    tagged = [m for m in marks if m.tag is not None]
    assert len(tagged) == LANES
    # The last tag put down says how many more there are at its place, and grows to say it.
    holder = tagged[-1]
    assert holder.text.endswith("+3 more")
    assert [e.title for e in holder.hidden] == TITLES[LANES:]
    tip = timeline.tooltip_at(holder.tag.center())  # type: ignore[union-attr]
    assert tip.startswith(f"Product launch: {holder.event.title}\n")
    for title in TITLES:
        # Every event is named by some tag's tooltip: none vanishes.
        assert any(title in timeline.tooltip_at(m.tag.center()) for m in tagged), title  # type: ignore[union-attr]
    assert "+3 more, without room for their tags" in tip
    # The tags stay in the strip, and the grown one overlaps no other tag.
    top = timeline.viewport().height() - strip_height(timeline)
    rects = [m.tag for m in tagged if m.tag is not None]
    assert all(r.top() >= top and r.bottom() < timeline.viewport().height() for r in rects)
    assert not any(a.intersects(b) for n, a in enumerate(rects) for b in rects[n + 1 :])


def test_events_with_room_hold_no_others(open_page: Opener) -> None:
    page = open_page(21)
    marks = page.timeline.painter.events.layout()
    assert all(m.tag is not None and not m.hidden for m in marks if m.event.title in TITLES)
    assert not any("more" in m.text for m in marks)
