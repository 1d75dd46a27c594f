"""The store's SQL, written once for both engines, as PostgreSQL takes it.

The store writes `?` placeholders (SQLite's) and plain SQL both engines accept; what differs
is said here once: psycopg's `%s` placeholders (so a literal `%` is doubled), SQLite's ASCII
case folding (`COLLATE NOCASE`, which is `lower()` of a "C"-collated column), and the id an
INSERT gave (a RETURNING clause, where SQLite has `lastrowid`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_NOCASE = re.compile(r"([\w.]+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_GLOB = re.compile(r"\b(NOT\s+)?GLOB\s+'([^']*)'", re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?\s*(?:\(([^)]*)\))?", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)


class Statement(NamedTuple):
    sql: str
    # The table an INSERT writes (None for any other statement, or one with a RETURNING
    # clause of its own), and whether it gives the ids itself.
    inserts_into: str | None
    gives_ids: bool = False


def _glob_as_regex(match: re.Match[str]) -> str:
    """SQLite's GLOB with a literal pattern as a POSIX regular expression (case-sensitive,
    whole string, as GLOB matches)."""
    negated, pattern = match.group(1), match.group(2)
    out, i = ["^"], 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "[":
            end = pattern.index("]", i + 1)
            out.append(pattern[i : end + 1])  # a class, negated by ^ in both
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    operator = "!~" if negated else "~"
    return f"{operator} '{''.join(out)}$'"


def _placeholders(sql: str) -> str:
    """`?` outside quotes becomes `%s`; every `%` (in quotes too: psycopg reads them all)
    becomes `%%`."""
    out: list[str] = []
    quote: str | None = None
    for char in sql:
        if char == "%":
            out.append("%%")
        elif quote is not None:
            out.append(char)
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
            out.append(char)
        elif char == "?":
            out.append("%s")
        else:
            out.append(char)
    return "".join(out)


@lru_cache(maxsize=1024)
def to_postgres(sql: str, with_parameters: bool = True) -> Statement:
    """The statement as PostgreSQL takes it (the store's statements are few: each is
    translated once)."""
    translated = _GLOB.sub(_glob_as_regex, _NOCASE.sub(r"lower(\1)", sql))
    if with_parameters:
        translated = _placeholders(translated)
    match = _INSERT.match(translated)
    if match is None:
        return Statement(translated, None)
    columns = {c.strip().strip('"').lower() for c in (match.group(2) or "").split(",")}
    table = None if _RETURNING.search(translated) else match.group(1)
    return Statement(translated, table, "id" in columns)
