"""Run in a fresh process by startup_bench: starts a window and ends the process at its first
paint, so the process's whole life, timed from outside, is what a user waits for.

`python -m bench.startup_probe floor WxH` shows an empty QMainWindow of that size (the floor any
PySide6 app pays); `python -m bench.startup_probe app FILE` runs the real `mopsboard FILE` and
ends when the cards of the board are first painted. Both watch only what they wait for until it
paints, so the clock costs both alike. Each prints the size of the window it painted
and leaves without tearing anything down (os._exit), as neither figure is about quitting.
"""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _end_at_first_paint(targets: list[Any]) -> None:
    """Ends the process at the end of the frame that first paints one of `targets`: at the
    first event after their paint that is not a paint, or at the next turn of the event loop,
    whichever comes first. Only the targets are watched until they paint (a filter on every
    event of the start would add its own time to the figure), the whole application after."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    def leave(window: Any) -> None:
        # The window's size, so the bench can check that both paint as many pixels.
        print(f"{window.width()}x{window.height()}", flush=True)
        os._exit(0)

    class FirstPaint(QObject):
        window: Any = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painting = event.type() == QEvent.Type.Paint
            if self.window is not None and not painting:
                leave(self.window)
            if self.window is None and painting:
                self.window = watched.window()  # type: ignore[attr-defined]
                QApplication.instance().installEventFilter(self)
                QTimer.singleShot(0, lambda: leave(self.window))
            return False

    watcher = FirstPaint(targets[0])
    for target in targets:
        target.installEventFilter(watcher)


def floor(size: str) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    width, height = (int(side) for side in size.split("x"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(width, height)
    _end_at_first_paint([window])
    window.show()
    app.exec()
    raise SystemExit("the window was never painted")


def app(path: str) -> None:
    """`mopsboard FILE`; its columns with cards are watched from when the window is shown
    (app.py's `paint_first`), and the process ends at the end of their first frame."""
    import mopsboard.app
    from mopsboard.cli import main

    paint_first = mopsboard.app.paint_first

    def watched_paint_first(window: Any, *args: Any, **kwargs: Any) -> bool:
        columns = [v.viewport() for v in window.board_view.views if v.model().rowCount() > 0]
        if not columns:
            raise SystemExit("the board shows no cards")
        _end_at_first_paint(columns)
        return bool(paint_first(window, *args, **kwargs))

    mopsboard.app.paint_first = watched_paint_first
    main([path])
    raise SystemExit("the board was never painted")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "floor":
        floor(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "app":
        app(sys.argv[2])
    else:
        raise SystemExit("usage: python -m bench.startup_probe floor WxH | app FILE")
