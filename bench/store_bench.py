"""The store's figures, and the demo's:

- `demo_50k_s`: `mopsboard demo FILE --tasks 50000` (the demo's five boards), a fresh process
  from start to exit, the median of DEMO_RUNS (the first file is kept as board-50k.mopsboard,
  for a module that wants the five-board demo);
- on the demo with one board of 50,000 cards (bench/workspaces.py), in the bench's process:
  `open_workspace_50k_ms` (Workspace.open), `first_write_check_50k_ms` (the whole-file check
  before a connection's first write), `list_tasks_50k_ms` (every task of the board, as models),
  and `store_move_median_50k_ms` / `store_move_p95_50k_ms`: single moves committed through the
  store alone, no window (how fast a headless command starts is startup_bench's).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.workspaces import one_board_file
from mopsboard.domain.models import StageKind
from mopsboard.store.workspace import Workspace

TASKS = 50_000
MOVES = 200
DEMO_RUNS = 3

# Upper bounds: the for the demo; a committed move must feel instant under a drag.
TARGETS: dict[str, float | str] = {
    "demo_50k_s": 5.0,
    "open_workspace_50k_ms": 100.0,
    # Paid once per window (right after it appears) and once per writing command.
    "first_write_check_50k_ms": 60.0,
    "list_tasks_50k_ms": "every task of the 50k board",
    "store_move_median_50k_ms": 20.0,
    "store_move_p95_50k_ms": 50.0,
}


def _ms(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def _p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def _mopsboard_command() -> list[str]:
    # What a user types: the installed console script, when this environment has one.
    script = Path(sys.executable).with_name("mopsboard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mopsboard"]


def _demo_seconds(workdir: Path) -> float:
    timings = []
    for number in range(DEMO_RUNS):
        path = workdir / ("board-50k.mopsboard" if number == 0 else f"demo-50k-{number}.mopsboard")
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        command = [*_mopsboard_command(), "demo", str(path), "--tasks", str(TASKS)]
        began = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        timings.append(time.perf_counter() - began)
        if number:
            for made in path.parent.glob(f"{path.name}*"):
                made.unlink()
    return statistics.median(timings)


def _moves(ws: Workspace, board_id: int) -> list[float]:
    """Single-task moves between the stages before the review gate (a gate would refuse tasks
    with open checklist items), each to a random place, each committed on its own."""
    stages = [s for s in ws.stages(board_id) if s.kind is not StageKind.DONE and not s.is_gate]
    stage_ids = [s.key for s in stages if s.kind is not StageKind.REVIEW]
    members: dict[int, list[int]] = {s: [] for s in stage_ids}
    for task in ws.tasks(board_id):
        if task.stage_id in members:
            members[task.stage_id].append(task.key)
    rng = random.Random(1)
    timings = []
    for _ in range(MOVES):
        source = rng.choice([s for s in stage_ids if members[s]])
        target = rng.choice([s for s in stage_ids if s != source])
        task_id = members[source].pop(rng.randrange(len(members[source])))
        before = rng.choice(members[target]) if members[target] and rng.random() < 0.8 else None
        began = time.perf_counter()
        ws.move_tasks([task_id], target, before)
        timings.append((time.perf_counter() - began) * 1000)
        members[target].append(task_id)
    return timings


def run(results: dict[str, float], workdir: Path) -> None:
    results["demo_50k_s"] = round(_demo_seconds(workdir), 2)

    big = one_board_file(workdir, TASKS)
    opened: list[Workspace] = []
    timings = [_ms(lambda: opened.append(Workspace.open(big))) for _ in range(5)]
    for ws in opened:
        ws.close()
    results["open_workspace_50k_ms"] = round(statistics.median(timings), 1)

    checks = []
    for _ in range(5):
        with Workspace.open(big) as ws:
            checks.append(_ms(ws.verify))
    results["first_write_check_50k_ms"] = round(statistics.median(checks), 1)

    # The moves below go to a copy: the other modules' figures are taken on the file as built.
    moved = workdir / "store-moves-50k.mopsboard"
    with Workspace.open(big) as ws:
        ws.save_copy(moved)
    with Workspace.open(moved) as ws:
        board_id = max((b.key for b in ws.boards()), key=ws.count_tasks)
        timings = [_ms(lambda: ws.tasks(board_id)) for _ in range(5)]
        results["list_tasks_50k_ms"] = round(statistics.median(timings), 1)
        moves = _moves(ws, board_id)
    results["store_move_median_50k_ms"] = round(statistics.median(moves), 2)
    results["store_move_p95_50k_ms"] = round(_p95(moves), 2)
