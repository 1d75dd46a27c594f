"""Colours are named once, by role: no hex colour literal in ui/ or qt/ outside the theme (and
the palette the item models serve from), and every name there is a colour."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor

import mopsboard
from mopsboard.qt.common import palette
from mopsboard.ui.common import theme

PACKAGE = Path(mopsboard.__file__).parent
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
HOMES = {PACKAGE / "ui" / "common" / "theme.py", PACKAGE / "qt" / "common" / "palette.py"}


def test_no_hex_colour_outside_the_theme() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}: {match}"
        for layer in ("ui", "qt")
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if path not in HOMES
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        for match in HEX_COLOUR.findall(line)
    ]
    assert offenders == []


def test_every_named_colour_is_a_colour() -> None:
    for module in (theme, palette):
        names = [name for name in vars(module) if name.isupper() and name != "STYLE_SHEET"]
        assert names
        for name in names:
            value = getattr(module, name)
            assert isinstance(value, str) and QColor(value).isValid(), f"{module.__name__}.{name}"


def test_the_style_sheet_names_no_colour_of_its_own() -> None:
    # Its colours come from the names above: each hex in it is the value of one of them.
    names = [name for name in vars(theme) if name.isupper() and name != "STYLE_SHEET"]
    named = {getattr(theme, name).lower() for name in names}
    assert set(HEX_COLOUR.findall(theme.STYLE_SHEET.lower())) <= named
