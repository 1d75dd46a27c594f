"""The timeline's approved plans are read lazily: opening it asks only which campaigns were
approved; a baseline is read once, when a row of its campaign is first painted or asked about,
and read again only after the store reports a change."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from mopsboard.domain.models import Campaign
from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.store.workspace import Workspace

TODAY = date.today()


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[list[int]]:
    """The campaign ids of every latest_baselines call."""
    calls: list[list[int]] = []
    real = Workspace.latest_baselines

    def spy(self: Workspace, campaign_ids: Any = None) -> Any:
        calls.append(sorted(campaign_ids) if campaign_ids is not None else [])
        return real(self, campaign_ids)

    monkeypatch.setattr(Workspace, "latest_baselines", spy)
    return calls


def test_baselines_are_read_once_for_the_campaigns_asked_about(
    qtbot: Any, planned_ws: Workspace, asked: list[list[int]]
) -> None:
    ws = planned_ws
    spring = ws.campaign_named("Spring launch")
    webinar = ws.campaign_named("Intent webinar")
    other = ws.add_campaign(Campaign(name="Other", launch_date=TODAY + timedelta(days=40)))
    for campaign in (spring, other):
        ws.approve(campaign.key, ["Product"])
    rows = TimelineRows(ws)
    rows.reload()
    assert asked == []
    assert rows.approved.approved == frozenset({spring.key, other.key})
    rows.approved.load([spring.key, webinar.key])
    assert asked == [[spring.key]]
    assert rows.approved.baseline(spring.key) is not None
    assert rows.approved.baseline(webinar.key) is None
    rows.approved.load([spring.key, webinar.key])
    assert asked == [[spring.key]]
    assert rows.approved.baseline(other.key) is not None
    assert asked == [[spring.key], [other.key]]
    rows.reload()
    assert rows.approved.baseline(spring.key) is not None
    assert asked[-1] == [spring.key]
