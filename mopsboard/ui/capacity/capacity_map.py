"""The capacity map's table view and how it paints: team rows as headings with their colour,
people indented under them, week cells as coloured tiles reading "planned / available", and the
WIP column as a badge that turns red over the limit."""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
)
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
    NAME_COLUMN,
    WIP_COLUMN,
    CapacityModel,
    LevelRole,
    OverWipRole,
    PastRole,
    RowKindRole,
    TeamColourRole,
)
from mopsboard.ui.common import theme
from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.theme import Scheme

AnyIndex = QModelIndex | QPersistentModelIndex
ROW_HEIGHT = 28
# Where a row's name starts: after a team's dot, or indented under the team.
NAME_INDENT = 26
# A week's tile sits this far inside its cell, and its figures this far inside the tile.
TILE_INSET = 2
FIGURE_PADDING = 6


# Over-booked is said by a mark as well as by the colour.
OVER_MARK = " !"


def cell_text(index: QModelIndex | QPersistentModelIndex) -> str:
    """A week's figures as the map writes them: "planned / available", marked when over."""
    text = str(index.data() or "")
    return text + OVER_MARK if index.data(LevelRole) == LoadLevel.OVER.value else text


class HeatDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(76, ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        kind = RowKind(index.data(RowKindRole) or RowKind.MEMBER.value)
        rect = option.rect
        s = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if kind is RowKind.TOTAL:
            painter.fillRect(rect, QColor(s.total_row_bg))
            if index.row() > 0:
                painter.setPen(QPen(QColor(s.border), 1))
                painter.drawLine(rect.topLeft(), rect.topRight())
        font = QFont(option.font)
        font.setBold(kind is RowKind.TOTAL)
        painter.setFont(font)
        column = index.column()
        if column == NAME_COLUMN:
            self._paint_name(painter, rect, index, kind, s)
        elif column == WIP_COLUMN:
            self._paint_wip(painter, rect, index, s)
        else:
            selected = bool(option.state & QStyle.StateFlag.State_Selected)
            self._paint_cell(painter, rect, index, selected, s)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # The keyboard's cell: a ring round the whole cell, outside the chosen tile's frame.
            painter.setPen(QPen(QColor(s.focus_ring), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 5, 5)
        painter.restore()

    def _paint_name(
        self, painter: QPainter, rect: QRect, index: AnyIndex, kind: RowKind, s: Scheme
    ) -> None:
        text = str(index.data() or "")
        if kind is RowKind.TOTAL:
            dot = QRect(rect.left() + 8, rect.center().y() - 5, 10, 10)
            painter.setBrush(QColor(str(index.data(TeamColourRole) or s.muted)))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(dot)
            painter.setPen(QColor(s.text))
        else:
            muted = kind is RowKind.UNASSIGNED
            if muted:
                font = painter.font()
                font.setItalic(True)
                painter.setFont(font)
            painter.setPen(QColor(s.muted if muted else s.text))
        left = rect.left() + NAME_INDENT
        area = QRect(left, rect.top(), rect.right() - left - 4, rect.height())
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            area, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )

    def _paint_wip(self, painter: QPainter, rect: QRect, index: AnyIndex, s: Scheme) -> None:
        text = index.data()
        if not text:
            return
        over = bool(index.data(OverWipRole))
        if over:
            width = painter.fontMetrics().horizontalAdvance(str(text)) + 14
            pill = QRectF(rect.center().x() - width / 2, rect.top() + 5, width, rect.height() - 10)
            path = QPainterPath()
            path.addRoundedRect(pill, pill.height() / 2, pill.height() / 2)
            painter.fillPath(path, QColor(s.overbooked_bg))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
        painter.setPen(QColor(s.overbooked_fg if over else s.muted))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(text))

    def _paint_cell(
        self, painter: QPainter, rect: QRect, index: AnyIndex, selected: bool, s: Scheme
    ) -> None:
        tile = QRectF(rect).adjusted(TILE_INSET, TILE_INSET, -TILE_INSET, -TILE_INSET)
        path = QPainterPath()
        path.addRoundedRect(tile, 4, 4)
        # The level's colours in the scheme in use (the model's colour roles are the light
        # ones, which paper keeps).
        level = str(index.data(LevelRole) or LoadLevel.EMPTY.value)
        background, foreground = s.models.load(level)
        past = bool(index.data(PastRole))
        if past:
            # A week gone by holds the hours logged, not a plan: the level's colour as a pale
            # tile with a dashed edge and slanted figures, so the two never read alike.
            fill = QColor(background)
            fill.setAlphaF(0.45)
            painter.fillPath(path, fill)
            edge = QPen(QColor(foreground), 1, Qt.PenStyle.DashLine)
            painter.setPen(edge)
            painter.drawPath(path)
            font = painter.font()
            font.setItalic(True)
            painter.setFont(font)
        else:
            painter.fillPath(path, QColor(background))
        if selected:
            painter.setPen(QPen(QColor(s.accent), 2))
            painter.drawPath(path)
        painter.setPen(QColor(foreground))
        # As cell_text writes it, with the level already read.
        text = str(index.data() or "") + (OVER_MARK if level == LoadLevel.OVER.value else "")
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


WEEK_WIDTH = 72
NAME_WIDTH = 184
WIP_WIDTH = 48
# The names' column grows to the longest name up to this share of the map, so that at a small
# window the weeks keep the room; a name longer than that is elided (whole in its tooltip).
NAME_SHARE = 0.3
# Past this many weeks, weeks keep their own width and the map scrolls sideways.
STRETCHED_WEEKS = 12
LEGEND = (
    (LoadLevel.UNDER, "under 80%"),
    (LoadLevel.FULL, "80\u2013100%"),
    (LoadLevel.OVER, "over 100%" + OVER_MARK),
    (LoadLevel.NO_CAPACITY, "no hours available"),
)


class HeatMapView(QTableView):
    """The map: a drop target for tasks dragged from the drill-down list.

    Columns are as wide as their widest text: a week is never narrower than its widest
    "planned / available" (so figures never run into the next week's), and the weeks share
    what room is left."""

    def __init__(self, model: CapacityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityMap")
        self.setAccessibleName("Capacity map: planned and available hours per person and week")
        self.setModel(model)
        self.setItemDelegate(HeatDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrows move between cells; Tab leaves the map, as it leaves any other control.
        self.setTabKeyNavigation(False)
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
        header.setMinimumSectionSize(WIP_WIDTH)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Bold in the header marks this week; the chosen cell has its own frame.
        header.setHighlightSections(False)
        header.sectionResized.connect(self._section_resized)
        self._week_width = WEEK_WIDTH
        # The widest week heading, and each row's widest week figures: a change to a few rows
        # measures those rows again, not the whole map.
        self._heading_width = 0
        self._row_widths: list[int] = []
        self._sizing = False
        self._name_width_by_user = False
        model.modelReset.connect(self.size_columns)
        model.dataChanged.connect(self._data_changed)
        self.size_columns()

    def size_columns(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(WIP_COLUMN, QHeaderView.ResizeMode.Fixed)
        for column in range(FIRST_WEEK_COLUMN, self.model().columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._with_sizing(lambda: self.setColumnWidth(WIP_COLUMN, WIP_WIDTH))
        self._fit_names()
        self._fit_weeks()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_names()
        self._spread_weeks()

    def _with_sizing(self, change: Callable[[], None]) -> None:
        self._sizing = True
        try:
            change()
        finally:
            self._sizing = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column == NAME_COLUMN and not self._sizing:
            self._name_width_by_user = True
            self._spread_weeks()

    def _fit_names(self) -> None:
        if self._name_width_by_user:
            return
        model = self.model()
        widest = 0
        for row in range(model.rowCount()):
            index = model.index(row, NAME_COLUMN)
            metrics = self._metrics(index)
            widest = max(widest, metrics.horizontalAdvance(str(index.data() or "")))
        share = int(self.viewport().width() * NAME_SHARE)
        width = max(NAME_WIDTH, min(widest + NAME_INDENT + 8, share))
        self._with_sizing(lambda: self.setColumnWidth(NAME_COLUMN, width))

    def _fit_weeks(self) -> None:
        """Makes a week as wide as the widest figures or heading any week shows."""
        model = self.model()
        bold = QFont(self.font())
        bold.setBold(True)
        heading = QFontMetrics(bold)
        widest = 0
        for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            lines = title.splitlines() or [""]
            widest = max(widest, *(heading.horizontalAdvance(line) for line in lines))
        self._heading_width = widest
        self._row_widths = self._widths_of_rows(0, model.rowCount() - 1)
        self._apply_week_width()

    def _data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, *_: object) -> None:
        if bottom_right.column() < FIRST_WEEK_COLUMN:
            return  # the names or the WIP counts: no week's figures changed
        first, last = top_left.row(), bottom_right.row()
        if len(self._row_widths) != self.model().rowCount():
            self._fit_weeks()
            return
        self._row_widths[first : last + 1] = self._widths_of_rows(first, last)
        self._apply_week_width()

    def _widths_of_rows(self, first: int, last: int) -> list[int]:
        """The widest week figures of each row from `first` to `last`, as painted."""
        model = self.model()
        regular, bold = QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        metrics = {False: QFontMetrics(regular), True: QFontMetrics(bold)}
        columns = range(FIRST_WEEK_COLUMN, model.columnCount())
        widths = []
        for row in range(first, last + 1):
            # Bold on a team's total, as _metrics says.
            total = model.index(row, NAME_COLUMN).data(RowKindRole) == RowKind.TOTAL.value
            advance = metrics[total].horizontalAdvance
            widths.append(
                max((advance(cell_text(model.index(row, column))) for column in columns), default=0)
            )
        return widths

    def _apply_week_width(self) -> None:
        widest = max(self._heading_width, max(self._row_widths, default=0))
        self._week_width = max(WEEK_WIDTH, widest + 2 * (TILE_INSET + FIGURE_PADDING))
        self._spread_weeks()

    def _spread_weeks(self) -> None:
        model = self.model()
        weeks = model.columnCount() - FIRST_WEEK_COLUMN
        if weeks <= 0:
            return
        width = self._week_width
        if weeks <= STRETCHED_WEEKS:
            spare = (
                self.viewport().width()
                - self.columnWidth(NAME_COLUMN)
                - self.columnWidth(WIP_COLUMN)
            )
            width = max(width, spare // weeks)

        def apply() -> None:
            for column in range(FIRST_WEEK_COLUMN, model.columnCount()):
                if self.columnWidth(column) != width:
                    self.setColumnWidth(column, width)

        self._with_sizing(apply)

    def _metrics(self, index: QModelIndex) -> QFontMetrics:
        """The metrics of the font a cell's text is painted in (bold on a team's total)."""
        font = QFont(self.font())
        font.setBold(index.data(RowKindRole) == RowKind.TOTAL.value)
        return QFontMetrics(font)


def legend_chips() -> QWidget:
    """What the colours mean, as chips of those colours."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(10)
    for level, words in LEGEND:
        chip = QLabel(words)
        follow_scheme(chip, functools.partial(_colour_chip, chip, level))
        row.addWidget(chip)
    past = QLabel("past week: hours logged")
    past.setToolTip("Weeks gone by hold the hours logged on their days, and no plan")
    follow_scheme(past, functools.partial(_past_chip, past))
    row.addWidget(past)
    return box


def _past_chip(chip: QLabel, s: Scheme) -> None:
    _background, text = s.models.load(LoadLevel.UNDER)
    chip.setStyleSheet(
        f"QLabel {{ color: {text}; border: 1px dashed {text}; border-radius: 4px;"
        " padding: 1px 6px; font-size: 11px; font-style: italic; }"
    )


def _colour_chip(chip: QLabel, level: LoadLevel, s: Scheme) -> None:
    background, text = s.models.load(level)
    chip.setStyleSheet(
        f"QLabel {{ background: {background}; color: {text}; border-radius: 4px;"
        " padding: 2px 6px; font-size: 11px; }"
    )
