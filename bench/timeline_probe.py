"""Run in a fresh process by timeline_bench: `python -m bench.timeline_probe FILE` opens FILE as
`mopsboard FILE` does (its window shows the board of 50,000 cards), then, as a user would:

- clicks "Timeline" in the sidebar's views: `click_to_paint_ms` runs from the mouse press on
  it (the list acts on the press; the page is built then, on its first showing) to the end of
  the first frame that paints the timeline;
- clicks "Expand all": `expand_all_ms` runs from the button's release (where a click acts) to
  the end of the frame that repaints the timeline with every campaign's tasks.

Prints one JSON object.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def probe(path: Path) -> dict[str, Any]:
    from bench.frames import FrameClock, open_like_the_app, press_row, pressed, settle
    from mopsboard.ui.shell.sidebar import ViewKeyRole

    app, _windows, window = open_like_the_app(path)
    clock = FrameClock(app)
    settle(800)
    release: list[Any] = []

    def timeline() -> Any:
        page = window.stack.currentWidget()
        if page.objectName() != "timelineView":
            raise RuntimeError(f"the click showed {page.objectName()}, not the timeline")
        return page

    opened = clock.measure(
        lambda: release.append(
            press_row(window.sidebar.views, lambda item: item.data(ViewKeyRole) == "timeline")
        ),
        lambda: [timeline().timeline.viewport()],
    )
    settle(100)
    release[0]()
    settle()
    page = timeline()
    rows = len(page.rows.rows)
    expanded = clock.measure(pressed(page.expand), lambda: [page.timeline.viewport()])
    if len(page.rows.rows) <= rows:
        raise RuntimeError("expanding every campaign showed no more rows")
    return {"click_to_paint_ms": opened, "expand_all_ms": expanded, "rows": len(page.rows.rows)}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bench.timeline_probe FILE")
    print(json.dumps(probe(Path(sys.argv[1]))), flush=True)
    os._exit(0)  # tearing down the window is no figure
