"""The approved plan on the timeline: under an approved campaign's bar, a faint ghost of its bar
as its latest approval had it (its baseline), and under each of its tasks' bars whose dates
moved since. The ghost sits a little lower than the bar, so where nothing moved only its lower
edge shows beneath; its tooltip says the approved dates and how far the plan moved since, in
working days (the audience country's for a campaign, the task's team's for a task, as the
since-approval figures and a bar's drag count them).

Where a campaign's approved launch is not its launch now, a hollow diamond on the ghost marks
the approved launch day (the filled diamond on the bar is the launch now), with its own tooltip:
the ghost of a campaign whose launch alone moved sits under its bar, and only the diamonds show
the move. Where the launch did not move the hollow diamond would hide behind the filled one, so
it is not drawn.

Each row's ghost is one dictionary look-up and, when there is one, one rectangle: the paint of
the visible rows stays what it was."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap, QPolygonF

from mopsboard.domain.since_approval import working_days_moved
from mopsboard.domain.workdays import WorkCalendar
from mopsboard.qt.timeline.timeline_rows import TimelineRow
from mopsboard.ui.common import theme
from mopsboard.ui.timeline.timeline_canvas import LABEL_WIDTH, ROW_HEIGHT, TimelineCanvas
from mopsboard.ui.timeline.timeline_marks import launch_marker

# How far below its bar a ghost sits.
DROP = 4
# Half the height of the approved launch's hollow diamond: it stays inside its ghost.
LAUNCH_SIZE = 6.0
LEGEND = "Approved plan"
LAUNCH_LEGEND = "Approved launch"
LEGEND_TIP = (
    "A faint dashed bar under a campaign's bar is its plan as last approved; under a task's "
    "bar, where the task's dates have moved since. A hollow diamond on it is the approved "
    "launch, where the launch has moved since. Their tooltips say by how many working days."
)


def moved_words(days: int) -> str:
    if days == 0:
        return "now as approved"
    word = "later" if days > 0 else "earlier"
    count = abs(days)
    return f"now {count} working day{'s' if count != 1 else ''} {word}"


def _signed(calendar: WorkCalendar, before: date, after: date) -> int:
    if after >= before:
        return calendar.working_days_in(before + timedelta(days=1), after)
    return -calendar.working_days_in(after + timedelta(days=1), before)


def _span_words(first: date, last: date) -> str:
    if first == last:
        return first.strftime("%a %d %b %Y")
    if first.year != last.year:
        return f"{first:%d %b %Y} \u2013 {last:%d %b %Y}"
    return f"{first:%d %b} \u2013 {last:%d %b %Y}"


class GhostBars:
    def __init__(self, canvas: TimelineCanvas) -> None:
        self.w = canvas
        self._colours: dict[str, tuple[QColor, QPen]] = {}

    def rect(self, row: int) -> QRect | None:
        """Where a row's ghost is drawn (viewport coordinates), or None when it has none."""
        if not self.w.rows.approved.approved:
            return None  # nothing approved: no row looked at
        return self._rect(row, self.w.rows.rows[row])

    def _rect(self, row: int, item: TimelineRow) -> QRect | None:
        span = self.w.rows.approved.span(item.campaign.key, item.bar)
        if span is None:
            return None
        first, last = span
        if item.bar is None:
            top, height = self.w.row_top(row) + 6 + DROP, ROW_HEIGHT - 12
        else:
            top, height = self.w.row_top(row) + 8 + DROP, ROW_HEIGHT - 16
        left = self.w.x_of(first)
        right = self.w.x_of(last + timedelta(days=1))
        return QRect(left, top, max(4, right - left - 1), height)

    def paint(self, painter: QPainter, row: int) -> None:
        """A row's ghost, if it has one: before its bar, which is drawn over it."""
        if not self.w.rows.approved.approved:
            return
        item = self.w.rows.rows[row]
        rect = self._rect(row, item)
        if rect is None:
            return
        colour = item.campaign.colour
        fill, edge = self._colours.get(colour) or self._colours_of(colour)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(fill)
        painter.setPen(edge)
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def launch_marker(self, row: int) -> QRectF | None:
        """Where a campaign row's approved launch is drawn, or None where it is not: a task's
        row, a campaign without an approved launch, or one launching on it still."""
        if not self.w.rows.approved.approved:
            return None
        item = self.w.rows.rows[row]
        if item.bar is not None:
            return None
        baseline = self.w.rows.approved.baseline(item.campaign.key)
        approved = baseline.launch_date if baseline is not None else None
        if approved is None:
            return None
        now = item.campaign.launch_date
        dragging = self.w.drag is not None and self.w.drags_row(row)
        shift = self.w.drag.days if self.w.drag is not None and dragging else 0
        if now is not None and now + timedelta(days=shift) == approved:
            return None
        rect = self._rect(row, item)
        if rect is None:
            return None
        x = self.w.x_of(approved) + self.w.ppd / 2
        return launch_marker(x, QRectF(rect).center().y(), LAUNCH_SIZE)

    def paint_launch(self, painter: QPainter, row: int) -> None:
        """A row's approved launch, if it is drawn: after its bar, which would hide it."""
        box = self.launch_marker(row)
        if box is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_hollow_diamond(painter, box, QColor(theme.current().text))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def launch_words(self, row: int) -> str:
        """'Approved launch: Thu 22 Jan 2026; now 4 working days earlier (Sun 18 Jan 2026)'."""
        item = self.w.rows.rows[row]
        baseline = self.w.rows.approved.baseline(item.campaign.key)
        approved = baseline.launch_date if baseline is not None else None
        if approved is None:
            return ""
        words = f"Approved launch: {approved:%a %d %b %Y}"
        now = item.campaign.launch_date
        if now is None:
            return f"{words}; the campaign has no launch date now"
        moved = working_days_moved(approved, now, item.campaign.audience_country)
        return f"{words}; {moved_words(moved)} ({now:%a %d %b %Y})"

    def launch_tooltip(self, pos: QPoint) -> str:
        """The approved launch's words where its hollow diamond is drawn."""
        row = self.w.row_at(pos.y())
        if row is None or pos.x() < LABEL_WIDTH:  # the labels are drawn over it there
            return ""
        box = self.launch_marker(row)
        if box is None or not box.adjusted(-2, -2, 2, 2).contains(QPointF(pos)):
            return ""
        return self.launch_words(row)

    def _colours_of(self, colour: str) -> tuple[QColor, QPen]:
        """A campaign colour's fill and dashed edge, made once."""
        fill, edge = QColor(colour), QColor(colour)
        fill.setAlpha(34)
        edge.setAlpha(150)
        made = self._colours[colour] = (fill, QPen(edge, 1, Qt.PenStyle.DashLine))
        return made

    def words(self, row: int) -> str:
        """'Approved plan: 02 Mar - 20 Mar 2026 (launch Sun 15 Mar 2026); now 3 working days
        later' ("" for a row without a ghost)."""
        item = self.w.rows.rows[row]
        span = self.w.rows.approved.span(item.campaign.key, item.bar)
        if span is None:
            return ""
        dates = _span_words(*span)
        campaign = item.campaign
        if item.bar is None:
            baseline = self.w.rows.approved.baseline(campaign.key)
            if baseline is None:
                return ""
            launch = baseline.launch_date
            shown = f" (launch {launch:%a %d %b %Y})" if launch else ""
            pairs = (
                (launch, campaign.launch_date),
                (baseline.end_date, campaign.end_date),
                (baseline.start_date, campaign.start_date),
            )
            before, after = next(((a, b) for a, b in pairs if a and b), (None, None))
            if before is None or after is None:
                return f"Approved plan: {dates}{shown}"
            moved = working_days_moved(before, after, campaign.audience_country)
            return f"Approved plan: {dates}{shown}; {moved_words(moved)}"
        approved = self.w.rows.approved.task(campaign.key, item.bar.id)
        if approved is None:
            return ""
        before = approved.due_date or approved.start_date
        after = item.bar.due or item.bar.start
        if before is None or after is None:
            return f"Approved plan: {dates}"
        moved = _signed(self.w.rows.calendar_of(item.bar.id), before, after)
        return f"Approved plan: {dates}; {moved_words(moved)}"

    def tooltip(self, pos: QPoint) -> str:
        """The ghost's words where its edge shows under its bar."""
        row = self.w.row_at(pos.y())
        if row is None:
            return ""
        rect = self.rect(row)
        return self.words(row) if rect is not None and rect.contains(pos) else ""


def paint_hollow_diamond(painter: QPainter, box: QRectF, colour: QColor) -> None:
    """An outlined diamond filling the box, empty inside so the bar under it shows."""
    centre = box.center()
    x, y = centre.x(), centre.y()
    half_width, half_height = box.width() / 2, box.height() / 2
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(colour, 1.5))
    painter.drawPolygon(
        QPolygonF(
            [
                QPointF(x, y - half_height),
                QPointF(x + half_width, y),
                QPointF(x, y + half_height),
                QPointF(x - half_width, y),
            ]
        )
    )


def _legend_pixmap(width: int, height: int, device_ratio: float) -> QPixmap:
    pixmap = QPixmap(int(width * device_ratio), int(height * device_ratio))
    pixmap.setDevicePixelRatio(device_ratio)
    pixmap.fill(QColor(0, 0, 0, 0))
    return pixmap


def legend_swatch(colour: str, device_ratio: float = 1.0) -> QPixmap:
    """The legend's picture of a ghost: a small faint bar with a dashed edge, as drawn under a
    bar (a ghost alone, with no bar over it, so it reads as a key and not as a switch)."""
    pixmap = _legend_pixmap(24, 14, device_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill, edge = QColor(colour), QColor(colour)
    # A little stronger than on the timeline: alone on the toolbar, a ghost's faint edge is lost.
    fill.setAlpha(60)
    edge.setAlpha(255)
    painter.setBrush(fill)
    painter.setPen(QPen(edge, 1, Qt.PenStyle.DashLine))
    painter.drawRect(QRectF(0.5, 3.5, 23, 7))
    painter.end()
    return pixmap


def launch_swatch(colour: str, device_ratio: float = 1.0) -> QPixmap:
    """The legend's picture of an approved launch: the hollow diamond."""
    pixmap = _legend_pixmap(14, 14, device_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_hollow_diamond(painter, launch_marker(7, 7, LAUNCH_SIZE - 0.5), QColor(colour))
    painter.end()
    return pixmap
