"""What the timeline's tooltip says where the pointer is: the most particular thing under it."""

from __future__ import annotations

from PySide6.QtCore import QPoint

from mopsboard.ui.timeline.timeline_canvas import LABEL_WIDTH
from mopsboard.ui.timeline.timeline_paint import TimelinePainter


def tooltip_at(painter: TimelinePainter, pos: QPoint) -> str:
    """A calendar event's tag says the event, an approved launch's hollow diamond (drawn over
    its bar) that launch; a warning sign, the warnings; a bar its own words;
    elsewhere, a link's where one is drawn, or the approved plan's ghost, else the row's (the
    events of the day in the gaps between bars)."""
    canvas = painter.w
    tagged = painter.events.tooltip(pos) or painter.ghosts.launch_tooltip(pos)
    if tagged:
        return tagged
    row = canvas.row_at(pos.y())
    if row is not None and pos.x() < LABEL_WIDTH:
        sign = painter.warning_sign_at(row)
        if sign is not None and sign.adjusted(-2, -2, 2, 2).contains(pos):
            return painter.warning_words(row)
    rect = canvas.bar_rect(row) if row is not None else None
    if rect is not None and rect.contains(pos):
        return painter.tooltip(pos)
    linked = painter.links.tooltip(pos) or painter.ghosts.tooltip(pos)
    if linked:
        return linked
    if pos.x() >= LABEL_WIDTH:
        day = painter.events.day_tooltip(pos)
        if day:
            return day
    return painter.tooltip(pos)
