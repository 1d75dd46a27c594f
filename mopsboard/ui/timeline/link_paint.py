"""The links between task bars and the critical path, painted: an arrow from the predecessor's
end (finish to start: down or up from its right end) or start (start to start: out of its left
end) to the successor's start, grey; red when the successor starts too soon; darker and thicker
along a campaign's critical path, whose bars are ringed. Only links with a row on screen are
painted, and their tooltips say what each link asks."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF

from mopsboard.domain.link_rules import LinkKind
from mopsboard.qt.timeline.timeline_links import ShownLink
from mopsboard.ui.timeline.timeline_canvas import (
    ROW_HEIGHT,
    Colours,
    TimelineCanvas,
    visible_rows,
)

# How far a link leaves its bar before it turns, and the size of its arrowhead.
GAP = 7
ARROW = 4.5
# How near the mouse must be to a link for its tooltip.
HIT_WIDTH = 7.0


def kind_words(kind: LinkKind) -> str:
    return "finish to start" if kind is LinkKind.FINISH_TO_START else "start to start"


def days_words(count: int) -> str:
    return f"{count} working day{'s' if abs(count) != 1 else ''}"


class LinkPainter:
    def __init__(self, canvas: TimelineCanvas) -> None:
        self.w = canvas

    def _shift(self, row: int) -> int:
        drag = self.w.drag
        return drag.days if drag is not None and self.w.drags_row(row) else 0

    def points(self, shown: ShownLink) -> list[QPointF] | None:
        """The corners of a link's line, from its predecessor's bar to its successor's start
        (viewport coordinates); None when a bar has no dates."""
        before = self.w.bar_rect(shown.predecessor_row, self._shift(shown.predecessor_row))
        after = self.w.bar_rect(shown.successor_row, self._shift(shown.successor_row))
        if before is None or after is None:
            return None
        # Halfway down each bar, on a pixel edge: a 2 px line covers two whole rows of pixels.
        start_y = before.top() + before.height() // 2
        end_y = after.top() + after.height() // 2
        end = QPointF(after.left() - 1, end_y)
        if shown.link.kind is LinkKind.START_TO_START:
            out: float = min(before.left(), after.left()) - GAP
            start = QPointF(before.left() - 1, start_y)
            return [start, QPointF(out, start_y), QPointF(out, end_y), end]
        # Down (or up) from the predecessor's end, clear of the title written after its bar.
        below = shown.successor_row > shown.predecessor_row
        x = float(before.right())
        start = QPointF(x, before.bottom() + 1 if below else before.top())
        if x + GAP <= end.x():
            return [start, QPointF(x, end_y), end]
        # The successor starts before the predecessor ends: round between the two rows.
        lane = self.w.row_top(shown.successor_row) + (0 if below else ROW_HEIGHT)
        back = end.x() - GAP
        return [start, QPointF(x, lane), QPointF(back, lane), QPointF(back, end_y), end]

    def _on_screen(self, rows: range) -> list[ShownLink]:
        first, last = rows.start, rows.stop - 1
        return [
            shown
            for shown in self.w.rows.links.shown
            if min(shown.predecessor_row, shown.successor_row) <= last
            and max(shown.predecessor_row, shown.successor_row) >= first
        ]

    def paint(self, painter: QPainter, c: Colours, rows: range) -> None:
        self._paint_critical_bars(painter, c, rows)
        links = self._on_screen(rows)
        if not links:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Broken links last, so their red is never under a grey line.
        links.sort(key=lambda shown: (shown.broken, shown.critical))
        for shown in links:
            points = self.points(shown)
            if points is None:
                continue
            if shown.broken:
                colour, width = c.broken, 2
            elif shown.critical:
                colour, width = c.critical, 2
            else:
                colour, width = c.link, 1
            # A 1 px line on whole pixels, as a 2 px one is on pixel edges: crisp, not smeared.
            nudge = QPointF(0.5, 0.5) if width == 1 else QPointF(0, 0)
            points = [point + nudge for point in points]
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(points))
            tip = points[-1]
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(
                QPolygonF(
                    [
                        tip + QPointF(1, 0),
                        tip + QPointF(-ARROW * 1.6, -ARROW),
                        tip + QPointF(-ARROW * 1.6, ARROW),
                    ]
                )
            )
        painter.restore()

    def _paint_critical_bars(self, painter: QPainter, c: Colours, rows: range) -> None:
        """A ring round each bar on a critical path, outside the bar so its colour and its
        overdue marks stay as they are."""
        critical = self.w.rows.critical
        if not critical:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(c.critical, 2))
        for row in rows:
            bar = self.w.rows.rows[row].bar
            if bar is None or bar.id not in critical:
                continue
            rect = self.w.bar_rect(row, self._shift(row))
            if rect is not None:
                painter.drawRoundedRect(QRectF(rect).adjusted(-3, -3, 3, 3), 5, 5)
        painter.restore()

    def link_at(self, pos: QPoint) -> ShownLink | None:
        """The link drawn under `pos` (a broken one first where lines meet)."""
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        found: list[ShownLink] = []
        for shown in self._on_screen(visible_rows(self.w)):
            points = self.points(shown)
            if points is None:
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            if stroker.createStroke(path).contains(QPointF(pos)):
                found.append(shown)
        found.sort(key=lambda shown: (not shown.broken, not shown.critical))
        return found[0] if found else None

    def tooltip(self, pos: QPoint) -> str:
        shown = self.link_at(pos)
        return "" if shown is None else link_words(shown)


def link_words(shown: ShownLink) -> str:
    """What a link asks, and whether the plan keeps it, in words."""
    before, after = shown.predecessor.title, shown.successor.title
    lag = shown.link.lag_days
    how = kind_words(shown.link.kind) + (f", lag {days_words(lag)}" if lag else "")
    lines = [f"'{after}' waits for '{before}' ({how})"]
    if shown.broken and shown.allowed is not None:
        lines.append(
            f"Broken: '{after}' starts {days_words(shown.missing)} too soon; "
            f"'{before}' lets it start on {shown.allowed:%a %d %b %Y} at the earliest."
        )
    if shown.critical:
        lines.append("On the critical path: a day's slip here moves the launch.")
    return "\n".join(lines)
