"""A compared plan's heat map: team rows with their colour dot, week cells as tiles coloured by
load (the capacity map's colours), reading "planned / available"; an over-booked cell says its
overload on a second line ("6 h over") and is marked " !"; a scenario's cell that differs from
the real plan is drawn in bold with a triangle and a frame, and says how in its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mopsboard.domain.workload import LoadLevel
from mopsboard.qt.scenarios.plan_heat_model import (
    FIRST_WEEK_COLUMN,
    NAME_COLUMN,
    DifferenceRole,
    LevelRole,
    OverloadRole,
    PlanHeatModel,
    TeamColourRole,
    hours,
)
from mopsboard.ui.common import theme

AnyIndex = QModelIndex | QPersistentModelIndex
OVER_MARK = " !"
UP, DOWN = "\u25b2 ", "\u25bc "
TILE_INSET = 2
NAME_INDENT = 24


def marked(text: str, level: str, difference: str) -> str:
    """The figures, marked when they differ from the real plan's and when over-booked."""
    if difference:
        # Which way the changed figure went ("+8 h", "-20 h available"), not only that it did.
        went_up = difference.startswith("+") or difference == "over-booked"
        text = (UP if went_up else DOWN) + text
    return text + OVER_MARK if level == LoadLevel.OVER.value else text


def cell_lines(index: AnyIndex) -> tuple[str, str]:
    """What a week's tile says: the figures (marked) and the overload."""
    text = marked(
        str(index.data() or ""), str(index.data(LevelRole)), str(index.data(DifferenceRole) or "")
    )
    overload = float(index.data(OverloadRole) or 0.0)
    return text, (f"{hours(overload)} h over" if overload > 0 else "")


def name_lines(name: str, metrics: QFontMetrics, width: int) -> tuple[str, str]:
    """A team's name on one line, or broken between words onto two (the second elided when
    even two are too few): "Legal and" / "compliance" rather than "Legal and c\u2026"."""
    if metrics.horizontalAdvance(name) <= width:
        return name, ""
    words = name.split(" ")
    first = words[0]
    taken = 1
    while taken < len(words) and metrics.horizontalAdvance(f"{first} {words[taken]}") <= width:
        first = f"{first} {words[taken]}"
        taken += 1
    rest = " ".join(words[taken:])
    if not rest:
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, width), ""
    first = metrics.elidedText(first, Qt.TextElideMode.ElideRight, width)
    return first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)


class HeatDelegate(QStyledItemDelegate):
    def __init__(self, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row_height = row_height

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(76, self.row_height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        s = theme.current()
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.column() == NAME_COLUMN:
            dot = QRect(rect.left() + 8, rect.center().y() - 5, 10, 10)
            painter.setBrush(QColor(str(index.data(TeamColourRole) or s.muted)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(dot)
            painter.setPen(QColor(s.text))
            area = QRect(
                rect.left() + NAME_INDENT, rect.top(), rect.width() - NAME_INDENT - 4, rect.height()
            )
            first, second = name_lines(str(index.data() or ""), painter.fontMetrics(), area.width())
            if second and rect.height() >= 2 * painter.fontMetrics().height():
                middle = rect.center().y()
                upper = QRect(area.left(), area.top(), area.width(), middle - area.top())
                lower = QRect(area.left(), middle, area.width(), area.bottom() - middle)
                painter.drawText(
                    upper, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft), first
                )
                painter.drawText(
                    lower, int(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft), second
                )
            else:
                text = painter.fontMetrics().elidedText(
                    str(index.data() or ""), Qt.TextElideMode.ElideRight, area.width()
                )
                painter.drawText(
                    area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
                )
        else:
            self._paint_cell(painter, rect, index, option)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(s.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 5, 5)
        painter.restore()

    def _paint_cell(
        self, painter: QPainter, rect: QRect, index: AnyIndex, option: QStyleOptionViewItem
    ) -> None:
        s = theme.current()
        tile = QRectF(rect).adjusted(TILE_INSET, TILE_INSET, -TILE_INSET, -TILE_INSET)
        path = QPainterPath()
        path.addRoundedRect(tile, 4, 4)
        level = str(index.data(LevelRole) or LoadLevel.EMPTY.value)
        background, foreground = s.models.load(level)
        painter.fillPath(path, QColor(background))
        changed = bool(index.data(DifferenceRole))
        if changed or option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor(s.accent if not changed else foreground), 2))
            painter.drawPath(path)
        first, second = cell_lines(index)
        font = QFont(option.font)
        font.setBold(changed or level == LoadLevel.OVER.value)
        painter.setFont(font)
        painter.setPen(QColor(foreground))
        if second and rect.height() >= 2 * painter.fontMetrics().height():
            upper = QRect(rect.left(), rect.top() + 2, rect.width(), rect.height() // 2)
            lower = QRect(rect.left(), rect.center().y(), rect.width(), rect.height() // 2 - 2)
            painter.drawText(
                upper, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), first
            )
            small = QFont(font)
            small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            painter.setFont(small)
            painter.drawText(
                lower, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), second
            )
        else:
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), first)


class PlanHeatView(QTableView):
    """One plan's map; weeks share the width left after the team names."""

    def __init__(
        self,
        model: PlanHeatModel,
        *,
        name: str,
        accessible: str,
        row_height: int = 40,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setModel(model)
        self.setItemDelegate(HeatDelegate(row_height, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(row_height)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(40)
        model.modelReset.connect(self.size_columns)
        model.headerDataChanged.connect(lambda *_: self.viewport().update())
        self.size_columns()

    def names_width(self) -> int:
        model = self.model()
        metrics = self.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(str(model.index(r, 0).data() or ""))
                for r in range(model.rowCount())
            ),
            default=0,
        )
        title = str(model.headerData(NAME_COLUMN, Qt.Orientation.Horizontal) or "")
        widest = max(widest, metrics.horizontalAdvance(title) + 12)
        return min(max(110, widest + NAME_INDENT + 10), max(110, self.viewport().width() // 5))

    def week_width(self) -> int:
        """At least as wide as the widest figures any of the compared plans shows, in bold,
        with a difference's sign and the over-booked mark (the switch changes no width)."""
        model = self.model()
        assert isinstance(model, PlanHeatModel)
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max(
            (metrics.horizontalAdvance(marked(*cell)) for cell in model.every_plans_cells()),
            default=0,
        )
        return max(56, widest + 2 * (TILE_INSET + 4))

    def size_columns(self) -> None:
        model = self.model()
        weeks = model.columnCount() - FIRST_WEEK_COLUMN
        if weeks <= 0:
            return
        names = self.names_width()
        self.setColumnWidth(NAME_COLUMN, names)
        spare = (self.viewport().width() - names) // weeks
        width = max(self.week_width(), spare)
        for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
            self.setColumnWidth(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.size_columns()

    def fitted_height(self) -> int:
        """As tall as its rows and header, so a small multiple never scrolls inside itself."""
        rows = self.model().rowCount()
        off = self.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        scroll = 0 if off else self.horizontalScrollBar().sizeHint().height()
        return (
            self.horizontalHeader().sizeHint().height()
            + rows * self.verticalHeader().defaultSectionSize()
            + 2 * self.frameWidth()
            + scroll
        )
