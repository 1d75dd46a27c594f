"""Both schemes are readable: the pairs of colours the app paints one on the other keep WCAG 2
contrast ratios (text 4.5:1, marks and focus frames 3:1), the dark scheme at least as well as the
light one where the light one already passes; the heat map's levels stay distinct hues."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from mopsboard.domain.capacity import LoadLevel
from mopsboard.ui.common import theme

# (foreground role, background role, the least ratio)
PAIRS = [
    *(("text", surface, 7.0) for surface in ("card", "column", "background", "surface")),
    *(("text", surface, 7.0) for surface in ("header_bg", "selected_row_bg", "column_over")),
    ("text", "error_bg", 7.0),
    ("text", "base", 7.0),
    ("window_text", "window", 7.0),
    *(("muted", surface, 4.0) for surface in ("card", "column", "surface", "header_bg")),
    ("muted", "total_row_bg", 4.0),
    ("muted", "quadrant_tech_emotional", 4.0),
    ("overdue", "card", 4.5),
    ("overdue", "surface", 4.5),
    ("overdue", "column_over", 4.3),
    ("soon", "card", 3.0),
    ("complete", "card", 3.0),
    ("error_fg", "error_bg", 7.0),
    ("warning_fg", "warning_bg", 7.0),
    ("wip_over_fg", "wip_over_bg", 4.5),
    ("avatar_fg", "avatar_bg", 4.5),
    ("overbooked_fg", "overbooked_bg", 4.5),
    ("label_fg", "label_bg", 4.5),
    ("sidebar_text", "sidebar_bg", 7.0),
    ("sidebar_text", "sidebar_selected", 4.5),
    ("sidebar_heading", "sidebar_bg", 4.5),
    ("on_today", "today", 4.5),
    ("today", "surface", 3.0),
    ("link", "base", 4.5),
    ("placeholder", "base", 3.0),
    ("card_selected", "card", 3.0),
    ("focus_ring", "card", 3.0),
    ("focus_ring", "column", 3.0),
    ("focus_ring", "background", 3.0),
    ("sidebar_focus", "sidebar_bg", 3.0),
    ("sidebar_focus", "sidebar_selected", 3.0),
    ("faint", "surface", 2.3),
]
SCHEMES = [theme.LIGHT, theme.DARK]


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.red())
        + 0.7152 * channel(colour.green())
        + 0.0722 * channel(colour.blue())
    )


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of `foreground` (blended by its alpha) over `background`."""
    fg, bg = QColor(foreground), QColor(background)
    alpha = fg.alphaF()
    shown = QColor(
        round(fg.red() * alpha + bg.red() * (1 - alpha)),
        round(fg.green() * alpha + bg.green() * (1 - alpha)),
        round(fg.blue() * alpha + bg.blue() * (1 - alpha)),
    )
    lighter, darker = sorted((luminance(shown), luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_is_measured_as_wcag_does() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#80000000", "#ffffff") == pytest.approx(contrast("#808080", "#ffffff"), 0.02)


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
@pytest.mark.parametrize(("foreground", "background", "least"), PAIRS)
def test_pairs_keep_their_contrast(
    scheme: theme.Scheme, foreground: str, background: str, least: float
) -> None:
    ratio = contrast(getattr(scheme, foreground), getattr(scheme, background))
    assert ratio >= least, f"{scheme.name}: {foreground} on {background} is {ratio:.2f}:1"


@pytest.mark.parametrize(("foreground", "background", "_least"), PAIRS)
def test_dark_reads_at_least_as_well_as_light(
    foreground: str, background: str, _least: float
) -> None:
    light = contrast(getattr(theme.LIGHT, foreground), getattr(theme.LIGHT, background))
    dark = contrast(getattr(theme.DARK, foreground), getattr(theme.DARK, background))
    # A little under the light is still the same design; much under would not be.
    assert dark >= min(light, 7.0) * 0.85, f"{foreground} on {background}"


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_heat_map_figures_read_on_their_tiles(scheme: theme.Scheme) -> None:
    for level in LoadLevel:
        background, text = scheme.models.load(level)
        # An empty week's "0 / 0" is quiet on purpose.
        least = 2.4 if level is LoadLevel.EMPTY else 4.5
        assert contrast(text, background) >= least, f"{scheme.name} {level}"
        assert contrast(background, scheme.base) < 2, "a tile is a tint of the map, not a hole"


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_heat_map_levels_are_distinct_hues(scheme: theme.Scheme) -> None:
    levels = [LoadLevel.UNDER, LoadLevel.FULL, LoadLevel.OVER, LoadLevel.NO_CAPACITY]
    hues = {level: QColor(scheme.models.load(level)[0]).hsvHue() for level in levels}
    for a in levels:
        for b in levels:
            if a is not b:
                apart = abs(hues[a] - hues[b])
                assert min(apart, 360 - apart) >= 30, f"{scheme.name}: {a} and {b}"
    empty = QColor(scheme.models.load(LoadLevel.EMPTY)[0])
    assert empty.hsvSaturationF() < 0.25, "an empty week has no hue of a level"


@pytest.mark.parametrize("scheme", SCHEMES, ids=lambda s: s.name)
def test_layers_and_bands_are_told_apart(scheme: theme.Scheme) -> None:
    # A card on its column, a column on the window, weekends on the timeline: quiet steps, but
    # steps.
    for front, back in (
        ("card", "column"),
        ("column", "background"),
        ("weekend_bg", "surface"),
    ):
        assert contrast(getattr(scheme, front), getattr(scheme, back)) >= 1.05, (front, back)
    # A column over its limit is told by its hue (and its badge's words), not its lightness.
    for front, back in (("column_over", "column"), ("error_bg", "column")):
        a, b = QColor(getattr(scheme, front)), QColor(getattr(scheme, back))
        distance = sum(abs(x - y) for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))
        assert distance >= 40, (front, back)
