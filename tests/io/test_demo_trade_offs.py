"""The demo's trade-offs (mopsboard.io.demo_trade_offs): approved briefs, what changed since, two
scenarios and a product launch from a calendar: each trade-off view has something to show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from mopsboard.io.demo import build_demo
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 6, 15)  # a Monday
ATLAS = "Atlas 3.0 product launch"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path_factory.mktemp("demo") / "demo.mopsboard")
    build_demo(ws, today=TODAY)
    yield ws
    ws.close()


def test_the_launch_and_the_webinar_are_approved_with_a_brief(demo: Workspace) -> None:
    approved = {c.name: demo.approvals(c.key) for c in demo.campaigns() if demo.approvals(c.key)}
    assert sorted(approved) == [ATLAS, "Webinar: lead scoring that sales trusts"]
    atlas = demo.campaign_named(ATLAS)
    assert atlas.audience_country == "US" and "## Key messages" in atlas.brief
    assert approved[ATLAS][0].approved_by == ("Product", "Legal/compliance")


def test_since_approval_shows_the_launch_moved_and_hours_handed_to_the_agency(
    demo: Workspace,
) -> None:
    since = demo.since_approval(demo.campaign_named(ATLAS).key)
    # Launch today + 14 (Mon 29 Jun) moved a week to Mon 6 Jul: 30 Jun, 1 and 2 Jul and 6 Jul
    # are working days; Fri 3 Jul is the US's Independence Day (observed), the audience's.
    assert (since.launch_before, since.launch_now) == (date(2026, 6, 29), date(2026, 7, 6))
    assert since.launch_shift_days == 4
    deltas = since.hours_by_team_delta
    # The sales deck went from Content to the agency whole; the landing page grew 12 h.
    assert deltas["Content"] == -deltas["Brightline Creative (agency)"] < 0
    assert deltas["Web"] == 12.0
    assert since.hours_delta == 12.0
    assert len(since.changes) == 3


def test_two_scenarios_and_a_product_launch_in_the_webinars_week(demo: Workspace) -> None:
    assert sorted(s.name for s in demo.scenarios()) == [
        "Agency builds the landing page",
        "Launch two weeks later",
    ]
    (event,) = demo.calendar_events()
    webinar = demo.campaign_named("Webinar: lead scoring that sales trusts")
    assert event.first_day == webinar.launch_date
    warned = " ".join(w.text for w in demo.campaign_warnings())
    assert "Partner platform 5.0 general availability" in warned
    # Drafting left the real plan alone: the landing page is still the web team's.
    page = next(
        t
        for t in demo.campaign_tasks(demo.campaign_named(ATLAS).key)
        if t.title == "Build launch landing page in the CMS"
    )
    assert page.team_id is not None
    assert demo.team(page.team_id).name == "Web"
