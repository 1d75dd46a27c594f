"""Warnings about campaigns' launches that no other tool gives, as pure rules of the plan.

A campaign warns only while it can still act on it: one that is archived, cancelled or done
never warns (nor is it warned of), and one without a launch date has nothing to warn of.
Weeks are ISO weeks (Monday to Sunday, numbered as ISO 8601 numbers them).

1. **Same audience or main persona, same week.** Two campaigns launch in the same week and
   either aim at the same audience (their Audience fields, compared ignoring case and spaces,
   so "SMB Marketers" is "smb  marketers"; an empty audience matches none) or share a main
   persona. Both campaigns carry the one warning, which names the audience or persona.

   A campaign's **main persona** is the persona that holds the most estimated hours among the
   campaign's unarchived tasks, and so is any other persona holding at least three quarters
   (MAIN_PERSONA_SHARE) of those hours; tasks without a persona do not count. When none of
   the campaign's tasks for a persona has an estimate, the number of tasks counts instead. A
   persona that only a few of a campaign's tasks target is not what the campaign is aimed at:
   a plan whose campaigns all touch every persona would otherwise warn of every pair.
2. **Launch on a public holiday.** A campaign's launch falls on a public holiday of its
   audience's country (Campaign.audience_country, a country or "CC-SUB" subdivision code), by
   the holiday rules the capacity map uses (domain/calendar.py).
3. **Launch in a product launch's week.** A campaign launches in a week that holds a day of a
   product launch imported from a calendar (an .ics file). Imported events of the kind "other"
   (trade shows, conferences) are shown beside the plan but do not warn.

Each warning says, in words, both sides (the campaigns, the holiday, the product launch), the
week and the day.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mopsboard.domain.calendar import holiday_ordinals, week_start
from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.domain.ids import CampaignId, PersonaId
from mopsboard.domain.kinds import CampaignStatus
from mopsboard.domain.models import Campaign

QUIET_STATUSES = frozenset({CampaignStatus.CANCELLED, CampaignStatus.DONE})
# A persona holding at least this share of the leading persona's hours is a main persona too.
MAIN_PERSONA_SHARE = 0.75
# An event longer than this is looked at for every campaign instead of indexed by week.
_INDEXED_WEEKS = 60


class WarningKind(StrEnum):
    SAME_WEEK = "same_week"
    HOLIDAY = "holiday"
    PRODUCT_LAUNCH = "product_launch"


@dataclass(frozen=True)
class CampaignWarning:
    """One warning: the campaigns it concerns (two for a clash, else one), the ISO week (year,
    number), the day it is about, and its words."""

    kind: WarningKind
    campaign_ids: tuple[CampaignId, ...]
    week: tuple[int, int]
    day: date
    text: str


# The name of the public holiday of a country on a day, or None when it is none.
HolidayNamer = Callable[[str, date], str | None]


def normal_audience(audience: str) -> str:
    """An audience as compared: without case or spaces."""
    return "".join(audience.split()).casefold()


@dataclass(frozen=True)
class PersonaWork:
    """What a campaign's unarchived tasks for one persona add up to."""

    hours: float
    tasks: int


def main_personas(work: Mapping[PersonaId, PersonaWork]) -> frozenset[PersonaId]:
    """The personas a campaign is aimed at, from its tasks' work per persona (module docstring)."""
    if not work:
        return frozenset()
    weights: Mapping[PersonaId, float]
    if any(w.hours > 0 for w in work.values()):
        weights = {persona: w.hours for persona, w in work.items()}
    else:
        weights = {persona: float(w.tasks) for persona, w in work.items()}
    top = max(weights.values())
    if top <= 0:
        return frozenset()
    return frozenset(p for p, weight in weights.items() if weight >= MAIN_PERSONA_SHARE * top)


def iso_week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week


# Cached: a plan of 200 campaigns in shared weeks says the same few days hundreds of times.
@functools.lru_cache(maxsize=4096)
def week_words(day: date) -> str:
    """'week 12 of 2026 (16 Mar - 22 Mar)'."""
    year, week = iso_week(day)
    monday = week_start(day)
    sunday = monday + timedelta(days=6)
    return f"week {week} of {year} ({monday:%d %b} \u2013 {sunday:%d %b})"


@functools.lru_cache(maxsize=4096)
def day_words(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def warns(campaign: Campaign) -> bool:
    """Whether a campaign can warn (or be warned of) at all."""
    return (
        campaign.launch_date is not None
        and not campaign.archived
        and campaign.status not in QUIET_STATUSES
    )


def campaign_warnings(
    campaigns: Iterable[Campaign],
    personas_of: Mapping[CampaignId, frozenset[PersonaId]] | None = None,
    persona_names: Mapping[PersonaId, str] | None = None,
    events: Iterable[CalendarEvent] = (),
    holiday_name: HolidayNamer | None = None,
) -> list[CampaignWarning]:
    """Every warning of the plan, by day, then by kind. `personas_of` holds each campaign's
    main personas (main_personas)."""
    live = [c for c in campaigns if warns(c)]
    found = _same_week(live, personas_of or {}, persona_names or {})
    found += _holidays(live, holiday_name or public_holiday_name)
    found += _product_launches(live, events)
    found.sort(key=lambda w: (w.day, list(WarningKind).index(w.kind), w.campaign_ids))
    return found


def warnings_by_campaign(
    warnings: Iterable[CampaignWarning],
) -> dict[CampaignId, list[CampaignWarning]]:
    """Each campaign's warnings (a clash is listed under both of its campaigns)."""
    found: dict[CampaignId, list[CampaignWarning]] = defaultdict(list)
    for warning in warnings:
        for campaign_id in warning.campaign_ids:
            found[campaign_id].append(warning)
    return dict(found)


def sharing_a_week(campaigns: Iterable[Campaign]) -> set[CampaignId]:
    """The campaigns that can warn whose launch week holds another one's launch: the only ones
    whose main personas the same-week rule needs (reading them sums every task's hours)."""
    by_week: dict[tuple[int, int], list[CampaignId]] = defaultdict(list)
    for campaign in campaigns:
        if warns(campaign):
            by_week[iso_week(_launch(campaign))].append(campaign.key)
    return {key for keys in by_week.values() if len(keys) > 1 for key in keys}


def _launch(campaign: Campaign) -> date:
    assert campaign.launch_date is not None  # warns() let only launched campaigns through
    return campaign.launch_date


def _same_week(
    campaigns: Sequence[Campaign],
    personas_of: Mapping[CampaignId, frozenset[PersonaId]],
    persona_names: Mapping[PersonaId, str],
) -> list[CampaignWarning]:
    by_week: dict[tuple[int, int], list[Campaign]] = defaultdict(list)
    for campaign in campaigns:
        by_week[iso_week(_launch(campaign))].append(campaign)
    found: list[CampaignWarning] = []
    for week, launching in by_week.items():
        launching.sort(key=lambda c: (_launch(c), c.key))
        for n, first in enumerate(launching):
            for second in launching[n + 1 :]:
                reasons = _shared(first, second, personas_of, persona_names)
                if not reasons:
                    continue
                day = _launch(first)  # the earlier launch: where the clash starts
                text = (
                    f"'{first.name}' and '{second.name}' both launch in "
                    f"{week_words(_launch(first))}: '{first.name}' on "
                    f"{day_words(_launch(first))}, '{second.name}' on "
                    f"{day_words(_launch(second))}; both are aimed at {reasons}."
                )
                found.append(
                    CampaignWarning(WarningKind.SAME_WEEK, (first.key, second.key), week, day, text)
                )
    return found


def _shared(
    first: Campaign,
    second: Campaign,
    personas_of: Mapping[CampaignId, frozenset[PersonaId]],
    persona_names: Mapping[PersonaId, str],
) -> str:
    """What two campaigns are both aimed at, in words ('' when nothing)."""
    parts: list[str] = []
    audience = normal_audience(first.audience)
    if audience and audience == normal_audience(second.audience):
        parts.append(f"the audience '{first.audience}'")
    shared = personas_of.get(first.key, frozenset()) & personas_of.get(second.key, frozenset())
    if shared:
        names = sorted(persona_names.get(p, f"persona {p}") for p in shared)
        quoted = ", ".join(f"'{name}'" for name in names)
        parts.append(f"the main persona{'s' if len(names) > 1 else ''} {quoted}")
    return " and ".join(parts)


def _holidays(campaigns: Sequence[Campaign], holiday_name: HolidayNamer) -> list[CampaignWarning]:
    found: list[CampaignWarning] = []
    for campaign in campaigns:
        code = campaign.audience_country
        launch = _launch(campaign)
        if not code or launch.toordinal() not in holiday_ordinals(code, launch.year):
            continue
        name = holiday_name(code, launch) or "a public holiday"
        text = (
            f"'{campaign.name}' launches on {day_words(launch)}, in {week_words(launch)}, on "
            f"{name}: a public holiday in {code}, its audience's country."
        )
        found.append(
            CampaignWarning(WarningKind.HOLIDAY, (campaign.key,), iso_week(launch), launch, text)
        )
    return found


def _product_launches(
    campaigns: Sequence[Campaign], events: Iterable[CalendarEvent]
) -> list[CampaignWarning]:
    by_week: dict[tuple[int, int], list[CalendarEvent]] = defaultdict(list)
    long_ones: list[CalendarEvent] = []
    for event in events:
        if event.kind is not CalendarEventKind.PRODUCT_LAUNCH:
            continue
        first, last = week_start(event.first_day), week_start(event.last_day)
        if (last - first).days // 7 >= _INDEXED_WEEKS:
            long_ones.append(event)
            continue
        monday = first
        while monday <= last:
            by_week[iso_week(monday)].append(event)
            monday += timedelta(days=7)
    found: list[CampaignWarning] = []
    for campaign in campaigns:
        launch = _launch(campaign)
        monday = week_start(launch)
        sunday = monday + timedelta(days=6)
        meeting = by_week.get(iso_week(launch), []) + [
            e for e in long_ones if e.first_day <= sunday and e.last_day >= monday
        ]
        for event in meeting:
            source = f" (from {event.source})" if event.source else ""
            text = (
                f"'{campaign.name}' launches on {day_words(launch)}, in "
                f"{week_words(launch)} with the product launch '{event.title}' on "
                f"{event.days_text()}{source}."
            )
            found.append(
                CampaignWarning(
                    WarningKind.PRODUCT_LAUNCH, (campaign.key,), iso_week(launch), launch, text
                )
            )
    return found


def public_holiday_name(code: str, day: date) -> str | None:
    """The holiday's name as the holidays package gives it (in English), or None."""
    import holidays

    country, _, subdivision = code.partition("-")
    try:
        found = holidays.country_holidays(country, subdiv=subdivision or None, years=day.year)
    except (NotImplementedError, KeyError, ValueError):
        return None
    name = found.get(day)
    return str(name) if name else None
