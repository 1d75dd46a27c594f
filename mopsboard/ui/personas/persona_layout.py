"""Where the persona map puts things, worked out apart from the painting so the map and its
tests agree: bubble sizes that follow the grid's size, the plate a bubble's name is written on,
and each quadrant's label in a corner of its quadrant that no bubble or name covers."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

MIN_RADIUS = 14.0
MAX_RADIUS = 58.0
# The largest bubble's diameter as a share of the grid's side: at 1024 px the grid is small and
# full-size bubbles would cover one another and the quadrant labels.
MAX_RADIUS_SHARE = 0.11
PLATE_HEIGHT = 34.0
PLATE_GAP = 2.0
LABEL_INSET = 6.0
# Room round the grid for the axis names.
MARGIN = 44.0
# The strip for work with no persona: beside the grid on a wide map, under it on a narrow one.
STRIP_WIDTH = 120.0
STRIP_HEIGHT = 124.0
STRIP_CAPTION = 22.0
# Kept clear round a bubble or a name plate when a quadrant label is placed.
CLEARANCE = 2.0


@dataclass
class Bubble:
    persona_id: int | None
    centre: QPointF
    radius: float


@dataclass(frozen=True)
class MapAreas:
    grid: QRectF
    strip: QRectF
    strip_below: bool


def map_areas(width: float, height: float) -> MapAreas:
    """The grid (square) and the strip beside or under it, whichever leaves the larger grid."""
    beside = min(width - STRIP_WIDTH - 2 * MARGIN, height - 2 * MARGIN)
    below = min(width - 2 * MARGIN, height - STRIP_HEIGHT - 2 * MARGIN)
    side = max(100.0, beside, below)
    if below > beside:
        left = (width - side) / 2
        top = MARGIN + max(0.0, (height - STRIP_HEIGHT - 2 * MARGIN - side) / 2)
        grid = QRectF(left, top, side, side)
        strip = QRectF(left, grid.bottom() + MARGIN, side, STRIP_HEIGHT - 8)
        return MapAreas(grid, strip, True)
    room = width - STRIP_WIDTH - 2 * MARGIN
    grid = QRectF(MARGIN + (room - side) / 2, (height - side) / 2, side, side)
    strip = QRectF(width - STRIP_WIDTH, grid.top(), STRIP_WIDTH - 8, grid.height())
    return MapAreas(grid, strip, False)


def strip_bubble(areas: MapAreas, radius: float) -> tuple[QPointF, float]:
    """Where the bubble of the work with no persona sits in its strip, and how big it is: under
    the grid, no bigger than the strip leaves room for with its name under it."""
    strip = areas.strip
    if not areas.strip_below:
        return strip.center(), radius
    fitting = min(radius, (strip.height() - STRIP_CAPTION - PLATE_HEIGHT - PLATE_GAP) / 2)
    return QPointF(strip.center().x(), strip.top() + STRIP_CAPTION + fitting), fitting


def largest_radius(grid_side: float) -> float:
    return max(MIN_RADIUS + 6, min(MAX_RADIUS, grid_side * MAX_RADIUS_SHARE))


def radius_for(hours: float, largest_hours: float, largest: float) -> float:
    if largest_hours <= 0 or hours <= 0:
        return MIN_RADIUS
    # Area, not radius, grows with the hours.
    return MIN_RADIUS + (largest - MIN_RADIUS) * math.sqrt(min(1.0, hours / largest_hours))


def kept_inside(centre: QPointF, radius: float, grid: QRectF) -> QPointF:
    """A bubble's centre moved just enough for the whole bubble to stay on the grid."""
    inner = grid.adjusted(radius, radius, -radius, -radius)
    if inner.width() < 0 or inner.height() < 0:
        return grid.center()
    return QPointF(
        max(inner.left(), min(inner.right(), centre.x())),
        max(inner.top(), min(inner.bottom(), centre.y())),
    )


def name_plate(bubble: Bubble, text_width: float) -> QRectF:
    """The light plate under a bubble that its name and figures are written on."""
    width = 12 + text_width
    top = bubble.centre.y() + bubble.radius + PLATE_GAP
    return QRectF(bubble.centre.x() - width / 2, top, width, PLATE_HEIGHT)


def _covers(rect: QRectF, bubble: Bubble) -> bool:
    nearest_x = max(rect.left(), min(rect.right(), bubble.centre.x()))
    nearest_y = max(rect.top(), min(rect.bottom(), bubble.centre.y()))
    distance = math.hypot(bubble.centre.x() - nearest_x, bubble.centre.y() - nearest_y)
    return distance < bubble.radius + CLEARANCE


def label_place(
    quadrant: QRectF,
    size: tuple[float, float],
    outer_corner: tuple[int, int],
    bubbles: Sequence[Bubble],
    plates: Sequence[QRectF],
) -> QRectF | None:
    """Where a quadrant's label goes: its outer corner (the corner of the whole grid) when free,
    else the first free place along its outer edge, then along the inner one, then on the
    lines between; None when bubbles and names leave no room at all."""
    width, height = size
    inner = quadrant.adjusted(LABEL_INSET, LABEL_INSET, -LABEL_INSET, -LABEL_INSET)
    if width > inner.width() or height > inner.height():
        return None
    x_side, y_side = outer_corner
    outer_top = inner.top() if y_side > 0 else inner.bottom() - height
    inner_top = inner.bottom() - height if y_side > 0 else inner.top()
    steps = max(1, int(abs(inner_top - outer_top) // (height / 2)))
    tops = [outer_top, inner_top] + [
        outer_top + (inner_top - outer_top) * step / steps for step in range(1, steps)
    ]
    lefts = {
        -1: inner.left(),
        0: inner.center().x() - width / 2,
        1: inner.right() - width,
    }
    for top in tops:
        for x_sign in (x_side, 0, -x_side):
            place = QRectF(lefts[x_sign], top, width, height)
            if _free(place, bubbles, plates):
                return place
    return None


def _free(place: QRectF, bubbles: Sequence[Bubble], plates: Sequence[QRectF]) -> bool:
    around = place.adjusted(-CLEARANCE, -CLEARANCE, CLEARANCE, CLEARANCE)
    return not any(_covers(place, b) for b in bubbles) and not any(
        around.intersects(p) for p in plates
    )
