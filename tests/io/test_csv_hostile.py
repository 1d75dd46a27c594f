"""Any text at all, written as a CSV cell, reads back as text a spreadsheet will not run, and the
inverse gives back exactly what was written."""

from __future__ import annotations

import csv
import io
import math
import unicodedata

from hostile import HOSTILE_TEXT
from hypothesis import given
from hypothesis import strategies as st

from mopsboard.io.csv_safe import FORMULA_STARTS, neutralise, read_rows, restore, write_rows

# Written out here rather than taken from the module, so the test checks the rule, not itself.
TRIGGERS = "=+-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b"
INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u202e\u2066\u00a0 \n"
# Letters that draw nothing: combining grapheme joiner, Mongolian selectors, Hangul fillers.
BLANK = "\u034f\u180b\u180c\u180d\u180e\u115f\u1160\u3164\uffa0"

cells = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(exclude_categories=("Cs",))),
    st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text()),
    st.builds(
        lambda hidden, start, rest: hidden + start + rest,
        st.text(st.sampled_from(INVISIBLE + BLANK), min_size=1, max_size=3),
        st.sampled_from(TRIGGERS + "'"),
        st.text(),
    ),
    st.builds(lambda rest: "'" + rest, st.text()),
)


def _runs_as_formula(cell: str) -> bool:
    """What a spreadsheet that skips invisible characters and spaces would see first."""
    for ch in cell:
        if ch in TRIGGERS:
            return True
        hidden = ch.isspace() or ch in INVISIBLE + BLANK
        if not (hidden or unicodedata.category(ch) in ("Cf", "Cc")):
            return False
    return False


@given(cells)
def test_no_cell_starts_a_formula_and_plain_text_is_untouched(value: str) -> None:
    cell = neutralise(value)
    assert cell.startswith("'") or not _runs_as_formula(cell)
    if _runs_as_formula(value) or value.startswith("'"):
        assert cell == "'" + value
    else:
        assert cell == value


@given(cells)
def test_restore_is_the_inverse(value: str) -> None:
    assert restore(neutralise(value)) == value


@given(cells, cells)
def test_different_values_give_different_cells(one: str, other: str) -> None:
    assert (neutralise(one) == neutralise(other)) == (one == other)


@given(st.lists(st.lists(cells, min_size=0, max_size=4), min_size=1, max_size=5))
def test_rows_read_back_cell_for_cell(rows: list[list[str]]) -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, rows)
    handle.seek(0)
    back = list(csv.reader(handle))
    assert back == [[neutralise(value) for value in row] for row in rows]
    for row in back:
        for cell in row:
            assert cell.startswith("'") or not _runs_as_formula(cell)
            if any(ch in cell for ch in ',;"\n\r'):
                assert f'"{cell.replace(chr(34), chr(34) * 2)}"' in handle.getvalue()
    handle.seek(0)
    assert read_rows(handle) == rows


@given(st.one_of(st.floats(allow_nan=False), st.integers()))
def test_numbers_stay_numbers(number: float) -> None:
    assert float(neutralise(number)) == float(number) or math.isinf(number)
