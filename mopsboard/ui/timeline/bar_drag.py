"""What a bar being dragged says while the mouse is down: its new dates and how far it moved,
in a small label beside it ("Wed 16 Dec → Fri 18 Dec (+2 working days)"). The words are made
when the drag crosses a day, and one label is painted: the bars' paint costs nothing more."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QPainter

from mopsboard.domain.campaign_work import campaign_span
from mopsboard.domain.link_check import Span
from mopsboard.domain.link_push import working_days_later
from mopsboard.domain.workdays import WorkCalendar
from mopsboard.qt.timeline.timeline_rows import TimelineRow
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    Colours,
    TimelineCanvas,
)

# Space round the words inside the label, and between the label and its bar.
PADDING = 5
GAP = 3


def _day(day: date) -> str:
    # As the bars' tooltips write a day.
    return f"{day:%a %d %b}"


def _span(first: date, last: date) -> str:
    return _day(first) if first == last else f"{_day(first)} \u2192 {_day(last)}"


def _signed(count: int, unit: str) -> str:
    sign = "+" if count > 0 else "\u2212" if count < 0 else ""
    return f"{sign}{abs(count)} {unit}{'s' if abs(count) != 1 else ''}"


def task_moved_by(before: Span, days: int, calendar: WorkCalendar) -> int:
    """How many working days of `calendar` a task moves when shifted `days` calendar days:
    counted as the push question counts it (domain/link_push.py), negative when earlier."""
    shift = timedelta(days=days)
    after = Span(
        before.start + shift if before.start else None,
        before.due + shift if before.due else None,
    )
    if days >= 0:
        return working_days_later(before, after, calendar)
    return -working_days_later(after, before, calendar)


def drag_words(item: TimelineRow, days: int, calendar: WorkCalendar) -> str:
    """The label of a bar dragged `days` days: a task's new dates and its move in working days
    of `calendar` (its team's); a campaign's new span and launch, in days."""
    shift = timedelta(days=days)
    if item.bar is None:
        campaign = item.campaign
        span = campaign_span(campaign)
        if span is None:
            return ""
        words = _span(span[0] + shift, span[1] + shift)
        if campaign.launch_date is not None:
            words += f", launch {_day(campaign.launch_date + shift)}"
        return f"{words} ({_signed(days, 'day')})"
    first, last = item.bar.first, item.bar.last
    if first is None or last is None:
        return ""
    moved = task_moved_by(Span(item.bar.start, item.bar.due), days, calendar)
    return f"{_span(first + shift, last + shift)} ({_signed(moved, 'working day')})"


def drag_label_rect(canvas: TimelineCanvas, words: str) -> QRect | None:
    """Where the dragged bar's label goes: above its bar (below it on the first row shown),
    starting at the bar's left, kept inside the days' part of the viewport."""
    drag = canvas.drag
    if drag is None or not words:
        return None
    bar = canvas.bar_rect(drag.row, drag.days)
    if bar is None:
        return None
    metrics = QFontMetrics(canvas.small_font)
    width = metrics.horizontalAdvance(words) + 2 * PADDING
    height = metrics.height() + 4
    top = bar.top() - GAP - height
    if top < HEADER_HEIGHT:
        top = bar.bottom() + GAP
    right_edge = canvas.viewport().width() - 4
    left = max(LABEL_WIDTH + 4, min(bar.left(), right_edge - width))
    return QRect(left, top, width, height)


def paint_drag_label(canvas: TimelineCanvas, c: Colours, painter: QPainter) -> None:
    drag = canvas.drag
    words = drag.words if drag is not None else ""
    rect = drag_label_rect(canvas, words)
    if rect is None:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # The text's colour under the surface's: it reads over bars, links and the today line.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(c.text)
    painter.drawRoundedRect(rect, 4, 4)
    painter.setFont(canvas.small_font)
    painter.setPen(c.surface)
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, words)
    painter.restore()
