"""Imported calendar events on the timeline: each a faint band over its days through the rows,
a dashed line at its first day, and its name in a tag in a strip along the bottom of the
timeline (violet for a product launch, green for another event), on the first of two lanes with
room for it. An event whose tag has room on neither is not dropped without a word: the tag in
its way that starts nearest before it says "+N more" after its own name (as wide as it must
be), and its tooltip names the hidden events too (as the band's tooltip names every event of
its days). The strip is there only while the workspace holds events, and
the rows scroll clear of it. Only the events in view are laid out, so a calendar of thousands
costs what is on screen."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.ui.common import theme
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    Colours,
    TimelineCanvas,
)

TAG_HEIGHT = 16
TAG_MAX_WIDTH = 170
TAG_PADDING = 5
TAG_GAP = 4
LANES = 2
STRIP_PADDING = 4
STRIP_HEIGHT = LANES * (TAG_HEIGHT + 2) - 2 + 2 * STRIP_PADDING
STRIP_TITLE = "Imported events"
# The theme's role each kind is drawn in: violet for a product launch, green for another event.
KIND_ROLES = {
    CalendarEventKind.PRODUCT_LAUNCH: "link_visited",
    CalendarEventKind.OTHER: "complete",
}


def strip_height(canvas: TimelineCanvas) -> int:
    """How tall the events' strip along the bottom is: nothing without events."""
    return STRIP_HEIGHT if canvas.rows.events else 0


def strip_top(canvas: TimelineCanvas) -> int:
    return canvas.viewport().height() - strip_height(canvas)


def kind_colour(kind: CalendarEventKind, scheme: theme.Scheme) -> QColor:
    return QColor(getattr(scheme, KIND_ROLES[kind]))


@dataclass(frozen=True)
class EventMark:
    """Where an event is drawn: its band over its days, and its tag (None: no room for it; it
    is then one of the `hidden` events of the tag in its way)."""

    event: CalendarEvent
    band: QRect
    tag: QRect | None
    text: str
    hidden: tuple[CalendarEvent, ...] = ()


def tag_left(mark: EventMark) -> int:
    return mark.tag.left() if mark.tag is not None else 0


def more_words(count: int) -> str:
    return f"+{count} more"


def event_words(event: CalendarEvent) -> str:
    kind = "Product launch" if event.kind is CalendarEventKind.PRODUCT_LAUNCH else "Event"
    source = f"\nFrom {event.source}" if event.source else ""
    return f"{kind}: {event.title}\n{event.days_text()}{source}"


class EventMarks:
    def __init__(self, canvas: TimelineCanvas) -> None:
        self.w = canvas

    def _in_view(self, first: date, last: date) -> list[CalendarEvent]:
        events = self.w.rows.events
        # By first day: those starting after the last day shown are not looked at.
        stop = bisect_right(events, last, key=lambda e: e.first_day)
        return [e for e in events[:stop] if e.last_day >= first]

    def layout(self) -> list[EventMark]:
        """Where each event in view is drawn (viewport coordinates)."""
        if not self.w.rows.events:
            return []
        width = self.w.viewport().width()
        first = self.w.day_at(LABEL_WIDTH)
        last = self.w.day_at(width) + timedelta(days=1)
        metrics = QFontMetrics(self.w.small_font)
        bottom = strip_top(self.w)
        marks: list[EventMark] = []
        # Where each lane is free from, and the mark of the tag last put in it.
        taken = [LABEL_WIDTH] * LANES
        last_in: list[int | None] = [None] * LANES
        # The events without a tag, by the mark of the tag that holds them.
        held: dict[int, list[CalendarEvent]] = {}
        for event in self._in_view(first, last):
            left = self.w.x_of(event.first_day)
            right = self.w.x_of(event.last_day + timedelta(days=1))
            band = QRect(left, HEADER_HEIGHT, max(2, right - left), bottom - HEADER_HEIGHT)
            x = max(left, LABEL_WIDTH + 2)
            room = min(TAG_MAX_WIDTH, width - x - 2) - 2 * TAG_PADDING
            tag: QRect | None = None
            lane = next((n for n in range(LANES) if taken[n] <= x), None)
            # Elided only where it may be drawn: on a crowded strip most events are held.
            text = event.title
            if lane is not None:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, room))
            if lane is not None and room >= 24 and text:
                top = bottom + STRIP_PADDING + lane * (TAG_HEIGHT + 2)
                tag = QRect(x, top, metrics.horizontalAdvance(text) + 2 * TAG_PADDING, TAG_HEIGHT)
                taken[lane] = tag.right() + TAG_GAP
                last_in[lane] = len(marks)
            elif lane is None:
                # Every lane holds a tag here (each is free from the strip's start until then):
                # the one starting nearest before the event holds it.
                index = max((i for i in last_in if i is not None), key=lambda i: tag_left(marks[i]))
                if index not in held:
                    held[index] = []
                    lane = last_in.index(index)
                    marks[index] = self._with_more(marks[index], 999, metrics, width)
                    taken[lane] = (marks[index].tag or band).right() + TAG_GAP
                held[index].append(event)
            marks.append(EventMark(event, band, tag, text))
        for index, hidden in held.items():
            marks[index] = self._with_more(marks[index], len(hidden), metrics, width, hidden)
        return marks

    def _with_more(
        self,
        holder: EventMark,
        count: int,
        metrics: QFontMetrics,
        width: int,
        hidden: list[CalendarEvent] | None = None,
    ) -> EventMark:
        """A tag holding `count` events without room for their own: '<title> +N more', as wide
        as it must be. Made once with room for any count, while the tags are laid out (the
        later tags then keep clear of it), and once with the count when they are."""
        assert holder.tag is not None
        more = more_words(count)
        room = min(TAG_MAX_WIDTH, width - holder.tag.left() - 2) - 2 * TAG_PADDING
        title_room = room - metrics.horizontalAdvance(f" {more}")
        title = metrics.elidedText(holder.event.title, Qt.TextElideMode.ElideRight, title_room)
        text = f"{title} {more}" if title_room >= 24 and title else more
        tag = QRect(holder.tag)
        needed = metrics.horizontalAdvance(text) + 2 * TAG_PADDING
        if hidden is None:
            tag.setWidth(max(tag.width(), needed))
            return replace(holder, tag=tag)
        # As wide as its words or its own name's tag, and no wider than the room made for it.
        own = metrics.horizontalAdvance(holder.text) + 2 * TAG_PADDING
        tag.setWidth(min(tag.width(), max(needed, own)))
        return replace(holder, tag=tag, text=text, hidden=tuple(hidden))

    def paint_bands(self, painter: QPainter, c: Colours) -> None:
        """Under the bars: the events' days, and a line at each first day."""
        painter.save()
        for mark in self.layout():
            colour = kind_colour(mark.event.kind, c.scheme)
            fill = QColor(colour)
            fill.setAlpha(26)
            painter.fillRect(mark.band, fill)
            line = QColor(colour)
            line.setAlpha(150)
            painter.setPen(QPen(line, 1, Qt.PenStyle.DashLine))
            x = mark.band.left()
            painter.drawLine(x, mark.band.top(), x, mark.band.bottom())
        painter.restore()

    def paint_strip(self, painter: QPainter, c: Colours) -> None:
        """The strip along the bottom, over the rows: the events' names, each under its line."""
        height = strip_height(self.w)
        if not height:
            return
        width = self.w.viewport().width()
        top = strip_top(self.w)
        painter.save()
        painter.setClipping(False)
        painter.fillRect(0, top, width, height, c.header)
        painter.setPen(c.grid)
        painter.drawLine(0, top, width, top)
        painter.setPen(QColor(c.scheme.border))
        painter.drawLine(LABEL_WIDTH - 1, top, LABEL_WIDTH - 1, top + height)
        painter.setFont(self.w.small_font)
        painter.setPen(c.muted)
        title = QRect(12, top, LABEL_WIDTH - 24, height)
        painter.drawText(title, Qt.AlignmentFlag.AlignVCenter, STRIP_TITLE)
        painter.setClipRect(LABEL_WIDTH, top, width - LABEL_WIDTH, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for mark in self.layout():
            if mark.tag is None:
                continue
            colour = kind_colour(mark.event.kind, c.scheme)
            line = QColor(colour)
            line.setAlpha(150)
            painter.setPen(QPen(line, 1, Qt.PenStyle.DashLine))
            painter.drawLine(mark.band.left(), top, mark.band.left(), mark.tag.top())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(mark.tag, 3, 3)
            painter.setPen(QColor(c.scheme.surface))
            painter.drawText(mark.tag, Qt.AlignmentFlag.AlignCenter, mark.text)
        painter.restore()

    def mark_at(self, pos: QPoint) -> EventMark | None:
        """The mark whose tag is under `pos`."""
        if pos.y() < strip_top(self.w):
            return None
        return next((m for m in self.layout() if m.tag is not None and m.tag.contains(pos)), None)

    def event_at(self, pos: QPoint) -> CalendarEvent | None:
        """The event whose tag is under `pos`."""
        mark = self.mark_at(pos)
        return mark.event if mark is not None else None

    def tooltip(self, pos: QPoint) -> str:
        """The event whose tag is under `pos`, in words, and those it holds without room for
        their own tags ("" when no tag is there)."""
        mark = self.mark_at(pos)
        if mark is None:
            return ""
        removable = "" if self.w.rows.workspace.read_only else "\nRight-click to remove it."
        words = event_words(mark.event) + removable
        if mark.hidden:
            also = "\n\n".join(event_words(event) for event in mark.hidden)
            words += f"\n\n{more_words(len(mark.hidden))}, without room for their tags:\n\n{also}"
        return words

    def day_tooltip(self, pos: QPoint) -> str:
        """The events whose band is under `pos`, each in words."""
        found = [m.event for m in self.layout() if m.band.contains(pos)]
        return "\n\n".join(event_words(event) for event in found)
