"""The process the crash harness kills: a stream of writes through the store, each announced.

Usage: crash_child.py FILE SEED FIRST_OP

Before each write it prints `BEGIN {json}` with what the write will leave in the file (the
state of every task it touches, keyed by title); after the store returns, and so after the
commit, it prints `ACK n`. Lines are flushed one by one, so whatever the parent reads after a
SIGKILL is exactly what the child had announced when it died.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace

# The shape of a task the harness compares: stage, description, estimate, archived.
State = list[Any]
# Keeps the board at a few hundred tasks however many rounds run.
MAX_TASKS = 300


def state_of(task: Task) -> State:
    return [task.stage_id, task.description, task.estimate_hours, task.archived]


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


class Writer:
    def __init__(self, ws: Workspace, rng: random.Random, first_op: int) -> None:
        self.ws = ws
        self.rng = rng
        self.op = first_op
        self.board = ws.boards()[0].key
        self.stages = [s.key for s in ws.stages(self.board)]

    def text(self, n: int) -> str:
        # Sizes from a few bytes to several pages, so writes also touch overflow pages.
        size = self.rng.choice([0, 10, 200, 3000, 9000])
        return (f"op {n} " * (size // 6 + 1))[:size]

    def new_task(self, title: str) -> Task:
        estimate = self.rng.choice([None, 0.5, 2.0, 8.0])
        return Task(
            board_id=self.board,
            stage_id=self.rng.choice(self.stages),
            title=title,
            description=self.text(self.op),
            estimate_hours=estimate,
        )

    def step(self) -> None:
        tasks = self.ws.tasks(self.board, include_archived=True)
        n = self.op
        self.op += 1
        rng = self.rng
        kinds = ["add", "add_tasks", "bulk_import", "move", "move_many", "edit", "archive"]
        weights = [15, 10, 4, 25, 15, 15, 6]
        if len(tasks) > MAX_TASKS:
            kinds, weights = ["delete"], [1]
        elif len(tasks) < 2:
            kinds, weights = ["add_tasks"], [1]
        kind = rng.choices(kinds, weights)[0]
        effect: dict[str, State | None] = {}
        action: Callable[[], object]
        if kind in ("add", "add_tasks", "bulk_import"):
            count = {"add": 1, "add_tasks": rng.randint(2, 10), "bulk_import": rng.randint(20, 120)}
            new = [self.new_task(f"op {n} task {i}") for i in range(count[kind])]
            effect = {t.title: [t.stage_id, t.description, t.estimate_hours, False] for t in new}
            if kind == "add":
                action = partial(self.ws.add_task, new[0])
            elif kind == "add_tasks":
                action = partial(self.ws.add_tasks, new)
            else:
                action = partial(self.ws.bulk_add_tasks, new)
        elif kind in ("move", "move_many"):
            chosen = rng.sample(tasks, 1 if kind == "move" else min(len(tasks), rng.randint(2, 8)))
            target = rng.choice(self.stages)
            ids = [t.key for t in chosen]
            others = [t for t in tasks if t.stage_id == target and t.id not in ids]
            before = rng.choice([None, *[t.id for t in others]]) if others else None
            effect = {t.title: [target, *state_of(t)[1:]] for t in chosen}
            action = partial(self.ws.move_tasks, ids, target, before)
        elif kind == "edit":
            task = rng.choice(tasks)
            edited = task.model_copy(
                update={"description": self.text(n), "estimate_hours": float(n % 97)}
            )
            effect = {task.title: state_of(edited)}
            action = partial(self.ws.update_task, edited)
        elif kind == "archive":
            chosen = rng.sample(tasks, min(len(tasks), rng.randint(1, 6)))
            flag = rng.random() < 0.7
            ids = [t.key for t in chosen]
            effect = {t.title: [*state_of(t)[:3], flag] for t in chosen}
            action = partial(self.ws.archive_tasks, ids, flag)
        else:
            chosen = rng.sample(tasks, rng.randint(20, 60))
            ids = [t.key for t in chosen]
            effect = {t.title: None for t in chosen}
            action = partial(self.ws.delete_tasks, ids)
        say("BEGIN " + json.dumps({"n": n, "kind": kind, "effect": effect}))
        action()
        say(f"ACK {n}")


def main(argv: list[str]) -> int:
    path, seed, first_op = Path(argv[0]), int(argv[1]), int(argv[2])
    ws = Workspace.open(path)
    say("READY")
    writer = Writer(ws, random.Random(seed), first_op)
    while True:
        writer.step()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
