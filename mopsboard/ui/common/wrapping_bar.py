"""A bar of controls that stays whole at any window width: in one row while its controls fit
at their natural width; narrower, its labelled buttons show only their icons, or its groups of
controls wrap onto a row each (in the order the bar is told to try them). Every picker keeps
the width its text needs instead of being squeezed until the text is cut.

The bar's minimum width is that of its most compact arrangement, so it never holds a window
wider than that; which arrangement it shows depends on its width alone, so it cannot flicker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from mopsboard.ui.common.compact_button import CompactToolButton


@dataclass(frozen=True)
class Space:
    """Extra room between two controls of a row."""

    width: int


@dataclass(frozen=True)
class Stretch:
    """Room a row gives away at this point (its controls sit to either side)."""


@dataclass(frozen=True)
class Control:
    widget: QWidget
    stretch: int = 0


Item = Control | Space | Stretch


@dataclass(frozen=True)
class Arrangement:
    wrapped: bool  # a row per group
    compact: bool  # labelled buttons show only their icons


class WrappingBar(QWidget):
    def __init__(
        self,
        groups: Sequence[Sequence[Item]],
        parent: QWidget | None = None,
        *,
        margins: tuple[int, int, int, int] = (10, 6, 10, 6),
        spacing: int = 6,
        icons_before_wrapping: bool = False,
    ) -> None:
        super().__init__(parent)
        self._groups = [list(group) for group in groups]
        self._spacing = spacing
        self._outer = QVBoxLayout(self)
        self._outer.setContentsMargins(*margins)
        self._outer.setSpacing(spacing)
        # The bar's minimum is its most compact arrangement's (minimumSizeHint), not the one
        # it shows.
        self._outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._rows: list[QHBoxLayout] = []
        for _group in self._groups:
            row = QHBoxLayout()
            row.setSpacing(spacing)
            self._outer.addLayout(row)
            self._rows.append(row)
        self._buttons = [
            item.widget
            for group in self._groups
            for item in group
            if isinstance(item, Control) and isinstance(item.widget, CompactToolButton)
        ]
        self._choices = self._arrangements(icons_before_wrapping)
        self._shown: Arrangement | None = None
        self._arrange(self._choices[0])

    def _arrangements(self, icons_before_wrapping: bool) -> list[Arrangement]:
        full, icons = Arrangement(False, False), Arrangement(False, True)
        wrapped, wrapped_icons = Arrangement(True, False), Arrangement(True, True)
        if len(self._groups) == 1:
            order = [full, icons]
        elif icons_before_wrapping:
            order = [full, icons, wrapped, wrapped_icons]
        else:
            order = [full, wrapped, wrapped_icons]
        return [choice for choice in order if self._buttons or not choice.compact]

    @property
    def wrapped(self) -> bool:
        """True while each group has a row of its own."""
        return self._shown is not None and self._shown.wrapped

    @property
    def compact(self) -> bool:
        """True while the labelled buttons show only their icons."""
        return self._shown is not None and self._shown.compact

    # -- widths -----------------------------------------------------------------------------------

    def _row_width(self, items: Sequence[Item], compact: bool) -> int:
        # Spacing is counted between every two items, spacers included: the layout adds no
        # more than that, so a row this wide always holds its controls at their natural width.
        width = 0
        count = 0
        for item in items:
            if isinstance(item, Control):
                widget = item.widget
                if widget.isHidden():
                    continue
                if isinstance(widget, CompactToolButton):
                    width += widget.size_when(compact=compact).width()
                else:
                    width += max(widget.sizeHint().width(), widget.minimumWidth())
            elif isinstance(item, Space):
                width += item.width
            count += 1
        margins = self._outer.contentsMargins()
        return width + self._spacing * max(0, count - 1) + margins.left() + margins.right()

    def width_for(self, choice: Arrangement) -> int:
        """How wide the bar must be to show `choice` with every control at its natural width."""
        if choice.wrapped:
            return max(self._row_width(group, choice.compact) for group in self._groups)
        return self._row_width([item for group in self._groups for item in group], choice.compact)

    def one_row_width(self) -> int:
        return self.width_for(self._choices[0])

    def minimumSizeHint(self) -> QSize:
        return QSize(self.width_for(self._choices[-1]), self._outer.minimumSize().height())

    def sizeHint(self) -> QSize:
        return QSize(self.one_row_width(), self._outer.sizeHint().height())

    # -- arranging --------------------------------------------------------------------------------

    def _arrange(self, choice: Arrangement) -> None:
        if choice == self._shown:
            return
        rows_change = self._shown is None or choice.wrapped != self._shown.wrapped
        self._shown = choice
        for button in self._buttons:
            button.set_compact(choice.compact)
        if rows_change:
            self._place_controls(choice.wrapped)
        self._outer.invalidate()
        # Lay the rows out now, not at the next event loop turn: until then the controls would
        # sit squeezed in the old arrangement.
        self._outer.activate()
        self.updateGeometry()

    def _place_controls(self, wrapped: bool) -> None:
        for row in self._rows:
            while row.count():
                row.takeAt(0)
        for number, group in enumerate(self._groups):
            row = self._rows[number if wrapped else 0]
            for item in group:
                if isinstance(item, Control):
                    row.addWidget(item.widget, item.stretch)
                elif isinstance(item, Space):
                    row.addSpacing(item.width)
                else:
                    row.addStretch(1)

    def _follow_width(self, width: int) -> None:
        fitting = (c for c in self._choices if self.width_for(c) <= width)
        self._arrange(next(fitting, self._choices[-1]))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._follow_width(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        # A control's natural width changes (a picker filled, a label renamed): look again.
        if event.type() == QEvent.Type.LayoutRequest:
            self._follow_width(self.width())
        return super().event(event)
