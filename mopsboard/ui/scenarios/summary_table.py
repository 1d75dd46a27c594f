"""The comparison's summary table, fitted to its width: the figures' names take at most a share
of it (a longer name wraps, and reads whole in its tooltip), the plans share the rest equally,
their names and figures wrapping onto a second line rather than being cut or scrolled to."""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from mopsboard.qt.scenarios.compare_summary_model import CompareSummaryModel

FIGURE_SHARE = 0.3
FIGURE_LEAST = 120
# Below this a plan's figures would wrap onto a third line: the table scrolls sideways instead.
PLAN_LEAST = 96
# The room a cell's and a header's text leaves to its frame and margins (Fusion's, with a
# little to spare so that a bold figure is never clipped by a pixel).
CELL_PADDING = 12
HEADER_PADDING = 14


# A figure and its unit, and a triangle and its figure, stay on one line when a cell wraps.
_KEPT_TOGETHER = re.compile(r"(?<=[\d\u25b2\u25bc]) (?=[\dhd+\u2212(])")


def kept_together(text: str) -> str:
    return _KEPT_TOGETHER.sub("\u00a0", text)


class FigureDelegate(QStyledItemDelegate):
    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        return kept_together(str(super().displayText(value, locale)))


class SummaryTable(QTableView):
    def __init__(self, model: CompareSummaryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareSummary")
        self.setAccessibleName(
            "Summary: hours over-booked, launches and cost per plan, differences marked"
        )
        self.setModel(model)
        self.setTabKeyNavigation(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        # Always there, so that the rows growing taller never narrows the width fitted to.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(False)
        header.setHighlightSections(False)
        # Wrapped onto a second line rather than elided: a plan's name reads whole.
        header.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        self.setItemDelegate(FigureDelegate(self))
        model.modelReset.connect(self.fit)

    def figure_width(self) -> int:
        """As wide as the longest figure's name, up to its share of the width."""
        model = self.model()
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max(
            (
                metrics.horizontalAdvance(str(model.index(row, 0).data() or ""))
                for row in range(model.rowCount())
            ),
            default=0,
        )
        share = max(FIGURE_LEAST, int(self.viewport().width() * FIGURE_SHARE))
        return min(widest + CELL_PADDING, share)

    def fit(self) -> None:
        """Column widths from the width, then each row and the header as tall as their text."""
        model = self.model()
        plans = model.columnCount() - 1
        if plans <= 0:
            return
        figure = self.figure_width()
        self.setColumnWidth(0, figure)
        room = self.viewport().width() - figure
        each = max(PLAN_LEAST, room // plans)
        for column in range(1, plans + 1):
            # The last plan takes the pixels the division left over.
            last = column == plans and each * plans <= room
            self.setColumnWidth(column, room - each * (plans - 1) if last else each)
        least = self.verticalHeader().defaultSectionSize()
        for row in range(model.rowCount()):
            self.setRowHeight(row, max(least, self.sizeHintForRow(row)))
        self._fit_header()

    def _fit_header(self) -> None:
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        tallest = 0
        for column in range(self.model().columnCount()):
            text = str(self.model().headerData(column, Qt.Orientation.Horizontal) or "")
            room = QRect(0, 0, max(1, self.columnWidth(column) - HEADER_PADDING), 10_000)
            wrapped = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text)
            tallest = max(tallest, wrapped.height())
        header.setMinimumHeight(tallest + HEADER_PADDING // 2 + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
