"""One simulated planner on a server workspace: mixed actions, each acknowledged write written
down for planners.py to check. Run by planners.py, not by hand.

    python planner_child.py URL SEED ACTIONS NAME OUT.jsonl START_AT
"""

from __future__ import annotations

import json
import random
import sys
import time
import traceback
from datetime import date
from pathlib import Path

from mopsboard.domain.calendar import Period
from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError, RuleError
from mopsboard.domain.models import Task
from mopsboard.store.failures import WorkspaceError
from mopsboard.store.workspace import Workspace

# A planner reads the board again every this many actions: between, it works from what it read,
# as a person does from the board on their screen (stale copies make conflicts).
READ_EVERY = 10


def main(url: str, seed: int, actions: int, name: str, out: Path, start_at: float = 0.0) -> int:
    rng = random.Random(seed)
    period = Period.of(date.today(), 8)
    with Workspace.open(url) as ws, out.open("w", encoding="utf-8") as log:

        def note(**entry: object) -> None:
            log.write(json.dumps(entry) + "\n")
            log.flush()

        board = ws.boards()[0].key
        stages = [s.key for s in ws.stages(board)]
        tasks = ws.tasks(board_id=board)
        # Every planner starts at one moment, whatever its process took to start.
        time.sleep(max(0.0, start_at - time.time()))
        for number in range(actions):
            roll = rng.random()
            if number % READ_EVERY == 0:
                tasks = ws.tasks(board_id=board)
            task = rng.choice(tasks)
            began = time.perf_counter()
            try:
                if roll < 0.35:
                    stage = rng.choice(stages)
                    there = [t.key for t in tasks if t.stage_id == stage and t.key != task.key]
                    before = rng.choice([None, *rng.sample(there, min(3, len(there)))])
                    ws.move_tasks([task.key], stage, before)
                    note(kind="move", task=task.key, ms=(time.perf_counter() - began) * 1000)
                elif roll < 0.65:
                    # An edit of the copy the planner read a while ago: another planner may
                    # have changed the task since, and then the store must refuse it as a
                    # conflict.
                    title = f"{name} edit {number}"
                    hours = float(rng.choice((1, 2, 4, 8)))
                    saved = ws.update_task(
                        task.model_copy(update={"title": title, "estimate_hours": hours})
                    )
                    note(
                        kind="edit",
                        task=task.key,
                        read=task.version,
                        version=saved.version,
                        title=title,
                        hours=hours,
                    )
                elif roll < 0.8:
                    title = f"{name} add {number}"
                    added = ws.add_task(
                        Task(board_id=board, stage_id=rng.choice(stages), title=title)
                    )
                    note(kind="add", task=added.key, title=title)
                else:
                    ws.capacity_inputs(period).compute(period)
                    note(kind="read", ms=(time.perf_counter() - began) * 1000)
            except ConflictError:
                note(kind="conflict", task=task.key)
            except WorkspaceError as error:
                # The workspace could not be used (locked, connection lost): what must not
                # happen to a planner on a healthy server.
                note(kind="error", what=type(error).__name__, why=str(error)[:300], trace="")
            except (RuleError, NotFoundError, MopsboardError) as error:
                # Refused in words: a WIP limit, a gate, a drop place another planner moved.
                note(kind="refused", task=task.key, why=str(error)[:200])
            except Exception as error:
                note(kind="error", what=type(error).__name__, why=str(error)[:300],
                     trace=traceback.format_exc()[-800:])  # fmt: skip
    return 0


if __name__ == "__main__":
    url, seed, actions, name, out, start_at = sys.argv[1:7]
    sys.exit(main(url, int(seed), int(actions), name, Path(out), float(start_at)))
