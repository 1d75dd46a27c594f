"""Run in a fresh process by capacity_bench: `python -m bench.capacity_probe FILE` opens FILE as
`mopsboard FILE` does (its window shows the board of 50,000 cards), then, as a user would:

- clicks "Capacity" in the sidebar's views: `first_ms` runs from the mouse press on it (the
  list acts on the press; the page is built and the map computed then, for the first time in
  the process) to the end of the first frame that paints the map;
- clicks "A week later" and "A week earlier" in turn: `warm_ms` (their median) from the
  button's release to the end of the frame that repaints the map (a warm recompute);
- drags a task from the list of a person's week onto another person's same week (the drag's
  enter and move, then the timed drop): `refresh_ms` (their median) from the QDropEvent on the
  map to the end of the frame that repaints it.

Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARM_RUNS = 6
DROPS = 7


def _visible_member_rows(view: Any, column: int) -> list[int]:
    """The map's rows of people whose cell in `column` is on screen."""
    model, shown = view.model, view.map.viewport().rect()
    return [
        number
        for number, row in enumerate(model.capacity.rows)
        if row.member is not None
        and shown.contains(view.map.visualRect(model.index(number, column)))
    ]


def _drops(clock: Any, view: Any) -> list[float]:
    from PySide6.QtCore import QEvent, Qt

    from bench.frames import hover, mouse, settle
    from mopsboard.qt.capacity.capacity_model import FIRST_WEEK_COLUMN

    column = FIRST_WEEK_COLUMN + 1
    rows = _visible_member_rows(view, column)
    timings = []
    for number, source in enumerate(rows):
        if len(timings) == DROPS:
            break
        # The user clicks the person's week in the map; the side panel lists its tasks.
        at = view.map.visualRect(view.model.index(source, column)).center()
        mouse(view.map.viewport(), QEvent.Type.MouseButtonPress, at)
        mouse(view.map.viewport(), QEvent.Type.MouseButtonRelease, at)
        settle(100)
        cell = view.cell_model
        if not cell.tasks:
            continue
        target = rows[(number + 5) % len(rows)]
        drop_on = view.model.index(target, column)
        before = drop_on.data()
        data = cell.mimeData([cell.index(0, 0)])
        drop = hover(
            view.map.viewport(),
            data,
            view.map.visualRect(drop_on).center(),
            Qt.DropAction.CopyAction,
        )
        timings.append(clock.measure(drop, lambda: [view.map.viewport()]))
        if view.model.index(target, column).data() == before:
            raise RuntimeError("the drop did not change the map")
        settle(400)  # the work-in-progress recount that follows, out of the next figure
    if len(timings) < DROPS:
        raise RuntimeError(f"only {len(timings)} visible cells of people have tasks")
    return timings


def probe(path: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QToolButton

    from bench.frames import FrameClock, open_like_the_app, press_row, pressed, settle
    from mopsboard.ui.shell.sidebar import ViewKeyRole

    app, _windows, window = open_like_the_app(path)
    clock = FrameClock(app)
    settle(800)
    release: list[Any] = []

    def capacity() -> Any:
        page = window.stack.currentWidget()
        if page.objectName() != "capacityView":
            raise RuntimeError(f"the click showed {page.objectName()}, not the capacity map")
        return page

    first = clock.measure(
        lambda: release.append(
            press_row(window.sidebar.views, lambda item: item.data(ViewKeyRole) == "capacity")
        ),
        lambda: [capacity().map.viewport()],
    )
    settle(100)
    release[0]()
    settle()
    view = capacity()
    buttons = {b.toolTip(): b for b in view.findChildren(QToolButton)}
    warm = []
    for number in range(WARM_RUNS):
        button = buttons["A week later" if number % 2 == 0 else "A week earlier"]
        shown = view.model.period
        warm.append(clock.measure(pressed(button), lambda: [view.map.viewport()]))
        if view.model.period == shown:
            raise RuntimeError("the click did not change the weeks shown")
        settle(300)
    refreshes = _drops(clock, view)
    return {
        "first_ms": first,
        "warm_ms": statistics.median(warm),
        "refresh_ms": statistics.median(refreshes),
        "rows": len(view.model.capacity.rows),
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.capacity_probe FILE")
    print(json.dumps(probe(Path(sys.argv[1]))), flush=True)
    os._exit(0)  # tearing down the window is no figure
