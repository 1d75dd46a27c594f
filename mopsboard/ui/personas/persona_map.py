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
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mopsboard.qt.personas.persona_models import NO_PERSONA, PersonaData, hours_text
from mopsboard.ui.common import theme
from mopsboard.ui.personas.persona_layout import (
    LABEL_INSET,
    MARGIN,
    Bubble,
    MapAreas,
    kept_inside,
    label_place,
    largest_radius,
    map_areas,
    name_plate,
    radius_for,
    strip_bubble,
)

DRAG_DISTANCE = 5
# How far Ctrl+arrow moves a persona on the grid (which runs from -1 to 1 each way).
KEY_STEP = 0.05
QUADRANTS = (
    # (x sign, y sign, label, the scheme's role for its tint)
    (-1, 1, "Technology \u00b7 rational", "quadrant_tech_rational"),
    (1, 1, "Creativity \u00b7 rational", "quadrant_creative_rational"),
    (-1, -1, "Technology \u00b7 emotional", "quadrant_tech_emotional"),
    (1, -1, "Creativity \u00b7 emotional", "quadrant_creative_emotional"),
)
AXIS_UP = "\u2191 Rational"
AXIS_DOWN = "\u2193 Emotional"
AXIS_LEFT = "\u2190 Technology"
AXIS_RIGHT = "Creativity and arts \u2192"


@dataclass
class Press:
    persona_id: int | None
    origin: QPointF
    moved: bool = False


class PersonaMap(QWidget):
    """Keys: the arrows go from bubble to bubble, Enter or Space does what a click does, and
    Ctrl with an arrow moves the chosen persona on the grid, as a drag does."""

    # A bubble was clicked: the persona's id, or None for the work with no persona.
    personaClicked = Signal(object)
    # A persona was dragged to (x, y) on the grid.
    personaMoved = Signal(int, float, float)

    def __init__(self, data: PersonaData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personaMap")
        self.setAccessibleName("Persona map")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The bubble the keyboard is on, by its place in layout_bubbles() (the last is the
        # work with no persona).
        self.focus_index = 0
        # Where Ctrl+arrow has put personas that the data has not caught up with yet: keys
        # pressed in quick succession each move on from the last.
        self._moved_to: dict[int, tuple[float, float]] = {}
        self.data = data
        self.bubbles: list[Bubble] = []
        self.press: Press | None = None
        self.drag_point: QPointF | None = None
        self.setMouseTracking(True)
        self.setMinimumSize(340, 320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        data.changed.connect(self._data_changed)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self._small_bold = QFont(self._small)
        self._small_bold.setBold(True)

    def sizeHint(self) -> QSize:
        return QSize(760, 560)

    # -- geometry -------------------------------------------------------------------------------

    def areas(self) -> MapAreas:
        return map_areas(float(self.width()), float(self.height()))

    def grid_rect(self) -> QRectF:
        return self.areas().grid

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
        return self._no_persona_bubble().centre

    def _no_persona_bubble(self) -> Bubble:
        centre, radius = strip_bubble(self.areas(), self.radius_for(self.data.load(None).hours))
        return Bubble(None, centre, radius)

    def radius_for(self, hours: float) -> float:
        largest = largest_radius(self.grid_rect().width())
        return radius_for(hours, self.data.hours.largest, largest)

    def layout_bubbles(self) -> list[Bubble]:
        bubbles = []
        grid = self.grid_rect()
        for persona in self.data.personas:
            centre = self.point_of(persona.x, persona.y)
            if self.press and self.press.moved and self.press.persona_id == persona.id:
                centre = self.drag_point or centre
            radius = self.radius_for(self.data.load(persona.id).hours)
            bubbles.append(Bubble(persona.id, kept_inside(centre, radius, grid), radius))
        bubbles.append(self._no_persona_bubble())
        self.bubbles = bubbles
        return bubbles

    def _name_and_colour(self, bubble: Bubble) -> tuple[str, QColor] | None:
        if bubble.persona_id is None:
            return NO_PERSONA, QColor(theme.current().no_persona)
        persona = self.data.persona(bubble.persona_id)
        return None if persona is None else (persona.name, QColor(persona.colour))

    def _figures(self, bubble: Bubble) -> str:
        load = self.data.load(bubble.persona_id)
        return f"{hours_text(load.hours)} \u00b7 {load.tasks} tasks"

    def plate_of(self, bubble: Bubble) -> QRectF | None:
        """The plate a bubble's name and figures are written on."""
        named = self._name_and_colour(bubble)
        if named is None:
            return None
        width = max(
            QFontMetrics(self._bold).horizontalAdvance(named[0]),
            QFontMetrics(self._small).horizontalAdvance(self._figures(bubble)),
        )
        return name_plate(bubble, width)

    def quadrant_labels(self) -> list[tuple[str, QRectF, QFont]]:
        """Each quadrant's label, where it is written and in which font: clear of every bubble
        and name, smaller in a small quadrant (a quadrant whose every place is taken goes
        without; the axes still name it)."""
        grid = self.grid_rect()
        half_w, half_h = grid.width() / 2, grid.height() / 2
        bubbles = self.layout_bubbles()
        plates = [p for p in (self.plate_of(b) for b in bubbles) if p is not None]
        placed = []
        for x_sign, y_sign, label, _tint in QUADRANTS:
            left = grid.left() if x_sign < 0 else grid.center().x()
            top = grid.top() if y_sign > 0 else grid.center().y()
            quadrant = QRectF(left, top, half_w, half_h)
            # The label as it is, smaller, then on two lines: the first that fits the quadrant.
            two_lines = label.replace(" \u00b7 ", " \u00b7\n")
            for font, text in (
                (self._bold, label),
                (self._small_bold, label),
                (self._small_bold, two_lines),
            ):
                metrics = QFontMetrics(font)
                lines = text.split("\n")
                width = float(max(metrics.horizontalAdvance(line) for line in lines) + 2)
                if width + 2 * LABEL_INSET > half_w and text is not two_lines:
                    continue
                size = (width, float(metrics.height() * len(lines)))
                place = label_place(quadrant, size, (x_sign, y_sign), bubbles, plates)
                if place is not None:
                    placed.append((text, place, font))
                break
        return placed

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
        s = theme.current()
        painter.fillRect(self.rect(), QColor(s.surface))
        grid = self.grid_rect()
        self._paint_grid(painter, grid, s)
        bubbles = self.layout_bubbles()
        for bubble in sorted(bubbles, key=lambda b: -b.radius):
            self._paint_bubble(painter, bubble, s)
        if self.hasFocus() and bubbles:
            focused = bubbles[min(self.focus_index, len(bubbles) - 1)]
            painter.setPen(QPen(QColor(s.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = max(focused.radius, 8) + 4
            painter.drawEllipse(focused.centre, ring, ring)
        painter.end()

    def _paint_grid(self, painter: QPainter, grid: QRectF, s: theme.Scheme) -> None:
        half_w, half_h = grid.width() / 2, grid.height() / 2
        for x_sign, y_sign, _label, tint in QUADRANTS:
            left = grid.left() if x_sign < 0 else grid.center().x()
            top = grid.top() if y_sign > 0 else grid.center().y()
            painter.fillRect(QRectF(left, top, half_w, half_h), QColor(getattr(s, tint)))
        painter.setPen(QColor(s.faint))
        for label, place, font in self.quadrant_labels():
            painter.setFont(font)
            painter.drawText(place, Qt.AlignmentFlag.AlignCenter, label)
        painter.setPen(QPen(QColor(s.border), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(grid)
        painter.setPen(QPen(QColor(s.faint), 1.2))
        painter.drawLine(
            QPointF(grid.left(), grid.center().y()), QPointF(grid.right(), grid.center().y())
        )
        painter.drawLine(
            QPointF(grid.center().x(), grid.top()), QPointF(grid.center().x(), grid.bottom())
        )
        self._paint_axes(painter, grid, s)
        strip = self.areas().strip
        painter.setPen(QPen(QColor(s.rule), 1, Qt.PenStyle.DashLine))
        painter.drawRoundedRect(strip, 8, 8)
        painter.setPen(QColor(s.muted))
        painter.drawText(
            strip.adjusted(6, 4, -6, 0),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "Not on the grid",
        )

    def _paint_axes(self, painter: QPainter, grid: QRectF, s: theme.Scheme) -> None:
        """The axes' names round the grid: Rational above it; Technology, Emotional and
        Creativity under it, Emotional a line lower when the three would run together."""
        painter.setFont(self.font())
        painter.setPen(QColor(s.muted))
        metrics = QFontMetrics(self.font())
        line = float(metrics.height())
        top, centre = Qt.AlignmentFlag.AlignTop, Qt.AlignmentFlag.AlignHCenter
        above = QRectF(grid.left(), grid.top() - MARGIN + 6, grid.width(), MARGIN - 10)
        painter.drawText(above, centre | Qt.AlignmentFlag.AlignBottom, AXIS_UP)
        under = QRectF(grid.left(), grid.bottom() + 4, grid.width(), line)
        painter.drawText(under, Qt.AlignmentFlag.AlignLeft | top, AXIS_LEFT)
        painter.drawText(under, Qt.AlignmentFlag.AlignRight | top, AXIS_RIGHT)
        # Centred, the middle name must clear both ends' names.
        half_middle = metrics.horizontalAdvance(AXIS_DOWN) / 2 + 12
        ends = max(metrics.horizontalAdvance(AXIS_LEFT), metrics.horizontalAdvance(AXIS_RIGHT))
        crowded = grid.width() / 2 - half_middle < ends
        painter.drawText(under.translated(0, line if crowded else 0), centre | top, AXIS_DOWN)

    def _paint_bubble(self, painter: QPainter, bubble: Bubble, s: theme.Scheme) -> None:
        named, plate = self._name_and_colour(bubble), self.plate_of(bubble)
        if named is None or plate is None:
            return
        name, colour = named
        load = self.data.load(bubble.persona_id)
        fill = QColor(colour)
        fill.setAlpha(150 if load.hours > 0 else 50)
        painter.setBrush(fill)
        painter.setPen(QPen(colour.lighter(130) if s.dark else colour.darker(120), 2))
        painter.drawEllipse(bubble.centre, bubble.radius, bubble.radius)
        text_top = plate.top()
        figures = self._figures(bubble)
        # A plate of the map's own colour under the words keeps them readable over the grid
        # and other bubbles.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(s.plate))
        painter.drawRoundedRect(plate, 4, 4)
        painter.setFont(self._bold)
        painter.setPen(QColor(s.text))
        label = QRectF(bubble.centre.x() - 100, text_top, 200, 18)
        painter.drawText(label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, name)
        painter.setFont(self._small)
        painter.setPen(QColor(s.muted))
        painter.drawText(
            QRect(int(bubble.centre.x() - 100), int(text_top + 17), 200, 16),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            figures,
        )
        painter.setFont(self.font())

    # -- interaction ----------------------------------------------------------------------------

    def focused_bubble(self) -> Bubble | None:
        bubbles = self.layout_bubbles()
        return bubbles[min(self.focus_index, len(bubbles) - 1)] if bubbles else None

    def focus_bubble(self, index: int) -> None:
        """Puts the keyboard on the bubble at `index` (wrapping round) and says which it is."""
        count = len(self.layout_bubbles())
        self.focus_index = index % count if count else 0
        bubble = self.focused_bubble()
        if bubble is not None:
            self.setAccessibleDescription(self.tooltip(bubble.persona_id))
        self.update()

    def _data_changed(self) -> None:
        self._moved_to.clear()
        self.focus_bubble(self.focus_index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, bubble = Qt.Key(event.key()), self.focused_bubble()
        steps = {
            Qt.Key.Key_Left: (-KEY_STEP, 0.0),
            Qt.Key.Key_Right: (KEY_STEP, 0.0),
            Qt.Key.Key_Up: (0.0, KEY_STEP),
            Qt.Key.Key_Down: (0.0, -KEY_STEP),
        }
        if bubble is None:
            super().keyPressEvent(event)
        elif key in steps and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._nudge(bubble, *steps[key])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.focus_bubble(self.focus_index + 1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.focus_bubble(self.focus_index - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.personaClicked.emit(bubble.persona_id)
        else:
            super().keyPressEvent(event)

    def _nudge(self, bubble: Bubble, dx: float, dy: float) -> None:
        persona = self.data.persona(bubble.persona_id) if bubble.persona_id is not None else None
        if persona is None or persona.id is None or self.data.workspace.read_only:
            return
        x, y = self._moved_to.get(persona.id, (persona.x, persona.y))
        x = round(max(-1.0, min(1.0, x + dx)), 2)
        y = round(max(-1.0, min(1.0, y + dy)), 2)
        self._moved_to[persona.id] = (x, y)
        self.personaMoved.emit(persona.id, x, y)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.focus_bubble(self.focus_index)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        bubble = self.bubble_at(event.position())
        if bubble is not None:
            self.press = Press(bubble.persona_id, event.position())
            ids = [b.persona_id for b in self.bubbles]
            self.focus_bubble(ids.index(bubble.persona_id))

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
