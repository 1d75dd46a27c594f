"""Kill a writing process at random moments and check that nothing acknowledged was lost.

A child (crash_child.py) writes through the store and announces each write before it starts and
after it commits; this parent SIGKILLs it at a random moment, then checks the file:
`PRAGMA integrity_check` and `foreign_key_check` pass, it opens through `Workspace.open` and the
CLI, every task's last stage change is logged (a move is two rows: the task and its event), and
the tasks are exactly what the acknowledged writes left, or that plus the one write in flight,
whole. Then the next child carries on with the same file, so every round also recovers a journal
left behind by a killed writer.

    python tests/stress/crash_harness.py --kills 500     (make stress)
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mopsboard.cli import main as cli_main
from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace

CHILD = Path(__file__).with_name("crash_child.py")
State = dict[str, list[Any]]
Effect = dict[str, list[Any] | None]


@dataclass
class Report:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    half_applied: int = 0
    # Killed after the commit but before the acknowledgement: the write is there, as it may be.
    committed_unacknowledged: int = 0
    failures: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"kills survived: {self.kills - len(self.failures)} of {self.kills}",
            f"acknowledged writes checked: {self.acknowledged}",
            f"writes lost: {self.lost}",
            f"half-applied actions: {self.half_applied}",
            f"writes committed but killed before acknowledging: {self.committed_unacknowledged}",
        ]


def _state_of(task: Task) -> list[Any]:
    return [task.stage_id, task.description, task.estimate_hours, task.archived]


def check_file(path: Path) -> State:
    """Opens the file as the app and the CLI do, checks its integrity; returns its tasks."""
    with Workspace.open(path) as ws:
        db = ws.db
        integrity = [row[0] for row in db.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            raise AssertionError(f"integrity_check: {integrity[:5]}")
        foreign = db.execute("PRAGMA foreign_key_check").fetchall()
        if foreign:
            raise AssertionError(f"foreign_key_check: {foreign[:5]}")
        unlogged = db.execute(
            "SELECT t.id FROM tasks t WHERE t.stage_id IS NOT (SELECT e.to_stage_id "
            "FROM task_events e WHERE e.task_id = t.id ORDER BY e.id DESC LIMIT 1)"
        ).fetchall()
        if unlogged:
            raise AssertionError(f"tasks whose last move was not logged: {unlogged[:5]}")
        tasks = ws.tasks(include_archived=True)
    if len({t.title for t in tasks}) != len(tasks):
        raise AssertionError("task titles repeat: the harness cannot tell the writes apart")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli_main(["tasks", str(path), "--json"])
    if status != 0:
        raise AssertionError(f"the CLI could not read the file: {err.getvalue().strip()}")
    if len(json.loads(out.getvalue())) != sum(not t.archived for t in tasks):
        raise AssertionError("the CLI lists a different number of tasks than the store")
    return {t.title: _state_of(t) for t in tasks}


def apply(state: State, effect: Effect) -> State:
    result = dict(state)
    for title, value in effect.items():
        if value is None:
            result.pop(title, None)
        else:
            result[title] = value
    return result


def read_log(log: Path) -> tuple[bool, list[Effect], Effect | None]:
    """(ready, effects of acknowledged writes in order, effect of the write in flight)."""
    ready = False
    begun: dict[int, Effect] = {}
    order: list[int] = []
    acked: set[int] = set()
    text = log.read_text(encoding="utf-8")
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            break  # cut short by the kill: as if never written
        if line == "READY\n":
            ready = True
        elif line.startswith("BEGIN "):
            op = json.loads(line[6:])
            begun[op["n"]] = op["effect"]
            order.append(op["n"])
        elif line.startswith("ACK "):
            acked.add(int(line[4:]))
    done = [begun[n] for n in order if n in acked]
    pending = [begun[n] for n in order if n not in acked]
    if len(pending) > 1:
        raise AssertionError(f"the child began {len(pending)} writes without finishing them")
    return ready, done, (pending[0] if pending else None)


def _next_op(log: Path) -> int:
    numbers = [
        json.loads(line[6:])["n"]
        for line in log.read_text(encoding="utf-8").splitlines()
        if line.startswith("BEGIN ") and line.endswith("}")
    ]
    return max(numbers, default=-1) + 1


def seed_file(path: Path) -> None:
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        stages = [s.key for s in ws.stages(board)]
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=stages[n % len(stages)], title=f"seed {n}")
                for n in range(40)
            ]
        )


def _wait_ready(child: subprocess.Popen[bytes], log: Path, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if log.exists() and "READY\n" in log.read_text(encoding="utf-8"):
            return
        if child.poll() is not None:
            return
        time.sleep(0.002)


def one_round(
    path: Path, work: Path, rng: random.Random, first_op: int
) -> tuple[list[Effect], Effect | None, int]:
    log, errors = work / "child.log", work / "child.err"
    with log.open("wb") as out, errors.open("wb") as err:
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(rng.randrange(2**32)), str(first_op)],
            stdout=out,
            stderr=err,
        )
    try:
        if rng.random() < 0.1:
            # Now and then while it starts: opening must survive a kill too.
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            _wait_ready(child, log)
            time.sleep(rng.uniform(0.0, 0.3))
        if child.poll() is not None:
            raise AssertionError(f"the child stopped by itself: {errors.read_text()[-2000:]}")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.wait()
    _ready, done, pending = read_log(log)
    return done, pending, _next_op(log)


def run(path: Path, kills: int, seed: int, progress: bool = False) -> Report:
    report = Report()
    rng = random.Random(seed)
    seed_file(path)
    model = check_file(path)
    next_op = 0
    with tempfile.TemporaryDirectory(prefix="mopsboard-crash-") as scratch:
        work = Path(scratch)
        for number in range(1, kills + 1):
            done, pending, last = one_round(path, work, rng, next_op)
            # A round killed before its first write numbers nothing: titles must stay unique.
            next_op = max(next_op, last)
            report.kills += 1
            try:
                actual = check_file(path)
            except Exception as error:  # reported with the figures, not raised
                report.failures.append(f"kill {number}: {error}")
                break
            judge(report, number, model, actual, done, pending)
            # Carry on from what the file holds, so one failure is counted once.
            model = actual
            if progress and number % 50 == 0:
                print(f"  {number} kills, {report.acknowledged} acknowledged writes", flush=True)
    return report


def judge(
    report: Report,
    number: int,
    before: State,
    actual: State,
    done: list[Effect],
    pending: Effect | None,
) -> None:
    """Compares the file with what the round's acknowledged writes (and perhaps the one in
    flight, whole) make of the state before the round."""
    report.acknowledged += len(done)
    expected = before
    for effect in done:
        expected = apply(expected, effect)
    if actual == expected:
        return
    if pending is not None and actual == apply(expected, pending):
        report.committed_unacknowledged += 1
        return
    pending_titles = set(pending or {})
    wrong = {t for t in expected.keys() | actual.keys() if expected.get(t) != actual.get(t)}
    lost = [e for e in done if set(e) & (wrong - pending_titles)]
    report.lost += len(lost)
    if pending is not None:
        after = {t: actual.get(t) == v for t, v in pending.items()}
        if any(after.values()) and not all(after.values()):
            report.half_applied += 1
    report.failures.append(
        f"kill {number}: {len(wrong)} tasks differ from the acknowledged writes, e.g. "
        f"{sorted(wrong)[:3]}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    print(f"crash safety: {args.kills} SIGKILLs of a writing process (seed {seed})", flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="mopsboard-stress-") as folder:
        report = run(Path(folder) / "stress.mopsboard", args.kills, seed, progress=True)
    for line in report.lines():
        print(line)
    for failure in report.failures[:20]:
        print(f"FAILED {failure}")
    print(f"took {time.monotonic() - started:.0f} s")
    return 1 if report.failures or report.lost else 0


if __name__ == "__main__":
    sys.exit(main())
