"""Run by test_real_drag.py on a real X display: shows the board, says where to drag, and exits
once the file shows the card moved (or after a time-out)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer

from mopsboard.app import make_application
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow


def main(path: Path, title: str, target_stage: str) -> int:
    app = make_application([sys.argv[0]])
    workspace = Workspace.open(path)
    window = MainWindow(workspace)
    window.setGeometry(0, 0, 1200, 800)
    window.show()

    def report() -> None:
        model = window.model
        task_id = next(i for i, t in model.tasks.items() if t.title == title)
        source = next(v for v in window.board_view.views if task_id in v.cell_model.task_ids)
        rect = source.visualRect(source.cell_model.index(source.cell_model.row_of(task_id) or 0))
        start = source.viewport().mapToGlobal(rect.center())
        stage = next(s for s in model.stages if s.name == target_stage)
        target = window.board_view.view_for_stage(stage.key)
        assert target is not None
        viewport = target.viewport()
        end = viewport.mapToGlobal(QPoint(viewport.width() // 2, viewport.height() - 20))
        print(json.dumps({"start": [start.x(), start.y()], "end": [end.x(), end.y()]}), flush=True)

    def check() -> None:
        task = next(t for t in workspace.tasks() if t.title == title)
        if workspace.stage(task.stage_id).name == target_stage:
            print("moved", flush=True)
            app.quit()

    QTimer.singleShot(1500, report)
    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(100)
    QTimer.singleShot(20_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
