"""Weeks, periods and who can work on which day: the supply side of the capacity rules.

Days are handled as proleptic ordinals (`date.toordinal()`): counting available days in a span
is then two list look-ups, which is what lets a 50,000-task map be computed in one pass.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from types import ModuleType
from typing import Any

MAX_WEEKS = 104
WEEKDAYS_MON_FRI = frozenset({1, 2, 3, 4, 5})
# Beyond this many days from the period, a span's days count as plain working days: no holiday
# or time-off look-up, so a task dated decades away cannot make a map slow to compute.
CALENDAR_REACH_DAYS = 3 * 366


def week_start(day: date) -> date:
    """The Monday of `day`'s week (weeks start on Monday)."""
    return day - timedelta(days=day.weekday())


DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def weekdays_text(working_days: str) -> str:
    """Working days in words: "12345" is "Mon\u2013Fri", "135" is "Mon, Wed, Fri"."""
    days = sorted({int(d) for d in working_days if d in "1234567"})
    parts: list[str] = []
    run: list[int] = []
    for day in [*days, 99]:
        if run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{DAY_ABBREVIATIONS[run[0] - 1]}\u2013{DAY_ABBREVIATIONS[run[-1] - 1]}")
        else:
            parts.extend(DAY_ABBREVIATIONS[d - 1] for d in run)
        run = [day]
    return ", ".join(parts) or "no days"


# Per week of a period a span puts hours in: (week, its available days in that week, in all).
Shares = tuple[tuple[int, int, int], ...]


def iso_weekday(ordinal: int) -> int:
    # date(1, 1, 1), ordinal 1, was a Monday.
    return (ordinal - 1) % 7 + 1


@dataclass(frozen=True, slots=True)
class Period:
    """A first week (its Monday) and a number of weeks."""

    first: date
    weeks: int

    def __post_init__(self) -> None:
        if self.first.weekday() != 0:
            raise ValueError(f"a period starts on a Monday, not on {self.first:%A %Y-%m-%d}")
        if not 1 <= self.weeks <= MAX_WEEKS:
            raise ValueError(f"a period has 1 to {MAX_WEEKS} weeks, not {self.weeks}")

    @classmethod
    def of(cls, day: date, weeks: int = 8) -> Period:
        """The period of `weeks` weeks whose first week holds `day`."""
        return cls(week_start(day), weeks)

    @property
    def last(self) -> date:
        """The period's last day (a Sunday)."""
        return self.first + timedelta(days=7 * self.weeks - 1)

    @property
    def starts(self) -> tuple[date, ...]:
        return tuple(self.first + timedelta(days=7 * n) for n in range(self.weeks))

    def start_of(self, week: int) -> date:
        """The Monday of the period's week `week` (as `starts[week]`, without the others)."""
        if not 0 <= week < self.weeks:
            raise IndexError(f"a period of {self.weeks} weeks has no week {week}")
        return self.first + timedelta(days=7 * week)

    def week_of(self, day: date) -> int | None:
        """The index of the week holding `day`, or None when it is outside the period."""
        offset = (day - self.first).days
        return offset // 7 if 0 <= offset < 7 * self.weeks else None


# -- public holidays -----------------------------------------------------------------------------


def _holidays_module() -> ModuleType:
    # Imported on first use: the package takes tens of milliseconds to load, which headless
    # commands that never compute capacity should not pay.
    import holidays

    return holidays


@functools.cache
def _country_holidays(country: str) -> Callable[..., Iterable[date]]:
    """What makes a country's holidays, as `holidays.country_holidays(country, ...)` would.

    The package loads every country it knows (some 250 modules: 80 ms, and thousands of objects
    for the garbage collector to walk) the first time it is asked for one; a capacity map needs
    its members' countries only, so each is loaded from its own module. Where the package is not
    laid out as this expects, or does not name the country, its own function answers."""
    holidays = _holidays_module()
    from holidays.registry import EntityLoader

    def by_the_package(**options: Any) -> Iterable[date]:
        found: Iterable[date] = holidays.country_holidays(country, **options)
        return found

    loader = getattr(holidays, country, None) if country.isalpha() else None
    prefix = "holidays.countries."
    if (
        not isinstance(loader, EntityLoader)
        or not loader.module_name.startswith(prefix)
        or loader.entity is not None  # loaded already, the package's way
        or holidays.__file__ is None
    ):
        return by_the_package
    module_name = loader.module_name.removeprefix(prefix)
    path = Path(holidays.__file__).parent / "countries" / f"{module_name}.py"
    name = f"mopsboard_holidays_{module_name}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None or not path.is_file():
        return by_the_package
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
        entity: Callable[..., Iterable[date]] = getattr(module, loader.entity_name)
    except (ImportError, AttributeError, OSError):
        del sys.modules[name]
        return by_the_package
    return entity


@functools.lru_cache(maxsize=1024)
def holiday_ordinals(code: str, year: int) -> frozenset[int]:
    """Public holidays of a country (or "CC-SUB" subdivision) in a year; none when unknown."""
    country, _, subdivision = code.partition("-")
    try:
        # The options `holidays.country_holidays` passes on, for the same days.
        found = _country_holidays(country)(
            years=year,
            subdiv=subdivision or None,
            expand=True,
            observed=True,
            prov=None,
            state=None,
            language=None,
            categories=None,
        )
    except (NotImplementedError, KeyError, ValueError):
        return frozenset()
    return frozenset(day.toordinal() for day in found)


@functools.cache
def holiday_countries() -> tuple[tuple[str, str], ...]:
    """(code, name) of every country whose public holidays are known, by name."""
    from holidays.registry import COUNTRIES

    supported = _holidays_module().list_supported_countries()
    names = {}
    for class_name, code, *_rest in COUNTRIES.values():
        if code in supported:
            names[code] = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
    return tuple(sorted(names.items(), key=lambda item: item[1]))


def is_known_holiday_country(code: str) -> bool:
    country, _, subdivision = code.partition("-")
    supported = _holidays_module().list_supported_countries()
    if country not in supported:
        return False
    return not subdivision or subdivision in supported[country]


# -- calendars -----------------------------------------------------------------------------------


def _weekday_count(first: int, last: int, weekdays: frozenset[int]) -> int:
    """How many days of `weekdays` lie in [first, last] (ordinals, inclusive)."""
    if last < first:
        return 0
    full, rest = divmod(last - first + 1, 7)
    extra = sum(1 for n in range(rest) if iso_weekday(first + n) in weekdays)
    return full * len(weekdays) + extra


def merge_ranges(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (first, last) ranges merged, sorted."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


class Calendar:
    """The days one person (or a team's Unassigned row) can take planned work, and the hours
    of each such day.

    A day is available when it is one of `weekdays`, not in an `off` range, not a public holiday
    of `holiday_code`, and `daily_hours` is above zero. Inside the window [lo, hi] a prefix sum
    answers "how many available days in [a, b]" in constant time; the window grows on demand.
    """

    __slots__ = ("_off", "daily_hours", "hi", "holiday_code", "lo", "prefix", "weekdays")

    def __init__(
        self,
        weekdays: frozenset[int],
        daily_hours: float,
        off: Iterable[tuple[int, int]] = (),
        holiday_code: str | None = None,
        window: tuple[int, int] | None = None,
    ) -> None:
        self.weekdays = weekdays
        self.daily_hours = daily_hours
        self.holiday_code = holiday_code
        self._off = merge_ranges(off)
        self.lo, self.hi = window if window else (1, 0)
        self.prefix: list[int] = [0]
        if window:
            self._build()

    def _build(self) -> None:
        lo, hi = self.lo, self.hi
        size = hi - lo + 1
        if size <= 0 or self.daily_hours <= 0 or not self.weekdays:
            self.prefix = [0] * (max(size, 0) + 1)
            return
        start = (lo - 1) % 7
        week = [(start + n) % 7 + 1 in self.weekdays for n in range(7)]
        days = (week * (size // 7 + 1))[:size]
        for first, last in self._off:
            if last < lo or first > hi:
                continue
            a, b = max(first, lo) - lo, min(last, hi) - lo
            days[a : b + 1] = [False] * (b - a + 1)
        if self.holiday_code:
            first_year = date.fromordinal(lo).year
            last_year = date.fromordinal(hi).year
            for year in range(first_year, last_year + 1):
                for day in holiday_ordinals(self.holiday_code, year):
                    if lo <= day <= hi:
                        days[day - lo] = False
        self.prefix = list(accumulate(days, initial=0))

    def widen(self, lo: int, hi: int) -> None:
        """Makes the window cover [lo, hi] too (the exact part of every later count)."""
        if self.lo <= self.hi and self.lo <= lo and hi <= self.hi:
            return
        if self.lo <= self.hi:
            lo, hi = min(lo, self.lo), max(hi, self.hi)
        self.lo, self.hi = lo, hi
        self._build()

    def count(self, first: int, last: int) -> int:
        """Available days in [first, last] (ordinals, inclusive)."""
        if last < first or self.daily_hours <= 0:
            return 0
        lo, hi = self.lo, self.hi
        if lo <= first and last <= hi:
            return self.prefix[last - lo + 1] - self.prefix[first - lo]
        total = 0
        if first < lo:
            total += _weekday_count(first, min(last, lo - 1), self.weekdays)
        if last > hi:
            total += _weekday_count(max(first, hi + 1), last, self.weekdays)
        a, b = max(first, lo), min(last, hi)
        if a <= b:
            total += self.prefix[b - lo + 1] - self.prefix[a - lo]
        return total

    def shares(self, start: int, due: int, first: int, last: int) -> Shares:
        """How a span [start, due] falls in the weeks of a period [first, last] (ordinals, the
        period from a Monday): per week it puts hours in, (the week's index, the span's
        available days in that week, the span's available days in all). A span without an
        available day is (its due date's week, 0, 0), or nothing when that is outside."""
        lo, prefix = self.lo, self.prefix
        if lo <= start and due <= self.hi:
            days = prefix[due - lo + 1] - prefix[start - lo]
        else:
            days = self.count(start, due)
        if not days:
            return (((due - first) // 7, 0, 0),) if first <= due <= last else ()
        a = start if start > first else first
        b = due if due < last else last
        week_a, week_b = (a - first) // 7, (b - first) // 7
        if week_a == week_b:
            inside = days if (a == start and b == due) else self.count(a, b)
            return ((week_a, inside, days),) if inside else ()
        shares = []
        for week in range(week_a, week_b + 1):
            monday = first + 7 * week
            inside = self.count(max(a, monday), min(b, monday + 6))
            if inside:
                shares.append((week, inside, days))
        return tuple(shares)

    def is_available(self, day: int) -> bool:
        return self.count(day, day) == 1

    def off_days_in(self, first: int, last: int) -> int:
        """Working days in [first, last] lost to time off or public holidays."""
        if self.daily_hours <= 0:
            return 0
        return _weekday_count(first, last, self.weekdays) - self.count(first, last)


def time_off_ranges(entries: Iterable[tuple[date, date]]) -> list[tuple[int, int]]:
    return merge_ranges((a.toordinal(), b.toordinal()) for a, b in entries if b >= a)


def holidays_between(code: str, first: date, last: date) -> list[date]:
    """The public holidays of `code` from `first` to `last`, in order (for tooltips)."""
    found: list[int] = []
    for year in range(first.year, last.year + 1):
        found.extend(holiday_ordinals(code, year))
    found.sort()
    a, b = bisect_left(found, first.toordinal()), bisect_right(found, last.toordinal())
    return [date.fromordinal(day) for day in found[a:b]]
