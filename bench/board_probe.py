"""Run in a process of its own by board_bench: opens a workspace in the main window and measures
what a user waits for. Prints one JSON object."""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


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

    moves.sort()
    result = {
        "board_tasks": board_tasks,
        "import_ms": (imported - started) * 1000,
        "open_ms": (opened - imported) * 1000,
        "move_median_ms": statistics.median(moves),
        "move_p95_ms": moves[int(len(moves) * 0.95) - 1],
        "filter_ms": statistics.median(filters[:-1]),
        "rss_mb": rss_mb(),
        "undo_steps": window.commands.undo_stack.count(),
    }
    window.close()
    workspace.close()
    del app
    print(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
