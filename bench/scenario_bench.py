"""The what-if scenario figures (issue 17), on the demo scaled to 50,000 tasks on one board
(bench/workspaces.py, `one_board_file`), copied so the drafts stay out of the other modules'
file. Three scenarios are drafted on its busiest campaigns: one shifts a campaign three weeks
and defers a task; one hands tasks to the agency and adds a contractor; one cuts tasks and
halves a person's week.

In the bench's process, medians of RUNS after one untimed:
- `scenario_compare_50k_ms`: the real plan and the three scenarios compared over the capacity
  view's default period (eight weeks from today), from a fresh store read (the workspace opened,
  the real plan's inputs read once, each scenario's rows read and applied) to every plan's
  figures and differences computed;
- `scenario_switch_50k_ms`: switching the compared plans' heat map (qt/scenarios/
  plan_heat_model.py) from one computed plan to the next and reading every cell a view paints
  (its text, load level and difference), the mean over a round of all four plans;
- `scenario_50k_changed_tasks`: the tasks the three scenarios change (pushes included);
- `scenario_adopt_shift_50k_ms`: adopting the scenario that shifts the busiest campaign (its
  thousands of tasks each written through `update_task`, with its rules and logs), once, on a
  copy of the file: one unit of work from the check to the commit.
"""

from __future__ import annotations

import shutil
import statistics
import time
from datetime import date
from pathlib import Path

from bench.workspaces import one_board_file
from mopsboard.domain.calendar import Period
from mopsboard.domain.ids import ScenarioId
from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.scenario_compare import Comparison
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ScenarioChange,
    ShiftCampaign,
)
from mopsboard.store.workspace import Workspace

TASKS = 50_000
RUNS = 5
SWITCH_ROUNDS = 20
WEEKS = 8

TARGETS: dict[str, float | str] = {
    "scenario_compare_50k_ms": 2000,
    "scenario_switch_50k_ms": 16,
    "scenario_50k_changed_tasks": "tasks the three scenarios change",
    "scenario_adopt_shift_50k_ms": "one campaign of thousands of tasks, shifted for real",
}


def _draft(ws: Workspace, today: date) -> list[ScenarioId]:
    campaigns = sorted(ws.campaigns(), key=lambda c: (-len(ws.campaign_tasks(c.key)), c.key))
    period = Period.of(today, WEEKS)
    dated = [
        t
        for t in ws.campaign_tasks(campaigns[0].key)
        if t.due_date and period.first <= t.due_date <= period.last and t.assignee_id
    ]
    agency = next((t for t in ws.teams() if t.kind is TeamKind.AGENCY), ws.teams()[0])
    people = ws.members(include_inactive=False)
    drafts: dict[str, list[ScenarioChange]] = {
        "Bench: later": [
            ShiftCampaign(campaign_id=campaigns[0].key, days=21),
            DeferTask(task_id=dated[0].key, days=5),
        ],
        "Bench: agency": [
            *(ReassignTask(task_id=t.key, team_id=agency.key) for t in dated[1:6]),
            AddCapacity(
                team_id=people[0].team_id,
                name="Bench contractor",
                weekly_hours=30,
                first=period.first,
                last=period.last,
            ),
        ],
        "Bench: lean": [
            *(CutTask(task_id=t.key) for t in dated[6:11]),
            ChangeAvailability(member_id=people[1].key, availability=0.5),
        ],
    }
    ids = []
    for name, changes in drafts.items():
        scenario = ws.add_scenario(name)
        for change in changes:
            ws.add_change(scenario.key, change)
        ids.append(scenario.key)
    return ids


def _compare(path: Path, ids: list[ScenarioId], period: Period) -> tuple[float, Comparison]:
    began = time.perf_counter()
    with Workspace.open(path, read_only=True) as ws:
        comparison = ws.compare_scenarios(ids, period)
    return (time.perf_counter() - began) * 1000, comparison


def _switch_ms(comparison: Comparison) -> float:
    from PySide6.QtCore import QCoreApplication, Qt

    from mopsboard.qt.scenarios.plan_heat_model import DifferenceRole, LevelRole, PlanHeatModel

    _app = QCoreApplication.instance() or QCoreApplication([])
    model = PlanHeatModel()
    model.set_comparison(comparison)
    roles = (Qt.ItemDataRole.DisplayRole, LevelRole, DifferenceRole)
    plans = len(comparison.plans)
    timings = []
    for _round in range(SWITCH_ROUNDS):
        began = time.perf_counter()
        for number in (*range(1, plans), 0):
            model.show_plan(number)
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    for role in roles:
                        model.data(index, role)
        timings.append((time.perf_counter() - began) * 1000 / plans)
    return statistics.median(timings)


def run(results: dict[str, float], workdir: Path) -> None:
    today = date.today()
    path = workdir / "scenarios-50k.mopsboard"
    shutil.copyfile(one_board_file(workdir, TASKS), path)
    with Workspace.open(path) as ws:
        ids = _draft(ws, today)
        ws.fold_journal()
    period = Period.of(today, WEEKS)
    _compare(path, ids, period)
    runs = [_compare(path, ids, period) for _ in range(RUNS)]
    comparison = runs[-1][1]
    changed = {
        task_id
        for plan in comparison.scenarios
        if plan.applied is not None
        for task_id in plan.applied.tasks
    }
    results["scenario_compare_50k_ms"] = round(statistics.median(t for t, _ in runs), 1)
    results["scenario_switch_50k_ms"] = round(_switch_ms(comparison), 3)
    results["scenario_50k_changed_tasks"] = len(changed)
    results["scenario_adopt_shift_50k_ms"] = round(_adopt_ms(path, ids[0]), 1)


def _adopt_ms(path: Path, scenario_id: ScenarioId) -> float:
    copy = path.with_name("scenarios-50k-adopted.mopsboard")
    shutil.copyfile(path, copy)
    with Workspace.open(copy) as ws:
        began = time.perf_counter()
        ws.adopt(scenario_id)
        return (time.perf_counter() - began) * 1000
