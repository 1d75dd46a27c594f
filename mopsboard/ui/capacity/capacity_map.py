"""The capacity map's table view and how it paints: team rows as headings with their colour,
people indented under them, week cells as coloured tiles reading "planned / available", and the
WIP column as a badge that turns red over the limit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mopsboard.domain.capacity import LoadLevel, RowKind
from mopsboard.qt.capacity.capacity_model import (
    FIRST_WEEK_COLUMN,
    LEVEL_COLOURS,
    NAME_COLUMN,
    WIP_COLUMN,
    CapacityModel,
    OverWipRole,
    RowKindRole,
    TeamColourRole,
)
from mopsboard.ui.common import theme

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 28
TEAM_RULE = theme.BORDER


class HeatDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(76, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        kind = RowKind(index.data(RowKindRole) or RowKind.MEMBER.value)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind is RowKind.TOTAL:
            painter.fillRect(rect, QColor(theme.TOTAL_ROW_BG))
            if index.row() > 0:
                painter.setPen(QPen(QColor(TEAM_RULE), 1))
                painter.drawLine(rect.topLeft(), rect.topRight())
        font = QFont(option.font)
        font.setBold(kind is RowKind.TOTAL)
        painter.setFont(font)
        column = index.column()
        if column == NAME_COLUMN:
            self._paint_name(painter, rect, index, kind)
        elif column == WIP_COLUMN:
            self._paint_wip(painter, rect, index)
        else:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            self._paint_cell(painter, rect, index, kind, selected)
        painter.restore()

    def _paint_name(self, painter: QPainter, rect: QRect, index: AnyIndex, kind: RowKind) -> None:
        text = str(index.data() or "")
        if kind is RowKind.TOTAL:
            dot = QRect(rect.left() + 8, rect.center().y() - 5, 10, 10)
            painter.setBrush(QColor(str(index.data(TeamColourRole) or theme.MUTED)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(dot)
            left = dot.right() + 8
            painter.setPen(QColor(theme.TEXT))
        else:
            left = rect.left() + 26
            muted = kind is RowKind.UNASSIGNED
            if muted:
                font = painter.font()
                font.setItalic(True)
                painter.setFont(font)
            painter.setPen(QColor(theme.MUTED if muted else theme.TEXT))
        area = QRect(left, rect.top(), rect.right() - left - 4, rect.height())
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )

    def _paint_wip(self, painter: QPainter, rect: QRect, index: AnyIndex) -> None:
        text = index.data()
        if not text:
            return
        over = bool(index.data(OverWipRole))
        if over:
            width = painter.fontMetrics().horizontalAdvance(str(text)) + 14
            pill = QRectF(rect.center().x() - width / 2, rect.top() + 5, width, rect.height() - 10)
            path = QPainterPath()
            path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.fillPath(path, QColor(theme.OVERBOOKED_BG))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        painter.setPen(QColor(theme.OVERBOOKED_FG if over else theme.MUTED))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(text))

    def _paint_cell(
        self, painter: QPainter, rect: QRect, index: AnyIndex, kind: RowKind, selected: bool
    ) -> None:
        tile = QRectF(rect).adjusted(2, 2, -2, -2)
        path = QPainterPath()
        path.addRoundedRect(tile, 4, 4)
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QColor):
            painter.fillPath(path, background)
        if selected:
            painter.setPen(QPen(QColor(theme.ACCENT), 2))
            painter.drawPath(path)
        foreground = index.data(Qt.ItemDataRole.ForegroundRole)
        painter.setPen(foreground if isinstance(foreground, QColor) else QColor(theme.TEXT))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))


WEEK_WIDTH = 72
LEGEND = (
    (LoadLevel.UNDER, "under 80%"),
    (LoadLevel.FULL, "80\u2013100%"),
    (LoadLevel.OVER, "over 100%"),
    (LoadLevel.NO_CAPACITY, "no hours available"),
)


class HeatMapView(QTableView):
    """The map: a drop target for tasks dragged from the drill-down list."""

    def __init__(self, model: CapacityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityMap")
        self.setAccessibleName("Capacity map: planned and available hours per person and week")
        self.setModel(model)
        self.setItemDelegate(HeatDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDragDropOverwriteMode(True)
        self.setDropIndicatorShown(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setDefaultSectionSize(WEEK_WIDTH)
        header.setMinimumSectionSize(WEEK_WIDTH)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Bold in the header marks this week; the chosen cell has its own frame.
        header.setHighlightSections(False)
        model.modelReset.connect(self.size_columns)
        self.size_columns()

    def size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WIP_COLUMN, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(NAME_COLUMN, 184)
        self.setColumnWidth(WIP_COLUMN, 48)
        model = self.model()
        # Weeks share the width left; past a few weeks they keep a readable width and scroll.
        mode = (
            QHeaderView.ResizeMode.Stretch
            if model.columnCount() - FIRST_WEEK_COLUMN <= 12
            else QHeaderView.ResizeMode.Fixed
        )
        for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
            header.setSectionResizeMode(column, mode)
            self.setColumnWidth(column, WEEK_WIDTH)


def legend_chips() -> QWidget:
    """What the colours mean, as chips of those colours."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(10)
    for level, words in LEGEND:
        background, text = LEVEL_COLOURS[level]
        chip = QLabel(words)
        chip.setStyleSheet(
            f"QLabel {{ background: {background}; color: {text}; border-radius: 4px;"
            " padding: 2px 6px; font-size: 11px; }"
        )
        row.addWidget(chip)
    return box
