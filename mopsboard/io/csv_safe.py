"""CSV that spreadsheet programs open as data: text that would start a formula is made inert,
reversibly.

A cell starting with =, +, -, @, a tab or a carriage return can be run as a formula by Excel,
LibreOffice or Google Sheets (CSV injection, OWASP); so can the full-width forms of those four
signs, which some spreadsheets fold to ASCII, and any of these behind invisible characters or
spaces that an importer may trim (zero-width space and joiners, BOM, word joiner, bidi
controls). Such a cell gets a leading apostrophe, which spreadsheets show as text. A cell that
already starts with an apostrophe gets one more, so `restore` strips exactly one and gives back
the value: `=x` and `'=x` stay two different cells. Numbers are data, never formulas, so they
are written as they are (a negative number stays a number).
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from typing import IO

APOSTROPHE = "'"
FORMULA_STARTS = (
    *("=", "+", "-", "@", "\t", "\r"),
    *("\uff1d", "\uff0b", "\uff0d", "\uff20"),  # full-width = + - @
    *("\ufe66", "\ufe62", "\ufe63", "\ufe6b"),  # their small forms
)
# Letters that draw nothing but are not format characters: combining grapheme joiner, Mongolian
# variation selectors and vowel separator, Hangul fillers.
_BLANK_LETTERS = frozenset("\u034f\u180b\u180c\u180d\u180e\u115f\u1160\u3164\uffa0")
# Every separator a spreadsheet may guess or be set to, not only the "," written: a European
# spreadsheet splits at ";", some importers at tabs. csv.QUOTE_MINIMAL looks only at the
# delimiter in use, and QUOTE_ALL would quote numbers too, which LibreOffice's "quoted field as
# text" option then reads as text; so text cells holding any of these are quoted, nothing else.
_QUOTE_IF_IN = frozenset(',;"\n\r\t')
Value = str | int | float | None


def _invisible(ch: str) -> bool:
    return ch.isspace() or ch in _BLANK_LETTERS or unicodedata.category(ch) in ("Cf", "Cc")


def _runs_as_formula(text: str) -> bool:
    for ch in text:
        if ch in FORMULA_STARTS:
            return True
        if not _invisible(ch):
            return False
    return False


def neutralise(value: Value) -> str:
    """The cell text for `value`: numbers as they are, text with an apostrophe in front when it
    could be a formula or already starts with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(APOSTROPHE) or _runs_as_formula(text):
        return APOSTROPHE + text
    return text


def restore(cell: str) -> str:
    """The text `neutralise` was given for this cell (numbers come back as their text)."""
    return cell[1:] if cell.startswith(APOSTROPHE) else cell


def _field(cell: str, alone: bool) -> str:
    # A row of one empty cell must not read back as an empty row.
    if _QUOTE_IF_IN.intersection(cell) or (alone and not cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_rows(handle: IO[str], rows: Iterable[Iterable[Value]]) -> None:
    """Writes rows as CSV (RFC 4180, CRLF line ends) to a text handle opened with newline=""."""
    for row in rows:
        cells = [neutralise(value) for value in row]
        handle.write(",".join(_field(cell, len(cells) == 1) for cell in cells) + "\r\n")


def read_rows(handle: IO[str]) -> list[list[str]]:
    """The inverse of `write_rows`, cell for cell: each cell's text as it was given."""
    return [[restore(cell) for cell in row] for row in csv.reader(handle)]
