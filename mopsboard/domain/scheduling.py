"""Working-day arithmetic for planning a campaign backwards from its launch.

A template places each task by the working day it is due, counted from the launch (negative:
before it), and by how many working days it takes. Weekends never count; a workspace may also
pass public holidays. Everything here is pure: dates in, dates out.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

NO_HOLIDAYS: frozenset[date] = frozenset()
# Beyond this many working days a plan is surely a typo; it also bounds the loops below.
MAX_SPAN = 5_000


def is_working_day(day: date, holidays: Collection[date] = NO_HOLIDAYS) -> bool:
    return day.isoweekday() <= 5 and day not in holidays


def previous_working_day(day: date, holidays: Collection[date] = NO_HOLIDAYS) -> date:
    """`day` itself when it is a working day, else the last working day before it."""
    while not is_working_day(day, holidays):
        day -= timedelta(days=1)
    return day


def next_working_day(day: date, holidays: Collection[date] = NO_HOLIDAYS) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int, holidays: Collection[date] = NO_HOLIDAYS) -> date:
    """The working day `count` working days after `day` (before it when negative).

    A `day` on a weekend first rolls back to the Friday before, so that a launch on a Saturday
    plans its "launch day" work for the Friday and "one day after" for the Monday.
    """
    if abs(count) > MAX_SPAN:
        raise ValueError(f"{count} working days is more than {MAX_SPAN}")
    day = previous_working_day(day, holidays)
    step = timedelta(days=1 if count > 0 else -1)
    remaining = abs(count)
    if not holidays:
        # Whole weeks in one jump: a year-long plan is then a handful of steps, not 250.
        weeks, remaining = divmod(remaining, 5)
        day += step * 7 * weeks
    while remaining:
        day += step
        if is_working_day(day, holidays):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, holidays: Collection[date] = NO_HOLIDAYS) -> int:
    """How many working days `end` lies after `start` (negative when before): the inverse of
    `add_working_days`, so `add_working_days(a, working_days_between(a, b)) == b` whenever `b` is
    a working day. Days on weekends roll back to the Friday before, as there."""
    first = previous_working_day(start, holidays)
    last = previous_working_day(end, holidays)
    if last == first:
        return 0
    sign = 1 if last > first else -1
    low, high = (first, last) if sign > 0 else (last, first)
    if (high - low).days > MAX_SPAN * 2:
        raise ValueError(f"{low.isoformat()} to {high.isoformat()} is too long a span to plan")
    count = 0
    day = low
    while day < high:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return sign * count


def working_days_in(start: date, end: date, holidays: Collection[date] = NO_HOLIDAYS) -> int:
    """Working days from `start` to `end`, both included (0 when `end` is before `start`)."""
    if end < start:
        return 0
    if (end - start).days > MAX_SPAN * 2:
        raise ValueError(f"{start.isoformat()} to {end.isoformat()} is too long a span to count")
    weeks, extra = divmod((end - start).days + 1, 7)
    count = weeks * 5
    day = start + timedelta(days=weeks * 7)
    for _ in range(extra):
        count += day.isoweekday() <= 5
        day += timedelta(days=1)
    if holidays:
        count -= sum(1 for h in holidays if start <= h <= end and h.isoweekday() <= 5)
    return count


def schedule_backwards(
    launch: date, offset: int, duration: int, holidays: Collection[date] = NO_HOLIDAYS
) -> tuple[date, date]:
    """(start, due) of a task due `offset` working days from `launch` (negative: before the
    launch, 0: on the launch day) that takes `duration` working days, the due day included."""
    if duration < 1:
        raise ValueError(f"a task takes at least one working day, not {duration}")
    due = add_working_days(launch, offset, holidays)
    start = add_working_days(due, -(duration - 1), holidays)
    return start, due


def offset_and_duration(
    launch: date, start: date | None, due: date | None, holidays: Collection[date] = NO_HOLIDAYS
) -> tuple[int, int]:
    """What `schedule_backwards` needs to give back a task's dates: the working days from the
    launch to its due date, and the working days it spans (a missing date counts as the other,
    a task with neither is due on the launch day and takes one day)."""
    due = due or start or launch
    start = start or due
    offset = working_days_between(launch, due, holidays)
    duration = max(1, working_days_between(start, due, holidays) + 1)
    return offset, duration
