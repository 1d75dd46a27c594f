"""Two processes moving cards on one file at once, 500 moves each (the mover is the stress test's
own, tests/stress/two_writers_child.py): how long the slowest single move took, waiting for the
other writer included. Far below the five-second busy timeout, a user's two windows never wait
long for each other."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace

CHILD = Path(__file__).resolve().parent.parent / "tests" / "stress" / "two_writers_child.py"
MOVES = 500

TARGETS: dict[str, float | str] = {"two_writers_slowest_move_ms": 2500}


def run(results: dict[str, float], workdir: Path) -> None:
    path = workdir / "two-writers.mopsboard"
    folder = workdir / "two-writers"
    folder.mkdir()
    with Workspace.create(path) as ws:
        board = ws.boards()[0].id or 0
        backlog = ws.stages(board)[0].id or 0
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=backlog, title=f"{name} {n}")
                for n in range(8)
                for name in ("a", "b")
            ]
        )
    children = [
        subprocess.Popen(
            [sys.executable, str(CHILD), str(path), name, str(MOVES), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline() == "READY\n"
    (folder / "go").touch()
    slowest = 0.0
    for child in children:
        out, err = child.communicate(timeout=240)
        if child.returncode != 0:
            raise RuntimeError(f"a writer failed: {err.strip()}")
        lines = dict(line.split(" ", 1) for line in out.splitlines())
        slowest = max(slowest, float(lines["SLOWEST"]))
    results["two_writers_slowest_move_ms"] = round(slowest * 1000, 1)
