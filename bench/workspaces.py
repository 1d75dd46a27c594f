"""The workspaces the board's figures are taken on, made once per run in the shared workdir,
and the fresh processes the probes run in.

A "50k" figure is taken on one board of 50,000 cards (`mopsboard demo --tasks 50000 --boards
1`), the scaling rows on one board of 1,000 and of 10,000. Each file also has a small board
listed first, "Inbox", which a fresh window opens on: the big board is then one click away in
the sidebar, as it is for a user who comes to it from another board.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from mopsboard.domain.models import Task
from mopsboard.io.demo import create_demo_file
from mopsboard.store.backups import list_backups
from mopsboard.store.workspace import Workspace

SIZES = (1_000, 10_000, 50_000)
SMALL_BOARD = "Inbox"
SMALL_BOARD_TASKS = 12
SCREEN = {"name": "bench", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}


def label(tasks: int) -> str:
    """1000 -> "1k", 50000 -> "50k": how figure names say a board's size."""
    return f"{tasks // 1000}k" if tasks % 1000 == 0 else str(tasks)


def one_board_file(workdir: Path, tasks: int) -> Path:
    """The demo with its `tasks` on one board, and the small board before it (made once)."""
    path = workdir / f"one-board-{label(tasks)}.mopsboard"
    if path.exists():
        return path
    try:
        create_demo_file(path, tasks=tasks, boards=1)
        with Workspace.open(path) as ws:
            big = ws.boards()[0]
            small = ws.add_board(SMALL_BOARD)
            stages = ws.stages(small.key)
            ws.add_tasks(
                [
                    Task(board_id=small.key, stage_id=stages[n % 3].key, title=f"Quick note {n}")
                    for n in range(SMALL_BOARD_TASKS)
                ]
            )
            ws.reorder_boards([small.key, big.key])
    except BaseException:
        for leftover in path.parent.glob(f"{path.name}*"):
            leftover.unlink()
        raise
    return path


def _read(path: Path, query: str, *args: object) -> tuple[int, ...]:
    # Read from outside, so a probe's own process touches nothing before its first figure.
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(query, args).fetchone()
    finally:
        conn.close()
    if row is None:
        raise LookupError(f"{path}: nothing found for {query}")
    return tuple(int(value) for value in row)


def largest_board(path: Path) -> tuple[int, int]:
    """The id of the board with the most open cards, and how many it has."""
    board_id, count = _read(
        path,
        "SELECT board_id, count(*) AS n FROM tasks WHERE archived = 0 "
        "GROUP BY board_id ORDER BY n DESC LIMIT 1",
    )
    return board_id, count


def board_named(path: Path, name: str) -> int:
    return _read(path, "SELECT id FROM boards WHERE name = ? AND archived = 0", name)[0]


def environment(workdir: Path, name: str) -> tuple[dict[str, str], Path]:
    """An environment for fresh processes, and the folder that holds their settings, data and
    logs: nothing of the user's is read or written, and an emptied folder is a first window
    (no remembered board or size). The offscreen screen is a 1920x1080 desktop's (its default
    is 800x800), so a first window has the app's default size, 1440x900, as on a desktop."""
    home = workdir / f"{name}-home"
    screen = workdir / "screen-1920x1080.json"
    screen.write_text(json.dumps({"screens": [SCREEN]}), encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
        "MOPSBOARD_HOME": str(home / "data"),
    }
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env, home


def fresh_day(paths: Iterable[Path], home: Path) -> None:
    """The day's first open (its backup still to make) of a first window (no settings)."""
    for path in paths:
        for backup in list_backups(path):
            backup.path.unlink()
    shutil.rmtree(home, ignore_errors=True)


def timed(command: list[str], env: Mapping[str, str]) -> tuple[float, str]:
    """A fresh process from start to exit, in milliseconds, and what it printed."""
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=dict(env), check=False)
    elapsed = (time.perf_counter() - began) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr.strip()}")
    return elapsed, done.stdout.strip()


def probe(module: str, args: list[str], env: Mapping[str, str]) -> dict[str, float]:
    """Runs `python -m module args` in a fresh process; the JSON object it printed last."""
    _ms, output = timed([sys.executable, "-m", module, *args], env)
    return dict(json.loads(output.splitlines()[-1]))


def median(runs: Iterable[Mapping[str, float]], key: str, digits: int = 1) -> float:
    return round(statistics.median(run[key] for run in runs), digits)
