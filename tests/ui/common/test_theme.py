"""Colours are named once, by role, in a light and a dark scheme: no hex colour literal in ui/ or
qt/ outside the theme (and the palette the item models serve from), every role of both schemes
is a colour, and the style sheet of each names no colour of its own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

import mopsboard
from mopsboard.domain.capacity import LoadLevel
from mopsboard.domain.models import CampaignStatus
from mopsboard.qt.common import palette
from mopsboard.ui.common import theme

PACKAGE = Path(mopsboard.__file__).parent
HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
HOMES = {PACKAGE / "ui" / "common" / "theme.py", PACKAGE / "qt" / "common" / "palette.py"}
OLD_NAME = re.compile(r"\btheme\.([A-Z][A-Z_]+)\b")


@pytest.fixture
def dark_in_use() -> Iterator[None]:
    theme.use(theme.DARK)
    yield
    theme.use(theme.LIGHT)


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


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=lambda s: s.name)
def test_every_role_of_both_schemes_is_a_colour(scheme: theme.Scheme) -> None:
    assert len(theme.ROLES) > 50
    for role in theme.ROLES:
        value = getattr(scheme, role)
        assert isinstance(value, str) and QColor(value).isValid(), f"{scheme.name}.{role}"


@pytest.mark.parametrize("colours", [palette.LIGHT, palette.DARK], ids=["light", "dark"])
def test_every_model_colour_of_both_sets_is_a_colour(colours: palette.ModelColours) -> None:
    for field in fields(colours):
        value = getattr(colours, field.name)
        if field.name != "dark":
            assert isinstance(value, str) and QColor(value).isValid(), field.name
    for level in LoadLevel:
        background, text = colours.load(level)
        assert QColor(background).isValid() and QColor(text).isValid()
    for status in CampaignStatus:
        assert QColor(colours.status(status)).isValid()


def test_the_old_constants_are_the_light_sets() -> None:
    names = [name for name in vars(palette) if name.isupper() and name not in ("LIGHT", "DARK")]
    assert names
    for name in names:
        assert getattr(palette, name) == getattr(palette.LIGHT, name.lower()), name


@pytest.mark.parametrize("scheme", [theme.LIGHT, theme.DARK], ids=lambda s: s.name)
def test_the_style_sheet_names_no_colour_of_its_own(scheme: theme.Scheme) -> None:
    # Its colours come from the scheme's roles: each hex in it is the value of one of them.
    named = {str(getattr(scheme, role)).lower() for role in theme.ROLES}
    sheet = theme.style_sheet(scheme).lower()
    assert set(HEX_COLOUR.findall(sheet)) <= named
    assert "white" not in sheet and "black" not in sheet


def test_the_old_names_read_the_scheme_in_use(dark_in_use: None) -> None:
    assert theme.current() is theme.DARK
    assert theme.DARK.text == theme.TEXT
    assert palette.DARK.load_over_bg == theme.OVERBOOKED_BG
    assert theme.style_sheet(theme.DARK) == theme.STYLE_SHEET
    with pytest.raises(AttributeError):
        _ = theme.NOT_A_ROLE


def test_every_old_name_in_use_is_a_role() -> None:
    # mypy cannot check names read through the module's __getattr__: this does.
    used = {
        match
        for root in (PACKAGE, PACKAGE.parent / "tests")
        for path in root.rglob("*.py")
        for match in OLD_NAME.findall(path.read_text("utf-8"))
    }
    assert used
    defined = {name for name in vars(theme) if name.isupper()}
    unknown = used - defined - {"STYLE_SHEET", "NOT_A_ROLE"} - {r.upper() for r in theme.ROLES}
    assert unknown == set()
