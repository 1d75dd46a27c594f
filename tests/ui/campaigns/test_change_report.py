"""The change report: one page, whatever the number of changes, holding the figures (read back
from the painter's texts), every text inside the page; and exported as a user does it."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from mopsboard.domain.baselines import Approval, Baseline, BaselineTask
from mopsboard.domain.campaign_log import CampaignEditKind, ChangeEntry
from mopsboard.domain.ids import CampaignId, TaskId, TeamId
from mopsboard.domain.since_approval import SinceApproval, since_approval
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.campaigns_view import CampaignsView
from mopsboard.ui.campaigns.change_report import (
    paint_change_report,
    report_writer,
    write_change_report,
)
from mopsboard.ui.common.pdf_writer import DPI
from mopsboard.ui.shell.main_window import MainWindow

APPROVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CONTENT, AGENCY = TeamId(1), TeamId(2)


def task(n: int, title: str, hours: float, team: TeamId, team_name: str) -> BaselineTask:
    return BaselineTask(
        id=TaskId(n), title=title, estimate_hours=hours, team_id=team, team=team_name
    )


def a_comparison(changes: int) -> SinceApproval:
    """Then: landing page 10 h and email 8 h (Content), at 2820; now the landing page is the
    agency's, the email is gone and social posts (3 h) came, at 3600; the launch moved 3
    working days."""
    then = Baseline(
        campaign_id=CampaignId(1),
        name="Spring launch",
        launch_date=date(2026, 3, 18),
        budget=5000,
        tasks=(
            task(1, "Landing page", 10, CONTENT, "Content"),
            task(2, "Email copy", 8, CONTENT, "Content"),
        ),
        planned_cost=2820,
        total_hours=18,
    )
    now = then.model_copy(
        update={
            "launch_date": date(2026, 3, 23),
            "tasks": (
                task(1, "Landing page", 10, AGENCY, "Agency"),
                task(3, "Social posts", 3, AGENCY, "Agency"),
            ),
            "planned_cost": 3600,
            "total_hours": 13,
        }
    )
    approval = Approval(
        id=1,
        campaign_id=CampaignId(1),
        approved_at=APPROVED,
        approved_by=("Product", "Legal/compliance"),
        note="go",
        baseline=then,
    )
    log = [
        ChangeEntry(
            at=APPROVED + timedelta(minutes=n + 1),
            author="Mo",
            kind=CampaignEditKind.TASK_EDITED,
            task_id=TaskId(1),
            title=f"Edit number {n + 1}",
            fields=("estimate_hours",),
        )
        for n in range(changes)
    ]
    return since_approval(approval, now, changes=log)


class RecordingPainter(QPainter):
    """A painter that keeps every text it draws in a box, with the room the text needed."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[tuple[str, QRect, QRect]] = []

    def drawText(self, *args: object) -> None:
        if len(args) == 3 and isinstance(args[0], QRect):
            box, flags, text = args
            needed = self.boundingRect(box, int(flags), str(text))  # type: ignore[call-overload]
            self.texts.append((str(text), QRect(box), needed))
        super().drawText(*args)  # type: ignore[call-overload]


def painted(since: SinceApproval, tmp_path: Path, name: str) -> tuple[QSize, list[str]]:
    writer = report_writer(tmp_path / "size.pdf", "size")
    page = QSize(writer.width(), writer.height())
    canvas = QImage(page, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    dots_per_metre = round(DPI / 0.0254)
    canvas.setDotsPerMeterX(dots_per_metre)
    canvas.setDotsPerMeterY(dots_per_metre)
    painter = RecordingPainter(canvas)
    try:
        paint_change_report(painter, page, since, [since.approval], date(2026, 3, 20))
    finally:
        painter.end()
    if folder := os.environ.get("MOPSBOARD_SHOTS"):
        canvas.save(str(Path(folder) / f"{name}.png"))
    sheet = QRect(0, 0, page.width(), page.height())
    for text, box, needed in painter.texts:
        assert sheet.contains(box), (text, box, sheet)
        assert needed.bottom() <= sheet.bottom(), text
    return page, [text for text, _box, _needed in painter.texts]


def test_the_report_holds_the_figures(tmp_path: Path, qtbot: QtBot) -> None:
    _page, texts = painted(a_comparison(2), tmp_path, "change-report")
    assert "Changes since approval \u2014 Spring launch" in texts
    assert (
        "Approved 02 Mar 2026 09:00 UTC: Product, Legal/compliance \u2014 \u201cgo\u201d" in texts
    )
    # Wed 18 to Mon 23 Mar: Thu, Fri, Mon.
    assert "18 Mar \u2192 23 Mar 2026" in texts
    assert "3 working days later" in texts
    assert "18 \u2192 13 h" in texts and "\u22125 h" in texts
    assert "2,820 \u2192 3,600" in texts and "+780 (budget 5,000)" in texts
    assert "+1 / \u22122 tasks" not in texts  # one added, one removed
    assert "+1 / \u22121 tasks" in texts
    assert texts[texts.index("Agency") :][:4] == ["Agency", "0 h", "13 h", "+13 h"]
    assert texts[texts.index("Content") :][:4] == ["Content", "18 h", "0 h", "\u221218 h"]
    assert "Social posts (3 h)" in texts and "Email copy (8 h)" in texts
    assert "Task 'Edit number 2' edited: estimate" in texts


def test_many_changes_still_fit_one_page_and_say_how_many_more(
    tmp_path: Path, qtbot: QtBot
) -> None:
    _page, texts = painted(a_comparison(300), tmp_path, "change-report-many")
    more = [t for t in texts if re.fullmatch(r"and \d+ earlier changes", t)]
    assert len(more) == 1
    hidden = int(more[0].split()[1])
    shown = [t for t in texts if t.startswith("Task 'Edit number")]
    assert hidden + len(shown) == 300
    assert shown[-1] == "Task 'Edit number 300' edited: estimate"  # the newest are kept


def test_the_pdf_is_one_page(tmp_path: Path, qtbot: QtBot) -> None:
    path = tmp_path / "report.pdf"
    assert write_change_report(a_comparison(300), [], path, date(2026, 3, 20))
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == 1
    assert b"Changes since approval" in data or b"/Title" in data


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "Documents"
    folder.mkdir()
    found = QStandardPaths.writableLocation
    monkeypatch.setattr(
        QStandardPaths,
        "writableLocation",
        lambda kind: (
            str(folder)
            if kind == QStandardPaths.StandardLocation.DocumentsLocation
            else found(kind)
        ),
    )
    return folder


def test_export_from_the_campaigns_menu(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    planned_ws: Workspace,
    documents: Path,
) -> None:
    campaign = planned_ws.campaign_named("Spring launch")
    planned_ws.approve(campaign.key, ["Product"], "")
    window = open_window(planned_ws)
    assert window.show_view("campaigns")
    page = window.pages["campaigns"]
    assert isinstance(page, CampaignsView)
    assert page.select(campaign.key)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)
            return
        dialog.selectFile(str(documents / "for legal"))
        dialog.accept()

    QTimer.singleShot(0, answer)
    page.export_selected_report()
    target = documents / "for legal.pdf"
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in window.statusBar().currentMessage()


def test_long_title_note_and_change_are_wrapped_not_cut(tmp_path: Path, qtbot: QtBot) -> None:
    """The trial's report: a long name, a long note and a campaign move naming three dates
    were cut short ("SaaS Connect summit b…") while half the page was empty."""
    since = a_comparison(3)
    name = "SaaS Connect summit booth, demo stations and follow-up programme for EMEA"
    note = (
        "Re-approved after the launch moved to 22 Jan and the agency took over the booth "
        "design, with the smaller travel budget"
    )
    moved = ChangeEntry(
        at=APPROVED + timedelta(hours=2),
        author="Mo",
        kind=CampaignEditKind.SHIFTED,
        fields=("start_date", "launch_date", "end_date"),
        values={
            "start_date": ("2026-12-06", "2026-12-13"),
            "launch_date": ("2027-01-15", "2027-01-22"),
            "end_date": ("2027-02-01", "2027-02-08"),
        },
    )
    baseline = since.approval.baseline.model_copy(update={"name": name})
    approval = since.approval.model_copy(update={"note": note, "baseline": baseline})
    since = since.model_copy(update={"approval": approval, "changes": (*since.changes, moved)})
    writer = report_writer(tmp_path / "size.pdf", "size")
    page = QSize(writer.width(), writer.height())
    canvas = QImage(page, QImage.Format.Format_RGB32)
    canvas.fill(Qt.GlobalColor.white)
    painter = RecordingPainter(canvas)
    try:
        paint_change_report(painter, page, since, [since.approval], date(2026, 3, 20))
    finally:
        painter.end()
    if folder := os.environ.get("MOPSBOARD_SHOTS"):
        canvas.save(str(Path(folder) / "change-report-long.png"))
    texts = {text: (box, needed) for text, box, needed in painter.texts}
    for whole in (
        f"Changes since approval \u2014 {name}",
        f"Approved 02 Mar 2026 09:00 UTC: Product, Legal/compliance \u2014 \u201c{note}\u201d",
        moved.text,
    ):
        assert whole in texts, whole
    for text, (box, needed) in texts.items():
        # Every text has the room it needs: nothing is cut at its box's edge.
        assert needed.height() <= box.height(), (text, box, needed)
    # Each text starts below the one above it in its column: wrapped lines overlap nothing.
    lefts: dict[int, int] = {}
    for text, box, needed in painter.texts:
        above = lefts.get(needed.left())
        assert above is None or box.top() >= above, text
        lefts[needed.left()] = box.top() + needed.height()
