"""Painting the campaign timeline, and its tooltips: only the visible days and rows. The links
between bars are painted by ui/timeline/link_paint.py, the row labels by timeline_labels.py."""

from __future__ import annotations

import math
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen

from mopsboard.qt.timeline.timeline_rows import TimelineRow
from mopsboard.ui.common import theme
from mopsboard.ui.timeline.bar_drag import paint_drag_label
from mopsboard.ui.timeline.event_marks import EventMarks
from mopsboard.ui.timeline.ghost_bars import GhostBars
from mopsboard.ui.timeline.link_drag import HANDLE_OFFSET, HANDLE_RADIUS, paint_link_handles
from mopsboard.ui.timeline.link_paint import LinkPainter
from mopsboard.ui.timeline.timeline_canvas import (
    HEADER_HEIGHT,
    LABEL_WIDTH,
    ROW_HEIGHT,
    Colours,
    Drag,
    Scale,
    TimelineCanvas,
    short,
    visible_rows,
)
from mopsboard.ui.timeline.timeline_header import paint_header
from mopsboard.ui.timeline.timeline_labels import paint_labels, warning_sign_rect
from mopsboard.ui.timeline.timeline_marks import (
    NAME_MIN_WIDTH,
    launch_marker,
    name_room,
    paint_diamond,
    paint_late_campaign,
    paint_late_task,
)

__all__ = ["HEADER_HEIGHT", "LABEL_WIDTH", "ROW_HEIGHT", "Drag", "Scale", "TimelinePainter"]


# The words after a bar start clear of its link handle (drawn on hover just past its end).
TITLE_GAP = HANDLE_OFFSET + math.ceil(HANDLE_RADIUS) + 4
# Where the words of a bar scrolled off to the left are kept, in from the days' edge.
EDGE_INDENT = 4


def trailing_x(bar: QRect, gap: int, text_width: int) -> int | None:
    """Where words written after `bar` start: `gap` past its end; at the days' left edge while
    the bar is scrolled off it and some of the words would still be in sight there (so no
    fragment shows), None once none would."""
    x = bar.right() + gap
    edge = LABEL_WIDTH + EDGE_INDENT
    if x >= edge:
        return x
    return edge if x + text_width > edge else None


class TimelinePainter:
    def __init__(self, widget: TimelineCanvas) -> None:
        self.w = widget
        self.c = Colours(theme.current())
        self.links = LinkPainter(widget)
        self.events = EventMarks(widget)
        self.ghosts = GhostBars(widget)
        self._small = QFontMetrics(widget.small_font)

    def paint(self) -> None:
        painter = QPainter(self.w.viewport())
        if self.c.scheme is not theme.current():
            self.c = Colours(theme.current())
        self._small = QFontMetrics(self.w.small_font)
        width, height = self.w.viewport().width(), self.w.viewport().height()
        painter.fillRect(0, 0, width, height, self.c.surface)
        first_day = self.w.day_at(LABEL_WIDTH)
        last_day = self.w.day_at(width) + timedelta(days=1)
        self._paint_days(painter, first_day, last_day, height)
        rows = visible_rows(self.w)
        # The approved plans of the campaigns in view, read in one go the first time.
        self.w.rows.approved.load(self.w.rows.rows[row].campaign.key for row in rows)
        painter.setClipRect(LABEL_WIDTH, HEADER_HEIGHT, width - LABEL_WIDTH, height)
        for row in rows:
            self._paint_row_band(painter, row, width)
        self.events.paint_bands(painter, self.c)
        for row in rows:
            self.ghosts.paint(painter, row)
            self._paint_bar(painter, row)
            self.ghosts.paint_launch(painter, row)
        self.links.paint(painter, self.c, rows)
        paint_link_handles(self.w, self.c, painter)
        x = self.w.x_of(self.w.rows.today) + self.w.ppd // 2
        painter.setPen(QPen(self.c.today, 2))
        painter.drawLine(x, HEADER_HEIGHT, x, height)
        paint_drag_label(self.w, self.c, painter)
        painter.setClipping(False)
        paint_header(self.w, self.c, painter, first_day, last_day, width)
        paint_labels(self.w, self.c, painter, rows)
        self.events.paint_strip(painter, self.c)
        if self.w.hasFocus():
            self._paint_focus(painter, width, height)
        if not self.w.rows.rows:
            painter.setPen(self.c.muted)
            painter.drawText(
                QRect(LABEL_WIDTH, HEADER_HEIGHT, width - LABEL_WIDTH, height - HEADER_HEIGHT),
                Qt.AlignmentFlag.AlignCenter,
                "No campaigns to show. Create one in the Campaigns view, or from a template.",
            )
        painter.end()

    def _paint_focus(self, painter: QPainter, width: int, height: int) -> None:
        """Where the keyboard is: a ring round the chosen row, or round the rows when none is."""
        painter.setPen(QPen(QColor(self.c.scheme.focus_ring), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.w.selected is not None:
            top = self.w.row_top(self.w.selected)
            painter.drawRect(QRectF(1, top + 1, width - 2, ROW_HEIGHT - 2))
        else:
            painter.drawRect(QRectF(1, HEADER_HEIGHT + 1, width - 2, height - HEADER_HEIGHT - 2))

    def _paint_days(self, painter: QPainter, first: date, last: date, height: int) -> None:
        day = first
        while day <= last:
            x = self.w.x_of(day)
            if self.w.scale is Scale.WEEKS and day.isoweekday() > 5:
                painter.fillRect(x, HEADER_HEIGHT, self.w.ppd, height, self.c.weekend)
            if (day.isoweekday() == 1 and self.w.scale is Scale.WEEKS) or day.day == 1:
                painter.setPen(self.c.grid)
                painter.drawLine(x, HEADER_HEIGHT, x, height)
            day += timedelta(days=1)

    def _paint_row_band(self, painter: QPainter, row: int, width: int) -> None:
        top = self.w.row_top(row)
        if row == self.w.selected:
            painter.fillRect(0, top, width, ROW_HEIGHT, self.c.selected)
        elif self.w.rows.rows[row].is_campaign:
            painter.setPen(self.c.grid)
            painter.drawLine(0, top, width, top)

    def _paint_bar(self, painter: QPainter, row: int) -> None:
        item = self.w.rows.rows[row]
        shift = self.w.drag.days if self.w.drag is not None and self.w.drags_row(row) else 0
        rect = self.w.bar_rect(row, shift)
        if rect is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if item.bar is None:
            self._paint_campaign_bar(painter, item, rect, shift)
        else:
            self._paint_task_bar(painter, item, rect)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_campaign_bar(
        self, painter: QPainter, item: TimelineRow, rect: QRect, shift: int
    ) -> None:
        colour = QColor(item.campaign.colour)
        figures = self.w.rows.figures_of(item.campaign.key)
        fill = QColor(colour)
        fill.setAlpha(60)
        painter.setBrush(fill)
        painter.setPen(QPen(colour, 1.5))
        painter.drawRoundedRect(rect, 4, 4)
        if figures.overdue:
            paint_late_campaign(painter, rect, 4)
        progress = figures.progress
        if progress:
            # A strip along the bottom: how much of the estimated work is done.
            strip = QRect(rect.left() + 2, rect.bottom() - 4, int((rect.width() - 4) * progress), 3)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour.darker(115))
            painter.drawRect(strip)
        marker = self._launch_marker(item, rect, shift)
        name = self._campaign_name(item, rect, marker)
        if name is not None:
            painter.setPen(self.c.text)
            painter.setFont(self.w.small_font)
            room, text = name
            painter.drawText(room.adjusted(0, 0, 0, -2), Qt.AlignmentFlag.AlignVCenter, text)
        self._paint_figures(painter, rect, progress, figures.overdue)
        if marker is not None:
            at_risk = self.w.rows.plan_of(item.campaign.key).risk is not None
            paint_diamond(painter, marker, at_risk=at_risk)

    def _launch_marker(self, item: TimelineRow, rect: QRect, shift: int) -> QRectF | None:
        launch = item.campaign.launch_date
        if launch is None:
            return None
        x = self.w.x_of(launch + timedelta(days=shift)) + self.w.ppd / 2
        return launch_marker(x, rect.center().y() + 0.5)

    def _campaign_name(
        self, item: TimelineRow, rect: QRect, marker: QRectF | None
    ) -> tuple[QRect, str] | None:
        """Where the campaign's name is written in its bar, and the name as it fits there."""
        metrics = QFontMetrics(self.w.small_font)
        visible = rect.intersected(QRect(LABEL_WIDTH, rect.top(), 100_000, rect.height()))
        room = name_room(visible, marker, metrics.horizontalAdvance(item.campaign.name))
        if room.width() < NAME_MIN_WIDTH:
            return None
        text = metrics.elidedText(item.campaign.name, Qt.TextElideMode.ElideRight, room.width())
        return room, text

    def launch_marker_at(self, row: int) -> QRectF | None:
        """Where a campaign row's launch diamond is drawn (viewport coordinates)."""
        rect = self.w.bar_rect(row)
        item = self.w.rows.rows[row]
        return None if rect is None or not item.is_campaign else self._launch_marker(item, rect, 0)

    def campaign_name_at(self, row: int) -> tuple[QRect, str] | None:
        """Where a campaign row's name is written in its bar, and the text written."""
        rect = self.w.bar_rect(row)
        item = self.w.rows.rows[row]
        if rect is None or not item.is_campaign:
            return None
        return self._campaign_name(item, rect, self._launch_marker(item, rect, 0))

    def warning_sign_at(self, row: int) -> QRect | None:
        """Where a campaign row's warning sign is drawn (viewport coordinates), if it has one."""
        box = QRect(0, self.w.row_top(row), LABEL_WIDTH, ROW_HEIGHT)
        return warning_sign_rect(self.w, self.w.rows.rows[row], box)

    def warning_words(self, row: int) -> str:
        """A campaign row's warnings, as the campaigns table's tooltip says them."""
        item = self.w.rows.rows[row]
        if item.bar is not None:
            return ""
        found = self.w.rows.warnings_of(item.campaign.key)
        if not found:
            return ""
        return "Warnings:\n" + "\n".join(f"\u26a0 {w.text}" for w in found)

    def _paint_task_bar(self, painter: QPainter, item: TimelineRow, rect: QRect) -> None:
        bar = item.bar
        assert bar is not None
        overdue = bar.overdue(self.w.rows.today)
        if overdue:
            paint_late_task(painter, rect, QColor(item.campaign.colour), 3)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.c.done if bar.done else QColor(item.campaign.colour))
            painter.drawRoundedRect(rect, 3, 3)
        label = short(bar.title, 48) + ("  (overdue)" if overdue else "")
        x = trailing_x(rect, TITLE_GAP, self._small.horizontalAdvance(label))
        if x is None:
            return
        painter.setPen(self.c.today if overdue else self.c.muted)
        painter.setFont(self.w.small_font)
        painter.drawText(x, rect.bottom(), label)
        painter.setFont(self.w.font())

    def _paint_figures(
        self, painter: QPainter, rect: QRect, progress: float | None, overdue: int
    ) -> None:
        metrics = self._small
        baseline = rect.center().y() + metrics.ascent() // 2 - 1
        done = f"{progress:.0%} done" if progress is not None else ""
        late = f"{overdue} overdue" if overdue else ""
        space = 10 if done and late else 0
        words = metrics.horizontalAdvance(done) + space + metrics.horizontalAdvance(late)
        x = trailing_x(rect, TITLE_GAP, words) if words else None
        if x is None:
            return
        painter.setFont(self.w.small_font)
        if done:
            painter.setPen(self.c.muted)
            painter.drawText(x, baseline, done)
            x += metrics.horizontalAdvance(done) + space
        if late:
            painter.setPen(self.c.today)
            painter.drawText(x, baseline, late)
        painter.setFont(self.w.font())

    # -- interaction ----------------------------------------------------------------------------

    def tooltip(self, pos: QPoint) -> str:
        row = self.w.row_at(pos.y())
        return "" if row is None else self.row_words(row)

    def row_words(self, row: int) -> str:
        """What a row is, in words: its tooltip, and what a screen reader says of it."""
        item = self.w.rows.rows[row]
        if item.bar is None:
            campaign = item.campaign
            figures = self.w.rows.figures_of(campaign.key)
            dates = " \u2192 ".join(
                d.strftime("%d %b %Y") for d in (campaign.start_date, campaign.end_date) if d
            )
            launch = campaign.launch_date.strftime("%d %b %Y") if campaign.launch_date else "none"
            progress = "" if figures.progress is None else f", {figures.progress:.0%} done"
            risk = self.w.rows.plan_of(campaign.key).risk
            warning = f"Launch at risk: {risk.reason}\n" if risk is not None else ""
            warned = self.warning_words(row)
            warned = f"{warned}\n" if warned else ""
            approved = self.ghosts.words(row)
            warned = f"{approved}\n{warned}" if approved else warned
            return (
                f"{campaign.name}\n{dates}\nLaunch: {launch}\n{warning}{figures.tasks} tasks, "
                f"{figures.open} open, {figures.overdue} overdue{progress}\n{warned}"
                "Drag the bar to move the campaign with all its tasks."
            )
        bar = item.bar
        span = " \u2192 ".join(d.strftime("%a %d %b") for d in (bar.start, bar.due) if d)
        state = "done" if bar.done else ("OVERDUE" if bar.overdue(self.w.rows.today) else "open")
        slack = self.w.rows.plan_of(item.campaign.key).path.slack(bar.id)
        path = ""
        if slack is not None:
            path = (
                "On the critical path: a day's slip moves the launch.\n"
                if slack <= 0
                else f"Slack to the launch: {slack} working day{'s' if slack != 1 else ''}.\n"
            )
        approved = self.ghosts.words(row)
        path += f"{approved}\n" if approved else ""
        how = (
            "Drag the bar to reschedule it.\n"
            "Drag from the handle at its end to another bar to link them: that task then "
            "waits for this one."
        )
        return f"{bar.title}\n{span or 'no dates'} ({state})\n{path}{how}"
