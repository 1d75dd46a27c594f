"""One of two processes moving cards on one workspace file at the same time.

Usage: two_writers_child.py FILE NAME MOVES FOLDER

Moves the tasks whose titles start with NAME (the other process moves its own), each move to the
next stage, above another of its own cards now and then, so both processes write the same
stages and order keys. Starts when FOLDER/go exists; when done, writes FOLDER/NAME.done, waits for
the other's, and prints the board as it then reads it. Any error is printed and ends the process
with status 1: none may reach a user.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from mopsboard.store.workspace import Workspace


def wait_for(path: Path, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not path.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{path} never appeared")
        time.sleep(0.005)


def main(argv: list[str]) -> int:
    path, name, moves, folder = Path(argv[0]), argv[1], int(argv[2]), Path(argv[3])
    rng = random.Random(name)
    with Workspace.open(path) as ws:
        board = ws.boards()[0].key
        stages = [s.key for s in ws.stages(board)]
        mine = [t.key for t in ws.tasks(board) if t.title.startswith(f"{name} ")]
        print("READY", flush=True)
        wait_for(folder / "go")
        targets: dict[int, list[int]] = {task_id: [] for task_id in mine}
        slowest = 0.0
        for n in range(moves):
            task_id = mine[n % len(mine)]
            current = ws.task(task_id).stage_id
            target = stages[(stages.index(current) + 1) % len(stages)]
            anchors = [t.id for t in ws.tasks(board) if t.stage_id == target and t.id in targets]
            before = rng.choice([None, *anchors])
            started = time.monotonic()
            ws.move_tasks([task_id], target, before)
            slowest = max(slowest, time.monotonic() - started)
            targets[task_id].append(target)
        (folder / f"{name}.done").touch()
        wait_for(folder / f"{'b' if name == 'a' else 'a'}.done")
        names = {s.id: s.name for s in ws.stages(board)}
        shown: dict[str, list[str]] = {names[s]: [] for s in stages}
        for task in ws.tasks(board):
            shown[names[task.stage_id]].append(task.title)
    print("TARGETS " + json.dumps(targets), flush=True)
    print("BOARD " + json.dumps(shown), flush=True)
    print(f"SLOWEST {slowest:.4f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
