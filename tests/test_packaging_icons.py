"""The hicolor icons are the app icon, rendered at every size (packaging/render_icons.py): a
change to the SVG without rendering them again fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parent.parent


def render_icons() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def largest_difference(a: QImage, b: QImage) -> int:
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    assert a.size() == b.size()
    pairs = zip(a.constBits().tobytes(), b.constBits().tobytes(), strict=True)
    return max(abs(x - y) for x, y in pairs)


def test_every_hicolor_size_matches_the_svg(qtbot: QtBot) -> None:
    icons = render_icons()
    assert icons.SIZES[0] == 16 and icons.SIZES[-1] == 512
    svg = icons.SOURCE.read_bytes()
    for size in icons.SIZES:
        committed = QImage(str(icons.png_path(size)))
        assert (committed.width(), committed.height()) == (size, size), size
        # A few steps of antialiasing may differ between Qt releases; another drawing does not.
        assert largest_difference(committed, icons.render(svg, size)) <= 16, size


def test_the_scalable_icon_is_the_app_icon() -> None:
    icons = render_icons()
    assert icons.scalable_path().read_bytes() == icons.SOURCE.read_bytes()
