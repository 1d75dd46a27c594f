"""Dates in a CSV column, read with python-dateutil, with the order of day and month decided once
for the whole column from all of its values.

`05/06/2020` alone could be 5 June or May 6, but a column that also holds `13/06/2020` is day
first, and one that holds `06/13/2020` month first. A column holding only dates that can be read
either way is ambiguous: the caller must say (the CLI's --dayfirst / --monthfirst, a choice in
the import dialog), and is refused in words otherwise. Year-first dates (`2026-03-31`,
`2026/03/31`) and dates with the month in words (`15/Feb/26 4:37 PM`, Jira's) are never
ambiguous; dates with dots (`31.3.2026`) are day first, as everywhere they are written so.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from dateutil import parser as date_parser

from mopsboard.io.importers.source import ImportRefused

_YEAR_FIRST = re.compile(r"\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\D|$)")
_NUMERIC = re.compile(r"\s*(\d{1,2})([/\-.])(\d{1,2})\2(\d{2,4})(\D|$)")


@dataclass(frozen=True)
class Order:
    """How a column's dates are read: `dayfirst` None when no value needs the choice."""

    dayfirst: bool | None


def _needs(value: str) -> tuple[bool, bool, bool]:
    """(must be day first, must be month first, could be either) for one value."""
    if _YEAR_FIRST.match(value):
        return False, False, False
    match = _NUMERIC.match(value)
    if not match:
        return False, False, False
    if match.group(2) == ".":
        return True, False, False
    first, second = int(match.group(1)), int(match.group(3))
    return first > 12, second > 12, first <= 12 and second <= 12 and first != second


def decide_order(column: str, values: Sequence[tuple[int, str]], wanted: bool | None) -> Order:
    """The order for a column from all its (row number, text) values and the user's choice
    (True day first, False month first, None not given)."""
    day_row = month_row = either_row = None
    for row, text in values:
        day, month, either = _needs(text)
        if day and day_row is None:
            day_row = (row, text)
        if month and month_row is None:
            month_row = (row, text)
        if either and either_row is None:
            either_row = (row, text)
    if day_row and month_row:
        raise ImportRefused(
            f"column {column!r} mixes day-first dates ({day_row[1]!r} in row {day_row[0]}) and "
            f"month-first dates ({month_row[1]!r} in row {month_row[0]}); correct the file and "
            "import it again. Nothing was imported."
        )
    forced = day_row or month_row
    if forced is not None:
        dayfirst = day_row is not None
        if wanted is not None and wanted != dayfirst:
            raise ImportRefused(
                f"column {column!r}, row {forced[0]}: {forced[1]!r} cannot be read "
                f"{'month' if dayfirst else 'day'} first, as asked. Nothing was imported."
            )
        return Order(dayfirst)
    if either_row is not None and wanted is None:
        row, text = either_row
        raise AmbiguousDates(column, row, text)
    return Order(wanted)


class AmbiguousDates(ImportRefused):
    """No value of the column tells day from month: the user must choose."""

    def __init__(self, column: str, row: int, text: str) -> None:
        match = _NUMERIC.match(text)
        first, second = (match.group(1), match.group(3)) if match else ("5", "6")
        months = calendar.month_name
        day_first = f"{int(first)} {months[int(second)]}"
        month_first = f"{months[int(first)]} {int(second)}"
        super().__init__(
            f"column {column!r}: its dates can be read day first or month first ({text!r} in "
            f"row {row} could be {day_first} or {month_first}); say which with --dayfirst or "
            "--monthfirst. Nothing was imported."
        )
        self.column = column


def parse_day(text: str, order: Order, zone: tzinfo | None, where: str) -> date:
    """The day `text` names; a moment with a zone is the day it is where the user is."""
    yearfirst = bool(_YEAR_FIRST.match(text))
    numeric = _NUMERIC.match(text)
    dayfirst = (bool(order.dayfirst) and not yearfirst) or bool(numeric and numeric[2] == ".")
    try:
        moment = date_parser.parse(text, dayfirst=dayfirst, yearfirst=yearfirst)
    except (ValueError, OverflowError):
        raise ImportRefused(
            f"{where}: {text[:40]!r} is not a date (write dates such as 2026-03-31). "
            "Nothing was imported."
        ) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(zone) if zone else moment.astimezone()
    day: date = moment.date()
    return day
