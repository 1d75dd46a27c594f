"""CSV that spreadsheet programs open as data: text that would start a formula is made inert.

A cell starting with =, +, -, @, a tab or a carriage return can be run as a formula by Excel,
LibreOffice or Google Sheets (CSV injection); a leading apostrophe makes them show it as text.
Numbers are data, never formulas, so they are written as they are (a negative number stays a
number).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Value = str | int | float | None


def neutralise(value: Value) -> str:
    """The cell text for `value`: numbers as they are, text quoted when it could be a formula."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def write_rows(handle: IO[str], rows: Iterable[Iterable[Value]]) -> None:
    """Writes rows as CSV to a text handle opened with newline=""."""
    writer = csv.writer(handle)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
