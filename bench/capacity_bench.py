"""The capacity figures (issue: teams and capacity): computing the map of 100 members over 26
weeks in a 50,000-task workspace, and how long the map takes to show one reassign made from it.

The workspace is built here (the demo has a dozen people): ten teams of ten, with the demo's
mix of weekly hours, working days, availability and holiday countries, some time off, and tasks
spread over a year around today, a fifth of them done and a tenth left to a team.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from mopsboard.domain.calendar import Period
from mopsboard.domain.models import Member, Task, Team, TimeOff
from mopsboard.store.workspace import Workspace

TASKS = 50_000
TEAMS = 10
PER_TEAM = 10
WEEKS = 26
RUNS = 7

TARGETS: dict[str, float | str] = {
    "capacity_50k_ms": 150,
    "capacity_50k_first_ms": "",
    "capacity_50k_counted_tasks": "",
    "capacity_view_refresh_ms": 30,
}

_PEOPLE = (  # weekly hours, working days, availability, holiday country
    (40, "12345", 1.0, "US"),
    (40, "12345", 0.8, "DE"),
    (32, "1234", 1.0, "GB"),
    (20, "135", 1.0, None),
    (32, "2345", 1.0, "FR"),
    (40, "12345", 0.75, "US-CA"),
)


def build(path: Path, today: date) -> Workspace:
    rng = random.Random(4)
    ws = Workspace.create(path)
    board = ws.boards()[0].id or 0
    stages = ws.stages(board)
    members: list[Member] = []
    for t in range(TEAMS):
        team = ws.add_team(Team(name=f"Team {t + 1:02d}"))
        for n in range(PER_TEAM):
            hours, days, share, country = _PEOPLE[(t + n) % len(_PEOPLE)]
            members.append(
                ws.add_member(
                    Member(
                        team_id=team.id or 0,
                        name=f"Person {t + 1:02d}-{n + 1:02d}",
                        weekly_hours=hours,
                        working_days=days,
                        availability=share,
                        holiday_country=country,
                    )
                )
            )
    for member in members[::3]:
        first = today + timedelta(days=rng.randint(-30, 150))
        ws.add_time_off(
            TimeOff(member_id=member.id or 0, start_date=first, end_date=first + timedelta(4))
        )
    tasks = []
    for n in range(TASKS):
        member = rng.choice(members)
        start = today + timedelta(days=rng.randint(-200, 200))
        due = start + timedelta(days=rng.choice((0, 1, 2, 4, 7, 9, 14, 20)))
        stage = stages[rng.choice((0, 1, 2, 3, 4, 4))]
        team_only = rng.random() < 0.1
        tasks.append(
            Task(
                board_id=board,
                stage_id=stage.id or 0,
                title=f"Task {n}",
                assignee_id=None if team_only else member.id,
                team_id=member.team_id,
                estimate_hours=rng.choice((1, 2, 3, 4, 6, 8, 12, 16)),
                start_date=start if rng.random() < 0.8 else None,
                due_date=due,
            )
        )
    ws.bulk_add_tasks(tasks)
    return ws


def _map_ms(ws: Workspace, period: Period) -> tuple[float, int]:
    began = time.perf_counter()
    capacity = ws.capacity_inputs(period).compute(period)
    elapsed = (time.perf_counter() - began) * 1000
    return elapsed, capacity.counted


def _refresh_ms(ws: Workspace, period: Period) -> float:
    """A task dropped from the drill-down onto another person's cell of a shown map: the write,
    the undo step, and the map's model and painted cells updated."""
    from PySide6.QtWidgets import QApplication

    from mopsboard.qt.workspace_actions import WorkspaceActions
    from mopsboard.ui.capacity.capacity_view import CapacityView

    app = QApplication.instance() or QApplication([])
    actions = WorkspaceActions(ws)
    view = CapacityView(actions)
    view.resize(1440, 900)
    view.show()
    view.set_period(period)
    app.processEvents()
    model, cell = view.model, view.cell_model
    rows = [r for r in model.capacity.rows if r.member is not None]
    timings = []
    for n in range(RUNS * 3):
        source, target = rows[n % len(rows)], rows[(n + 7) % len(rows)]
        cell.show_cell(source, 1)
        if not cell.tasks:
            continue
        data = cell.mimeData([cell.index(0, 0)])
        drop_on = model.index(model.capacity.rows.index(target), 3)
        before = drop_on.data()
        began = time.perf_counter()
        model.dropMimeData(data, cell.supportedDragActions(), -1, -1, drop_on)
        # Delivers the repaints the change asked for (the changed rows, the drill-down list).
        app.processEvents()
        timings.append((time.perf_counter() - began) * 1000)
        assert drop_on.data() != before, "the map did not change"
    view.close()
    # The history's commands call back into Python: empty it while both sides are alive.
    actions.undo_stack.clear()
    return statistics.median(timings)


def run(results: dict[str, float], workdir: Path) -> None:
    today = date.today()
    path = workdir / "capacity-50k.mopsboard"
    with build(path, today) as ws:
        period = Period.of(today, WEEKS)
        first, counted = _map_ms(ws, period)
        timings = [_map_ms(ws, period)[0] for _ in range(RUNS)]
        results["capacity_50k_first_ms"] = round(first, 1)
        results["capacity_50k_ms"] = round(statistics.median(timings), 1)
        results["capacity_50k_counted_tasks"] = counted
        results["capacity_view_refresh_ms"] = round(_refresh_ms(ws, Period.of(today, 8)), 2)
