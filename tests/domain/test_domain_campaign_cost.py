"""The cost rule: estimated and logged hours at the person's rate, else their team's."""

from __future__ import annotations

import pytest

from mopsboard.domain.campaign_work import CampaignCost, campaign_costs, hourly_rate


def test_the_rate_is_the_persons_else_the_teams():
    assert hourly_rate(80.0, 150.0) == 80.0
    assert hourly_rate(None, 150.0) == 150.0
    assert hourly_rate(0.0, 150.0) == 0.0  # an intern's hours are free, not unknown
    assert hourly_rate(None, None) is None


def test_planned_and_actual_cost_per_campaign_by_hand():
    planned = [
        (1, 10.0, 80.0, 150.0),  # 800
        (1, 4.0, None, 150.0),  # 600: the agency's rate
        (1, 3.0, None, None),  # no rate known: 3 hours unpriced
        (2, 2.5, 40.0, None),  # 100
    ]
    logged = [
        (1, 2.0, 80.0, None),
        (1, 1.5, None, 150.0),
        (1, 1.0, None, None),
        (3, 1.0, 10.0, None),
    ]
    costs = campaign_costs(planned, logged)
    assert costs[1] == CampaignCost(
        logged_hours=4.5,
        planned_cost=1400.0,
        actual_cost=385.0,
        unpriced_planned_hours=3.0,
        unpriced_logged_hours=1.0,
    )
    assert costs[2] == CampaignCost(planned_cost=100.0)
    assert costs[3] == CampaignCost(logged_hours=1.0, actual_cost=10.0)


@pytest.mark.parametrize(
    ("planned", "budget", "over"),
    [
        (1400.0, 1000.0, True),
        (1000.0, 1000.0, False),
        (1000.004, 1000.0, False),
        (5.0, None, False),
    ],
)
def test_over_budget_when_the_planned_cost_is_above_it(
    planned: float, budget: float | None, over: bool
):
    assert CampaignCost(planned_cost=planned).over_budget(budget) is over
