"""The working days one team or one person plans on, for scheduling along links.

A day is a working day when it is a Monday to Friday, not a public holiday of the calendar's
countries, and not in its time off. A team's calendar holds the public holidays that every one
of its active people with a holiday country has off (a day some of them work stays a working
day of the team); a person's holds their own country's holidays and their time off. Public
holidays come from the `holidays` data the capacity view uses (domain/calendar.py), loaded a
year at a time as a plan reaches it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from mopsboard.domain.calendar import holiday_ordinals
from mopsboard.domain.scheduling import MAX_SPAN


class WorkCalendar:
    __slots__ = ("_by_year", "codes", "off")

    def __init__(self, codes: Iterable[str] = (), off: Iterable[tuple[date, date]] = ()) -> None:
        # A day is a public holiday here when it is one in each of `codes` (none: no holidays).
        self.codes = tuple(sorted(set(codes)))
        self.off = tuple(sorted((a, b) for a, b in off if b >= a))
        self._by_year: dict[int, frozenset[int]] = {}

    def _holidays(self, year: int) -> frozenset[int]:
        found = self._by_year.get(year)
        if found is None:
            sets = [holiday_ordinals(code, year) for code in self.codes]
            found = frozenset.intersection(*sets) if sets else frozenset()
            self._by_year[year] = found
        return found

    def is_working_day(self, day: date) -> bool:
        if day.isoweekday() > 5:
            return False
        if any(first <= day <= last for first, last in self.off):
            return False
        return not self.codes or day.toordinal() not in self._holidays(day.year)

    def previous_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the last working day before it."""
        for _ in range(MAX_SPAN * 2):
            if self.is_working_day(day):
                return day
            day -= timedelta(days=1)
        raise ValueError(f"no working day in the {MAX_SPAN * 2} days before {day.isoformat()}")

    def add_working_days(self, day: date, count: int) -> date:
        """The working day `count` working days after `day` (before it when negative), as
        `scheduling.add_working_days` counts: a day off first rolls back to the working day
        before it."""
        if abs(count) > MAX_SPAN:
            raise ValueError(f"{count} working days is more than {MAX_SPAN}")
        day = self.previous_working_day(day)
        step = timedelta(days=1 if count > 0 else -1)
        remaining = abs(count)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_in(self, start: date, end: date) -> int:
        """Working days from `start` to `end`, both included (0 when `end` is before)."""
        if (end - start).days > MAX_SPAN * 2:
            raise ValueError(f"{start.isoformat()} to {end.isoformat()} is too long to count")
        count = 0
        day = start
        while day <= end:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count


WEEKDAYS_ONLY = WorkCalendar()


def team_calendar(countries: Iterable[str | None]) -> WorkCalendar:
    """A team's calendar from its active people's holiday countries (None: not set, and not
    counted: such a person's days say nothing about the team's holidays)."""
    return WorkCalendar(code for code in countries if code)


def person_calendar(country: str | None, time_off: Iterable[tuple[date, date]]) -> WorkCalendar:
    return WorkCalendar([country] if country else [], time_off)
