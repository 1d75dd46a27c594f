"""Hostile values for every validated field, shared by the domain and store tests of bad input.

Each strategy mixes plausible values with the ones that break programs: huge and empty strings,
control characters, lone surrogates, emoji, right-to-left text, dates far out of range, NaN,
infinities, negative and huge numbers, and values of the wrong type.
"""

from __future__ import annotations

import math
import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

HOSTILE_TEXT = [
    "",
    " ",
    "\x00",
    "\x1b[31mred\x1b[0m",
    "tab\tnew\nline\r\ncarriage\r",
    "\u202eevil override\u202c",
    "\u200b",
    "\ufeff",
    "\ud800",
    "a\udc80b",
    "🚀" * 60,
    "👩🏽‍💻👨‍👩‍👧‍👦",
    "שלום עולם",
    "مرحبا بالعالم",
    "日本語",
    "Z̸̢͓̜a̴l̷g̶o̵",
    "<script>alert(1)</script>",
    "<img src=http://example.invalid/x.png>",
    "'; DROP TABLE tasks; --",
    '=HYPERLINK("http://example.invalid")',
    "%s%n%x",
    "\\N{NULL}",
]


def sized_text(sizes: list[int]) -> st.SearchStrategy[str]:
    """Text of about these lengths, built by repetition so huge values stay cheap."""
    return st.builds(
        lambda piece, n: (piece * (n // max(1, len(piece)) + 1))[:n],
        st.sampled_from(["x", "é", "🚀", "ש", " \t"]),
        st.sampled_from(sizes),
    )


text = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(max_size=40),
    # Every code point, lone surrogates and private use included.
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),
    sized_text([49, 50, 51, 199, 200, 201, 100_000, 100_001, 250_000]),
)
numbers = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, -1.0, 0.0, 0.005, 1e308, -1e308]),
    st.sampled_from([10_000.0, 10_000.004, 10_000.006, 168.0, 168.01, 2**63, -(2**63) - 1]),
    st.floats(),
    st.integers(-(2**70), 2**70),
)
integers = st.one_of(
    st.sampled_from([0, 1, -1, 2**31, 2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 2**70]),
    st.integers(-1000, 1000),
)
days = st.one_of(
    st.dates(),
    st.sampled_from([date.min, date.max, date(1899, 12, 31), date(1900, 1, 1), date(3000, 1, 1)]),
    st.sampled_from(["2026-02-30", "not a date", "", "99999-01-01", "2026-13-01", 0, 1.5]),
    st.datetimes(min_value=datetime(1, 1, 1)),
)
flags = st.one_of(st.booleans(), st.sampled_from([0, 1, 2, "yes", "false", None, math.nan]))
colours = st.one_of(
    st.sampled_from(["#3366cc", "#ABCDEF", "#fff", "red", "#3366cc\n", "", "#gggggg"]), text
)
kinds = st.one_of(st.text(max_size=10), st.sampled_from(["backlog", "review", "done", "agency"]))


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def fields(**strategies: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of these fields, each with a hostile value."""
    return st.fixed_dictionaries({}, optional=strategies)  # type: ignore[arg-type]


BOARD = fields(name=text, position=integers, archived=flags)
STAGE = fields(
    name=text,
    position=integers,
    kind=kinds,
    wip_limit=maybe(integers),
    wip_hard=flags,
    is_gate=flags,
)
CHECKLIST_ITEM = fields(text=text, done=flags)
TASK = fields(
    title=text,
    description=text,
    estimate_hours=maybe(numbers),
    start_date=maybe(days),
    due_date=maybe(days),
    priority=integers,
    labels=st.lists(text, max_size=60).map(tuple),
    checklist=st.lists(CHECKLIST_ITEM, max_size=5).map(tuple),
    archived=flags,
)
CAMPAIGN = fields(
    name=text,
    objective=text,
    channel=text,
    audience=text,
    owner=text,
    start_date=maybe(days),
    launch_date=maybe(days),
    end_date=maybe(days),
    status=kinds,
    budget=maybe(numbers),
    colour=colours,
    archived=flags,
)
PERSONA = fields(
    name=text, description=text, colour=colours, x=numbers, y=numbers, position=integers
)
TEAM = fields(name=text, kind=kinds, colour=colours, archived=flags)
MEMBER = fields(
    name=text,
    weekly_hours=numbers,
    working_days=st.one_of(st.sampled_from(["12345", "67", "", "8", "1 2", "١٢٣"]), text),
    availability=numbers,
    holiday_country=maybe(st.one_of(st.sampled_from(["us", "GB", "DE-BY", "XX-1234"]), text)),
    active=flags,
    wip_limit=maybe(integers),
)
TIME_OFF = fields(start_date=days, end_date=days, reason=text)
# Identifiers and versions: what a careless caller (or a hand-edited import) might pass.
RECORD = fields(id=maybe(integers), version=integers)


def break_an_overflow_chain(path: Path) -> None:
    """Points the overflow chain of one long text (a run of "y") at a page that does not exist.
    Only what reads that text, and SQLite's quick check, can see the damage."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")  # everything in the file, to edit its bytes
    conn.close()
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    overflow = [
        n
        for n in range(1, len(data) // size)
        if data[n * size + 4 : (n + 1) * size].count(b"y") > size - 100
    ]
    page = overflow[len(overflow) // 2]
    data[page * size : page * size + 4] = (0x7FFFFF00).to_bytes(4, "big")
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")  # as every workspace is
    conn.close()
