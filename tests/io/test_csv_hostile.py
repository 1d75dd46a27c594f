"""Any text at all, written as a CSV cell, reads back as text a spreadsheet will not run."""

from __future__ import annotations

import csv
import io
import math

from hostile import HOSTILE_TEXT
from hypothesis import given
from hypothesis import strategies as st

from mopsboard.io.csv_safe import FORMULA_STARTS, neutralise, write_rows

cells = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(exclude_categories=("Cs",))),
    st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), st.text()),
)


@given(cells)
def test_no_cell_starts_a_formula_and_plain_text_is_untouched(value: str) -> None:
    cell = neutralise(value)
    assert not cell.startswith(FORMULA_STARTS)
    if value.startswith(FORMULA_STARTS):
        assert cell == "'" + value
    else:
        assert cell == value


@given(st.lists(st.lists(cells, min_size=1, max_size=4), min_size=1, max_size=5))
def test_rows_read_back_cell_for_cell(rows: list[list[str]]) -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, rows)
    handle.seek(0)
    back = list(csv.reader(handle))
    expected = [[neutralise(value) for value in row] for row in rows]
    assert back == expected
    for row in back:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS)


@given(st.one_of(st.floats(allow_nan=False), st.integers()))
def test_numbers_stay_numbers(number: float) -> None:
    assert float(neutralise(number)) == float(number) or math.isinf(number)
