"""Many planners on one server workspace at once: no lost update, every acknowledged write
present, every conflict surfaced as one, no lock error reaching anyone.

Each child (planner_child.py), started at one moment with the others, makes mixed actions
(moves, edits of the copy it read up to ten actions before, adds, capacity reads) on the same
PostgreSQL workspace and writes down what the store acknowledged. Then the workspace is
judged against those notes: no two acknowledged edits of a task were made from the same version
it was read at (the second would have overwritten the first unseen: a lost update), each took
it exactly one version further, an edited task holds what its last acknowledged edit wrote,
every acknowledged add is there, no two tasks of a stage share an order key, and the only
errors are conflicts and refusals in words. (Moves are not version-checked: a card is where
its last mover put it; a stage whose keys are rewritten moves every version of it on.)

    python tests/stress/planners.py --planners 20 --actions 250     (make stress)

The server is MOPSBOARD_TEST_PG_URL's, or a throwaway cluster (tests/pg_server.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mopsboard.domain.models import Member, Task, Team  # noqa: E402
from mopsboard.store.workspace import Workspace  # noqa: E402
from tests.pg_server import Cluster  # noqa: E402

CHILD = Path(__file__).with_name("planner_child.py")
SEED_TASKS = 120


@dataclass
class Report:
    actions: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    move_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def percentile(self, share: float) -> float:
        ordered = sorted(self.move_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0

    def summary(self) -> str:
        moves = (
            f"move p50 {statistics.median(self.move_ms):.1f} ms, p95 {self.percentile(0.95):.1f} ms"
            if self.move_ms
            else "no moves"
        )
        counted = ", ".join(f"{kind} {n}" for kind, n in sorted(self.kinds.items()))
        return (
            f"{self.actions} actions ({counted}); conflicts surfaced: {self.kinds['conflict']}; "
            f"{moves}; failures: {len(self.failures)}"
        )


def seed_workspace(url: str) -> None:
    with Workspace.create(url) as ws:
        board = ws.boards()[0].key
        stages = [s.key for s in ws.stages(board)]
        team = ws.add_team(Team(name="Content"))
        people = [ws.add_member(Member(team_id=team.key, name=f"Planner {n}")) for n in range(5)]
        rng = random.Random(7)
        ws.add_tasks(
            [
                Task(
                    board_id=board,
                    stage_id=stages[n % 3],
                    title=f"seed {n}",
                    assignee_id=rng.choice(people).key,
                    estimate_hours=4,
                )
                for n in range(SEED_TASKS)
            ]
        )


def run_planners(url: str, planners: int, actions: int, seed: int, folder: Path) -> list[Path]:
    outs = [folder / f"planner-{n}.jsonl" for n in range(planners)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start_at = str(time.time() + 2 + planners * 0.3)
    children = [
        subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                url,
                str(seed + n),
                str(actions),
                f"p{n}",
                str(out),
                start_at,
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, out in enumerate(outs)
    ]
    for child in children:
        _out, err = child.communicate(timeout=1800)
        if child.returncode != 0:
            raise RuntimeError(f"a planner stopped with {child.returncode}: {err[-2000:]}")
    return outs


def read_notes(outs: list[Path]) -> list[dict[str, Any]]:
    notes = []
    for out in outs:
        with out.open(encoding="utf-8") as handle:
            notes.extend(json.loads(line) for line in handle if line.strip())
    return notes


def judge(report: Report, notes: list[dict[str, Any]], tasks: list[Task]) -> None:
    """Holds the workspace's tasks to the planners' notes (the module's rules)."""
    by_id = {t.key: t for t in tasks}
    edited_from: Counter[tuple[int, int]] = Counter()
    last_edit: dict[int, dict[str, Any]] = {}
    for note in notes:
        report.actions += 1
        kind = note["kind"]
        report.kinds[kind] += 1
        if kind == "move":
            report.move_ms.append(note["ms"])
        elif kind == "edit":
            edited_from[(note["task"], note["read"])] += 1
            if note["version"] != note["read"] + 1:
                report.failures.append(
                    f"an edit of task {note['task']} read at version {note['read']} was saved "
                    f"as version {note['version']}"
                )
            if note["version"] > last_edit.get(note["task"], {"version": 0})["version"]:
                last_edit[note["task"]] = note
        elif kind == "add":
            added = by_id.get(note["task"])
            if added is None or not (added.title == note["title"] or " edit " in added.title):
                report.failures.append(f"acknowledged add {note['title']!r} is not there")
        elif kind == "error":
            report.failures.append(f"an error reached a planner: {note['what']}: {note['why']}")
    report.failures.extend(
        f"{count} edits of task {task_id} read at version {version} were all acknowledged"
        for (task_id, version), count in edited_from.items()
        if count > 1
    )
    for task_id, note in last_edit.items():
        task = by_id.get(task_id)
        if task is None:
            report.failures.append(f"task {task_id}, edited, is gone")
        elif (task.title, task.estimate_hours) != (note["title"], note["hours"]):
            report.failures.append(
                f"task {task_id} holds {task.title!r}, not its last acknowledged edit "
                f"{note['title']!r}"
            )
    keys = Counter((t.stage_id, t.rank) for t in tasks)
    report.failures.extend(
        f"two tasks of stage {stage} share the order key {rank!r}"
        for (stage, rank), n in keys.items()
        if n > 1
    )


def run(url: str, planners: int, actions: int, seed: int) -> Report:
    seed_workspace(url)
    with tempfile.TemporaryDirectory(prefix="mopsboard-planners-") as folder:
        outs = run_planners(url, planners, actions, seed, Path(folder))
        notes = read_notes(outs)
    with Workspace.open(url, read_only=True) as ws:
        tasks = ws.tasks(include_archived=True)
    report = Report()
    judge(report, notes, tasks)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--planners", type=int, default=20)
    parser.add_argument("--actions", type=int, default=250)
    parser.add_argument("--seed", type=int, default=random.randrange(2**31))
    args = parser.parse_args()
    cluster = Cluster()
    cluster.start()
    if cluster.url is None:
        print(f"planners: skipped, no PostgreSQL server: {cluster.reason}")
        return 0
    try:
        url = cluster.new_database()
        began = time.perf_counter()
        report = run(url, args.planners, args.actions, args.seed)
        took = time.perf_counter() - began
        cluster.drop_database(url)
    finally:
        cluster.stop()
    print(f"planners: {args.planners} x {args.actions}, seed {args.seed}, {took:.1f} s")
    print(f"planners: {report.summary()}")
    for failure in report.failures[:20]:
        print(f"  FAIL {failure}")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
