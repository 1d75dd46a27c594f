"""CSV cells never start a formula; numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from mopsboard.io.csv_safe import neutralise, write_rows


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
    ],
)
def test_neutralise(value: object, cell: str) -> None:
    assert neutralise(value) == cell  # type: ignore[arg-type]


def test_written_rows_read_back_as_inert_text() -> None:
    handle = io.StringIO(newline="")
    write_rows(handle, [["title", "hours"], ["=1+1", 2.5], ["line\nbreak, comma", -1]])
    handle.seek(0)
    assert list(csv.reader(handle)) == [
        ["title", "hours"],
        ["'=1+1", "2.5"],
        ["line\nbreak, comma", "-1"],
    ]
