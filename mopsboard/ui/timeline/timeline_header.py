"""The timeline's header: the months (their names stay in sight while the month is), the weeks,
the Today badge, and over the label column the count of campaigns and the legends.

The Today badge sits in the months' row, above the line at today, so it never hides a week's
label; a month's name it would cover is written just after it. `header_layout` says where each
word goes, and the paint writes them there (a handful per paint, whatever the rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPolygonF

from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    Colours,
    Scale,
    TimelineCanvas,
)
from mopsboard.ui.timeline.timeline_marks import launch_marker, paint_diamond, paint_late_task

TODAY = "Today"
# The months' row, and where its words and the weeks' sit.
MONTH_ROW = 24
MONTH_BASELINE = 18
WEEK_BASELINE = 38
BADGE_TOP = 4
BADGE_PADDING = 5
# Space kept between the badge and a month's name moved out from under it.
BADGE_GAP = 6


@dataclass
class HeaderWord:
    """A word of the header: the box its text fills (viewport coordinates), and the text."""

    rect: QRect
    text: str
    # What the text may not run past: a month's name stops before the next month.
    clip: QRect | None = None


@dataclass
class HeaderLayout:
    months: list[HeaderWord] = field(default_factory=list)
    weeks: list[HeaderWord] = field(default_factory=list)
    today: QRect = field(default_factory=QRect)
    # The line under the badge down to the rows, unless a week's label is in its way.
    today_line: bool = True


def _today_badge(canvas: TimelineCanvas) -> QRect:
    metrics = QFontMetrics(canvas.small_font)
    width = metrics.horizontalAdvance(TODAY) + 2 * BADGE_PADDING
    x = canvas.x_of(canvas.rows.today) + canvas.ppd // 2
    return QRect(x - width // 2, BADGE_TOP, width, metrics.height() + 2)


def header_layout(canvas: TimelineCanvas, first: date, last: date, width: int) -> HeaderLayout:
    """Where the header's words go for the days `first` to `last` shown in `width` pixels."""
    layout = HeaderLayout(today=_today_badge(canvas))
    badge = layout.today
    bold = QFontMetrics(canvas.bold_font)
    day = first.replace(day=1)
    while day <= last:
        following = (day + timedelta(days=32)).replace(day=1)
        text = day.strftime("%B %Y" if canvas.scale is Scale.WEEKS else "%b %Y")
        x = max(canvas.x_of(day), LABEL_WIDTH) + 6
        words = QRect(x, 0, bold.horizontalAdvance(text), MONTH_ROW)
        if words.left() <= badge.right() + BADGE_GAP and words.right() >= badge.left() - 2:
            words.moveLeft(badge.right() + BADGE_GAP)
        room = QRect(words.left(), 0, max(0, canvas.x_of(following) - words.left() - 4), MONTH_ROW)
        clip = room.intersected(QRect(LABEL_WIDTH, 0, width, HEADER_HEIGHT))
        layout.months.append(HeaderWord(words, text, clip))
        day = following
    small = QFontMetrics(canvas.small_font)
    day = first
    while day <= last:
        if day.isoweekday() == 1:
            text, indent = "", 0
            if canvas.scale is Scale.WEEKS:
                text, indent = day.strftime("%d %b"), 3
            elif day.day <= 7:
                text, indent = f"w{day.isocalendar().week}", 2
            if text:
                top = WEEK_BASELINE - small.ascent()
                rect = QRect(canvas.x_of(day) + indent, top, small.horizontalAdvance(text), 12)
                layout.weeks.append(HeaderWord(rect, text))
        day += timedelta(days=1)
    line_x = badge.center().x()
    layout.today_line = not any(
        word.rect.left() - 2 <= line_x <= word.rect.right() + 2 for word in layout.weeks
    )
    return layout


def paint_header(
    canvas: TimelineCanvas, c: Colours, painter: QPainter, first: date, last: date, width: int
) -> None:
    layout = header_layout(canvas, first, last, width)
    painter.fillRect(0, 0, width, HEADER_HEIGHT, c.header)
    painter.setPen(c.grid)
    painter.drawLine(0, HEADER_HEIGHT - 1, width, HEADER_HEIGHT - 1)
    painter.setClipRect(LABEL_WIDTH, 0, width - LABEL_WIDTH, HEADER_HEIGHT)
    day = first.replace(day=1)
    while day <= last:
        x = canvas.x_of(day)
        painter.drawLine(x, 0, x, HEADER_HEIGHT)
        day = (day + timedelta(days=32)).replace(day=1)
    painter.setFont(canvas.bold_font)
    painter.setPen(c.text)
    for month in layout.months:
        painter.save()
        if month.clip is not None:
            painter.setClipRect(month.clip)
        painter.drawText(month.rect.left(), MONTH_BASELINE, month.text)
        painter.restore()
    painter.setFont(canvas.small_font)
    painter.setPen(c.muted)
    for week in layout.weeks:
        painter.drawText(week.rect.left(), WEEK_BASELINE, week.text)
    _paint_today(canvas, c, painter, layout)
    painter.setClipping(False)
    painter.fillRect(0, 0, LABEL_WIDTH, HEADER_HEIGHT, c.header)
    painter.setFont(canvas.bold_font)
    painter.setPen(c.text)
    count = len(canvas.rows.campaigns)
    title = f"{count} campaign{'s' if count != 1 else ''}"
    painter.drawText(12, MONTH_BASELINE, title)
    legend_x = 12 + painter.fontMetrics().horizontalAdvance(title) + 14
    _paint_link_legend(canvas, c, painter, legend_x, MONTH_BASELINE)
    _paint_legend(canvas, c, painter, 12, WEEK_BASELINE - 1)
    painter.setFont(canvas.font())


def _paint_today(
    canvas: TimelineCanvas, c: Colours, painter: QPainter, layout: HeaderLayout
) -> None:
    badge = layout.today
    if layout.today_line:
        # The line at today runs on from the badge to the rows, as one mark.
        painter.setPen(QPen(c.today, 2))
        x = badge.center().x()
        painter.drawLine(x, badge.bottom(), x, HEADER_HEIGHT)
    painter.setBrush(c.today)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(badge, 3, 3)
    painter.setPen(QColor(c.scheme.on_today))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, TODAY)


def _paint_legend(
    canvas: TimelineCanvas, c: Colours, painter: QPainter, x: int, baseline: int
) -> None:
    """Launch, today, overdue and done, as the timeline draws them."""
    painter.setFont(canvas.small_font)
    metrics = QFontMetrics(canvas.small_font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_diamond(painter, launch_marker(x + 4, baseline - 4, 4.5))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    x += 12
    for colour, swatch, text in (
        (None, None, "launch"),
        (c.today, QRect(0, -9, 2, 11), "today"),
        (None, QRect(0, -8, 14, 8), "overdue"),
        (c.done, QRect(0, -7, 12, 6), "done"),
    ):
        if swatch is not None:
            if colour is None:
                paint_late_task(painter, swatch.translated(x, baseline), c.muted, 2)
            else:
                painter.fillRect(swatch.translated(x, baseline), colour)
            x += swatch.width() + 4
        painter.setPen(c.muted)
        painter.drawText(x, baseline, text)
        x += metrics.horizontalAdvance(text) + 10


def _paint_link_legend(
    canvas: TimelineCanvas, c: Colours, painter: QPainter, x: int, baseline: int
) -> None:
    """A link, a broken one and the critical path, as the links are drawn, beside the title
    (what does not fit in the label column is left out)."""
    painter.setFont(canvas.small_font)
    metrics = QFontMetrics(canvas.small_font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for colour, width, text in (
        (c.link, 1, "link"),
        (c.broken, 2, "broken"),
        (c.critical, 2, "critical"),
    ):
        if x + 14 + metrics.horizontalAdvance(text) > LABEL_WIDTH - 4:
            break
        y = baseline - 4
        painter.setPen(QPen(colour, width))
        painter.drawLine(x, y, x + 8, y)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        tip = [QPointF(x + 12, y), QPointF(x + 7, y - 3), QPointF(x + 7, y + 3)]
        painter.drawPolygon(QPolygonF(tip))
        x += 14
        painter.setPen(c.muted)
        painter.drawText(x, baseline, text)
        x += metrics.horizontalAdvance(text) + 7
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
