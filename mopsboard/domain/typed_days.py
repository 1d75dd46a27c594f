"""A day as people type it: 2026-12-17, 17.12.2026, 12/17/2026, 17 Dec 2026, Dec 17, 2026.

ISO always reads as ISO; other forms go to python-dateutil with the day-or-month order the
user's locale writes dates in. Text that leaves out a part of the date (a year alone, "Dec 17")
is not a day: dateutil would fill the gap from today, and the user would get a date they never
typed."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateparser

_ISO_DAY = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")
# Two days that differ in every part: a part missing from the text shows as a difference.
_FILL_A = datetime(2000, 1, 1)
_FILL_B = datetime(2001, 2, 2)


def read_day(text: str, *, dayfirst: bool) -> date | None:
    """The day `text` names, or None when it names none (or only part of one)."""
    if not text.strip():
        return None
    iso = _ISO_DAY.fullmatch(text)
    if iso is not None:
        year, month, day = (int(part) for part in iso.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    try:
        one = dateparser.parse(text, dayfirst=dayfirst, default=_FILL_A)
        other = dateparser.parse(text, dayfirst=dayfirst, default=_FILL_B)
    except (ValueError, OverflowError):
        return None
    if one.date() != other.date():
        return None
    return one.date()
