"""Start-up figures (issue 13, "Start fast"): a headless command and the window's first paint of
a 10,000-card board, each timed from process start in fresh processes, beside its floor measured
in the same run, interleaved with it (this machine is shared and noisy, so the ratio is the
figure that holds).

- `cli_floor_ms`: a Python that opens the file with sqlite3 and counts its tasks;
  `cli_start_ms`: `mopsboard tasks FILE` on the demo workspace, start to exit.
- `gui_floor_ms`: a PySide6 process that shows an empty QMainWindow of the app's size and ends
  at its first paint; `first_paint_10k_ms`: `mopsboard FILE` on a board of 10,000 cards, to the
  first paint of its cards (bench/startup_probe.py), on the day's first open (its daily backup
  still to make), with a fresh settings folder (a first window, no remembered board).

Bytecode is compiled first, as an installed user has it. Medians of RUNS runs; the load average
is kept beside them.
"""

from __future__ import annotations

import compileall
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import mopsboard
from bench.workspaces import environment
from mopsboard.io.demo import create_demo_file
from mopsboard.store.backups import list_backups

RUNS = 7
BOARD_TASKS = 10_000
# Five demo boards share the tasks evenly: the first board holds a fifth of them.
DEMO_TASKS = 5 * BOARD_TASKS

CLI_FLOOR = (
    "import sqlite3, sys\n"
    "conn = sqlite3.connect(f'file:{sys.argv[1]}?mode=ro', uri=True)\n"
    "print(conn.execute('SELECT count(*) FROM tasks').fetchone()[0])\n"
)

TARGETS: dict[str, float | str] = {
    "cli_floor_ms": "",
    # The issue that first asked for a fast command line: well under 0.3 s.
    "cli_start_ms": 300.0,
    "cli_ratio": 2.0,
    "gui_floor_ms": "",
    "first_paint_10k_ms": "",
    "first_paint_ratio": 1.5,
    "startup_load_avg": "1-minute load average",
}


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    return (time.perf_counter() - began) * 1000, done.stdout.strip()


def _mopsboard_command() -> list[str]:
    # What a user types: the installed console script, when this environment has one.
    script = Path(sys.executable).with_name("mopsboard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "mopsboard"]


def _first_board_tasks(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT count(*) FROM tasks WHERE archived = 0 AND board_id = "
            "(SELECT id FROM boards WHERE archived = 0 ORDER BY position, id LIMIT 1)"
        ).fetchone()
    finally:
        conn.close()
    return int(row[0])


def _board_10k(workdir: Path) -> Path:
    path = workdir / "startup-10k.mopsboard"
    if path.exists():
        return path
    shared = workdir / "board-50k.mopsboard"  # board_bench's, when it ran first
    if shared.exists() and _first_board_tasks(shared) == BOARD_TASKS:
        source, target = sqlite3.connect(shared), sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    else:
        create_demo_file(path, tasks=DEMO_TASKS)
    found = _first_board_tasks(path)
    if found != BOARD_TASKS:
        raise RuntimeError(f"{path}: its first board has {found} tasks, not {BOARD_TASKS}")
    return path


def _fresh_start(board: Path, home: Path) -> None:
    """The day's first open of a first window: no backup of today, no saved settings."""
    for backup in list_backups(board):
        backup.path.unlink()
    shutil.rmtree(home, ignore_errors=True)


def _cli_figures(results: dict[str, float], workdir: Path, env: dict[str, str]) -> None:
    small = workdir / "startup-demo.mopsboard"
    if not small.exists():
        create_demo_file(small)
    floor = [sys.executable, "-c", CLI_FLOOR, str(small)]
    command = [*_mopsboard_command(), "tasks", str(small)]
    _timed(floor, env)  # warm the OS file cache
    _timed(command, env)
    floors, starts = [], []
    for _ in range(RUNS):
        floors.append(_timed(floor, env)[0])
        starts.append(_timed(command, env)[0])
    results["cli_floor_ms"] = round(statistics.median(floors), 1)
    results["cli_start_ms"] = round(statistics.median(starts), 1)
    results["cli_ratio"] = round(results["cli_start_ms"] / results["cli_floor_ms"], 2)


def _gui_figures(results: dict[str, float], workdir: Path, env: dict[str, str]) -> None:
    board = _board_10k(workdir)
    home = Path(env["MOPSBOARD_HOME"]).parent
    app = [sys.executable, "-m", "bench.startup_probe", "app", str(board)]
    _fresh_start(board, home)
    _ms, size = _timed(app, env)  # warm the OS file cache; learn the window's size
    floor = [sys.executable, "-m", "bench.startup_probe", "floor", size]
    _timed(floor, env)
    floors, paints = [], []
    for _ in range(RUNS):
        _ms, floor_size = _timed(floor, env)
        floors.append(_ms)
        _fresh_start(board, home)
        _ms, app_size = _timed(app, env)
        paints.append(_ms)
        if floor_size != app_size:
            raise RuntimeError(f"the floor painted {floor_size}, the app {app_size}")
    results["gui_floor_ms"] = round(statistics.median(floors), 1)
    results["first_paint_10k_ms"] = round(statistics.median(paints), 1)
    results["first_paint_ratio"] = round(results["first_paint_10k_ms"] / results["gui_floor_ms"], 2)


def run(results: dict[str, float], workdir: Path) -> None:
    compileall.compile_dir(Path(mopsboard.__file__).parent, quiet=1)
    # The same 1920x1080 offscreen desktop as the other probes: a first window of the app's
    # default size, 1440x900, and a floor window as large.
    env, _home = environment(workdir, "startup")
    _cli_figures(results, workdir, env)
    _gui_figures(results, workdir, env)
    results["startup_load_avg"] = round(os.getloadavg()[0], 2)
