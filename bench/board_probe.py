"""Run in a fresh process by board_bench; prints one JSON object (or, in `start` mode, the size
of the window it painted).

`python -m bench.board_probe click FILE BOARD_ID [--external]` opens FILE as `mopsboard FILE`
does (its first window shows the small board listed first, bench/workspaces.py) and then, as a
user would, one thing after another:

- clicks the board BOARD_ID in the sidebar: `open_ms` runs from the mouse press on its row
  (the list acts on the press) to the end of the first frame that paints one of the new
  board's card lists with cards in it;
- clicks in the filter box and types a word: `filter_first_ms` runs from the end of the typing
  pause (the filter box waits 120 ms after the last key before filtering) to the end of the
  frame that repaints the columns; `filter_first_from_key_ms` from the last key, the pause
  included; then types other words (`filter_warm_ms`, their median) and clears the filter;
- drops cards from one column onto another (the drag's enter and move, then the timed drop):
  `drop_ms` from the QDropEvent sent to the target column to the end of the frame that has
  painted both columns; `move_ms` from the same QDropEvent to when the event loop has nothing
  left to do (the frames, and the work-in-progress recount where it runs at once), plus, where
  the recount waits a moment (qt/capacity/wip_watch.py), its work: `recount_ms`, from its
  timer event to when the event loop is idle again, its repaint included;
- with `--external`, moves cards with `mopsboard move-task` in another process: from its exit
  (the commit) to the end of the frame that paints the card in its new column here;
- `rss_mb`: the resident memory at the end.

`python -m bench.board_probe start FILE BOARD_ID` is the stopwatch from outside: the real
`mopsboard FILE`, remembering BOARD_ID as the last board shown, ends its process at the end of
the frame that first paints that board's cards, so the process's life is start to pixels.
"""

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

FIRST_FILTER = "email"
LATER_FILTERS = ("landing", "review", "nurture", "webinar", "deck")
DROPS = 25
EXTERNAL_MOVES = 3


def _card_lists(window: Any) -> Any:
    """The viewports of the columns of the board now shown that have cards in them."""
    return lambda: [v.viewport() for v in window.board_view.views if v.model().rowCount() > 0]


def _columns(window: Any) -> Any:
    return lambda: [v.viewport() for v in window.board_view.views]


def _open_board(clock: Any, window: Any, board_id: int) -> dict[str, float]:
    from bench.frames import press_row, settle
    from mopsboard.ui.shell.sidebar import BoardIdRole

    if window.model.board_id == board_id:
        raise RuntimeError(f"board {board_id} is shown already: its settings are not fresh")
    release: list[Any] = []
    ms = clock.measure(
        lambda: release.append(
            press_row(window.sidebar.boards, lambda item: item.data(BoardIdRole) == board_id)
        ),
        _card_lists(window),
    )
    settle(100)
    release[0]()
    if window.model.board_id != board_id:
        raise RuntimeError(f"the click showed board {window.model.board_id}, not {board_id}")
    return {"open_ms": ms, "board_tasks": len(window.model.tasks)}


def _filters(clock: Any, window: Any) -> dict[str, float]:
    from PySide6.QtTest import QTest

    from bench.frames import click, settle

    bar = window.board_view.filter_bar
    search = bar.search
    pause = bar._debounce  # the typing pause (ui/board/filter_bar.py)
    click(search)
    typed: list[float] = []

    def type_word(word: str) -> None:
        search.selectAll()
        QTest.keyClicks(search, word)
        typed.append(time.perf_counter())

    shown = window.model.shown_count()
    first = clock.measure(lambda: type_word(FIRST_FILTER), _columns(window), start_on=pause)
    assert clock.ended is not None
    from_key = (clock.ended - typed[-1]) * 1000
    if window.model.shown_count() == shown:
        raise RuntimeError(f"typing {FIRST_FILTER!r} filtered nothing")
    warm = []
    for word in LATER_FILTERS:
        settle(300)
        warm.append(clock.measure(lambda w=word: type_word(w), _columns(window), start_on=pause))
    bar.reset()
    settle()
    if window.model.shown_count() != shown:
        raise RuntimeError("clearing the filter did not show every card again")
    return {
        "filter_first_ms": first,
        "filter_first_from_key_ms": from_key,
        "filter_warm_ms": statistics.median(warm),
    }


def _drops(clock: Any, window: Any, count: int) -> dict[str, float]:
    from PySide6.QtCore import QPoint, Qt, QTimer

    from bench.frames import hover, settle
    from mopsboard.qt.capacity.wip_watch import WipWatch

    model = window.model
    recount_timer = WipWatch.of(window.workspace).findChild(QTimer)
    rng = random.Random(3)
    drops, recounts, moves = [], [], []
    for _ in range(count):
        # Columns on screen (a narrow window scrolls some out of sight).
        views = [v for v in window.board_view.views if not v.visibleRegion().isEmpty()]
        # A card the user can see (near the top), onto a column that takes it (a drop the
        # board refuses moves nothing: the review gate, a hard WIP limit).
        while True:
            source, target = rng.sample(views, 2)
            cell = source.model()
            if cell.rowCount() == 0:
                continue
            row = rng.randrange(min(6, cell.rowCount()))
            data = cell.mimeData([cell.index(row, 0)])
            if model.drop_refusal(data, model.index(target.cell_row, 0)) is None:
                break
        task_id = cell.task_ids[row]
        # Dropped above a card the user can see (one whose top is in the column's viewport),
        # or below all where the column has room below its cards.
        shown = target.viewport().rect()
        seen = [
            n
            for n in range(min(8, target.model().rowCount()))
            if shown.contains(
                target.visualRect(target.model().index(n, 0)).topLeft() + QPoint(1, 3)
            )
        ]
        below_all = len(seen) == target.model().rowCount()
        landing = rng.randrange(len(seen) + (1 if below_all else 0)) if seen or below_all else 0
        if landing < len(seen):
            rect = target.visualRect(target.model().index(seen[landing], 0))
            at = QPoint(rect.center().x(), rect.top() + 3)
        else:
            at = QPoint(target.viewport().width() // 2, target.viewport().height() - 5)
        drop = hover(target.viewport(), data, at, Qt.DropAction.MoveAction)
        columns = [source.viewport(), target.viewport()]
        drop_ms = clock.measure(drop, lambda c=columns: c, every=True, to_idle=True)
        busy_ms = clock.idle_ms
        if task_id not in model.cell_task_ids(target.cell_row):
            raise RuntimeError(f"the drop did not move task {task_id}")
        # A recount the drop ran at once is in `busy_ms`; one still waiting runs later.
        recount_ms = 0.0
        if recount_timer.isActive():
            recount_ms = clock.measure(lambda: None, None, start_on=recount_timer)
        drops.append(drop_ms)
        recounts.append(recount_ms)
        moves.append(busy_ms + recount_ms)
        settle(200)
    moves.sort()
    return {
        "drop_ms": statistics.median(drops),
        "recount_ms": statistics.median(recounts),
        "move_ms": statistics.median(moves),
        "move_p95_ms": moves[max(0, round(len(moves) * 0.95) - 1)],
        "moves": moves,  # type: ignore[dict-item]
    }


def _external_moves(clock: Any, window: Any, path: Path) -> dict[str, float]:
    """Another process moves a card (the command line, as a script or a second window would);
    the window's poll notices by itself (one poll interval is the floor)."""
    model = window.model
    views = window.board_view.views
    source = max(views, key=lambda v: v.model().rowCount())
    target = next(v for v in views if v is not source and not model.stages[v.cell_row].is_gate)
    stage = model.stages[target.cell_row].name
    timings = []
    for task_id in list(source.model().task_ids[:EXTERNAL_MOVES]):
        command = [sys.executable, "-m", "mopsboard", "move-task", str(path), str(task_id)]
        subprocess.run([*command, "--stage", stage], check=True, capture_output=True)

        # The card leaves the top of its column (it lands at the end of the other, maybe out
        # of sight): the frame that repaints either column once the model has it moved.
        def arrived(task_id: int = task_id) -> bool:
            return task_id in model.cell_task_ids(target.cell_row)

        columns = [source.viewport(), target.viewport()]
        timings.append(clock.measure(lambda: None, lambda c=columns: c, when=arrived))
    return {"external_move_ms": statistics.median(timings)}


def click(path: Path, board_id: int, external: bool) -> dict[str, Any]:
    from bench.frames import FrameClock, open_like_the_app, rss_mb, settle

    app, _windows, window = open_like_the_app(path)
    clock = FrameClock(app)
    settle(800)
    result: dict[str, Any] = {"rss_before_mb": rss_mb()}
    result.update(_open_board(clock, window, board_id))
    result["rss_open_mb"] = rss_mb()
    settle()
    result.update(_filters(clock, window))
    result.update(_drops(clock, window, DROPS))
    if external:
        settle()
        result.update(_external_moves(clock, window, path))
    result["rss_mb"] = rss_mb()
    return result


def start(path: Path, board_id: int) -> None:
    """`mopsboard FILE` whose last board was `board_id`, to the end of its cards' first frame.

    The columns' viewports are watched from when the window is shown (app.py's `paint_first`),
    the whole application only from their paint on: a filter on every event of the start would
    add its own time to the figure."""
    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    import mopsboard.app
    from mopsboard.cli import main

    make_application = mopsboard.app.make_application
    paint_first = mopsboard.app.paint_first

    def leave(window: Any) -> None:
        print(f"{window.width()}x{window.height()}", flush=True)
        os._exit(0)

    class EndOfFirstFrame(QObject):
        painted: Any = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            painting = event.type() == QEvent.Type.Paint
            if self.painted is not None and not painting:
                leave(self.painted)
            if self.painted is None and painting:
                self.painted = watched.window()  # type: ignore[attr-defined]
                QApplication.instance().installEventFilter(self)
                QTimer.singleShot(0, lambda: leave(self.painted))
            return False

    def watched_application(argv: list[str] | None = None) -> Any:
        made = make_application(argv)
        QSettings().setValue(f"lastBoard/{path.resolve()}", board_id)
        return made

    def watched_paint_first(window: Any, *args: Any, **kwargs: Any) -> bool:
        if window.model.board_id != board_id:
            raise SystemExit(f"the window shows board {window.model.board_id}, not {board_id}")
        watch = EndOfFirstFrame(window)
        columns = [v.viewport() for v in window.board_view.views if v.model().rowCount() > 0]
        if not columns:
            raise SystemExit("the board shows no cards")
        for viewport in columns:
            viewport.installEventFilter(watch)
        return bool(paint_first(window, *args, **kwargs))

    mopsboard.app.make_application = watched_application  # type: ignore[assignment]
    mopsboard.app.paint_first = watched_paint_first
    main([str(path)])
    raise SystemExit("the board was never painted")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "click":
        figures = click(Path(sys.argv[2]), int(sys.argv[3]), "--external" in sys.argv[4:])
        print(json.dumps(figures), flush=True)
        os._exit(0)  # tearing down a 50,000-card window is no figure
    elif len(sys.argv) == 4 and sys.argv[1] == "start":
        start(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        raise SystemExit("usage: python -m bench.board_probe click|start FILE BOARD_ID")
