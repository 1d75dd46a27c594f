"""Renders the app icon (mopsboard/resources/mopsboard.svg) into the hicolor theme's sizes under
mopsboard/resources/desktop/icons/hicolor/, named after the application id, with Qt's SVG
renderer: `.venv/bin/python packaging/render_icons.py` after changing the SVG (a test checks
that the committed PNGs match it)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mopsboard.app_id import DESKTOP_APP_ID  # noqa: E402

SOURCE = ROOT / "mopsboard" / "resources" / "mopsboard.svg"
HICOLOR = ROOT / "mopsboard" / "resources" / "desktop" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: bytes, size: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def png_path(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / f"{DESKTOP_APP_ID}.png"


def scalable_path() -> Path:
    return HICOLOR / "scalable" / "apps" / f"{DESKTOP_APP_ID}.svg"


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(["render_icons", "-platform", "offscreen"])
    svg = SOURCE.read_bytes()
    for size in SIZES:
        target = png_path(size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
    scalable_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable_path())
    del app
    print(f"{len(SIZES)} PNGs and the scalable SVG under {HICOLOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
