"""Small helpers for reading what a test expects to be there."""

from __future__ import annotations

from typing import TypeVar

T = TypeVar("T")


def present(value: T | None) -> T:
    """`value`, which the test expects to be set: a clear failure here, not "no such row 0"."""
    assert value is not None, "expected a value, found None"
    return value
