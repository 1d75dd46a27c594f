"""The timeline's figures (issue: campaigns, personas and templates), on a workspace of 200
campaigns and 50,000 tasks on one board (the demo has five campaigns, so this one is built here):

- `timeline_click_to_paint_50k_ms`: in a fresh window on that board, the click on "Timeline"
  in the sidebar to the end of the first frame that paints the timeline;
- `timeline_expand_all_50k_ms`: then the click on "Expand all" to the end of the frame that
  paints the timeline with every campaign's tasks.

Each run is a fresh process (bench/timeline_probe.py) on the day's first open, with a first
window's settings; medians of RUNS runs.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from bench.workspaces import environment, fresh_day, median, probe

CAMPAIGNS = 200
TASKS = 50_000
RUNS = 3


def build(path: Path, today: date) -> None:
    """200 campaigns over two years, 50,000 tasks spread over them, on one board."""
    from mopsboard.domain.models import Campaign, Task
    from mopsboard.store.workspace import Workspace

    rng = random.Random(5)
    with Workspace.create(path) as ws:
        boards = [ws.boards()[0]]
        stages = {b.id or 0: [s.id or 0 for s in ws.stages(b.id or 0)] for b in boards}
        personas = [p.id for p in ws.personas()] + [None]
        campaigns = []
        for number in range(CAMPAIGNS):
            start = today + timedelta(days=rng.randint(-365, 300))
            launch = start + timedelta(days=rng.randint(20, 70))
            campaigns.append(
                ws.add_campaign(
                    Campaign(
                        name=f"Campaign {number + 1:03d}",
                        start_date=start,
                        launch_date=launch,
                        end_date=launch + timedelta(days=rng.randint(0, 40)),
                        colour=f"#{rng.randrange(0x1000000):06x}",
                    )
                )
            )
        tasks = []
        for number in range(TASKS):
            campaign = rng.choice(campaigns)
            board = rng.choice(boards).id or 0
            assert campaign.launch_date is not None
            due = campaign.launch_date + timedelta(days=rng.randint(-40, 20))
            tasks.append(
                Task(
                    board_id=board,
                    stage_id=rng.choice(stages[board]),
                    title=f"Task {number + 1}",
                    campaign_id=campaign.id,
                    persona_id=rng.choice(personas),
                    estimate_hours=rng.choice((1, 2, 4, 8)),
                    start_date=due - timedelta(days=rng.randint(0, 10)),
                    due_date=due,
                )
            )
        ws.bulk_add_tasks(tasks)


def run(results: dict[str, float], workdir: Path) -> None:
    path = workdir / "timeline-200x50k.mopsboard"
    if not path.exists():
        build(path, date.today())
    env, home = environment(workdir, "timeline")
    runs = []
    for _ in range(RUNS):
        fresh_day([path], home)
        runs.append(probe("bench.timeline_probe", [str(path)], env))
    results["timeline_click_to_paint_50k_ms"] = median(runs, "click_to_paint_ms")
    results["timeline_expand_all_50k_ms"] = median(runs, "expand_all_ms")
    results["timeline_rows_expanded_50k"] = runs[0]["rows"]


TARGETS: dict[str, float | str] = {
    "timeline_click_to_paint_50k_ms": 200,
    "timeline_expand_all_50k_ms": 300,
    "timeline_rows_expanded_50k": "rows once expanded",
}
