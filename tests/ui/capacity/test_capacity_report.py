"""The capacity PDF report stays inside its page: the legend, the names and the lists below the
map are wrapped or shortened at the right margin, never cut by it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.domain.capacity import CapacityMap
from mopsboard.domain.models import Member, Task, Team
from mopsboard.qt.capacity.capacity_model import CapacityModel
from mopsboard.store.workspace import Workspace
from mopsboard.ui.capacity.capacity_report import (
    paint_report,
    report_writer,
    write_capacity_pdf,
)
from mopsboard.ui.common.pdf_writer import DPI

MON = date(2026, 3, 2)
LONG_NAME = "Brightline Creative and Partners (agency, retained for the EMEA launches)"


def page_size(tmp_path: Path) -> QSize:
    writer = report_writer(tmp_path / "size.pdf", "size")
    return QSize(writer.width(), writer.height())


class MeasuringPainter(QPainter):
    """A painter that notes, for every text drawn in a box, how much room the text needed."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[tuple[str, QRect, QRect]] = []

    def drawText(self, *args: object) -> None:
        if len(args) == 3 and isinstance(args[0], QRect):
            box, flags, text = args
            needed = self.boundingRect(box, int(flags), str(text))  # type: ignore[call-overload]
            self.texts.append((str(text), QRect(box), needed))
        super().drawText(*args)  # type: ignore[call-overload]


def painted(capacity: CapacityMap, page: QSize) -> tuple[int, list[tuple[str, QRect, QRect]]]:
    """Paints the report at the PDF's resolution: its pages, and each text with its box and
    the room it needed."""
    canvas = QImage(page, QImage.Format.Format_RGB32)
    dots_per_metre = round(DPI / 0.0254)
    canvas.setDotsPerMeterX(dots_per_metre)
    canvas.setDotsPerMeterY(dots_per_metre)
    pages = [1]
    painter = MeasuringPainter(canvas)
    try:
        paint_report(painter, page, lambda: pages.append(1), capacity, {}, "Capacity")
    finally:
        painter.end()
    return len(pages), painter.texts


def assert_inside(texts: list[tuple[str, QRect, QRect]], page: QSize) -> None:
    sheet = QRect(0, 0, page.width(), page.height())
    assert texts
    for text, box, needed in texts:
        # Qt clips a text to its box: one that needs more room is cut where the box ends.
        assert box.contains(needed), (text, box, needed)
        assert sheet.contains(box), (text, box, sheet)


def capacity_of(ws: Workspace, weeks: int) -> CapacityMap:
    model = CapacityModel(ws)
    model.set_period(Period(MON, weeks))
    return model.capacity


def test_the_report_paints_inside_its_page(
    qtbot: QtBot, capacity_ws: Workspace, tmp_path: Path
) -> None:
    page = page_size(tmp_path)
    pages, texts = painted(capacity_of(capacity_ws, 8), page)
    assert pages == 1
    assert_inside(texts, page)
    assert any(text.startswith("8 weeks from Monday") for text, _box, _needed in texts)


def test_long_names_and_many_weeks_stay_inside_the_page(
    qtbot: QtBot, capacity_ws: Workspace, tmp_path: Path
) -> None:
    ws = capacity_ws
    team = ws.add_team(Team(name=LONG_NAME))
    member = ws.add_member(Member(team_id=team.key, name=f"{LONG_NAME} member"))
    board = ws.boards()[0].key
    ws.add_task(
        Task(
            board_id=board,
            stage_id=ws.stages(board)[1].key,
            title=f"Not counted: {LONG_NAME} " * 2,
            assignee_id=member.key,
            due_date=MON + timedelta(days=3),
        )
    )
    page = page_size(tmp_path)
    pages, texts = painted(capacity_of(ws, 26), page)
    assert pages >= 2
    assert_inside(texts, page)


def test_the_report_file_is_written(qtbot: QtBot, capacity_ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "capacity.pdf"
    assert write_capacity_pdf(capacity_of(capacity_ws, 8), {}, target, "Capacity")
    assert target.read_bytes().startswith(b"%PDF")
