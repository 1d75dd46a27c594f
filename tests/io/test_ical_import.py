"""Reading .ics files for import: the exports of Outlook, Google Calendar and Apple Calendar
(tests/fixtures/ical, written by hand as those programs write them: VTIMEZONE blocks, X-
properties, folded lines, CRLF), all-day and timed events, events without DTEND or UID,
repeating events, and files that are damaged or no calendar at all."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mopsboard.domain.calendar_events import CalendarEventKind
from mopsboard.io.ical_import import (
    MAX_EVENTS,
    MAX_LAUNCH_REPEATS,
    CalendarRead,
    parse_ics,
    read_ics,
    repeats_words,
)
from mopsboard.io.importers.source import ImportRefused

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ical"
TODAY = date(2026, 3, 1)
BERLIN = ZoneInfo("Europe/Berlin")


def read(name: str, **options: object) -> CalendarRead:
    return read_ics(FIXTURES / name, today=TODAY, local_zone=BERLIN, **options)  # type: ignore[arg-type]


def days(found: CalendarRead) -> dict[str, tuple[date, date]]:
    return {e.title: (e.first_day, e.last_day) for e in found.events}


def ics(*lines: str) -> bytes:
    return (
        "\r\n".join(("BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR")) + "\r\n"
    ).encode()


def vevent(*lines: str) -> tuple[str, ...]:
    return ("BEGIN:VEVENT", *lines, "END:VEVENT")


def test_the_fixtures_are_written_as_the_programs_write_them():
    for name in ("outlook.ics", "google.ics", "apple.ics"):
        data = (FIXTURES / name).read_bytes()
        assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
        assert b"BEGIN:VTIMEZONE" in data and b"\r\nX-" in data
        assert b"\r\n " in data  # folded lines


def test_an_outlook_export():
    found = read("outlook.ics")
    assert found.name == "Product launches 2026"
    assert days(found) == {
        # All day: DTEND is the day after the last day.
        "Acme Cloud 5.0 GA": (date(2026, 3, 18), date(2026, 3, 18)),
        # Timed, in a Windows zone defined by the file's own VTIMEZONE.
        "Acme Edge launch event": (date(2026, 6, 2), date(2026, 6, 2)),
        "Acme World (conference and three launches)": (date(2026, 9, 22), date(2026, 9, 24)),
    }
    uids = [e.uid for e in found.events]
    # A folded UID is read whole.
    assert uids[0] == (
        "040000008200E00074C5B7101A82E00800000000D0B3A6F1C97FDC01000000000000000"
        "010000000C4A1E7B2F0D54B4E9F6B3A5C2D1E0F9A"
    )
    assert {e.source for e in found.events} == {"outlook.ics"}
    assert {e.kind for e in found.events} == {CalendarEventKind.PRODUCT_LAUNCH}
    assert not found.skipped


def test_a_google_export_with_its_times_in_utc_and_a_repeating_event():
    found = read("google.ics")
    assert found.name == "Launch calendar"
    by_uid = {e.uid: (e.title, e.first_day) for e in found.events}
    # 05:00 UTC on the 22nd is 22:00 on the 21st in the calendar's X-WR-TIMEZONE (Los Angeles):
    # the day is the calendar's, not UTC's nor this computer's.
    assert by_uid["5k2v9q8r7s6t5u4v3w2x1y0z9a@google.com"] == (
        "Nimbus 2 keynote (livestream)",
        date(2026, 4, 21),
    )
    assert by_uid["0abc1def2ghi3jkl4mno5pqr6s@google.com"] == (
        "Nimbus Mobile launch",
        date(2026, 7, 7),
    )
    # Second Tuesdays, six times from March, May's left out (EXDATE), April's moved to the 16th.
    series = sorted((uid, day) for uid, (_t, day) in by_uid.items() if "#" in uid)
    assert series == [
        ("7rec8urr9ing0ser1ies2id3x@google.com#2026-03-10", date(2026, 3, 10)),
        ("7rec8urr9ing0ser1ies2id3x@google.com#2026-04-14", date(2026, 4, 16)),
        ("7rec8urr9ing0ser1ies2id3x@google.com#2026-06-09", date(2026, 6, 9)),
        ("7rec8urr9ing0ser1ies2id3x@google.com#2026-07-14", date(2026, 7, 14)),
        ("7rec8urr9ing0ser1ies2id3x@google.com#2026-08-11", date(2026, 8, 11)),
    ]
    assert by_uid["7rec8urr9ing0ser1ies2id3x@google.com#2026-04-14"][0] == "Feature release (moved)"
    assert found.recurring == 1


def test_an_apple_export():
    found = read("apple.ics", kind=CalendarEventKind.OTHER)
    assert found.name == "Launches"
    assert days(found) == {
        "Orchard Watch launch week": (date(2026, 10, 12), date(2026, 10, 16)),
        # Until midnight: it does not touch the next day.
        "Orchard Pad press night": (date(2026, 11, 3), date(2026, 11, 3)),
        # No DTEND: the start day alone.
        "Orchard TV (date only, no end)": (date(2026, 12, 1), date(2026, 12, 1)),
    }
    assert {e.kind for e in found.events} == {CalendarEventKind.OTHER}


def test_a_timed_event_is_on_the_days_of_its_own_zone():
    found = parse_ics(
        ics(
            *vevent("UID:a", "SUMMARY:Late in Paris", "DTSTART;TZID=Europe/Paris:20260506T233000"),
            *vevent(
                "UID:b",
                "SUMMARY:Overnight",
                "DTSTART;TZID=America/New_York:20260506T220000",
                "DTEND;TZID=America/New_York:20260507T020000",
            ),
            *vevent("UID:c", "SUMMARY:Floating", "DTSTART:20260508T233000"),
            # In UTC, with no calendar zone: this computer's day (Berlin's, an hour ahead).
            *vevent("UID:d", "SUMMARY:UTC", "DTSTART:20260509T233000Z"),
            *vevent("UID:e", "SUMMARY:Hour", "DTSTART;VALUE=DATE:20260511", "DURATION:P3D"),
        ),
        "x.ics",
        local_zone=BERLIN,
    )
    assert days(found) == {
        "Late in Paris": (date(2026, 5, 6), date(2026, 5, 6)),
        "Overnight": (date(2026, 5, 6), date(2026, 5, 7)),
        "Floating": (date(2026, 5, 8), date(2026, 5, 8)),
        "UTC": (date(2026, 5, 10), date(2026, 5, 10)),
        "Hour": (date(2026, 5, 11), date(2026, 5, 13)),
    }


def test_an_event_without_uid_gets_one_that_stays_the_same_from_one_import_to_the_next():
    data = ics(*vevent("SUMMARY:No uid", "DTSTART;VALUE=DATE:20260505"))
    first = parse_ics(data, "launches.ics").events[0]
    again = parse_ics(data, "launches.ics").events[0]
    assert first.uid == again.uid and first.uid.endswith("@launches.ics")
    other_file = parse_ics(data, "other.ics").events[0]
    other_event = parse_ics(
        ics(*vevent("SUMMARY:No uid", "DTSTART;VALUE=DATE:20260506")), "launches.ics"
    ).events[0]
    assert len({first.uid, other_file.uid, other_event.uid}) == 3


def test_a_repeating_event_is_expanded_only_over_the_window_around_today():
    data = ics(
        *vevent("UID:w", "SUMMARY:Weekly", "DTSTART;VALUE=DATE:20200106", "RRULE:FREQ=WEEKLY")
    )
    # As other events: a weekly product launch is refused (below).
    found = parse_ics(data, "x.ics", CalendarEventKind.OTHER, today=TODAY)
    first, last = found.window or (None, None)
    assert first is not None and last is not None
    assert min(e.first_day for e in found.events) >= first
    assert max(e.first_day for e in found.events) <= last
    assert len(found.events) == pytest.approx((last - first).days / 7, abs=1)
    assert all(e.first_day.weekday() == 0 for e in found.events)


def test_events_whose_dates_cannot_be_read_are_skipped_and_said():
    found = read("odd_events.ics")
    assert days(found) == {
        "No uid here": (date(2026, 5, 5), date(2026, 5, 5)),
        "Timed no end": (date(2026, 5, 6), date(2026, 5, 6)),
    }
    assert found.skipped == (
        "'Half': its start (DTSTART) is missing or cannot be read",
        "'No start': its start (DTSTART) is missing or cannot be read",
    )


def test_a_repetition_that_cannot_be_read_is_said():
    found = parse_ics(
        ics(*vevent("UID:r", "SUMMARY:Odd", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=BOGUS")),
        "x.ics",
        today=TODAY,
    )
    assert found.events == ()
    assert len(found.skipped) == 1 and "'Odd': it does not repeat" in found.skipped[0]


def test_text_in_windows_1252_or_utf_16_is_read():
    latin = ics(*vevent("UID:a", "SUMMARY:Caf\u00e9 launch", "DTSTART;VALUE=DATE:20260101"))
    assert parse_ics(latin.decode().encode("cp1252"), "x.ics").events[0].title == "Caf\u00e9 launch"
    assert parse_ics(latin.decode().encode("utf-16"), "x.ics").events[0].title == "Caf\u00e9 launch"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("not_a_calendar.ics", "is not an iCalendar file"),
        ("truncated.ics", "damaged or cut short"),
        ("empty_calendar.ics", "holds no events"),
    ],
)
def test_a_damaged_or_non_calendar_file_is_refused_in_words(name: str, words: str):
    with pytest.raises(ImportRefused, match=words) as refused:
        read(name)
    assert str(refused.value).startswith(f"{name}:") or name in str(refused.value)


def test_binary_garbage_and_a_broken_line_are_refused(tmp_path: Path):
    garbage = tmp_path / "garbage.ics"
    garbage.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(ImportRefused, match="is not an iCalendar file"):
        read_ics(garbage)
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\n\x00\x01 garbage\r\nEND:VCALENDAR\r\n")
    with pytest.raises(ImportRefused, match="damaged"):
        read_ics(broken)
    empty = tmp_path / "empty.ics"
    empty.write_bytes(b"")
    with pytest.raises(ImportRefused, match="empty"):
        read_ics(empty)
    with pytest.raises(ImportRefused, match="no such file"):
        read_ics(tmp_path / "missing.ics")


def test_a_calendar_of_more_events_than_a_launch_calendar_holds_is_refused():
    lines = [
        line
        for n in range(MAX_EVENTS + 1)
        for line in vevent(f"UID:{n}", "SUMMARY:x", "DTSTART;VALUE=DATE:20260101")
    ]
    with pytest.raises(ImportRefused, match="more than 5,000 events"):
        parse_ics(ics(*lines), "big.ics")
    daily = ics(*vevent("UID:d", "SUMMARY:x", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=HOURLY"))
    with pytest.raises(ImportRefused, match="more than 5,000 events"):
        parse_ics(daily, "hourly.ics", today=TODAY)


def test_a_cancelled_event_or_occurrence_is_left_out():
    found = parse_ics(
        ics(
            *vevent(
                "UID:gone", "SUMMARY:Called off", "DTSTART;VALUE=DATE:20260505", "STATUS:CANCELLED"
            ),
            *vevent(
                "UID:s",
                "SUMMARY:Monthly",
                "DTSTART;VALUE=DATE:20260301",
                "RRULE:FREQ=MONTHLY;COUNT=3",
            ),
            *vevent(
                "UID:s",
                "SUMMARY:Monthly",
                "RECURRENCE-ID;VALUE=DATE:20260401",
                "DTSTART;VALUE=DATE:20260401",
                "STATUS:CANCELLED",
            ),
        ),
        "x.ics",
        today=TODAY,
    )
    assert sorted(e.first_day for e in found.events) == [date(2026, 3, 1), date(2026, 5, 1)]
    assert found.skipped == ()


def test_each_repeating_event_says_how_many_occurrences_it_gave():
    found = parse_ics(
        ics(
            *vevent(
                "UID:m",
                "SUMMARY:Monthly GA",
                "DTSTART;VALUE=DATE:20260105",
                "RRULE:FREQ=MONTHLY;COUNT=6",
            ),
            *vevent(
                "UID:q",
                "SUMMARY:Quarterly",
                "DTSTART;VALUE=DATE:20260110",
                "RRULE:FREQ=MONTHLY;INTERVAL=3",
            ),
            *vevent("UID:o", "SUMMARY:Once", "DTSTART;VALUE=DATE:20260301"),
        ),
        "x.ics",
        today=TODAY,
    )
    first, last = found.window or (TODAY, TODAY)
    quarterly = sum(1 for e in found.events if e.title == "Quarterly")
    assert quarterly == pytest.approx((last - date(2026, 1, 10)).days / 91.3, abs=1)
    assert found.repeats == (("Monthly GA", 6), ("Quarterly", quarterly))
    assert found.recurring == 2
    assert repeats_words(found) == (
        f"2 repeating events, taken as their occurrences from {first:%d %b %Y} to "
        f"{last - timedelta(days=1):%d %b %Y}: 'Monthly GA' 6 times, 'Quarterly' "
        f"{quarterly} times"
    )


def test_a_product_launch_repeating_more_often_than_launches_do_is_skipped_and_said():
    daily = ics(
        *vevent("UID:d", "SUMMARY:Stand-up", "DTSTART;VALUE=DATE:20250101", "RRULE:FREQ=DAILY"),
        *vevent("UID:g", "SUMMARY:Acme 5 GA", "DTSTART;VALUE=DATE:20260310"),
        *vevent(
            "UID:w",
            "SUMMARY:Fifty",
            "DTSTART;VALUE=DATE:20260302",
            f"RRULE:FREQ=WEEKLY;COUNT={MAX_LAUNCH_REPEATS}",
        ),
    )
    found = parse_ics(daily, "x.ics", today=TODAY)
    assert sorted({e.title for e in found.events}) == ["Acme 5 GA", "Fifty"]
    assert found.repeats == (("Fifty", MAX_LAUNCH_REPEATS),)
    (said,) = found.skipped
    first, last = found.window or (TODAY, TODAY)
    times = (last - first).days  # the window's last day is not in it
    assert said == (
        f"'Stand-up': it repeats {times:,} times from {first:%d %b %Y} to "
        f"{last - timedelta(days=1):%d %b %Y}, "
        f"more often than a product launch (at most {MAX_LAUNCH_REPEATS}); import the file as "
        "other events to show it"
    )
    # As other events (a trade show's daily hours, say) it is imported.
    other = parse_ics(daily, "x.ics", CalendarEventKind.OTHER, today=TODAY)
    assert other.skipped == ()
    assert ("Stand-up", times) in other.repeats
