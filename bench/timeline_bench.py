"""The timeline's figures (issue: campaigns, personas and templates): opening the timeline of a
workspace with 200 campaigns and 50,000 tasks, and expanding every campaign to its tasks.

Each figure is measured in a fresh process (`python -m bench.timeline_bench --probe FILE`), with
the main window already open, from the click on "Timeline" to its first painted frame.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

CAMPAIGNS = 200
TASKS = 50_000
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def build(path: Path, today: date) -> None:
    """200 campaigns over two years, 50,000 tasks spread over them and over five boards."""
    from mopsboard.domain.models import Campaign, Task
    from mopsboard.store.workspace import Workspace

    rng = random.Random(5)
    with Workspace.create(path) as ws:
        boards = [ws.boards()[0]] + [ws.add_board(f"Board {n}") for n in range(2, 6)]
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


def probe(path: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from mopsboard.app import make_application
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.shell.main_window import MainWindow
    from mopsboard.ui.timeline.timeline_view import TimelineView

    app = make_application([sys.argv[0]])
    workspace = Workspace.open(path)
    window = MainWindow(workspace)
    window.resize(1440, 900)
    window.show()
    QApplication.processEvents()
    page = window.pages["timeline"]
    assert isinstance(page, TimelineView)

    begin = time.perf_counter()
    window.show_view("timeline")
    QApplication.processEvents()
    page.timeline.viewport().repaint()
    opened = time.perf_counter()

    page.rows.expand_all(True)
    page.timeline.viewport().repaint()
    expanded = time.perf_counter()
    rows = len(page.rows.rows)
    window.close()
    workspace.close()
    del app
    return {
        "open_ms": (opened - begin) * 1000,
        "expand_ms": (expanded - opened) * 1000,
        "rows": rows,
    }


def run(results: dict[str, float], workdir: Path) -> None:
    path = workdir / "timeline-200x50k.mopsboard"
    if not path.exists():
        build(path, date.today())
    runs = []
    for _ in range(3):
        output = subprocess.run(
            [sys.executable, "-m", "bench.timeline_bench", "--probe", str(path)],
            check=True,
            capture_output=True,
            text=True,
            env=ENV,
        ).stdout
        runs.append(json.loads(output.strip().splitlines()[-1]))
    results["timeline_open_ms"] = round(statistics.median(r["open_ms"] for r in runs), 1)
    results["timeline_expand_all_ms"] = round(statistics.median(r["expand_ms"] for r in runs), 1)
    results["timeline_rows_expanded"] = runs[0]["rows"]


TARGETS: dict[str, float | str] = {
    "timeline_open_ms": 200,
    "timeline_expand_all_ms": "",
    "timeline_rows_expanded": "",
}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--probe":
        print(json.dumps(probe(Path(sys.argv[2]))))
    else:
        print("usage: python -m bench.timeline_bench --probe FILE", file=sys.stderr)
        raise SystemExit(2)
