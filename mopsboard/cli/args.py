"""The parser and the argument types of the `mopsboard` command.

Every type is strict, so a value the store or the calendar cannot hold is a usage error in words
(status 2) before any file is opened, never an "unexpected error" from deep inside. This module
loads nothing heavy: `--help` and usage errors answer at once.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from mopsboard import APP_NAME

# The range of an SQLite INTEGER, as mopsboard.domain.models.INT64_MAX (not imported from there:
# the models load pydantic, which a usage error should not wait for).
MAX_ROW_ID = 2**63 - 1
# The days the app stores (mopsboard.domain.models checks every date against them).
FIRST_DAY, LAST_DAY = date(1900, 1, 1), date(2999, 12, 31)
# str.isdigit() and int() also take other scripts' digits (Arabic-Indic, full-width) and, for
# isdigit(), superscripts: a task id must be typed in 0-9 or it could address a task nobody meant.
_DIGITS = re.compile(r"[0-9]+")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")

Check = Callable[[argparse.Namespace], str | None]


class Parser(argparse.ArgumentParser):
    """argparse with the program's name on usage errors, and checks across arguments that run
    once a (sub)command's arguments are parsed, so they are usage errors too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._checks: list[Check] = []

    def add_check(self, check: Check) -> None:
        """`check` returns what is wrong with the parsed arguments, or None."""
        self._checks.append(check)

    # typeshed declares overloads for the namespace argument; this one signature covers them.
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        # Subparsers are parsed through this method too, so each runs its own checks.
        parsed, extras = super().parse_known_args(args, namespace)
        for check in self._checks:
            problem = check(parsed)
            if problem:
                self.error(problem)
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        # argparse's own format, with the program's name as the one prefix users see.
        self.print_usage(sys.stderr)
        self.exit(2, f"{APP_NAME}: {message}\n")


def whole_number(text: str, lowest: int, highest: int) -> int | None:
    """`text` as a number in [lowest, highest] when it is written in ASCII digits; else None."""
    if not _DIGITS.fullmatch(text):
        return None
    digits = text.lstrip("0") or "0"
    # Compared before int(), which refuses more than 4,300 digits with a ValueError of its own.
    if len(digits) > len(str(highest)):
        return None
    number = int(digits)
    return number if lowest <= number <= highest else None


def task_id(text: str) -> int:
    number = whole_number(text, 1, MAX_ROW_ID)
    if number is None:
        raise argparse.ArgumentTypeError(
            f"not a task id: {text[:40]!r} (a whole number from 1 to {MAX_ROW_ID}, in digits 0-9)"
        )
    return number


def count(what: str, lowest: int, highest: int) -> Callable[[str], int]:
    """An argument type for a number of `what` in [lowest, highest]."""

    def parse(text: str) -> int:
        number = whole_number(text, lowest, highest)
        if number is None:
            raise argparse.ArgumentTypeError(
                f"not a number of {what} between {lowest} and {highest}: {text[:40]!r}"
            )
        return number

    parse.__name__ = f"number of {what}"
    return parse


def iso_day(text: str) -> date:
    """A day written YYYY-MM-DD, from 1900-01-01 to 2999-12-31."""
    match = _ISO_DAY.fullmatch(text)
    try:
        if match is None:
            raise ValueError(text)
        day = date(*(int(part) for part in match.groups()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text[:40]!r} (use YYYY-MM-DD)") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise argparse.ArgumentTypeError(f"not a date between {FIRST_DAY} and {LAST_DAY}: {text!r}")
    return day


# What store/server/failures.py reads as a server workspace (not imported: a usage error must
# not wait for the store).
_URL_SCHEMES = ("postgresql://", "postgres://")


def workspace_location(text: str) -> Path | str:
    """FILE: a workspace file's path, or a server workspace's postgresql:// URL (kept as text)."""
    return text if text.lower().startswith(_URL_SCHEMES) else Path(text)


def shown_location(location: object) -> str:
    """How a message names the workspace: a URL without its password."""
    if isinstance(location, str) and location.lower().startswith(_URL_SCHEMES):
        from mopsboard.store.server.failures import shown

        return shown(location)
    return "" if location is None else str(location)
