"""The row of stage headers above the board's columns, outside the area that scrolls up and
down, so a board split into swimlanes keeps its stage names in sight however far down it is
scrolled. It follows the board sideways, and its columns are laid out as the board's are (the
same widths, margins and spacing), so each header stays over its column."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QSizePolicy, QWidget

from mopsboard.ui.board.stage_header import StageHeader

# What the board's grid and this strip share, so their columns line up.
MARGIN = 10
SPACING = 10


def shape_column(grid: QGridLayout, count: int) -> None:
    """Columns of equal stretch: two grids of as many columns with the same bounds on each
    column's width, given the same width, lay their columns out alike."""
    for column in range(count):
        grid.setColumnStretch(column, 1)


class HeaderStrip(QScrollArea):
    def __init__(self, board: QScrollArea, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stageHeaders")
        self.board = board
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        board.horizontalScrollBar().valueChanged.connect(self.horizontalScrollBar().setValue)
        board.horizontalScrollBar().rangeChanged.connect(self._follow_range)
        # The board's scroll bar narrows what its columns have: the strip leaves that room too.
        board.verticalScrollBar().installEventFilter(self)
        self.headers: list[StageHeader] = []

    def set_headers(self, headers: list[StageHeader], min_width: int, max_width: int) -> None:
        host = QWidget()
        host.setObjectName("stageHeaderRow")
        grid = QGridLayout(host)
        grid.setContentsMargins(MARGIN, MARGIN, MARGIN, 0)
        grid.setHorizontalSpacing(SPACING)
        for column, header in enumerate(headers):
            header.setMinimumWidth(min_width)
            header.setMaximumWidth(max_width)
            header.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            grid.addWidget(header, 0, column)
        shape_column(grid, len(headers))
        self.headers = headers
        self.setWidget(host)
        self.setFixedHeight(host.sizeHint().height())
        self._follow_scroll_bar()
        self._follow_range()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.Resize):
            self._follow_scroll_bar()
        return False

    def _follow_scroll_bar(self) -> None:
        bar = self.board.verticalScrollBar()
        self.setViewportMargins(0, 0, bar.width() if bar.isVisible() else 0, 0)

    def _follow_range(self, *_range: int) -> None:
        self.horizontalScrollBar().setValue(self.board.horizontalScrollBar().value())
