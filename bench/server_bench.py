"""A workspace on a loopback PostgreSQL server against the same workspace as a file, in the same
run (the file is the floor: these machines are noisy, so the ratio says more than the figure):

- `pg_board_open_10k_ms` / `file_board_open_10k_ms`: opening the workspace and reading its
  board of 10,000 cards as the window's board does (boards, stages, every task as models), in
  the bench's process, the median of OPENS;
- `pg_move_median_ms` / `pg_move_p95_ms` and `file_move_median_10k_ms`: single moves to a random
  place of another stage of that board, each committed on its own (one unit of work: the write
  lock, the rules, one row, the history, the NOTIFY), the median of MOVES;
- the `_ratio` rows: server over file.

The server is MOPSBOARD_TEST_PG_URL's when set, else a throwaway cluster (tests/pg_server.py)
with the durability a real server keeps (fsync on). `make bench` runs it, and
`python -m bench bench.server_bench` alone.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.store_bench import _moves, _p95
from bench.workspaces import one_board_file
from mopsboard.store.transfer import copy_workspace
from mopsboard.store.workspace import Workspace
from tests.pg_server import Cluster

TASKS = 10_000
OPENS = 5

TARGETS: dict[str, float | str] = {
    "pg_board_open_10k_ms": 1000.0,
    "file_board_open_10k_ms": "the same board from the file (the floor)",
    "pg_board_open_10k_ratio": "server / file",
    "pg_move_median_ms": 20.0,
    "pg_move_p95_ms": 50.0,
    "file_move_median_10k_ms": "the same moves on the file (the floor)",
    "pg_move_median_ratio": "server / file",
}


def _ms(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def _open_board(location: str | Path) -> None:
    with Workspace.open(location) as ws:
        board = max(ws.boards(), key=lambda b: ws.count_tasks(b.key))
        ws.stages(board.key)
        ws.tasks(board.key)


def _big_board(ws: Workspace) -> int:
    return max((b.key for b in ws.boards()), key=ws.count_tasks)


def run(results: dict[str, float], workdir: Path) -> None:
    file = one_board_file(workdir, TASKS)
    cluster = Cluster(durable=True)
    cluster.start()
    if cluster.url is None:
        print(f"note: no PostgreSQL server for the server figures: {cluster.reason}")
        return
    try:
        url = cluster.new_database()
        with (
            Workspace.open(file, read_only=True) as source,
            Workspace.create(url, defaults=False) as target,
        ):
            copy_workspace(source, target)
        for name, location in (("pg", url), ("file", str(file))):
            _open_board(location)  # the first open fills the caches (the OS's, the server's)
            opens = [_ms(lambda loc=location: _open_board(loc)) for _ in range(OPENS)]
            results[f"{name}_board_open_10k_ms"] = round(statistics.median(opens), 1)
        results["pg_board_open_10k_ratio"] = round(
            results["pg_board_open_10k_ms"] / results["file_board_open_10k_ms"], 2
        )
        moved = workdir / "server-bench-moves-10k.mopsboard"
        with Workspace.open(file) as ws:
            ws.save_copy(moved)
        with Workspace.open(url) as ws:
            on_server = _moves(ws, _big_board(ws))
        with Workspace.open(moved) as ws:
            on_file = _moves(ws, _big_board(ws))
        results["pg_move_median_ms"] = round(statistics.median(on_server), 2)
        results["pg_move_p95_ms"] = round(_p95(on_server), 2)
        results["file_move_median_10k_ms"] = round(statistics.median(on_file), 2)
        results["pg_move_median_ratio"] = round(
            results["pg_move_median_ms"] / results["file_move_median_10k_ms"], 2
        )
    finally:
        cluster.stop()


if __name__ == "__main__":
    found: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="mopsboard-bench-") as folder:
        run(found, Path(folder))
    json.dump(found, sys.stdout, indent=2)
    print()
