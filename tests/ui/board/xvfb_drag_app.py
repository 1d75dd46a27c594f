"""Run by test_real_drag.py on a real X display: shows the board, says where to drag, and exits
once the file shows the card moved (saying what is selected then), or once a refused drag has
ended (or after a time-out).

    xvfb_drag_app.py FILE TITLE TARGET_STAGE [--full] [--size WxH] [--shot PNG]
                     [--lanes GROUPING --lane TITLE]

--full gives the target stage a hard WIP limit it has already reached, so the drop is refused.
--lanes shows swimlanes, and the drop goes into the lane named by --lane: one below the fold
is reached by resting at the foot of the board (it then says where the target is).
While the drag hovers over the target, one line tells what the screen shows then (the cursor,
the status bar, the column's mark); --shot saves the window at that moment."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QCursor, QGuiApplication

from mopsboard.app import make_application
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path)
    parser.add_argument("title")
    parser.add_argument("target")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--size", default="1200x800")
    parser.add_argument("--shot", type=Path)
    parser.add_argument("--lanes", help="a grouping: the board shows swimlanes by it")
    parser.add_argument("--lane", help="the swimlane to drop into (with --lanes)")
    args = parser.parse_args(argv)
    app = make_application([sys.argv[0]])
    workspace = Workspace.open(args.path)
    window = MainWindow(workspace)
    width, height = (int(n) for n in args.size.split("x"))
    window.setGeometry(0, 0, width, height)
    window.show()
    model = window.model
    if args.lanes:
        grouping = window.board_view.filter_bar.grouping
        grouping.setCurrentIndex(grouping.findData(args.lanes))
    stage = next(s for s in model.stages if s.name == args.target)
    if args.full:
        here = sum(1 for t in model.tasks.values() if t.stage_id == stage.id)
        window.workspace_actions.update_stage(
            stage.model_copy(update={"wip_limit": here, "wip_hard": True})
        )
    state = {"hovered": False, "dragging": False}

    def target_view():  # type: ignore[no-untyped-def]
        lanes = [lane.title for lane in model.lanes]
        view = window.board_view.view_for_stage(
            stage.key, lanes.index(args.lane) if args.lane else 0
        )
        assert view is not None
        return view

    def report() -> None:
        task_id = next(i for i, t in model.tasks.items() if t.title == args.title)
        source = next(v for v in window.board_view.views if task_id in v.cell_model.task_ids)
        rect = source.visualRect(source.cell_model.index(source.cell_model.row_of(task_id) or 0))
        start = source.viewport().mapToGlobal(rect.center())
        viewport = target_view().viewport()
        end = viewport.mapToGlobal(QPoint(viewport.width() // 2, viewport.height() - 20))
        if args.lane:
            # Below the fold: the drag goes to the foot of the board first, and the target is
            # said once the board has scrolled to it.
            board = window.board_view.scroll_area.viewport()
            column = viewport.mapTo(board, QPoint(viewport.width() // 2, 0)).x()
            end = board.mapToGlobal(QPoint(column, board.height() - 10))
        print(json.dumps({"start": [start.x(), start.y()], "end": [end.x(), end.y()]}), flush=True)

    def column_mark() -> object:
        frame = target_view().parentWidget()
        return frame.property("refusing") if frame is not None else None

    def say_target_once_in_view() -> None:
        viewport = target_view().viewport()
        board = window.board_view.scroll_area.viewport()
        top = viewport.mapTo(board, QPoint(0, 0))
        if args.lane and not state.get("target") and top.y() + viewport.height() < board.height():
            state["target"] = True
            middle = viewport.mapToGlobal(QPoint(viewport.width() // 2, viewport.height() // 2))
            print(json.dumps({"target": [middle.x(), middle.y()]}), flush=True)

    def watch() -> None:
        cursor = QGuiApplication.overrideCursor()
        if cursor is not None:
            # Qt's drag shows its cursor as the application's override cursor.
            state["dragging"] = True
            say_target_once_in_view()
            viewport = target_view().viewport()
            inside = viewport.rect().contains(viewport.mapFromGlobal(QCursor.pos()))
            if inside and not state["hovered"]:
                state["hovered"] = True
                hover = {
                    "cursor": cursor.shape().name,
                    "status": window.statusBar().currentMessage(),
                    "refusing": column_mark(),
                }
                print(json.dumps({"hover": hover}), flush=True)
                if args.shot is not None:
                    window.grab().save(str(args.shot))
        elif state["dragging"]:
            state["dragging"] = False
            after = {
                "status": window.statusBar().currentMessage(),
                "refusing": column_mark(),
                "banner": window.banner.text() if window.banner.isVisible() else "",
            }
            print(json.dumps({"ended": after}), flush=True)
            if args.full:
                app.quit()
        task = next(t for t in workspace.tasks() if t.title == args.title)
        in_lane = not args.lane or task.key in target_view().cell_model.task_ids
        if workspace.stage(task.stage_id).name == args.target and in_lane:
            # Left a moment for the drag to wind up, then: what is selected on the board.
            QTimer.singleShot(300, moved)
            poll.stop()

    def moved() -> None:
        titles = [model.tasks[i].title for i in window.board_view.selected_task_ids()]
        print(json.dumps({"moved": {"selected": titles}}), flush=True)
        app.quit()

    QTimer.singleShot(1500, report)
    poll = QTimer()
    poll.timeout.connect(watch)
    poll.start(50)
    QTimer.singleShot(20_000, app.quit)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
