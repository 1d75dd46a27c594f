"""Two processes on one file, 500 moves each: no lock error, every move lands, one board."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mopsboard.domain.models import Task
from mopsboard.store.workspace import Workspace

CHILD = Path(__file__).with_name("two_writers_child.py")
MOVES = 500


def test_two_processes_moving_cards_on_one_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.mopsboard"
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        backlog = ws.stages(board)[0].key
        ws.add_tasks(
            [
                Task(board_id=board, stage_id=backlog, title=f"{name} {n}")
                for n in range(8)
                for name in ("a", "b")
            ]
        )
    # The default busy timeout: what a user's two windows would get.
    children = {
        name: subprocess.Popen(
            [sys.executable, str(CHILD), str(path), name, str(MOVES), str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    }
    for child in children.values():
        assert child.stdout is not None
        assert child.stdout.readline() == "READY\n"
    (tmp_path / "go").touch()
    results: dict[str, dict[str, str]] = {}
    for name, child in children.items():
        out, err = child.communicate(timeout=240)
        assert child.returncode == 0, err
        assert "locked" not in err.lower() and not err.strip(), err
        results[name] = dict(line.split(" ", 1) for line in out.splitlines())

    boards = {name: json.loads(result["BOARD"]) for name, result in results.items()}
    assert boards["a"] == boards["b"]
    with Workspace.open(path) as ws:
        board = ws.boards()[0].key
        names = {s.id: s.name for s in ws.stages(board)}
        now: dict[str, list[str]] = {name: [] for name in names.values()}
        for task in ws.tasks(board):
            now[names[task.stage_id]].append(task.title)
        assert now == boards["a"]
        # Every move landed, in order: each task's logged stage changes are the ones its
        # process made (after the event of its creation).
        for result in results.values():
            for task_id, targets in json.loads(result["TARGETS"]).items():
                events = ws.task_events(int(task_id))
                assert [to for _from, to, _at in events[1:]] == targets
        total = sum(len(ws.task_events(t.key)) - 1 for t in ws.tasks(board))
    assert total == 2 * MOVES
    # How long a move waits for the other writer is a figure of `make bench`
    # (two_writers_slowest_move_ms, bench/writers_bench.py), not a check on a busy machine.
