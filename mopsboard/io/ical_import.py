"""Dated events read from an iCalendar file (.ics) that Outlook, Google Calendar or Apple Calendar
wrote: product launches (or trade shows, conferences) to set beside the campaigns' launches.

Each event becomes whole days, `first_day` to `last_day`:
- an all-day event runs from its DTSTART to the day before its DTEND (DTEND is exclusive); one
  without DTEND (or with a DTEND not after its start) is its start day alone, or as long as its
  DURATION;
- a timed event covers the days it touches in its own time zone (a TZID's, or for a time in UTC
  the calendar's X-WR-TIMEZONE as Google writes it, else this computer's); one that ends at
  midnight does not touch the next day;
- a recurring event (RRULE, RDATE, with its EXDATEs and moved occurrences) is expanded from
  RECURRENCE_PAST before today to RECURRENCE_FUTURE after, each occurrence its own event
  (`UID#day`), and how many occurrences each gave is kept to be said; one that would give more
  than MAX_LAUNCH_REPEATS product launches (a daily or weekly meeting, not a launch) is skipped
  and said, unless the events are imported as "other" events;
- a cancelled event (STATUS:CANCELLED, as Google marks a called-off occurrence) is left out;
- an event without UID gets one made from the file's name and the event's own title and
  start, so importing the same file again updates it.

A file that is not a calendar, or one damaged past reading, is refused in words; an event whose
dates cannot be read is skipped and said. Nothing in the file is evaluated, and the file and the
events in it are bounded (io/importers/source.py's size check, MAX_EVENTS).
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

from mopsboard.domain.calendar_events import MAX_UID, CalendarEvent, CalendarEventKind
from mopsboard.domain.field_rules import MAX_NAME, check_day
from mopsboard.io.importers.source import ImportRefused, check_file

# Occurrences of recurring events are taken from this long before today to this long after.
RECURRENCE_PAST = timedelta(days=366)
RECURRENCE_FUTURE = timedelta(days=2 * 366)
# More than a calendar of launches holds; a whole mailbox's calendar is refused, not half read.
MAX_EVENTS = 5_000
MAX_SKIPPED_SAID = 10
# More launches than a product ships in three years: a series repeating more often is a meeting.
MAX_LAUNCH_REPEATS = 50
NO_TITLE = "(no title)"


@dataclass(frozen=True)
class CalendarRead:
    """What a file holds: its name (X-WR-CALNAME, else the file's), the events, the events that
    could not be read (in words), the window recurring events were expanded over, and each
    repeating event imported with the number of its occurrences there (title, count)."""

    name: str
    events: tuple[CalendarEvent, ...]
    skipped: tuple[str, ...] = ()
    recurring: int = 0
    window: tuple[date, date] | None = None
    repeats: tuple[tuple[str, int], ...] = ()


# The repeating events named one by one in what an import says; the rest are counted.
REPEATS_NAMED = 6


def repeats_words(read: CalendarRead) -> str:
    """How many occurrences each repeating event gave: "2 repeating events, taken as their
    occurrences from 01 Mar 2025 to 02 Mar 2028: 'Monthly GA' 6 times, 'Quarterly' 12 times"
    ("" when none repeats)."""
    if not read.repeats or read.window is None:
        return ""
    first, last = read.window
    count = len(read.repeats)
    named = [
        f"'{_short(title, 60)}' {times:,} time{'s' if times != 1 else ''}"
        for title, times in read.repeats[:REPEATS_NAMED]
    ]
    if count > REPEATS_NAMED:
        named.append(f"and {count - REPEATS_NAMED} more")
    return (
        f"{count} repeating event{'s' if count != 1 else ''}, taken as "
        f"{'their' if count != 1 else 'its'} occurrences from {first:%d %b %Y} to "
        f"{last - timedelta(days=1):%d %b %Y}: {', '.join(named)}"
    )


def read_ics(
    path: Path,
    kind: CalendarEventKind = CalendarEventKind.PRODUCT_LAUNCH,
    *,
    today: date | None = None,
    local_zone: tzinfo | None = None,
) -> CalendarRead:
    """The events of the .ics file at `path`, as `kind`; ImportRefused, in words, for a file
    that cannot be imported."""
    check_file(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportRefused(f"{path}: the file cannot be read ({error.strerror}).") from None
    return parse_ics(data, path.name, kind, today=today, local_zone=local_zone)


def parse_ics(
    data: bytes,
    source: str,
    kind: CalendarEventKind = CalendarEventKind.PRODUCT_LAUNCH,
    *,
    today: date | None = None,
    local_zone: tzinfo | None = None,
) -> CalendarRead:
    calendar = _calendar(data, source)
    import x_wr_timezone  # type: ignore[import-untyped]

    # Google writes every time in UTC and names the calendar's zone apart: its days are that
    # zone's (recurring_ical_events does the same for the occurrences it makes).
    calendar = x_wr_timezone.to_standard(calendar)
    zone = local_zone or datetime.now().astimezone().tzinfo
    today = today or date.today()
    window = (today - RECURRENCE_PAST, today + RECURRENCE_FUTURE)
    events = [c for c in calendar.walk("VEVENT")]
    if not events:
        raise ImportRefused(
            f"{source}: the calendar holds no events, so there is nothing to import."
        )
    reader = _Reader(source, kind, zone)
    for event in events:
        if not _text(event.get("UID")):
            # Named before the series are gathered, so a repeating event without one repeats.
            title = (_text(event.get("SUMMARY")) or NO_TITLE)[:MAX_NAME]
            event["UID"] = made_uid(source, title, event)
    series = {_text(e.get("UID")) for e in events if _recurs(e)}
    found: list[CalendarEvent] = []
    for event in events:
        uid = _text(event.get("UID"))
        if uid in series:
            continue
        made = reader.event(event, uid)
        if made is not None:
            found.append(made)
        _bound(found, source)
    repeated = reader.occurrences(
        calendar, [e for e in events if _text(e.get("UID")) in series], window
    )
    found += repeated
    _bound(found, source)
    name = _text(calendar.get("X-WR-CALNAME")) or Path(source).stem
    return CalendarRead(
        name[:MAX_NAME],
        tuple(found),
        tuple(reader.skipped),
        len(series),
        window,
        tuple(reader.repeats),
    )


def _calendar(data: bytes, source: str) -> Any:
    from icalendar import Calendar

    text = _decoded(data).lstrip("\ufeff").lstrip()
    if not text[:15].upper().startswith("BEGIN:VCALENDAR"):
        raise ImportRefused(
            f"{source}: is not an iCalendar file (it does not start with BEGIN:VCALENDAR). "
            "Export the calendar as .ics from Outlook, Google Calendar or Apple Calendar and "
            "import that file."
        )
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except (ValueError, IndexError, KeyError, UnicodeDecodeError) as error:
        raise ImportRefused(
            f"{source}: the calendar is damaged and cannot be read ({_short(str(error))}); "
            "nothing was imported. Export it again and import the new file."
        ) from None
    if not calendars:
        # What starts as a calendar but never ends as one was cut short (or its blocks do not
        # match): nothing of it can be trusted.
        raise ImportRefused(
            f"{source}: the calendar is damaged or cut short (its BEGIN and END lines do not "
            "match); nothing was imported. Export it again and import the new file."
        )
    if len(calendars) > 1:
        merged = calendars[0]
        for extra in calendars[1:]:
            for component in extra.subcomponents:
                merged.add_component(component)
        return merged
    return calendars[0]


def _decoded(data: bytes) -> str:
    """The file's text: UTF-8 as RFC 5545 says, else by its byte-order mark, else Windows-1252
    (what older Outlook versions wrote on Western-European Windows)."""
    for mark, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(mark):
            return data.decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def _too_many(source: str) -> ImportRefused:
    return ImportRefused(
        f"{source}: holds more than {MAX_EVENTS:,} events (repeating ones counted over the "
        "three years around today); nothing was imported. Export only the calendar of "
        "launches or events wanted beside the campaigns."
    )


def _bound(found: list[CalendarEvent], source: str) -> None:
    if len(found) > MAX_EVENTS:
        raise _too_many(source)


def _recurs(event: Any) -> bool:
    return any(event.get(name) is not None for name in ("RRULE", "RDATE", "RECURRENCE-ID"))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # a property given twice: the first one counts
        return _text(value[0]) if value else ""
    return str(value).strip()


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


class _Reader:
    def __init__(self, source: str, kind: CalendarEventKind, zone: tzinfo | None) -> None:
        self.source = source
        self.kind = kind
        self.zone = zone
        self.skipped: list[str] = []
        self._skipped_count = 0
        self.repeats: list[tuple[str, int]] = []

    def skip(self, event: Any, why: str) -> None:
        self._skipped_count += 1
        if len(self.skipped) < MAX_SKIPPED_SAID:
            title = _text(event.get("SUMMARY")) or NO_TITLE
            self.skipped.append(f"'{_short(title, 60)}': {why}")
        elif len(self.skipped) == MAX_SKIPPED_SAID:
            self.skipped.append("and more like these")

    def event(self, event: Any, uid: str, occurrence: date | None = None) -> CalendarEvent | None:
        if _text(event.get("STATUS")).upper() == "CANCELLED":
            # A launch called off (or one occurrence of a series) is no launch to warn of.
            return None
        days = self.days(event)
        if days is None:
            return None
        first, last = days
        title = (_text(event.get("SUMMARY")) or NO_TITLE)[:MAX_NAME]
        if not uid:
            uid = made_uid(self.source, title, event)
        if occurrence is not None:
            uid = f"{uid}#{occurrence.isoformat()}"
        try:
            return CalendarEvent(
                uid=uid[:MAX_UID],
                title=" ".join(title.split()) or NO_TITLE,
                first_day=first,
                last_day=last,
                kind=self.kind,
                source=self.source,
            )
        except ValueError as error:
            self.skip(event, _short(str(error)))
            return None

    def days(self, event: Any) -> tuple[date, date] | None:
        """The days an event covers, or None (and it is said) when they cannot be read."""
        try:
            start = event.decoded("DTSTART")
        except (KeyError, ValueError, TypeError, AttributeError):
            start = None
        if not isinstance(start, date):
            self.skip(event, "its start (DTSTART) is missing or cannot be read")
            return None
        end = self._end(event, start)
        if isinstance(start, datetime):
            first = self._local(start).date()
            last = first
            if isinstance(end, datetime) and end > start:
                # The end is exclusive: an event till midnight does not touch the next day.
                last = max(first, (self._local(end) - timedelta(microseconds=1)).date())
        else:
            first = start
            ends = end.date() if isinstance(end, datetime) else end
            last = ends - timedelta(days=1) if isinstance(ends, date) and ends > first else first
        try:
            check_day(first)
            check_day(last)
        except ValueError as error:
            self.skip(event, f"its dates are out of range ({_short(str(error))})")
            return None
        return first, last

    def _end(self, event: Any, start: date) -> date | None:
        try:
            end = event.decoded("DTEND")
        except (KeyError, ValueError, TypeError, AttributeError):
            end = None
        if isinstance(end, date):
            return end
        try:
            duration = event.decoded("DURATION")
        except (KeyError, ValueError, TypeError, AttributeError):
            return None
        if isinstance(duration, timedelta) and duration > timedelta(0):
            try:
                return start + duration
            except OverflowError:
                return None
        return None

    def _local(self, moment: datetime) -> datetime:
        """A moment in its own zone; one in UTC (or floating) in this computer's."""
        if moment.tzinfo is None:
            return moment
        if moment.utcoffset() == timedelta(0) and _is_utc(moment.tzinfo):
            return moment.astimezone(self.zone)
        return moment

    def occurrences(
        self, calendar: Any, series: list[Any], window: tuple[date, date]
    ) -> list[CalendarEvent]:
        """Each occurrence of the recurring events in `window`, as its own event."""
        if not series:
            return []
        import recurring_ical_events  # type: ignore[import-untyped]
        from icalendar import Calendar

        readable = []
        for event in series:
            if self.days(event) is not None:
                readable.append(event)
        sub = Calendar()
        for timezone in calendar.walk("VTIMEZONE"):
            sub.add_component(timezone)
        for event in readable:
            sub.add_component(event)
        by_series: dict[str, list[CalendarEvent]] = {}
        try:
            query = recurring_ical_events.of(sub, skip_bad_series=True)
            for occurrence in _limited(query.between(*window)):
                uid = _text(occurrence.get("UID"))
                made = self.event(occurrence, uid, self._original_day(occurrence))
                if made is not None:
                    by_series.setdefault(uid, []).append(made)
        except _TooMany:
            raise _too_many(self.source) from None
        except (ValueError, TypeError, KeyError, OverflowError) as error:
            raise ImportRefused(
                f"{self.source}: a recurring event cannot be read ({_short(str(error))}); "
                "nothing was imported."
            ) from None
        first, last = window
        found: list[CalendarEvent] = []
        for event in readable:
            if event.get("RECURRENCE-ID") is not None:
                continue  # a moved occurrence: counted with its series
            series_events = by_series.pop(_text(event.get("UID")), [])
            if not series_events:
                self.skip(
                    event,
                    f"it does not repeat between {first:%d %b %Y} and {last:%d %b %Y}, or how "
                    "it repeats (RRULE) cannot be read",
                )
            elif (
                self.kind is CalendarEventKind.PRODUCT_LAUNCH
                and len(series_events) > MAX_LAUNCH_REPEATS
            ):
                self.skip(
                    event,
                    f"it repeats {len(series_events):,} times from {first:%d %b %Y} to "
                    f"{last - timedelta(days=1):%d %b %Y}, more often than a product launch "
                    f"(at most {MAX_LAUNCH_REPEATS}); import the file as other events to show it",
                )
            else:
                self.repeats.append((series_events[0].title, len(series_events)))
                found += series_events
        # Moved occurrences of a series whose own event the file does not hold.
        for series_events in by_series.values():
            self.repeats.append((series_events[0].title, len(series_events)))
            found += series_events
        return found

    def _original_day(self, occurrence: Any) -> date:
        """The day an occurrence was due on before any move: what names it from one import to
        the next."""
        for name in ("RECURRENCE-ID", "DTSTART"):
            try:
                value = occurrence.decoded(name)
            except (KeyError, ValueError, TypeError, AttributeError):
                continue
            if isinstance(value, datetime):
                return self._local(value).date()
            if isinstance(value, date):
                return value
        return date.min


class _TooMany(Exception):
    pass


def _limited(items: Iterable[Any]) -> Iterator[Any]:
    for number, item in enumerate(items):
        if number >= MAX_EVENTS:
            raise _TooMany
        yield item


def _is_utc(zone: tzinfo) -> bool:
    name = str(zone)
    return name in ("UTC", "utc", "Z", "Etc/UTC", "GMT", "Etc/GMT", "UTC+00:00")


def made_uid(source: str, title: str, event: Any) -> str:
    """A UID for an event that has none, the same from one import of the file to the next: from
    the file's name and the event's title and start as written."""
    start = event.get("DTSTART")
    written = start.to_ical().decode("utf-8", "replace") if hasattr(start, "to_ical") else ""
    digest = hashlib.sha256("\n".join((Path(source).name, title, written)).encode("utf-8"))
    return f"{digest.hexdigest()[:32]}@{Path(source).name[:200]}"
