"""The campaign warnings, rule by rule, on hand-made plans: each warning where the rule says, in
words naming both sides, the week and the day, and none in the cases the rule leaves out."""

from __future__ import annotations

from datetime import date

import pytest

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.domain.campaign_warnings import (
    CampaignWarning,
    PersonaWork,
    WarningKind,
    campaign_warnings,
    main_personas,
    normal_audience,
    sharing_a_week,
    warnings_by_campaign,
)
from mopsboard.domain.ids import CampaignId, PersonaId
from mopsboard.domain.models import Campaign, CampaignStatus

# Week 12 of 2026 runs from Monday 16 March to Sunday 22 March.
MON, TUE, THU, SUN = date(2026, 3, 16), date(2026, 3, 17), date(2026, 3, 19), date(2026, 3, 22)
NEXT_MON = date(2026, 3, 23)
SCIENTIST, ORCHESTRATOR, MODERNIZER = PersonaId(7), PersonaId(8), PersonaId(9)
NAMES = {SCIENTIST: "Scientist", ORCHESTRATOR: "Orchestrator"}


def campaign(number: int, name: str, launch: date | None, **fields: object) -> Campaign:
    return Campaign(id=number, name=name, launch_date=launch, **fields)  # type: ignore[arg-type]


def launch_event(
    title: str, first: date, last: date | None = None, **more: object
) -> CalendarEvent:
    return CalendarEvent(
        uid=title,
        title=title,
        first_day=first,
        last_day=last or first,
        source="acme.ics",
        **more,  # type: ignore[arg-type]
    )


def kinds(found: list[CampaignWarning]) -> list[tuple[str, tuple[int, ...]]]:
    return [(w.kind.value, w.campaign_ids) for w in found]


def no_holidays(code: str, day: date) -> str | None:
    return None


# -- same audience or persona, same week --------------------------------------------------------


def test_two_campaigns_for_the_same_audience_in_the_same_week_warn_once_naming_both():
    spring = campaign(1, "Spring launch", TUE, audience="SMB Marketers")
    webinar = campaign(2, "Webinar", THU, audience="  smb  marketers ")
    (warning,) = campaign_warnings([spring, webinar])
    assert warning.kind is WarningKind.SAME_WEEK
    assert warning.campaign_ids == (1, 2)
    assert warning.week == (2026, 12) and warning.day == TUE
    assert warning.text == (
        "'Spring launch' and 'Webinar' both launch in week 12 of 2026 (16 Mar \u2013 22 Mar): "
        "'Spring launch' on Tue 17 Mar 2026, 'Webinar' on Thu 19 Mar 2026; both are aimed at "
        "the audience 'SMB Marketers'."
    )
    by_campaign = warnings_by_campaign([warning])
    assert by_campaign == {CampaignId(1): [warning], CampaignId(2): [warning]}


def test_a_shared_persona_warns_and_is_named_with_a_shared_audience():
    spring = campaign(1, "Spring", MON, audience="CFOs")
    webinar = campaign(2, "Webinar", SUN, audience="cfos")
    personas = {
        CampaignId(1): frozenset({SCIENTIST, ORCHESTRATOR}),
        CampaignId(2): frozenset({SCIENTIST}),
    }
    (warning,) = campaign_warnings([spring, webinar], personas, NAMES)
    assert warning.text.endswith(
        "both are aimed at the audience 'CFOs' and the main persona 'Scientist'."
    )
    other = campaign(2, "Webinar", SUN, audience="CTOs")
    both = {
        CampaignId(1): frozenset({SCIENTIST, ORCHESTRATOR}),
        CampaignId(2): frozenset({SCIENTIST, ORCHESTRATOR}),
    }
    (by_personas,) = campaign_warnings([spring, other], both, NAMES)
    assert by_personas.text.endswith("the main personas 'Orchestrator', 'Scientist'.")


def work(**hours: float) -> dict[PersonaId, PersonaWork]:
    ids = {"scientist": SCIENTIST, "orchestrator": ORCHESTRATOR, "modernizer": MODERNIZER}
    return {ids[name]: PersonaWork(h, 1) for name, h in hours.items()}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (work(scientist=70, orchestrator=37, modernizer=34), {SCIENTIST}),
        # Three quarters of the leader's hours, exactly, is a main persona too.
        (work(scientist=40, orchestrator=30, modernizer=29.9), {SCIENTIST, ORCHESTRATOR}),
        (work(scientist=10, orchestrator=10), {SCIENTIST, ORCHESTRATOR}),
        ({}, set()),
    ],
    ids=["one leads", "three quarters", "a tie", "no persona"],
)
def test_a_campaign_is_aimed_at_the_personas_holding_most_of_its_hours(given, expected):
    assert main_personas(given) == expected


def test_only_campaigns_launching_in_a_shared_week_need_their_personas():
    plan = [
        campaign(1, "Spring", TUE),
        campaign(2, "Webinar", SUN),
        campaign(3, "Next", NEXT_MON),
        campaign(4, "Done", THU, status=CampaignStatus.DONE),
        campaign(5, "Alone", date(2026, 6, 1)),
        campaign(6, "Next too", NEXT_MON),
    ]
    assert sharing_a_week(plan) == {1, 2, 3, 6}
    assert sharing_a_week(plan[2:5]) == set()


def test_without_estimates_the_number_of_tasks_decides_the_main_persona():
    given = {SCIENTIST: PersonaWork(0, 5), ORCHESTRATOR: PersonaWork(0, 2)}
    assert main_personas(given) == {SCIENTIST}


def test_campaigns_touching_every_persona_warn_only_of_a_shared_main_one():
    spring = campaign(1, "Spring", TUE)
    webinar = campaign(2, "Webinar", THU)
    summit = campaign(3, "Summit", THU)
    # Every campaign has tasks for both personas; most of Spring's and Summit's hours are the
    # Scientist's, most of the Webinar's the Orchestrator's.
    plan = {
        CampaignId(1): work(scientist=60, orchestrator=10),
        CampaignId(2): work(scientist=5, orchestrator=40),
        CampaignId(3): work(scientist=30, orchestrator=12),
    }
    personas = {key: main_personas(value) for key, value in plan.items()}
    (warning,) = campaign_warnings([spring, webinar, summit], personas, NAMES)
    assert warning.campaign_ids == (1, 3)
    assert warning.text.endswith("both are aimed at the main persona 'Scientist'.")


@pytest.mark.parametrize(
    ("second", "personas"),
    [
        # Sunday and the Monday after are different ISO weeks.
        (campaign(2, "Webinar", NEXT_MON, audience="SMB"), {}),
        (campaign(2, "Webinar", TUE, audience="Enterprise"), {}),
        # An empty audience matches no other empty one.
        (campaign(2, "Webinar", TUE, audience=""), {}),
        (
            campaign(2, "Webinar", TUE),
            {CampaignId(1): frozenset({SCIENTIST}), CampaignId(2): frozenset({ORCHESTRATOR})},
        ),
        (campaign(2, "Webinar", TUE, audience="SMB", archived=True), {}),
        (campaign(2, "Webinar", TUE, audience="SMB", status=CampaignStatus.CANCELLED), {}),
        (campaign(2, "Webinar", TUE, audience="SMB", status=CampaignStatus.DONE), {}),
        (campaign(2, "Webinar", None, audience="SMB", start_date=TUE), {}),
    ],
    ids=[
        "next week",
        "other audience",
        "no audience",
        "other persona",
        "archived",
        "cancelled",
        "done",
        "no launch",
    ],
)
def test_no_clash_warning_where_the_rule_leaves_it_out(second: Campaign, personas: dict):
    first = campaign(1, "Spring", SUN, audience="SMB" if second.audience else "")
    assert campaign_warnings([first, second], personas, NAMES, holiday_name=no_holidays) == []


def test_three_campaigns_in_one_week_warn_per_pair():
    plans = [campaign(n, f"C{n}", day, audience="SMB") for n, day in ((1, MON), (2, TUE), (3, THU))]
    assert kinds(campaign_warnings(plans)) == [
        ("same_week", (1, 2)),
        ("same_week", (1, 3)),
        ("same_week", (2, 3)),
    ]


def test_a_launched_campaign_still_warns_the_one_planned_beside_it():
    launched = campaign(1, "Out", MON, audience="SMB", status=CampaignStatus.LAUNCHED)
    planned = campaign(2, "Next", THU, audience="SMB")
    assert kinds(campaign_warnings([launched, planned])) == [("same_week", (1, 2))]


def test_the_iso_week_crosses_the_new_year():
    # Thursday 31 Dec 2026 and Sunday 3 Jan 2027 are both in week 53 of 2026.
    old = campaign(1, "Old year", date(2026, 12, 31), audience="SMB")
    new = campaign(2, "New year", date(2027, 1, 3), audience="SMB")
    (warning,) = campaign_warnings([old, new], holiday_name=no_holidays)
    assert warning.week == (2026, 53)
    assert "week 53 of 2026 (28 Dec \u2013 03 Jan)" in warning.text


def test_the_audience_is_compared_without_case_or_spaces():
    assert normal_audience(" SMB  Marketers\t") == normal_audience("smbmarketers") == "smbmarketers"
    assert normal_audience("   ") == ""


# -- a launch on a public holiday --------------------------------------------------------------


def test_a_launch_on_a_public_holiday_of_the_audience_country_warns():
    christmas = campaign(1, "Holiday promo", date(2026, 12, 25), audience_country="GB")
    (warning,) = campaign_warnings([christmas])
    assert warning.kind is WarningKind.HOLIDAY
    assert warning.day == date(2026, 12, 25) and warning.week == (2026, 52)
    assert warning.text == (
        "'Holiday promo' launches on Fri 25 Dec 2026, in week 52 of 2026 (21 Dec \u2013 27 Dec), "
        "on Christmas Day: a public holiday in GB, its audience's country."
    )


def test_a_holiday_of_a_subdivision_counts_only_there():
    # St Patrick's Day is a holiday in Northern Ireland, not in England.
    northern = campaign(1, "Belfast", TUE, audience_country="GB-NIR")
    english = campaign(2, "London", TUE, audience_country="GB-ENG")
    assert kinds(campaign_warnings([northern, english])) == [("holiday", (1,))]


@pytest.mark.parametrize(
    "fields",
    [
        {"audience_country": "US"},  # 25 Dec is a holiday there too, but the launch is not on it
        {},  # no country: no holiday rule
        {"audience_country": "GB", "archived": True},
        {"audience_country": "GB", "status": CampaignStatus.CANCELLED},
    ],
)
def test_no_holiday_warning_off_a_holiday_or_without_a_country(fields: dict):
    day = date(2026, 12, 24) if fields.get("audience_country") == "US" else date(2026, 12, 25)
    assert campaign_warnings([campaign(1, "Promo", day, **fields)]) == []


def test_a_holiday_whose_name_is_not_known_is_still_said():
    (warning,) = campaign_warnings(
        [campaign(1, "Promo", date(2026, 12, 25), audience_country="GB")],
        holiday_name=no_holidays,
    )
    assert "on a public holiday: a public holiday in GB" in warning.text


# -- a launch in the week of a product launch ---------------------------------------------------


def test_a_launch_in_the_week_of_an_imported_product_launch_warns():
    spring = campaign(1, "Spring", MON)
    (warning,) = campaign_warnings([spring], events=[launch_event("Acme 5.0", SUN)])
    assert warning.kind is WarningKind.PRODUCT_LAUNCH
    assert warning.day == MON and warning.week == (2026, 12)
    assert warning.text == (
        "'Spring' launches on Mon 16 Mar 2026, in week 12 of 2026 (16 Mar \u2013 22 Mar) with "
        "the product launch 'Acme 5.0' on Sun 22 Mar 2026 (from acme.ics)."
    )


def test_a_product_launch_of_several_days_warns_every_week_it_touches():
    long_one = launch_event("Acme World", date(2026, 3, 20), date(2026, 4, 1))
    plans = [campaign(1, "A", MON), campaign(2, "B", NEXT_MON), campaign(3, "C", date(2026, 4, 6))]
    assert kinds(campaign_warnings(plans, events=[long_one])) == [
        ("product_launch", (1,)),
        ("product_launch", (2,)),
    ]
    assert (
        "on Fri 20 Mar 2026 \u2013 Wed 01 Apr 2026"
        in campaign_warnings(plans, events=[long_one])[0].text
    )


def test_an_event_longer_than_a_year_still_warns():
    year_long = launch_event("Beta programme", date(2025, 1, 1), date(2027, 6, 30))
    assert kinds(campaign_warnings([campaign(1, "A", MON)], events=[year_long])) == [
        ("product_launch", (1,))
    ]


def test_other_events_and_other_weeks_do_not_warn():
    show = launch_event("Trade show", TUE, kind=CalendarEventKind.OTHER)
    later = launch_event("Acme 6", NEXT_MON)
    earlier = launch_event("Acme 4", date(2026, 3, 15))  # the Sunday before
    plans = [campaign(1, "Spring", SUN), campaign(2, "Gone", TUE, archived=True)]
    assert campaign_warnings(plans, events=[show, later, earlier]) == []


def test_warnings_come_by_day_then_by_kind():
    plans = [
        campaign(1, "Promo", date(2026, 12, 25), audience_country="GB", audience="SMB"),
        campaign(2, "Other", date(2026, 12, 24), audience="smb"),
        campaign(3, "Spring", MON),
    ]
    found = campaign_warnings(plans, events=[launch_event("Acme", TUE)])
    assert kinds(found) == [
        ("product_launch", (3,)),
        ("same_week", (2, 1)),
        ("holiday", (1,)),
    ]
