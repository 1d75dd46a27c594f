"""Text for a terminal: control, bidi and invisible characters are shown as escapes, so one value
can neither forge table rows nor reorder columns."""

from __future__ import annotations

import unicodedata

import pytest
from hostile import HOSTILE_TEXT
from hypothesis import given
from hypothesis import strategies as st

from mopsboard.io.text_table import printable, render_table

# Written out here, so the test checks the rule rather than the module's own list.
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def _unsafe(ch: str) -> bool:
    if ch in "\u200c\u200d":  # joiners shape scripts and emoji; they move nothing
        return False
    return ch in BIDI or unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Launch email", "Launch email"),
        ("two\nlines", "two\\nlines"),
        ("tab\there", "tab\\there"),
        ("cr\rhere", "cr\\rhere"),
        ("\x00\x1b[31m\x7f", "\\x00\\x1b[31m\\x7f"),
        ("next\x85line", "next\\x85line"),
        ("\u202eevil\u202c", "\\u202eevil\\u202c"),
        ("\u2066a\u2069\u2067b\u2068", "\\u2066a\\u2069\\u2067b\\u2068"),
        ("\u200e\u200f\u061c", "\\u200e\\u200f\\u061c"),
        ("line\u2028para\u2029", "line\\u2028para\\u2029"),
        ("\u200bhidden\ufeff\u2060", "\\u200bhidden\\ufeff\\u2060"),
        ("\U000e0041tag", "\\U000e0041tag"),
        ("\ud800", "\\ud800"),
        ("C:\\new", "C:\\new"),
        ("\U0001f469\u200d\U0001f4bb", "\U0001f469\u200d\U0001f4bb"),
        ("שלום עולם", "שלום עולם"),
        ("日本語", "日本語"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


@given(st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(st.characters(codec=None))))
def test_nothing_unsafe_is_left(text: str) -> None:
    shown = printable(text)
    assert not any(_unsafe(ch) for ch in shown)
    if not any(_unsafe(ch) for ch in text):
        assert shown == text


def test_a_table_has_one_line_per_row_whatever_the_cells_hold() -> None:
    rows = [
        {"id": 1, "name": "plain"},
        {"id": 2, "name": "forged\n3  a row\r\n4\u2028another"},
        {"id": 3, "name": "\u202eright to left"},
        {"id": 4, "name": None},
    ]
    text = render_table(
        [("ID", 3, lambda r: r["id"]), ("NAME", 20, lambda r: r["name"])], rows, "row"
    )
    lines = text.split("\n")
    assert text.splitlines() == lines
    assert lines[0] == "ID   NAME"
    assert lines[2] == "2    forged\\n3  a row\\r…"
    assert lines[3] == "3    \\u202eright to left"
    assert lines[4] == "4"
    assert lines[-1] == "4 rows"
    assert not any(_unsafe(ch) for ch in text.replace("\n", ""))
