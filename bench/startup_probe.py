"""Run in a fresh process by startup_bench: starts a window and ends the process at its first
paint, so the process's whole life, timed from outside, is what a user waits for.

`python -m bench.startup_probe floor WxH` shows an empty QMainWindow of that size (the floor any
PySide6 app pays); `python -m bench.startup_probe app FILE` runs the real `mopsboard FILE` and
ends when the cards of the board are first painted. Each prints the size of the window it painted
and leaves without tearing anything down (os._exit), as neither figure is about quitting.
"""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _end_at_first_paint(app: Any, is_target: Any) -> None:
    """Ends the process once a widget `is_target` accepts has been painted, with the rest of
    that frame (the whole window is painted and flushed in one go): at the first event after it
    that is not a paint, or at the next turn of the event loop, whichever comes first."""
    from PySide6.QtCore import QEvent, QObject, QTimer

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
            if self.window is None and painting and is_target(watched):
                self.window = watched.window()
                QTimer.singleShot(0, lambda: leave(self.window))
            return False

    watcher = FirstPaint(app)
    app.installEventFilter(watcher)


def floor(size: str) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    width, height = (int(side) for side in size.split("x"))
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(width, height)
    _end_at_first_paint(app, lambda watched: watched is window)
    window.show()
    app.exec()
    raise SystemExit("the window was never painted")


def _is_card_list(watched: Any) -> bool:
    # A board column's viewport (ui/board/stage_list.py) with cards in it.
    parent = watched.parent()
    return (
        type(parent).__name__ == "StageListView"
        and parent.model() is not None
        and parent.model().rowCount() > 0
    )


def app(path: str) -> None:
    import mopsboard.app
    from mopsboard.cli import main

    make_application = mopsboard.app.make_application

    def watched_application(argv: list[str] | None = None) -> Any:
        made = make_application(argv)
        _end_at_first_paint(made, _is_card_list)
        return made

    mopsboard.app.make_application = watched_application  # type: ignore[assignment]
    main([path])
    raise SystemExit("the board was never painted")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "floor":
        floor(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "app":
        app(sys.argv[2])
    else:
        raise SystemExit("usage: python -m bench.startup_probe floor WxH | app FILE")
