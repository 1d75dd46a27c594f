"""What the timeline's painters share: its geometry, its scale, the colours of one paint, and
what they read of the widget (`TimelineCanvas`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QScrollBar, QWidget

from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar
from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.ui.common import theme

LABEL_WIDTH = 260
HEADER_HEIGHT = 46
ROW_HEIGHT = 28


class Scale(Enum):
    WEEKS = 20  # pixels per day
    MONTHS = 6


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


@dataclass
class Drag:
    """A bar being dragged: its row, where the mouse went down, by how many days so far, the
    working days its moves are counted in (its task's team's), and what its label says."""

    row: int
    origin_x: int
    calendar: WorkCalendar = WEEKDAYS_ONLY
    days: int = 0
    words: str = ""


@dataclass
class LinkDrag:
    """A link being drawn from a task bar's end: its row, where the mouse is, and the row of
    the bar under it (None: none to link to)."""

    row: int
    pos: QPoint
    target: int | None = None


class TimelineCanvas(Protocol):
    """What the painters read of the timeline widget (which is one): its rows, scale and
    geometry. Named here so the widget can own its painter without the two importing each other."""

    rows: TimelineRows
    scale: Scale
    selected: int | None
    drag: Drag | None
    link_drag: LinkDrag | None
    # The row whose link handle shows (the mouse is over its bar).
    handle_row: int | None
    bold_font: QFont
    small_font: QFont

    @property
    def ppd(self) -> int: ...
    def font(self) -> QFont: ...
    def hasFocus(self) -> bool: ...
    def viewport(self) -> QWidget: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def day_at(self, x: int) -> date: ...
    def x_of(self, day: date) -> int: ...
    def row_at(self, y: int) -> int | None: ...
    def row_top(self, row: int) -> int: ...
    def bar_rect(self, row: int, shift_days: int = 0) -> QRect | None: ...
    def drags_row(self, row: int) -> bool: ...


class Colours:
    """The scheme's colours one paint uses, as Qt colours (made once per paint, not per day)."""

    def __init__(self, s: theme.Scheme) -> None:
        self.scheme = s
        self.grid = QColor(s.rule)
        self.weekend = QColor(s.weekend_bg)
        self.today = QColor(s.today)
        self.done = QColor(s.faint)
        self.text = QColor(s.text)
        self.muted = QColor(s.muted)
        self.surface = QColor(s.surface)
        self.header = QColor(s.header_bg)
        self.selected = QColor(s.selected_row_bg)
        self.broken = QColor(s.overdue)
        self.link = QColor(s.muted)
        self.critical = QColor(s.text)


def visible_rows(canvas: TimelineCanvas) -> range:
    """The rows a paint of the canvas shows, whole or in part."""
    first = max(0, canvas.verticalScrollBar().value() // ROW_HEIGHT)
    height = canvas.viewport().height()
    return range(first, min(len(canvas.rows.rows), first + height // ROW_HEIGHT + 2))
