"""The `scenario compare` command's readable output: overload per team and plan, each campaign's
launch (at risk or not) and cost against budget per plan, then what each scenario changes."""

from __future__ import annotations

from collections.abc import Sequence

from mopsboard.domain.ids import TeamId
from mopsboard.domain.scenario_compare import (
    Comparison,
    PlanDifferences,
    PlanFigures,
)
from mopsboard.io.text_table import fit, printable

NAME_WIDTH = 36
PLAN_WIDTH = 20


def _row(name: str, cells: Sequence[str]) -> str:
    label = fit(name, NAME_WIDTH - 2).ljust(NAME_WIDTH)
    return (label + "".join(cell.ljust(PLAN_WIDTH) for cell in cells)).rstrip()


def _team_lines(plans: Sequence[PlanFigures], teams: dict[TeamId, str]) -> list[str]:
    lines = [_row("Overload hours (over-booked weeks)", [fit(p.name, 18) for p in plans])]
    for team_id, name in teams.items():
        cells = []
        for plan in plans:
            load = plan.team(team_id)
            cells.append(f"{load.overload:g} ({load.over_booked_weeks})" if load else "-")
        lines.append(_row(name, cells))
    lines.append(_row("All teams", [f"{p.overload:g}" for p in plans]))
    return lines


def _campaign_lines(comparison: Comparison) -> list[str]:
    plans = comparison.plans
    lines = [_row("Campaign: launch, cost / budget", [fit(p.name, 18) for p in plans])]
    for outlook in comparison.real.campaigns:
        launches, costs = [], []
        for plan in plans:
            seen = plan.campaign(outlook.campaign_id)
            if seen is None:
                launches.append("-")
                costs.append("-")
                continue
            launch = seen.launch_date.isoformat() if seen.launch_date else "no launch"
            launches.append(f"{launch}{' at risk' if seen.at_risk else ''}")
            budget = f" / {seen.budget:g}" if seen.budget is not None else ""
            over = " over" if seen.over_budget else ""
            costs.append(f"{seen.cost.planned_cost:g}{budget}{over}")
        lines += [_row(outlook.name, launches), _row("", costs)]
    return lines


def _difference_lines(
    plan: PlanFigures, differences: PlanDifferences, teams: dict[TeamId, str]
) -> list[str]:
    lines = [f"{plan.name}, against the real plan:"]
    for problem in plan.problems:
        lines.append(f"  change {problem.index + 1} could not apply: {problem.text}")
    for team_id, delta in differences.overload_by_team.items():
        cells = [c for c in differences.cells if c.team_id == team_id]
        planned = round(sum(c.scenario.hours - c.real.hours for c in cells), 2)
        available = round(sum(c.scenario.available - c.real.available for c in cells), 2)
        words = [
            f"{value:+g} h {what}"
            for value, what in (
                (delta, "overload"),
                (planned, "planned and logged"),
                (available, "available"),
            )
            if value
        ]
        if words:
            lines.append(f"  {teams[team_id]}: {', '.join(words)}")
    for change in differences.campaigns:
        words = []
        if change.launch_moved:
            before, after = change.real.launch_date, change.scenario.launch_date
            words.append(f"launch {before} \u2192 {after}")
        if change.risk_changed:
            words.append("now at risk" if change.scenario.at_risk else "no longer at risk")
        if change.cost_delta:
            words.append(f"cost {change.cost_delta:+g}")
        if words:
            lines.append(f"  {change.name}: {', '.join(words)}")
    if len(lines) == 1:
        lines.append("  no difference")
    return lines


def comparison_text(comparison: Comparison) -> str:
    """The comparison as readable tables: overload per team, then campaigns, then differences."""
    period = comparison.period
    teams = {t.team_id: t.name for p in comparison.plans for t in p.teams}
    lines = [
        f"From {period.first.isoformat()} to {period.last.isoformat()} ({period.weeks} weeks)",
        "",
        *_team_lines(comparison.plans, teams),
        "",
        *_campaign_lines(comparison),
    ]
    for plan, differences in zip(comparison.scenarios, comparison.differences, strict=True):
        lines += ["", *_difference_lines(plan, differences, teams)]
    return "\n".join(printable(line) for line in lines)
