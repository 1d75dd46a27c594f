"""The capacity figures (issue: teams and capacity), on a workspace of 100 people and 50,000
tasks on one board. It is built here (the demo has a dozen people): ten teams of ten, with the
demo's mix of weekly hours, working days, availability and holiday countries, some time off, and
tasks spread over a year around today, a fifth of them done and a tenth left to a team.

From fresh processes (bench/capacity_probe.py; the window shows the 50,000-card board, as the
day's first open with a first window's settings), medians of RUNS:
- `capacity_first_50k_ms`: the click on "Capacity" in the sidebar to the end of the first
  frame that paints the map (all teams, eight weeks: what the page shows first), the page and
  the first computation in the process included;
- `capacity_warm_50k_ms`: a click on "A week later" (or earlier) to the repainted map;
- `capacity_view_refresh_ms`: a task dragged from a person's week in the side panel onto
  another person's week, from the drop to the end of the frame that repaints the map.
Here, in the bench's process: `capacity_compute_warm_50k_ms`, the store's reading and the
domain's computing of the map of 26 weeks, warm (no view; the median of COMPUTE_RUNS after one
untimed), and `capacity_50k_counted_tasks`, the tasks that map counts.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from bench.workspaces import environment, fresh_day, median, probe
from mopsboard.domain.calendar import Period
from mopsboard.domain.models import Member, Task, Team, TimeOff
from mopsboard.store.workspace import Workspace

TASKS = 50_000
TEAMS = 10
PER_TEAM = 10
WEEKS = 26
COMPUTE_RUNS = 7
RUNS = 3

TARGETS: dict[str, float | str] = {
    "capacity_first_50k_ms": 150,
    "capacity_warm_50k_ms": "",
    "capacity_view_refresh_ms": 30,
    "capacity_compute_warm_50k_ms": "no view: the store and the domain",
    "capacity_50k_counted_tasks": "tasks in the 26 weeks",
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


def run(results: dict[str, float], workdir: Path) -> None:
    today = date.today()
    path = workdir / "capacity-50k.mopsboard"
    with build(path, today) as ws:
        period = Period.of(today, WEEKS)
        _first, counted = _map_ms(ws, period)
        timings = [_map_ms(ws, period)[0] for _ in range(COMPUTE_RUNS)]
    env, home = environment(workdir, "capacity")
    runs = []
    for _ in range(RUNS):
        fresh_day([path], home)
        runs.append(probe("bench.capacity_probe", [str(path)], env))
    results["capacity_first_50k_ms"] = median(runs, "first_ms")
    results["capacity_warm_50k_ms"] = median(runs, "warm_ms")
    results["capacity_view_refresh_ms"] = median(runs, "refresh_ms", 2)
    results["capacity_compute_warm_50k_ms"] = round(statistics.median(timings), 1)
    results["capacity_50k_counted_tasks"] = counted
