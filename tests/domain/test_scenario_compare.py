"""The comparison's rules that need no store: over-booking to the hundredth, the overload, and
which cells and campaigns count as differences."""

from __future__ import annotations

from datetime import date

from mopsboard.domain.calendar import Period
from mopsboard.domain.campaign_work import CampaignCost
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.ids import CampaignId, TeamId
from mopsboard.domain.models import Team
from mopsboard.domain.scenario_compare import (
    CampaignOutlook,
    PlanFigures,
    TeamLoad,
    TeamWeek,
    differences,
)

CONTENT, WEB = TeamId(1), TeamId(2)
SPRING = CampaignId(1)
PERIOD = Period.of(date(2026, 3, 2), 2)


def test_a_cell_is_over_booked_as_the_heat_map_shows_it():
    assert not TeamWeek(32.004, 32.0).over_booked  # reads "32 / 32"
    assert TeamWeek(32.01, 32.0).over_booked
    assert TeamWeek(40.0, 32.0).overload == 8.0
    assert TeamWeek(30.0, 32.0).overload == 0.0
    assert TeamWeek(3.0, 0.0).over_booked and TeamWeek(3.0, 0.0).overload == 3.0
    load = TeamLoad(CONTENT, "Content", (TeamWeek(40, 32), TeamWeek(10, 32), TeamWeek(33.5, 32)))
    assert (load.overload, load.over_booked_weeks) == (9.5, 2)


def _plan(name: str, weeks: dict[TeamId, tuple[TeamWeek, ...]], cost: float) -> PlanFigures:
    empty = CapacityMap(PERIOD, [Team(id=CONTENT, name="Content")], [])
    return PlanFigures(
        name,
        None,
        empty,
        tuple(TeamLoad(team, f"Team {team}", w) for team, w in weeks.items()),
        (
            CampaignOutlook(
                SPRING, "Spring", date(2026, 3, 20), None, CampaignCost(planned_cost=cost), 100.0
            ),
        ),
    )


def test_differences_list_only_what_changed():
    real = _plan("Real plan", {CONTENT: (TeamWeek(40, 32), TeamWeek(10, 32))}, 90.0)
    same = _plan("Same", {CONTENT: (TeamWeek(40.001, 32), TeamWeek(10, 32))}, 90.0)
    found = differences(real, same, 2)
    assert found.cells == () and found.campaigns == ()
    assert found.overload_by_team == {CONTENT: 0.0}
    other = _plan(
        "Other",
        {CONTENT: (TeamWeek(30, 32), TeamWeek(10, 32)), WEB: (TeamWeek(5, 0), TeamWeek(0, 0))},
        120.0,
    )
    found = differences(real, other, 2)
    assert [(c.team_id, c.week) for c in found.cells] == [(CONTENT, 0), (WEB, 0)]
    assert found.overload_by_team == {CONTENT: -8.0, WEB: 5.0}
    (campaign,) = found.campaigns
    assert campaign.cost_delta == 30.0 and not campaign.launch_moved and not campaign.risk_changed
    assert campaign.scenario.over_budget and not campaign.real.over_budget
