"""What the probes share, inside their fresh processes: opening a workspace as `mopsboard FILE`
does, the clock that stops at the pixels, and clicks on the sidebar.

A figure runs from what the user does (a click, a key, a drop) to the end of the frame that
paints what they are waiting for: Qt paints a window's dirty widgets one after another in one
go, so the frame is over at the first event after the awaited paint that is not itself a paint
(or at the next turn of the event loop, whichever comes first; bench/startup_probe.py stops its
process the same way). Where the app waits on purpose first (the filter box's typing pause, the
work-in-progress recount a moment after a change), the clock starts when that wait ends, at the
timer event that ends it, so the figure is the work and not the pause.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QEvent,
    QEventLoop,
    QMimeData,
    QObject,
    QPoint,
    QPointF,
    Qt,
    QTimer,
)
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QWidget

# Chosen before the QApplication is made (the probes make it after importing this module).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A measurement that has not seen its frame by then has failed (a wrong widget awaited).
TIMEOUT_MS = 60_000
# The event loop is idle once one turn of it has lasted this long without working (using
# under QUIET_CPU_MS of the thread's time): a repaint asked for comes a few milliseconds later
# (the platform paces frames), so a loop that waits at all is not done yet. (The loop's own
# signals cannot tell: Qt's GLib dispatcher says "about to block" at the start of every turn,
# work to do or not, and "awake" not at all.)
QUIET_MS = 20
QUIET_CPU_MS = 2


class Timeout(RuntimeError):
    pass


def rss_mb() -> float:
    """The process's resident memory now, in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def open_like_the_app(path: Path) -> tuple[QApplication, Any, Any]:
    """The window `mopsboard FILE` shows, made the way it makes it (app.py's
    `open_first_window`: first paint, the day's backup, the whole-file check, the collector's
    freeze), without entering `app.exec`."""
    from mopsboard.app import Windows, make_application, open_first_window

    # Without the app's error dialog: a probe that fails must end, not wait for a click.
    app = make_application([sys.argv[0]])
    windows = Windows()
    window = open_first_window(windows, path)
    if window is None:
        raise RuntimeError(f"{path} did not open")
    return app, windows, window


def settle(ms: int = 600) -> None:
    """Lets the event loop run for `ms`, as the moment between a user's two actions: deferred
    work (the whole-file check, a recount) runs now rather than inside the next figure."""
    QTest.qWait(ms)


def click(widget: QWidget, at: QPoint | None = None) -> None:
    """A left click at `at`, else in the middle of `widget`."""
    where = widget.rect().center() if at is None else at
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def mouse(widget: QWidget, kind: QEvent.Type, at: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    held = left if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    local = QPointF(at)
    event = QMouseEvent(
        kind, local, QPointF(widget.mapToGlobal(at)), left, held, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, event)


def press_row(listing: QListWidget, wanted: Callable[[Any], bool]) -> Callable[[], None]:
    """Presses the mouse in the middle of the first item `wanted` accepts, where it is drawn
    (the list acts on the press: its current item changes), and returns the release, which
    a user's hand makes a moment later. Sent straight to the list, so that nothing else runs
    meanwhile (QTest's clicks may turn the event loop between the press and the release,
    painting a frame inside what the clock takes for the action)."""
    for row in range(listing.count()):
        item = listing.item(row)
        if wanted(item):
            listing.scrollToItem(item)
            at = listing.visualItemRect(item).center()
            mouse(listing.viewport(), QEvent.Type.MouseButtonPress, at)
            return lambda: mouse(listing.viewport(), QEvent.Type.MouseButtonRelease, at)
    raise LookupError(f"no such item in {listing.objectName()}")


def pressed(widget: QWidget) -> Callable[[], None]:
    """Presses the mouse in the middle of `widget` (a button) and returns the release, where
    a click on a button acts: the clock runs from the release."""
    at = widget.rect().center()
    mouse(widget, QEvent.Type.MouseButtonPress, at)
    return lambda: mouse(widget, QEvent.Type.MouseButtonRelease, at)


def hover(
    target: QWidget, data: QMimeData, at: QPoint, action: Qt.DropAction
) -> Callable[[], object]:
    """A drag brought over `target` (a viewport) at `at`: its enter and move are delivered
    now (the offscreen platform starts no real drag: tests and figures send the events, see
    DESIGN.md); the drop is what is returned, for the clock to run."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(at, action, data, buttons, mods))
    QApplication.sendEvent(target, QDragMoveEvent(at, action, data, buttons, mods))
    drop = QDropEvent(QPointF(at), action, data, buttons, mods)
    return lambda: QApplication.sendEvent(target, drop)


Widgets = Callable[[], Sequence[QWidget]]


class FrameClock(QObject):
    """Times from an action to the end of the frame that paints what the user waits for.

    Only the awaited widgets (and the timer the clock may start on) are watched until their
    paint: an event filter on the whole application would run Python for every event of the
    action (a board's rebuild sends thousands) and add its own time to the figure. From the
    awaited paint to the end of that frame the whole application is watched, for a moment.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._loop: QEventLoop | None = None
        self._pending: list[QWidget] = []
        self._watched: list[QObject] = []
        self._every = False
        self._when: Callable[[], bool] | None = None
        self._start_on: QObject | None = None
        self._to_idle = False
        self._painted = False
        self._awaiting_paint = False
        self._turn_began: tuple[float, float] | None = None  # wall clock, thread time
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self._turn_was_quiet)
        self.started: float | None = None
        self.ended: float | None = None
        self.idle: float | None = None

    def measure(
        self,
        action: Callable[[], object],
        widgets: Widgets | None,
        *,
        every: bool = False,
        when: Callable[[], bool] | None = None,
        start_on: QObject | None = None,
        to_idle: bool = False,
    ) -> float:
        """Runs `action`, then waits for the end of the frame that paints one of `widgets()`
        (asked once the action is done, so they may be widgets it made), or, with `every`, the
        frame by which all of them have been painted; with `when`, only a paint while `when()`
        holds counts. Returns the milliseconds from the action (or, with `start_on`, from that
        object's next timer event) to then. With `widgets` None, the figure ends when the event
        loop next has nothing to do (the work and the repaints it asked for are done: the loop
        then sleeps QUIET_MS, and the figure ends where that sleep began). With `to_idle`, the
        clock waits on for that too (`idle_ms`)."""
        self._every, self._when, self._start_on, self._to_idle = every, when, start_on, to_idle
        self._painted = False
        self._turn_began = None
        self.started = self.ended = self.idle = None
        loop = self._loop = QEventLoop()
        dispatcher = QAbstractEventDispatcher.instance()
        limit = QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        limit.start(TIMEOUT_MS)
        self._watch([start_on] if start_on is not None else [])
        dispatcher.aboutToBlock.connect(self._turn_begins)
        try:
            if start_on is None:
                self.started = time.perf_counter()
            action()
            self._pending = list(widgets()) if widgets is not None else []
            self._awaiting_paint = widgets is not None
            if widgets is not None and not self._pending:
                raise LookupError("no widget to wait for")
            self._watch([*self._watched, *self._pending])
            if not self._done():
                loop.exec()
        finally:
            dispatcher.aboutToBlock.disconnect(self._turn_begins)
            self._quiet.stop()
            self._watch([])
            self._app.removeEventFilter(self)
            limit.stop()
            self._loop = None
        if not self._done():
            raise Timeout("the awaited frame was never painted")
        assert self.started is not None and self.ended is not None
        return (self.ended - self.started) * 1000

    @property
    def idle_ms(self) -> float:
        assert self.started is not None and self.idle is not None
        return (self.idle - self.started) * 1000

    def _watch(self, objects: list[QObject]) -> None:
        for watched in self._watched:
            watched.removeEventFilter(self)
        self._watched = objects
        for watched in objects:
            watched.installEventFilter(self)

    def _done(self) -> bool:
        return self.ended is not None and (not self._to_idle or self.idle is not None)

    def _stop(self) -> None:
        if self._done() and self._loop is not None:
            self._loop.quit()

    def _finish_frame(self) -> None:
        if self.ended is None and self._painted:
            self.ended = time.perf_counter()
            self._app.removeEventFilter(self)
            self._stop()

    def _turn_begins(self) -> None:
        if self.started is None:
            return
        self._turn_began = (time.perf_counter(), time.thread_time())
        self._quiet.start()  # ends this turn if nothing else does

    def _turn_was_quiet(self) -> None:
        if self._turn_began is None:
            return
        began, cpu = self._turn_began
        if (time.thread_time() - cpu) * 1000 > QUIET_CPU_MS:
            return  # a long turn of work, not a wait
        if self.ended is not None and began < self.ended:
            return  # the frame ended in this turn: what follows it is still to see
        if not self._awaiting_paint and self.ended is None:
            self.ended = began
        if self.ended is not None and self.idle is None:
            self.idle = began
        self._stop()

    def _awaited_paint(self, watched: QObject) -> bool:
        if self._when is not None and not self._when():
            return False
        for widget in self._pending:
            if watched is widget:
                if not self._every:
                    return True
                self._pending.remove(widget)
                return not self._pending
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.started is None:
            if watched is self._start_on and kind == QEvent.Type.Timer:
                self.started = time.perf_counter()
            return False
        if self._painted:
            if kind != QEvent.Type.Paint:
                self._finish_frame()
            return False
        if kind == QEvent.Type.Paint and self._awaiting_paint and self._awaited_paint(watched):
            self._painted = True
            # The rest of the frame: the next event that is not a paint ends it (or the next
            # turn of the event loop).
            self._app.installEventFilter(self)
            QTimer.singleShot(0, self._finish_frame)
        return False
