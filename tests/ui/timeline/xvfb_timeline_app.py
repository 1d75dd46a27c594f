"""Run by test_real_bar_drag.py on a real X display: shows the timeline with a campaign's tasks,
says where a task's bar is and where a drag of DAYS days would end, then watches the drag the
test makes with the real mouse and keyboard: the label the bar shows while dragged, and, once the
button is up and the drag is over, what the undo history holds.

    xvfb_timeline_app.py FILE CAMPAIGN TITLE DAYS
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication

from mopsboard.app import make_application
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.timeline.timeline_view import TimelineView


def main(argv: list[str]) -> int:
    path, campaign, title, days = Path(argv[0]), argv[1], argv[2], int(argv[3])
    app = make_application([sys.argv[0]])
    workspace = Workspace.open(path)
    window = MainWindow(workspace)
    window.setGeometry(0, 0, 1200, 800)
    window.show()
    window.show_view("timeline")
    page = window.pages["timeline"]
    assert isinstance(page, TimelineView)
    timeline = page.timeline
    state: dict[str, object] = {"words": "", "dragged": False, "ticks": 0}

    def report() -> None:
        window.activateWindow()
        timeline.setFocus()
        timeline.set_scale(timeline.scale.WEEKS)
        timeline.toggle(page.rows.row_of_campaign(workspace.campaign_named(campaign).key))
        task = next(t for t in workspace.tasks() if t.title == title)
        row = page.rows.row_of_task(task.key)
        assert task.start_date is not None
        timeline.scroll_to_day(task.start_date, 0.2)
        rect = timeline.bar_rect(row)
        assert rect is not None
        start = QPoint(rect.left() + rect.width() // 3, rect.center().y())
        end = start + QPoint(timeline.ppd * days, 0)
        points = [timeline.viewport().mapToGlobal(point) for point in (start, end)]
        print(
            json.dumps(
                {"start": [points[0].x(), points[0].y()], "end": [points[1].x(), points[1].y()]}
            ),
            flush=True,
        )
        QTimer.singleShot(50, watch)

    def watch() -> None:
        state["ticks"] = int(str(state["ticks"])) + 1
        if timeline.drag is not None:
            state["dragged"] = True
            state["words"] = timeline.drag.words or state["words"]
        released = QGuiApplication.mouseButtons() == Qt.MouseButton.NoButton
        if state["dragged"] and timeline.drag is None and released:
            # Whatever the release would write is written by now (it is one event).
            QTimer.singleShot(300, finish)
            return
        if int(str(state["ticks"])) > 300:
            finish()
            return
        QTimer.singleShot(20, watch)

    def finish() -> None:
        stack = window.workspace_actions.undo_stack
        ended = {"words": state["words"], "dragged": state["dragged"], "undo": stack.count()}
        print(json.dumps({"ended": ended}), flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(300, report)
    app.exec()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
