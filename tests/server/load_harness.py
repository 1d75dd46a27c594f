"""Planners at once on one server workspace: no lost update, every acknowledged write there,
every conflict surfaced as a conflict, no lock error or deadlock reaching a planner.

Each planner is a process of its own (`--planner`), making mixed actions at random: moves
(timed), edits of a title from a copy read a while ago (a stale copy is a conflict, counted),
adds, and capacity reads. It reports what it was told was saved. This parent then checks the
server: every acknowledged add is there; each edited task's title is the one of the acknowledged
edit that left the highest version (an edit overwritten by one that never saw it would be a
lost update, which version checks forbid); nothing but conflicts and board rules refused.

    python tests/server/load_harness.py --planners 20 --actions 250     (make stress)
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mopsboard.domain.calendar import Period  # noqa: E402
from mopsboard.domain.errors import ConflictError, MopsboardError  # noqa: E402
from mopsboard.domain.models import Member, Task, Team  # noqa: E402
from mopsboard.store.database import WorkspaceError  # noqa: E402
from mopsboard.store.workspace import Workspace  # noqa: E402

MOVING_STAGES = ("Backlog", "Ready", "In progress")
SEED_TASKS = 60


def seed(url: str) -> None:
    with Workspace.create(url) as ws:
        board = ws.boards()[0]
        stages = [s for s in ws.stages(board.key) if s.name in MOVING_STAGES]
        team = ws.add_team(Team(name="Content"))
        ana = ws.add_member(Member(team_id=team.key, name="Ana"))
        ws.add_tasks(
            [
                Task(
                    board_id=board.key,
                    stage_id=stages[n % len(stages)].key,
                    title=f"seed {n}",
                    assignee_id=ana.id if n % 2 else None,
                    estimate_hours=float(n % 7 + 1),
                )
                for n in range(SEED_TASKS)
            ]
        )


def planner(url: str, number: int, actions: int, start_at: float) -> dict[str, Any]:
    rng = random.Random(number)
    report: dict[str, Any] = {
        "adds": [],
        "edits": [],
        "moves_ms": [],
        "conflicts": 0,
        "refused": 0,
        "errors": [],
    }
    with Workspace.open(url) as ws:
        board = ws.boards()[0]
        stages = [s.key for s in ws.stages(board.key) if s.name in MOVING_STAGES]
        known = ws.tasks(board.key)
        today = date.today()
        period = Period(today - timedelta(days=today.weekday()), 4)
        # Every planner starts at the same moment, whatever its process took to start.
        time.sleep(max(0.0, start_at - time.time()))
        for step in range(actions):
            roll = rng.random()
            try:
                if roll < 0.4:
                    task = rng.choice(known)
                    cards = [t for t in known if t.stage_id == task.stage_id and t.id != task.id]
                    before = rng.choice(cards).key if cards and rng.random() < 0.7 else None
                    target = task.stage_id if before is not None else rng.choice(stages)
                    began = time.perf_counter()
                    ws.move_tasks([task.key], target, before)
                    report["moves_ms"].append((time.perf_counter() - began) * 1000)
                elif roll < 0.7:
                    # The copy read earlier: another planner may have changed it since.
                    task = rng.choice(known)
                    title = f"p{number} edit {step}"
                    saved = ws.update_task(task.model_copy(update={"title": title}))
                    report["edits"].append([saved.key, saved.version, title])
                elif roll < 0.9:
                    title = f"p{number} add {step}"
                    added = ws.add_task(Task(board_id=board.key, stage_id=stages[0], title=title))
                    report["adds"].append([added.key, title])
                else:
                    ws.capacity_inputs(period).compute(period)
            except ConflictError:
                report["conflicts"] += 1
            except WorkspaceError as error:  # a lock held too long, the server gone: for a user
                report["errors"].append(f"{type(error).__name__}: {error}")
            except MopsboardError:
                report["refused"] += 1  # a board rule, or a task deleted meanwhile
            if step % 10 == 0:
                known = ws.tasks(board.key)
    return report


@dataclass
class Figures:
    planners: int
    actions: int = 0
    moves_ms: list[float] = field(default_factory=list)
    conflicts: int = 0
    refused: int = 0
    acknowledged: int = 0
    failures: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        p50 = statistics.median(self.moves_ms) if self.moves_ms else 0.0
        p95 = statistics.quantiles(self.moves_ms, n=20)[-1] if len(self.moves_ms) > 1 else p50
        return [
            f"planners: {self.planners}, actions: {self.actions}",
            f"acknowledged writes checked: {self.acknowledged}",
            f"conflicts surfaced: {self.conflicts}, refused by board rules: {self.refused}",
            f"moves: {len(self.moves_ms)}, p50 {p50:.1f} ms, p95 {p95:.1f} ms",
            f"failures: {len(self.failures)}",
            *self.failures[:10],
        ]


def check(url: str, reports: list[dict[str, Any]], figures: Figures) -> None:
    with Workspace.open(url) as ws:
        tasks = {t.key: t for t in ws.tasks()}
    last_edit: dict[int, tuple[int, str]] = {}
    for report in reports:
        figures.conflicts += report["conflicts"]
        figures.refused += report["refused"]
        figures.moves_ms += report["moves_ms"]
        figures.failures += report["errors"]
        for task_id, title in report["adds"]:
            figures.acknowledged += 1
            if task_id not in tasks:
                figures.failures.append(f"lost: the add of task {task_id} '{title}'")
        for task_id, version, title in report["edits"]:
            figures.acknowledged += 1
            if version > last_edit.get(task_id, (0, ""))[0]:
                last_edit[task_id] = (version, title)
    for task_id, (_version, title) in last_edit.items():
        if task_id not in tasks:
            figures.failures.append(f"lost: task {task_id}, edited to '{title}'")
        elif tasks[task_id].title != title:
            figures.failures.append(
                f"lost update: task {task_id} is '{tasks[task_id].title}', its last "
                f"acknowledged edit made it '{title}'"
            )


def run(url: str, planners: int, actions: int) -> Figures:
    seed(url)
    start_at = str(time.time() + 2 + planners * 0.3)
    command = [sys.executable, __file__, "--actions", str(actions), "--start-at", start_at, url]
    children = [
        subprocess.Popen([*command, "--planner", str(n)], stdout=subprocess.PIPE, text=True)
        for n in range(planners)
    ]
    figures = Figures(planners, actions=planners * actions)
    reports = []
    for child in children:
        out, _ = child.communicate(timeout=1800)
        if child.returncode != 0:
            figures.failures.append(f"a planner stopped with status {child.returncode}")
            continue
        reports.append(json.loads(out))
    check(url, reports, figures)
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("url", nargs="?", help="an empty database (default: a throwaway server)")
    parser.add_argument("--planners", type=int, default=20)
    parser.add_argument("--actions", type=int, default=250)
    parser.add_argument("--planner", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.planner is not None:
        print(json.dumps(planner(args.url, args.planner, args.actions, args.start_at)))
        return 0
    if args.url:
        figures = run(args.url, args.planners, args.actions)
    else:
        from tests.pg_server import Cluster

        cluster = Cluster()
        cluster.start()
        if cluster.url is None:
            print(f"no PostgreSQL server: {cluster.reason}")
            return 1
        try:
            figures = run(cluster.new_database(), args.planners, args.actions)
        finally:
            cluster.stop()
    print("\n".join(figures.lines()))
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
