"""The bench's clock (bench/frames.py) stops where its figures say: at the end of the frame that
paints the awaited widgets, started by the action or by the timer event named. No durations are
asserted (figures live in `make bench`): only which events start and stop the clock."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from bench import frames
from bench.workspaces import label


class Counted(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.painted_at: list[float] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        self.painted_at.append(time.perf_counter())


@pytest.fixture
def pair(qtbot: QtBot) -> Iterator[tuple[Counted, Counted]]:
    host = QWidget()
    qtbot.addWidget(host)
    left, right = Counted(), Counted()
    row = QHBoxLayout(host)
    row.addWidget(left)
    row.addWidget(right)
    host.resize(200, 100)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(50)
    yield left, right  # the host, held here, keeps them alive


def test_the_clock_ends_after_the_awaited_paint(pair: tuple[Counted, Counted]) -> None:
    left, _right = pair
    clock = frames.FrameClock(QApplication.instance())  # type: ignore[arg-type]
    before = len(left.painted_at)
    clock.measure(left.update, lambda: [left])
    assert clock.started is not None and clock.ended is not None
    assert len(left.painted_at) == before + 1
    assert clock.started < left.painted_at[-1] <= clock.ended


def test_every_waits_for_each_widget(pair: tuple[Counted, Counted]) -> None:
    left, right = pair
    clock = frames.FrameClock(QApplication.instance())  # type: ignore[arg-type]

    def update_both() -> None:
        left.update()
        QTimer.singleShot(30, right.update)  # a later frame

    clock.measure(update_both, lambda: [left, right], every=True)
    assert clock.ended is not None
    assert right.painted_at and right.painted_at[-1] <= clock.ended
    assert left.painted_at[-1] < right.painted_at[-1]


def test_a_frame_that_never_comes_is_an_error(
    pair: tuple[Counted, Counted], monkeypatch: pytest.MonkeyPatch
) -> None:
    left, right = pair
    monkeypatch.setattr(frames, "TIMEOUT_MS", 300)
    clock = frames.FrameClock(QApplication.instance())  # type: ignore[arg-type]
    with pytest.raises(frames.Timeout):
        clock.measure(left.update, lambda: [left, right], every=True)


def test_the_clock_can_start_at_a_timer_that_ends_a_pause(pair: tuple[Counted, Counted]) -> None:
    left, _right = pair
    pause = QTimer()
    pause.setSingleShot(True)
    pause.setInterval(60)
    pause.timeout.connect(left.update)
    clock = frames.FrameClock(QApplication.instance())  # type: ignore[arg-type]
    asked: list[float] = []

    def type_and_wait() -> None:
        pause.start()
        asked.append(time.perf_counter())

    clock.measure(type_and_wait, lambda: [left], start_on=pause)
    assert clock.started is not None and clock.ended is not None
    assert asked[0] < clock.started < left.painted_at[-1] <= clock.ended


def test_without_widgets_the_clock_stops_when_the_loop_is_idle(
    pair: tuple[Counted, Counted],
) -> None:
    left, _right = pair
    clock = frames.FrameClock(QApplication.instance())  # type: ignore[arg-type]
    clock.measure(left.update, None)
    assert clock.ended is not None and clock.idle == clock.ended
    # Idle comes after the frame the action asked for.
    assert left.painted_at[-1] <= clock.ended


def test_figure_names_say_the_size() -> None:
    assert [label(n) for n in (1_000, 10_000, 50_000, 1_500)] == ["1k", "10k", "50k", "1500"]
