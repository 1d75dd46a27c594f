"""A name's quick way through clean_name gives what the full rules give, for any text."""

from __future__ import annotations

import random
import unicodedata

import pytest

from mopsboard.domain.field_rules import CONTROL, MAX_NAME, check_encodable, clean_name


def by_the_rules(value: str) -> str:
    value = check_encodable(CONTROL.sub("", value).strip())
    if not value or all(unicodedata.category(ch) == "Cf" for ch in value):
        raise ValueError("cannot be empty")
    if len(value) > MAX_NAME:
        raise ValueError("too long")
    return value


def outcome(rule: object, value: str) -> str:
    try:
        return "ok: " + rule(value)  # type: ignore[operator]
    except ValueError:
        return "refused"


ALPHABET = ["a", "Z", "7", " ", "\t", "\n", "\x00", "\x7f", "\u200b", "\ufeff", "é", "\ud800", "-"]


@pytest.mark.parametrize("seed", range(4))
def test_random_names_come_out_as_the_rules_make_them(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        size = rng.choice([0, 1, 2, 5, 30, MAX_NAME - 1, MAX_NAME, MAX_NAME + 1])
        value = "".join(rng.choice(ALPHABET) for _ in range(size))
        assert outcome(clean_name, value) == outcome(by_the_rules, value), repr(value)


@pytest.mark.parametrize(
    "value", ["Launch email", " padded", "padded ", "x" * MAX_NAME, "x" * (MAX_NAME + 1), "", " "]
)
def test_names_at_the_edges(value: str) -> None:
    assert outcome(clean_name, value) == outcome(by_the_rules, value)
