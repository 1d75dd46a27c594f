"""Tables for a terminal, safe whatever the cells hold.

A title may hold line breaks, tabs, terminal escapes or bidi overrides (U+202E and friends): raw,
one value could forge table rows or make a terminal show columns in another order. `printable`
shows every such character as a visible escape (\\n, \\t, \\x1b, \\u202e); everything else is left
as it is, backslashes too, so ordinary text reads the same. JSON output never goes through it:
it stays exact.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

Row = TypeVar("Row")
Column = tuple[str, int, Callable[[Row], object]]

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Control characters, format characters (bidi embeddings, overrides and isolates, marks, zero-
# width space, BOM, word joiner, tags), lone surrogates and the line and paragraph separators.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# Format characters that only join letters or emoji (ZWNJ, ZWJ): escaping them would break
# Persian words and family emoji, and they cannot move or hide anything.
_JOINERS = frozenset("\u200c\u200d")


def _escape(ch: str) -> str:
    if ch in _SHORT:
        return _SHORT[ch]
    point = ord(ch)
    if point < 0x100:
        return f"\\x{point:02x}"
    return f"\\u{point:04x}" if point < 0x10000 else f"\\U{point:08x}"


def _unsafe(ch: str) -> bool:
    return ch not in _JOINERS and unicodedata.category(ch) in _UNSAFE_CATEGORIES


def _pieces(value: object) -> list[str]:
    text = "" if value is None else str(value)
    # A fast path only: isprintable() is False for every unsafe character (and for some safe
    # ones, such as a no-break space, which the loop then keeps).
    if text.isprintable():
        return list(text)
    return [_escape(ch) if _unsafe(ch) else ch for ch in text]


def printable(value: object) -> str:
    """`value` as text one table cell can show: unsafe characters as escapes."""
    return "".join(_pieces(value))


def fit(value: object, width: int) -> str:
    """`value` made printable, cut to `width` characters with an ellipsis, never inside an
    escape."""
    pieces = _pieces(value)
    if sum(map(len, pieces)) <= width:
        return "".join(pieces)
    kept, used = [], 0
    for piece in pieces:
        if used + len(piece) > width - 1:
            break
        kept.append(piece)
        used += len(piece)
    return "".join(kept) + "\u2026"


def render_table(columns: Sequence[Column[Row]], rows: Sequence[Row], noun: str) -> str:
    """A header, one line per row (cells printable and cut to their column), then a count of
    the rows ("3 tasks")."""
    lines = ["  ".join(name.ljust(width) for name, width, _ in columns).rstrip()]
    for row in rows:
        lines.append("  ".join(fit(get(row), width).ljust(width) for _, width, get in columns))
        lines[-1] = lines[-1].rstrip()
    lines.append(f"{len(rows)} {noun}{'s' if len(rows) != 1 else ''}")
    return "\n".join(lines)
