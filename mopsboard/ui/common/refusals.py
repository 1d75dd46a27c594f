"""An action run from a dialog, with the reasons it was refused caught as they are told (the
actions' `failed` signal), so the dialog can say them where the user is looking; the window
behind it says them too."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import SignalInstance

T = TypeVar("T")


def refusals_of(failed: SignalInstance, act: Callable[[], T | None]) -> tuple[T | None, str]:
    """`act()`'s result, and the reasons told on `failed` while it ran (one a line)."""
    reasons: list[str] = []

    def note(reason: str) -> None:
        reasons.append(reason)

    failed.connect(note)
    try:
        result = act()
    finally:
        failed.disconnect(note)
    return result, "\n".join(reasons)
