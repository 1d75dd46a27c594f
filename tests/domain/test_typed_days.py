"""Days as people type them, in the order their locale writes dates; part of a date is no date."""

from __future__ import annotations

from datetime import date

import pytest

from mopsboard.domain.typed_days import read_day

DEC_17 = date(2026, 12, 17)


@pytest.mark.parametrize(
    "text",
    ["2026-12-17", " 2026-12-17 ", "17.12.2026", "17/12/2026", "17 Dec 2026", "Dec 17, 2026"],
)
def test_a_day_first_locale_reads_the_common_forms(text: str) -> None:
    assert read_day(text, dayfirst=True) == DEC_17


@pytest.mark.parametrize("text", ["12/17/2026", "2026-12-17", "December 17, 2026", "17.12.2026"])
def test_a_month_first_locale_reads_its_order_and_unambiguous_days(text: str) -> None:
    assert read_day(text, dayfirst=False) == DEC_17


def test_the_locale_decides_an_ambiguous_day() -> None:
    assert read_day("05/06/2026", dayfirst=True) == date(2026, 6, 5)
    assert read_day("05/06/2026", dayfirst=False) == date(2026, 5, 6)


@pytest.mark.parametrize(
    "text", ["", "  ", "2026", "Dec 17", "17.12.", "2026-13-45", "31.02.2026", "soon", "32/01/2026"]
)
def test_text_that_is_not_a_whole_day_is_none(text: str) -> None:
    assert read_day(text, dayfirst=True) is None
