"""The persona map: the framework's 2x2 grid (x: technology to creativity and arts; y: emotional to
rational decision-making), each persona a bubble at its place, sized by its planned hours.

Work with no persona has its own bubble beside the grid. A click on a bubble asks to filter the
board to that persona; dragging a persona's bubble asks to move it on the grid.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mopsboard.qt.personas.persona_models import NO_PERSONA, PersonaData, hours_text
from mopsboard.ui.common import theme

MARGIN = 44
SIDE_WIDTH = 130
MIN_RADIUS = 14.0
MAX_RADIUS = 58.0
DRAG_DISTANCE = 5
QUADRANTS = (
    # (x sign, y sign, label, tint)
    (-1, 1, "Technology \u00b7 rational", theme.QUADRANT_TECH_RATIONAL),
    (1, 1, "Creativity \u00b7 rational", theme.QUADRANT_CREATIVE_RATIONAL),
    (-1, -1, "Technology \u00b7 emotional", theme.QUADRANT_TECH_EMOTIONAL),
    (1, -1, "Creativity \u00b7 emotional", theme.QUADRANT_CREATIVE_EMOTIONAL),
)
NO_PERSONA_COLOUR = theme.NO_PERSONA


@dataclass
class Bubble:
    persona_id: int | None
    centre: QPointF
    radius: float


@dataclass
class Press:
    persona_id: int | None
    origin: QPointF
    moved: bool = False


class PersonaMap(QWidget):
    # A bubble was clicked: the persona's id, or None for the work with no persona.
    personaClicked = Signal(object)
    # A persona was dragged to (x, y) on the grid.
    personaMoved = Signal(int, float, float)

    def __init__(self, data: PersonaData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaMap")
        self.setAccessibleName("Persona map")
        self.data = data
        self.bubbles: list[Bubble] = []
        self.press: Press | None = None
        self.drag_point: QPointF | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(420, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        data.changed.connect(self.update)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    # -- geometry -------------------------------------------------------------------------------

    def grid_rect(self) -> QRectF:
        width = self.width() - SIDE_WIDTH - 2 * MARGIN
        height = self.height() - 2 * MARGIN
        side = max(100.0, float(min(width, height)))
        left = MARGIN + (width - side) / 2
        return QRectF(left, MARGIN + (height - side) / 2, side, side)

    def point_of(self, x: float, y: float) -> QPointF:
        grid = self.grid_rect()
        return QPointF(
            grid.center().x() + x * grid.width() / 2, grid.center().y() - y * grid.height() / 2
        )

    def grid_of(self, point: QPointF) -> tuple[float, float]:
        grid = self.grid_rect()
        x = (point.x() - grid.center().x()) / (grid.width() / 2)
        y = (grid.center().y() - point.y()) / (grid.height() / 2)
        return max(-1.0, min(1.0, x)), max(-1.0, min(1.0, y))

    def no_persona_centre(self) -> QPointF:
        return QPointF(self.width() - SIDE_WIDTH / 2, self.height() / 2)

    def radius_for(self, hours: float) -> float:
        largest = self.data.hours.largest
        if largest <= 0 or hours <= 0:
            return MIN_RADIUS
        # Area, not radius, grows with the hours.
        return MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(hours / largest)

    def layout_bubbles(self) -> list[Bubble]:
        bubbles = []
        for persona in self.data.personas:
            centre = self.point_of(persona.x, persona.y)
            if self.press and self.press.moved and self.press.persona_id == persona.id:
                centre = self.drag_point or centre
            radius = self.radius_for(self.data.load(persona.id).hours)
            bubbles.append(Bubble(persona.id, centre, radius))
        none_radius = self.radius_for(self.data.load(None).hours)
        bubbles.append(Bubble(None, self.no_persona_centre(), none_radius))
        self.bubbles = bubbles
        return bubbles

    def bubble_at(self, point: QPointF) -> Bubble | None:
        # Smallest first, so a small bubble over a big one can still be reached.
        for bubble in sorted(self.layout_bubbles(), key=lambda b: b.radius):
            delta = point - bubble.centre
            if math.hypot(delta.x(), delta.y()) <= max(bubble.radius, 12):
                return bubble
        return None

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        grid = self.grid_rect()
        self._paint_grid(painter, grid)
        bubbles = self.layout_bubbles()
        for bubble in sorted(bubbles, key=lambda b: -b.radius):
            self._paint_bubble(painter, bubble)
        painter.end()

    def _paint_grid(self, painter: QPainter, grid: QRectF) -> None:
        half_w, half_h = grid.width() / 2, grid.height() / 2
        painter.setFont(self._bold)
        for x_sign, y_sign, label, tint in QUADRANTS:
            left = grid.left() if x_sign < 0 else grid.center().x()
            top = grid.top() if y_sign > 0 else grid.center().y()
            quadrant = QRectF(left, top, half_w, half_h)
            painter.fillRect(quadrant, QColor(tint))
            painter.setPen(QColor(theme.FAINT))
            align = Qt.AlignmentFlag.AlignLeft if x_sign < 0 else Qt.AlignmentFlag.AlignRight
            valign = Qt.AlignmentFlag.AlignTop if y_sign > 0 else Qt.AlignmentFlag.AlignBottom
            painter.drawText(quadrant.adjusted(10, 8, -10, -8), align | valign, label)
        painter.setPen(QPen(QColor(theme.BORDER), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(grid)
        painter.setPen(QPen(QColor(theme.FAINT), 1.2))
        painter.drawLine(
            QPointF(grid.left(), grid.center().y()), QPointF(grid.right(), grid.center().y())
        )
        painter.drawLine(
            QPointF(grid.center().x(), grid.top()), QPointF(grid.center().x(), grid.bottom())
        )
        painter.setFont(self.font())
        painter.setPen(QColor(theme.MUTED))
        below = QRectF(grid.left(), grid.bottom() + 4, grid.width(), MARGIN - 8)
        painter.drawText(
            below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, "\u2190 Technology"
        )
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            "Creativity and arts \u2192",
        )
        above = QRectF(grid.left(), grid.top() - MARGIN + 6, grid.width(), MARGIN - 10)
        painter.drawText(
            above, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, "\u2191 Rational"
        )
        under = QRectF(grid.left(), grid.bottom() + 4, grid.width(), MARGIN - 8)
        painter.drawText(
            under, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, "\u2193 Emotional"
        )
        side = QRectF(self.width() - SIDE_WIDTH, grid.top(), SIDE_WIDTH - 8, grid.height())
        painter.setPen(QPen(QColor(theme.RULE), 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(side, 8, 8)
        painter.setPen(QColor(theme.MUTED))
        painter.drawText(
            side.adjusted(6, 8, -6, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "Not on the grid",
        )

    def _paint_bubble(self, painter: QPainter, bubble: Bubble) -> None:
        if bubble.persona_id is None:
            name, colour = NO_PERSONA, QColor(NO_PERSONA_COLOUR)
        else:
            persona = self.data.persona(bubble.persona_id)
            if persona is None:
                return
            name, colour = persona.name, QColor(persona.colour)
        load = self.data.load(bubble.persona_id)
        fill = QColor(colour)
        fill.setAlpha(150 if load.hours > 0 else 50)
        painter.setBrush(fill)
        painter.setPen(QPen(colour.darker(120), 2))
        painter.drawEllipse(bubble.centre, bubble.radius, bubble.radius)
        text_top = bubble.centre.y() + bubble.radius + 2
        figures = f"{hours_text(load.hours)} \u00b7 {load.tasks} tasks"
        width = 12 + max(
            QFontMetrics(self._bold).horizontalAdvance(name),
            QFontMetrics(self._small).horizontalAdvance(figures),
        )
        # A light plate under the words keeps them readable over quadrant labels and bubbles.
        plate = QRectF(bubble.centre.x() - width / 2, text_top, width, 34)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 210))
        painter.drawRoundedRect(plate, 4, 4)
        painter.setFont(self._bold)
        painter.setPen(QColor(theme.TEXT))
        label = QRectF(bubble.centre.x() - 100, text_top, 200, 18)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
        painter.setFont(self._small)
        painter.setPen(QColor(theme.MUTED))
        painter.drawText(
            QRect(int(bubble.centre.x() - 100), int(text_top + 17), 200, 16),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            figures,
        )
        painter.setFont(self.font())

    # -- interaction ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        bubble = self.bubble_at(event.position())
        if bubble is not None:
            self.press = Press(bubble.persona_id, event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        press = self.press
        if press is None:
            over = self.bubble_at(point) is not None
            self.setCursor(
                Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
            )
            return
        if press.persona_id is None or self.data.workspace.read_only:
            return
        distance = point - press.origin
        if press.moved or math.hypot(distance.x(), distance.y()) >= DRAG_DISTANCE:
            press.moved = True
            grid = self.grid_rect()
            self.drag_point = QPointF(
                max(grid.left(), min(grid.right(), point.x())),
                max(grid.top(), min(grid.bottom(), point.y())),
            )
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self.press = self.press, None
        self.drag_point = None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        if press is None:
            super().mouseReleaseEvent(event)
            return
        if press.moved and press.persona_id is not None:
            x, y = self.grid_of(event.position())
            self.personaMoved.emit(press.persona_id, round(x, 2), round(y, 2))
        else:
            self.personaClicked.emit(press.persona_id)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bubble = self.bubble_at(QPointF(event.pos()))
            if bubble is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip(bubble.persona_id), self)
            return True
        return super().event(event)

    def tooltip(self, persona_id: int | None) -> str:
        load = self.data.load(persona_id)
        persona = self.data.persona(persona_id) if persona_id is not None else None
        name = persona.name if persona else NO_PERSONA
        lines = [
            f"{name}: {hours_text(load.hours)} planned in {load.tasks} open tasks",
        ]
        if persona and persona.description:
            lines.append(persona.description)
        lines.append(
            "Click to show this work on the board." + ("" if persona is None else " Drag to move.")
        )
        return "\n".join(lines)
