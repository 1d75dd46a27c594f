"""Order keys: always room between two keys, so a move rewrites one row."""

from __future__ import annotations

import bisect
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mopsboard.domain.ranking import (
    DIGITS,
    REBALANCE_LENGTH,
    is_order_key,
    key_between,
    keys_between,
    needs_rebalance,
    spread_keys,
)

FAST = settings(max_examples=80, deadline=None)


def is_key(key: str) -> bool:
    return bool(key) and all(c in DIGITS for c in key) and key[-1] != DIGITS[0]


# Any valid key: base-62 digits, never ending in the lowest digit.
valid_keys = st.builds(
    lambda body, last: body + last,
    st.text(alphabet=DIGITS, max_size=12),
    st.sampled_from(DIGITS[1:]),
)


@st.composite
def grown_keys(draw: st.DrawFn) -> list[str]:
    """The keys a stage ends up with after random inserts: at the ends, in gaps, or hammering
    one spot (the way repeated drops land)."""
    keys: list[str] = []
    for _ in range(draw(st.integers(min_value=2, max_value=60))):
        where = draw(
            st.one_of(
                st.integers(min_value=0, max_value=len(keys)),
                st.just(0),
                st.just(len(keys)),
                st.just(min(1, len(keys))),
            )
        )
        before = keys[where - 1] if where > 0 else None
        after = keys[where] if where < len(keys) else None
        keys.insert(where, key_between(before, after))
    return keys


@FAST
@given(grown_keys())
def test_keys_grown_by_random_inserts_stay_sorted_and_distinct(keys: list[str]) -> None:
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert all(is_key(k) for k in keys)


@FAST
@given(grown_keys(), st.data())
def test_key_between_is_strictly_between_any_two_grown_keys(
    keys: list[str], data: st.DataObject
) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(keys) - 2))
    j = data.draw(st.integers(min_value=i + 1, max_value=len(keys) - 1))
    a, b = keys[i], keys[j]
    middle = key_between(a, b)
    assert a < middle < b
    assert is_key(middle)


@FAST
@given(valid_keys, valid_keys)
def test_key_between_any_two_valid_keys(x: str, y: str) -> None:
    if x == y:
        with pytest.raises(ValueError):
            key_between(x, y)
        return
    a, b = sorted((x, y))
    middle = key_between(a, b)
    assert a < middle < b
    assert is_key(middle)


@FAST
@given(valid_keys)
def test_open_ends(key: str) -> None:
    assert key_between(None, key) < key
    assert key_between(key, None) > key
    assert is_key(key_between(None, key))
    assert is_key(key_between(key, None))


def test_first_key_of_an_empty_stage() -> None:
    assert is_key(key_between(None, None))


@FAST
@given(
    st.one_of(st.none(), valid_keys),
    st.one_of(st.none(), valid_keys),
    st.integers(min_value=0, max_value=120),
)
def test_keys_between_gives_n_sorted_distinct_keys_inside(
    x: str | None, y: str | None, count: int
) -> None:
    if x is not None and y is not None:
        if x == y:
            return
        x, y = sorted((x, y))
    keys = keys_between(x, y, count)
    assert len(keys) == count
    assert keys == sorted(keys)
    assert len(set(keys)) == count
    assert all(is_key(k) for k in keys)
    if keys and x is not None:
        assert keys[0] > x
    if keys and y is not None:
        assert keys[-1] < y


@pytest.mark.parametrize("count", [0, -1])
def test_keys_between_nothing(count: int) -> None:
    assert keys_between(None, None, count) == []


@FAST
@given(st.integers(min_value=0, max_value=5000))
def test_spread_keys_are_sorted_distinct_and_short(count: int) -> None:
    keys = spread_keys(count)
    assert len(keys) == count
    assert keys == sorted(keys)
    assert len(set(keys)) == count
    assert all(is_key(k) for k in keys)
    assert all(len(k) <= 3 for k in keys)


def test_spread_keys_leave_room_at_both_ends_and_between() -> None:
    keys = spread_keys(100)
    for before, after in zip([None, *keys], [*keys, None], strict=True):
        middle = key_between(before, after)
        assert (before or "") < middle
        assert after is None or middle < after


@pytest.mark.parametrize("where", ["top", "bottom", "middle"])
def test_inserting_200_times_at_one_spot_keeps_working(where: str) -> None:
    keys = spread_keys(3)
    anchor = 1  # the middle spot: always just before the second original key
    for _ in range(200):
        if where == "top":
            index = 0
        elif where == "bottom":
            index = len(keys)
        else:
            index = anchor
        before = keys[index - 1] if index > 0 else None
        after = keys[index] if index < len(keys) else None
        new = key_between(before, after)
        assert (before or "") < new
        assert after is None or new < after
        keys.insert(index, new)
        if where == "middle":
            anchor += 1  # the next drop lands after this one, before the same neighbour
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys) == 203
    # Hammering one gap makes keys long: exactly what rebalancing is for.
    assert max(len(k) for k in keys) > 3


def test_needs_rebalance_only_for_long_keys() -> None:
    assert not needs_rebalance("V" * REBALANCE_LENGTH)
    assert needs_rebalance("V" * (REBALANCE_LENGTH + 1))


@pytest.mark.parametrize("bad", ["", "0", "a0", "ab!", " ", "é", "a b", "V\n"])
def test_invalid_keys_raise_value_error(bad: str) -> None:
    with pytest.raises(ValueError, match="not an order key"):
        key_between(bad, None)
    with pytest.raises(ValueError, match="not an order key"):
        key_between(None, bad)


@pytest.mark.parametrize(("before", "after"), [("b", "a"), ("V", "V"), ("V1", "V")])
def test_keys_out_of_order_raise_value_error(before: str, after: str) -> None:
    with pytest.raises(ValueError, match="out of order"):
        key_between(before, after)


def test_python_and_binary_collation_agree() -> None:
    # SQLite compares TEXT byte by byte; Python compares code points: for ASCII digits they agree.
    keys = spread_keys(500)
    assert sorted(keys) == sorted(keys, key=lambda k: k.encode("ascii"))
    assert "".join(sorted(DIGITS)) == DIGITS
    assert bisect.bisect(keys, keys[10]) == 11


def test_an_order_key_is_a_string_of_the_digits_not_ending_in_the_lowest() -> None:
    rng = random.Random(2)
    alphabet = DIGITS + "-_ .é٣²ｚ\u0131\x00"
    for _ in range(20_000):
        key = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
        expected = bool(key) and key[-1] != DIGITS[0] and all(c in DIGITS for c in key)
        assert is_order_key(key) == expected, repr(key)
