"""Run in a process of its own by board_bench: opens a workspace in the main window and measures
what a user waits for. Prints one JSON object."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _external_moves(app: Any, window: Any, shown: Any, path: Path, runs: int = 3) -> list[float]:
    """Another process moves a card (the command line, as a script or a second window would):
    from its commit to the card painted in its new column here, which the window's poll notices
    by itself (one poll interval is the floor)."""
    model = window.model
    source = next(c for c in range(model.rowCount()) if len(model.cell_task_ids(c)) > runs)
    # A stage without a review gate, which would refuse a card with open checklist items.
    target = next(
        c for c in range(len(model.stages)) if c != source and not model.stages[c].is_gate
    )
    stage = model.stages[target].name
    timings = []
    for task_id in model.cell_task_ids(source)[:runs]:
        command = [sys.executable, "-m", "mopsboard", "move-task", str(path), str(task_id)]
        subprocess.run([*command, "--stage", stage], check=True, capture_output=True)
        committed = time.perf_counter()
        deadline = committed + 30
        while task_id not in model.cell_task_ids(target):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"task {task_id} moved by another process never showed")
            app.processEvents()
            time.sleep(0.001)
        shown((source, target))
        timings.append((time.perf_counter() - committed) * 1000)
    return timings


def main(path: Path) -> None:
    started = time.perf_counter()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from mopsboard.app import make_application
    from mopsboard.domain.filtering import TaskFilter
    from mopsboard.store.workspace import Workspace
    from mopsboard.ui.shell.main_window import MainWindow

    app = make_application([sys.argv[0]])
    imported = time.perf_counter()
    workspace = Workspace.open(path)
    window = MainWindow(workspace)
    window.resize(1440, 900)
    window.show()
    QApplication.processEvents()
    window.grab()  # paints every visible widget once: the first frame
    opened = time.perf_counter()
    model = window.model
    board_tasks = len(model.tasks)

    def shown(cells: tuple[int, ...] = ()) -> None:
        # Lay out, then paint the columns that changed and the column headers, now rather than at
        # the platform's next frame, so the time counts the painting.
        QApplication.processEvents()
        for view in window.board_view.views:
            if not cells or view.cell_row in cells:
                view.viewport().repaint()
        for header in window.board_view.headers:
            header.repaint()

    rng = random.Random(3)
    moves: list[float] = []
    for _ in range(120):
        source = rng.randrange(len(model.stages))
        ids = model.cell_task_ids(source)
        if not ids:
            continue
        target = rng.randrange(len(model.stages))
        cell = model.index(target, 0)
        row = rng.randrange(model.rowCount(cell) + 1)
        data = model.mimeData([model.index(rng.randrange(len(ids)), 0, model.index(source, 0))])
        begin = time.perf_counter()
        model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, cell)
        shown((source, target))
        moves.append((time.perf_counter() - begin) * 1000)

    filters: list[float] = []
    for text in ("landing", "email", "review", "webinar nurture", ""):
        begin = time.perf_counter()
        model.set_filter(TaskFilter(text=text))
        shown()
        filters.append((time.perf_counter() - begin) * 1000)

    external = _external_moves(app, window, shown, path)

    moves.sort()
    result = {
        "board_tasks": board_tasks,
        "import_ms": (imported - started) * 1000,
        "open_ms": (opened - imported) * 1000,
        "move_median_ms": statistics.median(moves),
        "move_p95_ms": moves[int(len(moves) * 0.95) - 1],
        "filter_ms": statistics.median(filters[:-1]),
        "external_move_ms": statistics.median(external),
        "rss_mb": rss_mb(),
        "undo_steps": window.workspace_actions.undo_stack.count(),
    }
    window.close()
    workspace.close()
    del app
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
