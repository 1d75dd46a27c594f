"""Order keys: strings that sort in card order, so a move rewrites only the moved row.

Keys use base-62 digits in ASCII order, so SQLite's default (binary) collation and Python agree.
A key never ends in the lowest digit, so there is always room between two keys.
"""

from __future__ import annotations

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
_VALUE = {c: i for i, c in enumerate(DIGITS)}
# Keys longer than this mean many drops landed in one gap; rebalancing the stage is then worth it.
REBALANCE_LENGTH = 24


def is_order_key(key: str) -> bool:
    # The digits are exactly the ASCII letters and numbers: two checks in C rather than a
    # look-up per character (every task read from an import or a demo is checked).
    return bool(key) and key[-1] != DIGITS[0] and key.isascii() and key.isalnum()


def _check(key: str) -> None:
    if not is_order_key(key):
        raise ValueError(f"not an order key: {key!r}")


def key_between(before: str | None, after: str | None) -> str:
    """A key that sorts strictly after `before` and strictly before `after` (None: open end)."""
    if before is not None:
        _check(before)
    if after is not None:
        _check(after)
    if before is not None and after is not None and not before < after:
        raise ValueError(f"order keys out of order: {before!r} >= {after!r}")
    low = before or ""
    high = after
    result: list[str] = []
    i = 0
    while True:
        lo_digit = _VALUE[low[i]] if i < len(low) else 0
        hi_digit = _VALUE[high[i]] if high is not None and i < len(high) else BASE
        if hi_digit - lo_digit > 1:
            result.append(DIGITS[(lo_digit + hi_digit) // 2])
            return "".join(result)
        # No room at this digit: keep the lower digit and look further along.
        result.append(DIGITS[lo_digit])
        if hi_digit > lo_digit:
            # From here on the key is already below `high`, so the upper bound opens.
            high = None
        i += 1


def key_after(key: str | None) -> str:
    """A key after `key` for appending: counting up keeps keys short, where halving the gap to
    the open end would add a digit every few appends."""
    if key is None:
        return key_between(None, None)
    _check(key)
    stripped = key.rstrip(DIGITS[-1])
    if not stripped:
        return key + DIGITS[BASE // 2]
    return stripped[:-1] + DIGITS[_VALUE[stripped[-1]] + 1]


def keys_between(before: str | None, after: str | None, count: int) -> list[str]:
    """`count` ascending keys between two keys, spread so each later insert has room."""
    if count <= 0:
        return []
    if count == 1:
        return [key_between(before, after)]
    middle = count // 2
    mid_key = key_between(before, after)
    return [
        *keys_between(before, mid_key, middle),
        mid_key,
        *keys_between(mid_key, after, count - middle - 1),
    ]


def spread_keys(count: int) -> list[str]:
    """Evenly spaced short keys for `count` items: for new boards, imports and rebalancing."""
    if count <= 0:
        return []
    width = 1
    while BASE**width <= count + 1:
        width += 1
    step = BASE**width // (count + 1)
    keys = []
    for n in range(1, count + 1):
        value = n * step
        digits = []
        for _ in range(width):
            value, rem = divmod(value, BASE)
            digits.append(DIGITS[rem])
        key = "".join(reversed(digits)).rstrip(DIGITS[0])
        keys.append(key)
    return keys


def needs_rebalance(key: str) -> bool:
    return len(key) > REBALANCE_LENGTH
