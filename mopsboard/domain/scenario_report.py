"""A comparison as plain data with stable keys (what `mopsboard scenario FILE compare --json`
prints, and what any other program may read).

`comparison_data(comparison)`:

    {"period": {"first": "2026-03-02", "last": "2026-04-26", "weeks": 8},
     "plans": [
       {"name": "Real plan", "scenario_id": null,
        "overload_hours": 12.5,
        "overload_hours_by_team": {"Content": 12.5, ...},
        "teams": [{"team_id": 1, "team": "Content", "overload_hours": 12.5,
                   "over_booked_weeks": 2,
                   "weeks": [{"week": "2026-03-02", "hours": 40.0,
                              "available_hours": 32.0, "over_booked": true,
                              "overload_hours": 8.0, "people_over_booked": 1}, ...]}, ...],
        "launches_at_risk": ["Spring"],
        "campaigns": [{"campaign_id": 3, "campaign": "Spring", "launch_date": "2026-04-01",
                       "at_risk": true, "risk": "'Copy' can finish on ...",
                       "planned_cost": 4200.0, "budget": 5000.0, "over_budget": false,
                       "unpriced_planned_hours": 0.0}, ...],
        "problems": [],
        "differences": null},
       {"name": "Launch later", "scenario_id": 2, ...,
        "differences": {"overload_hours_by_team": {"Content": -4.0, ...},
                        "cells": [{"team_id": 1, "team": "Content", "week": "2026-03-09",
                                   "real": {...week...}, "scenario": {...week...}}, ...],
                        "campaigns": [{"campaign_id": 3, "campaign": "Spring",
                                       "launch_date": {"real": "...", "scenario": "..."},
                                       "at_risk": {"real": true, "scenario": false},
                                       "planned_cost": {"real": 4200.0, "scenario": 4400.0},
                                       "cost_delta": 200.0}, ...]}}]}

A week's `hours` are what the Capacity view shows: planned and logged. Its overload is per
person: each member's hours beyond their available hours, and the Unassigned hours beyond what
the team's people have left (domain/scenario_figures.py, `team_week`). Hours and money are
rounded to the hundredth; dates are ISO days.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mopsboard.domain.scenario_compare import (
    CampaignOutlook,
    Comparison,
    PlanDifferences,
    PlanFigures,
    TeamWeek,
)


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _week(cell: TeamWeek, start: date) -> dict[str, Any]:
    return {
        "week": start.isoformat(),
        "hours": round(cell.hours, 2),
        "available_hours": round(cell.available, 2),
        "over_booked": cell.over_booked,
        "overload_hours": cell.overload,
        "people_over_booked": cell.people_over,
    }


def _campaign(outlook: CampaignOutlook) -> dict[str, Any]:
    return {
        "campaign_id": outlook.campaign_id,
        "campaign": outlook.name,
        "launch_date": _day(outlook.launch_date),
        "at_risk": outlook.at_risk,
        "risk": outlook.risk,
        "planned_cost": round(outlook.cost.planned_cost, 2),
        "budget": outlook.budget,
        "over_budget": outlook.over_budget,
        "unpriced_planned_hours": round(outlook.cost.unpriced_planned_hours, 2),
    }


def _differences(
    differences: PlanDifferences, plan: PlanFigures, real: PlanFigures, starts: tuple[date, ...]
) -> dict[str, Any]:
    names = {t.team_id: t.name for t in (*real.teams, *plan.teams)}
    return {
        "overload_hours_by_team": {
            names[team_id]: delta for team_id, delta in differences.overload_by_team.items()
        },
        "cells": [
            {
                "team_id": cell.team_id,
                "team": names[cell.team_id],
                "week": starts[cell.week].isoformat(),
                "real": _week(cell.real, starts[cell.week]),
                "scenario": _week(cell.scenario, starts[cell.week]),
            }
            for cell in differences.cells
        ],
        "campaigns": [
            {
                "campaign_id": c.campaign_id,
                "campaign": c.name,
                "launch_date": {
                    "real": _day(c.real.launch_date),
                    "scenario": _day(c.scenario.launch_date),
                },
                "at_risk": {"real": c.real.at_risk, "scenario": c.scenario.at_risk},
                "planned_cost": {
                    "real": round(c.real.cost.planned_cost, 2),
                    "scenario": round(c.scenario.cost.planned_cost, 2),
                },
                "cost_delta": c.cost_delta,
            }
            for c in differences.campaigns
        ],
    }


def plan_data(comparison: Comparison, plan: PlanFigures) -> dict[str, Any]:
    starts = comparison.period.starts
    differences = comparison.differences_of(plan)
    return {
        "name": plan.name,
        "scenario_id": plan.scenario_id,
        "overload_hours": plan.overload,
        "overload_hours_by_team": {team.name: team.overload for team in plan.teams},
        "teams": [
            {
                "team_id": team.team_id,
                "team": team.name,
                "overload_hours": team.overload,
                "over_booked_weeks": team.over_booked_weeks,
                "weeks": [_week(cell, starts[n]) for n, cell in enumerate(team.weeks)],
            }
            for team in plan.teams
        ],
        "launches_at_risk": [c.name for c in plan.launches_at_risk],
        "campaigns": [_campaign(c) for c in plan.campaigns],
        "problems": [f"change {p.index + 1}: {p.text}" for p in plan.problems],
        "differences": (
            None
            if differences is None
            else _differences(differences, plan, comparison.real, starts)
        ),
    }


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    period = comparison.period
    return {
        "period": {
            "first": period.first.isoformat(),
            "last": period.last.isoformat(),
            "weeks": period.weeks,
        },
        "plans": [plan_data(comparison, plan) for plan in comparison.plans],
    }


__all__ = ["comparison_data", "plan_data"]
