"""The capacity map as a PDF report (A4 landscape): the map in its colours, ten weeks per page
band, then what the map does not count and who is over their WIP limit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter

from mopsboard.domain.capacity import CapacityMap, RowKind
from mopsboard.io.capacity_export import hours_text, over_wip
from mopsboard.ui.common import theme
from mopsboard.ui.common.pdf_writer import a4_writer

# Paper is white whatever the screen shows: the report is in the light scheme.
PAPER = theme.LIGHT

WEEKS_PER_BAND = 10
ROW = 22
NAME_WIDTH = 200


class _Pages:
    """A painter on pages of one size that starts a new page when the next block would not
    fit."""

    def __init__(
        self, painter: QPainter, size: QSize, new_page: Callable[[], object], title: str
    ) -> None:
        self.painter = painter
        self.new_page = new_page
        self.title = title
        self.width = size.width()
        self.height = size.height()
        self.y = 0
        self.page = 1
        self._header()

    def _header(self) -> None:
        painter = self.painter
        painter.setFont(QFont("Sans Serif", 8))
        painter.setPen(QColor(PAPER.muted))
        label = f"page {self.page} \u00b7 {date.today():%d %b %Y}"
        label_width = painter.fontMetrics().horizontalAdvance(label)
        painter.drawText(QRect(0, 0, self.width, 28), int(Qt.AlignmentFlag.AlignRight), label)
        font = QFont("Sans Serif", 14)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(PAPER.text))
        room = self.width - label_width - 16
        painter.drawText(
            QRect(0, 0, room, 28),
            int(Qt.AlignmentFlag.AlignLeft),
            _elided(painter, self.title, room),
        )
        self.y = 36

    def need(self, height: int) -> None:
        if self.y + height > self.height:
            self.new_page()
            self.page += 1
            self._header()

    def paragraph(self, text: str, indent: int = 0, gap: int = 4) -> None:
        """Draws `text` in the painter's font and pen, wrapped at the right margin."""
        painter = self.painter
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        width = self.width - indent
        needed = painter.boundingRect(QRect(0, 0, width, self.height), flags, text)
        pen, font = painter.pen(), painter.font()
        self.need(needed.height())
        # A new page's header paints in its own font and colour.
        painter.setPen(pen)
        painter.setFont(font)
        painter.drawText(QRect(indent, self.y, width, needed.height()), flags, text)
        self.y += needed.height() + gap


def _elided(painter: QPainter, text: str, width: int) -> str:
    return painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width)


def _map_band(pages: _Pages, capacity: CapacityMap, weeks: range) -> None:
    painter = pages.painter
    cell_width = max(48, (pages.width - NAME_WIDTH) // max(1, len(weeks)))
    regular = QFont("Sans Serif", 8)
    bold = QFont(regular)
    bold.setBold(True)

    def header() -> None:
        painter.setFont(bold)
        painter.setPen(QColor(PAPER.text))
        painter.drawText(
            QRect(0, pages.y, NAME_WIDTH, ROW), int(Qt.AlignmentFlag.AlignVCenter), "Team / member"
        )
        for n, week in enumerate(weeks):
            start = capacity.period.starts[week]
            box = QRect(NAME_WIDTH + n * cell_width, pages.y, cell_width, ROW)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), f"{start:%d %b}")
        pages.y += ROW

    pages.need(ROW * 3)
    header()
    for row in capacity.rows:
        if pages.y + ROW > pages.height:
            pages.need(pages.height)
            header()
        total = row.kind is RowKind.TOTAL
        painter.setFont(bold if total else regular)
        if total:
            painter.fillRect(QRect(0, pages.y, pages.width, ROW), QColor(PAPER.total_row_bg))
            painter.setBrush(QColor(row.team.colour))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QRect(4, pages.y + ROW // 2 - 4, 8, 8))
        painter.setPen(QColor(PAPER.muted if row.kind is RowKind.UNASSIGNED else PAPER.text))
        indent = 18 if total else 26
        room = NAME_WIDTH - indent - 4
        painter.drawText(
            QRect(indent, pages.y, room, ROW),
            int(Qt.AlignmentFlag.AlignVCenter),
            _elided(painter, row.label, room),
        )
        for n, week in enumerate(weeks):
            cell = capacity.cell(row, week)
            background, text = PAPER.models.load(cell.level)
            box = QRect(NAME_WIDTH + n * cell_width, pages.y, cell_width, ROW).adjusted(
                1, 1, -1, -1
            )
            painter.fillRect(box, QColor(background))
            painter.setPen(QColor(text))
            painter.drawText(
                box,
                int(Qt.AlignmentFlag.AlignCenter),
                f"{hours_text(cell.planned)} / {hours_text(cell.available)}",
            )
        pages.y += ROW
    pages.y += ROW


def _lines(pages: _Pages, heading: str, lines: list[str]) -> None:
    painter = pages.painter
    font = QFont("Sans Serif", 10)
    font.setBold(True)
    pages.need(ROW * 2)
    painter.setFont(font)
    painter.setPen(QColor(PAPER.text))
    painter.drawText(
        QRect(0, pages.y, pages.width, ROW), int(Qt.AlignmentFlag.AlignVCenter), heading
    )
    pages.y += ROW
    painter.setFont(QFont("Sans Serif", 8))
    for line in lines:
        pages.paragraph(line, indent=12)
    pages.y += ROW // 2


def report_writer(path: Path, title: str) -> QPdfWriter:
    """A PDF writer on A4 landscape pages, the report's page."""
    return a4_writer(path, title, landscape=True, margins_mm=(12, 12, 12, 12))


def write_capacity_pdf(capacity: CapacityMap, wip: dict[int, int], path: Path, title: str) -> bool:
    """Writes the report; False when the file could not be written."""
    try:
        # Qt would only warn and draw nothing; asking the file system first gives a clear no.
        path.open("wb").close()
    except OSError:
        return False
    writer = report_writer(path, title)
    painter = QPainter()
    if not painter.begin(writer):
        return False
    try:
        paint_report(
            painter, QSize(writer.width(), writer.height()), writer.newPage, capacity, wip, title
        )
    finally:
        painter.end()
    return path.exists() and path.stat().st_size > 0


def paint_report(
    painter: QPainter,
    page: QSize,
    new_page: Callable[[], object],
    capacity: CapacityMap,
    wip: dict[int, int],
    title: str,
) -> None:
    """Paints the report on pages of `page`'s size, calling `new_page` before each but the
    first."""
    period = capacity.period
    pages = _Pages(painter, page, new_page, title)
    painter.setFont(QFont("Sans Serif", 9))
    painter.setPen(QColor(PAPER.muted))
    pages.paragraph(
        f"{period.weeks} weeks from Monday {period.first:%d %b %Y}. Each cell: hours planned "
        "/ hours available. Green under 80%, amber 80 to 100%, red over 100%, purple: "
        "planned with no hours available.",
        gap=12,
    )
    for start in range(0, period.weeks, WEEKS_PER_BAND):
        _map_band(pages, capacity, range(start, min(period.weeks, start + WEEKS_PER_BAND)))
    over = over_wip(capacity, wip)
    if over:
        _lines(
            pages,
            "Over their WIP limit",
            [
                f"{name}: {count} tasks in active stages, limit {limit}"
                for name, count, limit in over
            ],
        )
    uncounted = [
        f"{team.name if team else 'No team'}: #{entry.task_id} {entry.title} ({entry.reason})"
        for team, entries in capacity.uncounted_by_team()
        for entry in entries
    ]
    _lines(pages, "Not counted", uncounted or ["Every open task in these weeks is counted."])
