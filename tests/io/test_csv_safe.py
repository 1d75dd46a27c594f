"""CSV cells never start a formula, read back as they were written, and keep their separators."""

from __future__ import annotations

import csv
import io

import pytest

from mopsboard.io.csv_safe import neutralise, read_rows, restore, write_rows


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 555", "'+1 555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Launch email", "Launch email"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-3.5, "-3.5"),
        (12, "12"),
        # Full-width forms, which some spreadsheets read as the ASCII ones.
        ("\uff1dcmd", "'\uff1dcmd"),
        ("\uff0b1", "'\uff0b1"),
        ("\uff0d1", "'\uff0d1"),
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),
        # An invisible start (zero-width space, joiners, BOM, word joiner) hides nothing.
        ("\u200b=1+1", "'\u200b=1+1"),
        ("\u200c\u200d+1", "'\u200c\u200d+1"),
        ("\ufeff@x", "'\ufeff@x"),
        ("\u2060-1", "'\u2060-1"),
        ("\u202e=1", "'\u202e=1"),
        ("  =1+1", "'  =1+1"),
        ("\u200b", "\u200b"),
        ("\u200bplain", "\u200bplain"),
        # A leading apostrophe is escaped too, so reading back strips exactly one.
        ("'quoted", "''quoted"),
        ("'=x", "''=x"),
        ("it's", "it's"),
    ],
)
def test_neutralise(value: object, cell: str) -> None:
    assert neutralise(value) == cell  # type: ignore[arg-type]


def test_a_neutralised_value_and_its_apostrophe_form_stay_apart() -> None:
    assert neutralise("=x") != neutralise("'=x")
    assert restore(neutralise("=x")) == "=x"
    assert restore(neutralise("'=x")) == "'=x"


def test_written_rows_read_back_as_inert_text() -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, [["title", "hours"], ["=1+1", 2.5], ["line\nbreak, comma", -1]])
    handle.seek(0)
    assert list(csv.reader(handle)) == [
        ["title", "hours"],
        ["'=1+1", "2.5"],
        ["line\nbreak, comma", "-1"],
    ]
    handle.seek(0)
    assert read_rows(handle) == [["title", "hours"], ["=1+1", "2.5"], ["line\nbreak, comma", "-1"]]


@pytest.mark.parametrize("text", ["a;b", "a,b", 'say "hi"', "two\nlines", "cr\rhere", "a\tb"])
def test_cells_with_any_separator_are_quoted(text: str) -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, [[text, "plain", 3]])
    quoted = '"' + text.replace('"', '""') + '"'
    assert handle.getvalue() == f"{quoted},plain,3\r\n"


def test_a_semicolon_reader_keeps_a_cell_whole() -> None:
    # A spreadsheet set to ";" (common in Europe) must not split "Atlas; launch" in two.
    handle = io.StringIO(newline="")
    write_rows(handle, [["Atlas; launch"], ["plain"]])
    handle.seek(0)
    assert list(csv.reader(handle, delimiter=";")) == [["Atlas; launch"], ["plain"]]


def test_a_lone_empty_cell_is_not_an_empty_line() -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, [[""], [], [None]])
    handle.seek(0)
    assert read_rows(handle) == [[""], [], [""]]
