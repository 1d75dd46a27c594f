"""The change report: what changed in a campaign since its brief was approved, on one A4 page
for stakeholders (the launch, hours, cost and scope against the baseline, hours per team then
and now, and the dated changes with who made them). However many changes there are, the page
is one: lists are cut where the page ends and say how many more there are. A long line (the
campaign's name, an approval's note, a change) wraps onto the lines it needs, up to a few, rather
than being cut at the page's edge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter

from mopsboard.domain.baselines import Approval
from mopsboard.domain.since_approval import SinceApproval
from mopsboard.ui.common import theme
from mopsboard.ui.common.pdf_writer import a4_writer

# Paper is white whatever the screen shows: the report is in the light scheme.
PAPER = theme.LIGHT
LINE = 17
GAP = 10
MAX_TEAMS = 10
MAX_TASKS = 6
# The lines one wrapped text takes at most (beyond, it ends in "…"): a page holds many.
MAX_WRAPPED = 3


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


# Said where the cost moved because a rate changed (no change of the plan's shows it).
RATES_NOTE = "cost also follows rates changed since"


def approval_line(approval: Approval) -> str:
    note = f" \u2014 \u201c{approval.note}\u201d" if approval.note else ""
    return f"{_moment(approval.approved_at)}: {', '.join(approval.approved_by)}{note}"


def report_writer(path: Path, title: str) -> QPdfWriter:
    """A PDF writer on one A4 portrait page (what fits on A4 fits on Letter's width too)."""
    # Letter is 216 x 279 mm, A4 210 x 297: these margins keep the page inside both.
    return a4_writer(path, title, landscape=False, margins_mm=(15, 15, 15, 33))


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
        *,
        wrap: bool = False,
    ) -> int:
        """Draws `text` in `width` from the current line: cut with "…" to one line, or wrapped
        over the lines it needs (`wrap`). Returns the height it took (at least `height`)."""
        metrics = self.painter.fontMetrics()
        width = max(0, width)
        flags = int(align if align is not None else Qt.AlignmentFlag.AlignLeft)
        if wrap:
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width * MAX_WRAPPED)
            flags |= int(Qt.TextFlag.TextWordWrap)
            needed = self.painter.boundingRect(QRect(x, self.y, width, 10 * height), flags, shown)
            height = max(height, needed.height())
        else:
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        self.painter.drawText(
            QRect(x, self.y, width, height), flags | int(Qt.AlignmentFlag.AlignVCenter), shown
        )
        return height

    def height_of(self, width: int, text: str) -> int:
        """The height `text(..., wrap=True)` would take, in the current font."""
        shown = self.painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, max(0, width) * MAX_WRAPPED
        )
        flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
        needed = self.painter.boundingRect(QRect(0, 0, max(0, width), 10 * LINE), flags, shown)
        return max(LINE, needed.height())

    def line(self, text: str, indent: int = 0) -> None:
        self.y += self.text(indent, self.width - indent, text, wrap=True)

    def heading(self, text: str) -> None:
        self.y += GAP
        self.font(10.5, bold=True)
        self.line(text)
        self.painter.setPen(QColor(PAPER.border))
        self.painter.drawLine(0, self.y, self.width, self.y)
        self.y += 4
        self.font(9)


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
    page.y += page.text(0, page.width - 90, title, height=2 * LINE, wrap=True) + 4
    page.font(9, colour=PAPER.muted)
    page.line(f"Approved {approval_line(approval)}")
    page.line("The plan now against the baseline that approval took.")
    if since.rates_changed:
        page.line(f"Planned {RATES_NOTE} the approval (hourly rates of people or agencies).")
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
    # The newest matter most to a stakeholder: the list ends with them, as many as fit.
    what = page.width - 275
    room, used, first = page.height - page.y, 0, len(changes)
    for n in range(len(changes) - 1, -1, -1):
        needed = page.height_of(what, changes[n].text)
        # Room kept for the "and N earlier" line while there are earlier ones.
        if used + needed + (LINE if n else 0) > room:
            break
        used, first = used + needed, n
    if first:
        page.line(f"and {first} earlier changes", indent=8)
    for change in changes[first:]:
        who = change.author or "someone"
        page.text(8, 150, f"{change.at:%d %b %H:%M}")
        page.text(160, 110, who)
        page.y += page.text(275, what, change.text, wrap=True)
