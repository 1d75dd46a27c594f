"""The reports' PDF writer: an A4 page at the screen's resolution, titled and signed by the app."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

# Painted at the screen's resolution, so the reports' measures are the widgets' pixels.
DPI = 96


def a4_writer(
    path: Path, title: str, *, landscape: bool, margins_mm: tuple[float, float, float, float]
) -> QPdfWriter:
    """A writer of A4 pages to `path`, with margins (left, top, right, bottom) in millimetres."""
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(*margins_mm),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("mopsboard")
    return writer
