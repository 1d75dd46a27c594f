"""The change report: what changed in a campaign since its brief was approved, on one A4 page
for stakeholders (the launch, hours, cost and scope against the baseline, hours per team then
and now, and the dated changes with who made them). However many changes there are, the page
is one: lists are cut where the page ends and say how many more there are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from mopsboard.domain.baselines import Approval
from mopsboard.domain.since_approval import SinceApproval
from mopsboard.ui.common import theme

# Paper is white whatever the screen shows: the report is in the light scheme.
PAPER = theme.LIGHT
DPI = 96
LINE = 17
GAP = 10
MAX_TEAMS = 10
MAX_TASKS = 6


def signed(value: float, unit: str = "") -> str:
    text = f"{value:+,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:+,.0f}"
    return f"{text}{unit}".replace("-", "\u2212")


def money(value: float) -> str:
    return f"{value:,.2f}" if value % 1 else f"{value:,.0f}"


def shift_text(since: SinceApproval) -> str:
    days = since.launch_shift_days
    if days is None:
        return "no launch date to compare"
    if days == 0:
        return (
            "on the approved date" if since.launch_before == since.launch_now else "0 working days"
        )
    word = "later" if days > 0 else "earlier"
    return f"{abs(days)} working day{'s' if abs(days) != 1 else ''} {word}"


def day_text(day: date | None) -> str:
    return f"{day:%d %b %Y}" if day else "none"


def _moment(at: datetime) -> str:
    return f"{at:%d %b %Y %H:%M} UTC"


def approval_line(approval: Approval) -> str:
    note = f" \u2014 \u201c{approval.note}\u201d" if approval.note else ""
    return f"{_moment(approval.approved_at)}: {', '.join(approval.approved_by)}{note}"


def report_writer(path: Path, title: str) -> QPdfWriter:
    """A PDF writer on one A4 portrait page (what fits on A4 fits on Letter's width too)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            # Letter is 216 x 279 mm, A4 210 x 297: these margins keep the page inside both.
            QMarginsF(15, 15, 15, 33),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("mopsboard")
    return writer


def write_change_report(
    since: SinceApproval, history: Sequence[Approval], path: Path, today: date | None = None
) -> bool:
    """Writes the report; False when the file could not be written."""
    try:
        # Qt would only warn and draw nothing; asking the file system first gives a clear no.
        path.open("wb").close()
    except OSError:
        return False
    title = f"Changes since approval \u2014 {since.approval.baseline.name}"
    writer = report_writer(path, title)
    painter = QPainter()
    if not painter.begin(writer):
        return False
    try:
        paint_change_report(
            painter, QSize(writer.width(), writer.height()), since, history, today or date.today()
        )
    finally:
        painter.end()
    return path.exists() and path.stat().st_size > 0


class _Page:
    def __init__(self, painter: QPainter, size: QSize) -> None:
        self.painter = painter
        self.width = size.width()
        self.height = size.height()
        self.y = 0

    def font(self, size: float, *, bold: bool = False, colour: str = PAPER.text) -> None:
        font = QFont("Sans Serif")
        font.setPointSizeF(size)
        font.setBold(bold)
        self.painter.setFont(font)
        self.painter.setPen(QColor(colour))

    def text(
        self,
        x: int,
        width: int,
        text: str,
        align: Qt.AlignmentFlag | None = None,
        height: int = LINE,
    ) -> None:
        metrics = self.painter.fontMetrics()
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))
        flags = align if align is not None else Qt.AlignmentFlag.AlignLeft
        self.painter.drawText(
            QRect(x, self.y, width, height), int(flags | Qt.AlignmentFlag.AlignVCenter), shown
        )

    def line(self, text: str, indent: int = 0) -> None:
        self.text(indent, self.width - indent, text)
        self.y += LINE

    def heading(self, text: str) -> None:
        self.y += GAP
        self.font(10.5, bold=True)
        self.line(text)
        self.painter.setPen(QColor(PAPER.border))
        self.painter.drawLine(0, self.y, self.width, self.y)
        self.y += 4
        self.font(9)

    def rows_left(self, reserve: int = 0) -> int:
        return max(0, (self.height - self.y - reserve) // LINE)


def paint_change_report(
    painter: QPainter,
    size: QSize,
    since: SinceApproval,
    history: Sequence[Approval],
    today: date,
) -> None:
    """Paints the report on one page of `size`."""
    page = _Page(painter, size)
    approval = since.approval
    page.font(8, colour=PAPER.muted)
    page.text(0, page.width, f"{today:%d %b %Y}", Qt.AlignmentFlag.AlignRight)
    page.font(15, bold=True)
    title = f"Changes since approval \u2014 {approval.baseline.name}"
    page.text(0, page.width - 90, title, height=2 * LINE)
    page.y += 2 * LINE + 4
    page.font(9, colour=PAPER.muted)
    page.line(f"Approved {approval_line(approval)}")
    page.line("The plan now against the baseline that approval took.")
    _figures(page, since)
    _teams(page, since)
    _scope(page, since)
    if len(history) > 1:
        page.heading(f"Approvals ({len(history)})")
        shown = list(history)[-3:]
        if len(history) > len(shown):
            page.line(f"and {len(history) - len(shown)} earlier", indent=8)
        for earlier in shown:
            page.line(approval_line(earlier), indent=8)
    _changes(page, since)


def _figures(page: _Page, since: SinceApproval) -> None:
    page.y += GAP
    boxes = [
        (
            "Launch",
            _launches(since),
            shift_text(since),
        ),
        (
            "Hours",
            f"{since.hours_before:g} \u2192 {since.hours_now:g} h",
            signed(since.hours_delta, " h"),
        ),
        (
            "Planned cost",
            f"{money(since.cost_before)} \u2192 {money(since.cost_now)}",
            signed(since.cost_delta)
            + (f" (budget {money(since.budget)})" if since.budget is not None else ""),
        ),
        (
            "Scope",
            f"+{len(since.tasks_added)} / \u2212{len(since.tasks_removed)} tasks",
            signed(sum(t.hours for t in since.tasks_added), " h")
            + " / "
            + signed(-sum(t.hours for t in since.tasks_removed), " h"),
        ),
    ]
    width = (page.width - 3 * 8) // 4
    painter = page.painter
    top = page.y
    for n, (label, value, change) in enumerate(boxes):
        x = n * (width + 8)
        painter.setPen(QColor(PAPER.border))
        painter.setBrush(QColor(PAPER.surface))
        painter.drawRoundedRect(QRect(x, top, width, 3 * LINE + 10), 4, 4)
        page.y = top + 5
        page.font(8, colour=PAPER.muted)
        page.text(x + 8, width - 16, label)
        page.y += LINE
        page.font(8.5, bold=True)
        page.text(x + 8, width - 16, value)
        page.y += LINE
        page.font(9)
        page.text(x + 8, width - 16, change)
    page.y = top + 3 * LINE + 10


def _launches(since: SinceApproval) -> str:
    before, now = since.launch_before, since.launch_now
    if before and now and before.year == now.year:
        # The year once: the box is a quarter of the page wide.
        return f"{before:%d %b} \u2192 {now:%d %b %Y}"
    return f"{day_text(before)} \u2192 {day_text(now)}"


def _teams(page: _Page, since: SinceApproval) -> None:
    page.heading("Hours per team: at approval, now, change")
    columns = (page.width - 260, 80, 80, 100)
    teams = list(since.teams)
    shown = teams[:MAX_TEAMS]
    for team in shown:
        x = 8
        for width, text in zip(
            columns,
            (team.team, f"{team.before:g} h", f"{team.now:g} h", signed(team.delta, " h")),
            strict=True,
        ):
            align = Qt.AlignmentFlag.AlignLeft if x == 8 else Qt.AlignmentFlag.AlignRight
            page.text(x, width - 8, text, align)
            x += width
        page.y += LINE
    if not teams:
        page.line("No estimated hours then or now.", indent=8)
    elif len(teams) > len(shown):
        page.line(f"and {len(teams) - len(shown)} more teams", indent=8)


def _scope(page: _Page, since: SinceApproval) -> None:
    page.heading("Scope")
    for label, tasks in (("Added", since.tasks_added), ("Removed", since.tasks_removed)):
        if not tasks:
            page.line(f"{label}: none", indent=8)
            continue
        page.line(f"{label}: {len(tasks)} task{'s' if len(tasks) != 1 else ''}", indent=8)
        for task in tasks[:MAX_TASKS]:
            page.line(f"{task.title} ({task.hours:g} h)", indent=24)
        if len(tasks) > MAX_TASKS:
            page.line(f"and {len(tasks) - MAX_TASKS} more", indent=24)


def _changes(page: _Page, since: SinceApproval) -> None:
    changes = since.changes
    page.heading(f"Changes since approval ({len(changes)})")
    if not changes:
        page.line("None.", indent=8)
        return
    room = page.rows_left()
    # The newest matter most to a stakeholder: the list ends with them.
    shown = changes if len(changes) <= room else changes[len(changes) - (room - 1) :]
    if len(shown) < len(changes):
        page.line(f"and {len(changes) - len(shown)} earlier changes", indent=8)
    for change in shown:
        who = change.author or "someone"
        page.text(8, 150, f"{change.at:%d %b %H:%M}")
        page.text(160, 110, who)
        page.text(275, page.width - 275, change.text)
        page.y += LINE
