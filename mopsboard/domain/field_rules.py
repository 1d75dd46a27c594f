"""The rules every stored field follows: names, texts, colours, hours, days and integers that
SQLite can hold, each refused in words a user can act on (mopsboard.domain.errors). Plain
functions, without pydantic, so that a reader which never validates can still check a value;
domain/fields makes the validated field types of them."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date

MAX_NAME = 200
MAX_TEXT = 100_000
MAX_LABELS = 50
MAX_CHECKLIST = 200
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Half of a UTF-16 pair on its own (from a broken paste or a badly decoded file): such text
# cannot be written as UTF-8, so SQLite would refuse it.
_SURROGATE = re.compile("[\ud800-\udfff]")
# The range of an SQLite INTEGER; a larger number cannot be stored at all.
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def check_encodable(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("contains characters that are not valid text; type or paste it again")
    return value


def clean_name(value: str) -> str:
    # Most names are printable ASCII with no space at either end, which every rule below lets
    # through unchanged: told apart in one pass, as a 50,000-task import checks 300,000 names.
    if (
        value.isascii()
        and value.isprintable()
        and 0 < len(value) <= MAX_NAME
        and value[0] != " "
        and value[-1] != " "
    ):
        return value
    value = check_encodable(CONTROL.sub("", value).strip())
    # Invisible format characters alone (zero-width space, byte-order mark) read as empty.
    if not value or all(unicodedata.category(ch) == "Cf" for ch in value):
        raise ValueError("cannot be empty")
    if len(value) > MAX_NAME:
        raise ValueError(f"is too long ({len(value)} characters; at most {MAX_NAME})")
    return value


def clean_text(value: str) -> str:
    # Newlines and tabs stay (descriptions are Markdown); other control characters would only
    # confuse terminals and exports.
    value = check_encodable(CONTROL.sub("", value))
    if len(value) > MAX_TEXT:
        raise ValueError(f"is too long ({len(value)} characters; at most {MAX_TEXT})")
    return value


def check_colour(value: str) -> str:
    if not HEX_COLOUR.match(value):
        raise ValueError(f"must be a colour like #3366cc, not {value[:20]!r}")
    return value.lower()


def check_hours(value: float | None) -> float | None:
    if value is None:
        return None
    if math.isnan(value) or math.isinf(value):
        raise ValueError("must be a number of hours")
    if value < 0:
        raise ValueError("cannot be negative")
    if value > 10_000:
        raise ValueError("is more than 10,000 hours; split the work into smaller tasks")
    return round(value, 2)


def check_day(value: date | None) -> date | None:
    if value is not None and not (1900 <= value.year <= 2999):
        raise ValueError(f"{value.isoformat()} is not a date between 1900 and 2999")
    return value
