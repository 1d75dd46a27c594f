"""A campaign's colour is its own, never the overdue red: a new campaign from a built-in template
(or a demo one) whose bars are red looks late on the timeline before it has begun."""

from __future__ import annotations

import colorsys

import pytest

from mopsboard.domain.builtin_templates import BUILTIN_TEMPLATES
from mopsboard.io.demo_data import CAMPAIGNS


def looks_red(colour: str) -> bool:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    return saturation > 0.4 and (hue * 360 < 20 or hue * 360 > 340)


def test_the_check_knows_red_from_other_colours() -> None:
    assert looks_red("#dc2626") and looks_red("#ef4444")
    assert not looks_red("#6366f1") and not looks_red("#f97316")


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.name)
def test_no_built_in_template_gives_a_campaign_the_overdue_red(template: object) -> None:
    assert not looks_red(template.colour)  # type: ignore[attr-defined]


@pytest.mark.parametrize("campaign", CAMPAIGNS, ids=lambda c: c.name)
def test_no_demo_campaign_is_red(campaign: object) -> None:
    assert not looks_red(campaign.colour)  # type: ignore[attr-defined]
