"""Validation of the domain records, in words a user understands."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from mopsboard.domain.errors import describe, validation_messages
from mopsboard.domain.fields import MAX_NAME
from mopsboard.domain.models import (
    Board,
    Campaign,
    ChecklistItem,
    Member,
    Persona,
    Priority,
    Stage,
    StageKind,
    Task,
    Team,
    TimeOff,
)

TASK = {"board_id": 1, "stage_id": 1, "title": "Write the launch email"}


def refusal(model: type[BaseModel], **fields: Any) -> dict[str, str]:
    """The messages a user sees when `fields` are refused."""
    with pytest.raises(ValidationError) as caught:
        model(**fields)
    return validation_messages(caught.value)


# -- names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "\t\n ", "\x00\x07", " \x1b "])
def test_empty_or_blank_title_is_refused(title: str) -> None:
    assert refusal(Task, **{**TASK, "title": title}) == {"title": "Title cannot be empty"}


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Board, {}),
        (Campaign, {}),
        (Persona, {}),
        (Team, {}),
        (Stage, {"board_id": 1}),
        (Member, {"team_id": 1}),
    ],
)
def test_every_record_refuses_an_empty_name(model: type[BaseModel], fields: dict[str, Any]) -> None:
    assert refusal(model, **fields, name="  ") == {"name": "Name cannot be empty"}


def test_too_long_title_says_how_long_and_the_limit() -> None:
    message = refusal(Task, **{**TASK, "title": "x" * (MAX_NAME + 1)})["title"]
    assert message == f"Title is too long ({MAX_NAME + 1} characters; at most {MAX_NAME})"


def test_a_name_of_exactly_the_limit_is_accepted_and_trimmed() -> None:
    assert Board(name=" " + "b" * MAX_NAME + " ").name == "b" * MAX_NAME


def test_names_lose_control_characters_and_surrounding_space() -> None:
    task = Task(**{**TASK, "title": "  Launch\x00 \x07email\t "})
    assert task.title == "Launch email"


def test_description_keeps_newlines_and_tabs_but_drops_other_control_characters() -> None:
    task = Task(**TASK, description="line 1\n\tline 2\x00\x1b\r\n")
    assert task.description == "line 1\n\tline 2\r\n"


def test_too_long_description_is_refused() -> None:
    message = refusal(Task, **TASK, description="d" * 100_001)["description"]
    assert message.startswith("Description is too long (100001 characters")


def test_missing_required_field_says_it_is_required() -> None:
    assert refusal(Task, stage_id=1, title="t") == {"board_id": "Board id is required"}


def test_zero_row_id_is_refused() -> None:
    assert "board_id" in refusal(Task, board_id=0, stage_id=1, title="t")


def test_unknown_field_is_refused() -> None:
    assert "colour" in refusal(Task, **TASK, colour="#ffffff")


def test_records_are_immutable() -> None:
    task = Task(**TASK)
    with pytest.raises(ValidationError):
        task.title = "changed"  # type: ignore[misc]


# -- estimates and dates -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (-1, "Estimate cannot be negative"),
        (-0.01, "Estimate cannot be negative"),
        (math.nan, "Estimate must be a number of hours"),
        (math.inf, "Estimate must be a number of hours"),
        (-math.inf, "Estimate must be a number of hours"),
        (10_000.5, "Estimate is more than 10,000 hours; split the work into smaller tasks"),
    ],
)
def test_bad_estimates_are_refused(hours: float, message: str) -> None:
    assert refusal(Task, **TASK, estimate_hours=hours) == {"estimate_hours": message}


@pytest.mark.parametrize(("hours", "stored"), [(0, 0.0), (1.234, 1.23), (10_000, 10_000.0)])
def test_estimates_are_rounded_to_hundredths(hours: float, stored: float) -> None:
    assert Task(**TASK, estimate_hours=hours).estimate_hours == stored


def test_due_date_before_start_date_is_refused_with_both_dates() -> None:
    messages = refusal(Task, **TASK, start_date=date(2025, 3, 10), due_date=date(2025, 3, 9))
    assert messages == {"": "The due date 2025-03-09 is before the start date 2025-03-10"}


def test_due_date_on_the_start_date_is_fine() -> None:
    day = date(2025, 3, 10)
    assert Task(**TASK, start_date=day, due_date=day).due_date == day


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(3000, 1, 1)])
def test_dates_outside_1900_to_2999_are_refused(day: date) -> None:
    message = refusal(Task, **TASK, due_date=day)["due_date"]
    assert message == f"Due date {day.isoformat()} is not a date between 1900 and 2999"


def test_campaign_launch_before_start_is_refused() -> None:
    messages = refusal(
        Campaign, name="Spring", start_date=date(2025, 4, 1), launch_date=date(2025, 3, 1)
    )
    assert messages == {"": "The launch date 2025-03-01 is before the campaign starts (2025-04-01)"}


def test_campaign_end_before_launch_is_refused() -> None:
    messages = refusal(
        Campaign, name="Spring", launch_date=date(2025, 4, 1), end_date=date(2025, 3, 31)
    )
    assert messages == {"": "The end date 2025-03-31 is before the launch (2025-04-01)"}


def test_campaign_end_before_start_without_launch_is_refused() -> None:
    messages = refusal(
        Campaign, name="Spring", start_date=date(2025, 4, 1), end_date=date(2025, 3, 31)
    )
    assert messages[""].startswith("The end date 2025-03-31 is before the start")


def test_campaign_dates_in_order_are_accepted() -> None:
    campaign = Campaign(
        name="Spring",
        start_date=date(2025, 3, 1),
        launch_date=date(2025, 4, 1),
        end_date=date(2025, 4, 30),
    )
    assert campaign.launch_date == date(2025, 4, 1)


@pytest.mark.parametrize("budget", [-1, math.nan, math.inf])
def test_campaign_budget_must_be_a_finite_non_negative_amount(budget: float) -> None:
    assert list(refusal(Campaign, name="c", budget=budget)) == ["budget"]


def test_time_off_last_day_before_first_day_is_refused() -> None:
    messages = refusal(
        TimeOff, member_id=1, start_date=date(2025, 8, 10), end_date=date(2025, 8, 1)
    )
    assert messages == {"": "The last day 2025-08-01 is before the first day 2025-08-10"}


# -- people --------------------------------------------------------------------------------------


@pytest.mark.parametrize("availability", [-0.1, 1.01, math.nan])
def test_availability_outside_0_to_1_is_refused(availability: float) -> None:
    message = refusal(Member, team_id=1, name="Ana", availability=availability)["availability"]
    assert message.startswith("Availability ")


@pytest.mark.parametrize("availability", [0, 0.5, 1])
def test_availability_inside_0_to_1_is_accepted(availability: float) -> None:
    assert Member(team_id=1, name="Ana", availability=availability).availability == availability


@pytest.mark.parametrize("days", ["", "0", "8", "1238", "mon", "1,2"])
def test_bad_working_days_are_refused(days: str) -> None:
    message = refusal(Member, team_id=1, name="Ana", working_days=days)["working_days"]
    assert message == (
        "Working days must list ISO weekday digits, 1 (Monday) to 7 (Sunday), such as 12345"
    )


def test_working_days_are_sorted_and_deduplicated() -> None:
    member = Member(team_id=1, name="Ana", working_days="5151")
    assert member.working_days == "15"
    assert member.weekdays == frozenset({1, 5})


@pytest.mark.parametrize("code", ["USA", "1x", "U", "GB-", "gb_x"])
def test_bad_holiday_country_is_refused(code: str) -> None:
    message = refusal(Member, team_id=1, name="Ana", holiday_country=code)["holiday_country"]
    assert message.startswith("Holiday country must be a country code such as US, GB or DE")
    assert repr(code) in message


@pytest.mark.parametrize(
    ("code", "stored"), [(" gb ", "GB"), ("us-ca", "US-CA"), ("", None), ("  ", None)]
)
def test_holiday_country_is_normalised(code: str, stored: str | None) -> None:
    assert Member(team_id=1, name="Ana", holiday_country=code).holiday_country == stored


@pytest.mark.parametrize("hours", [-1, 169, math.inf])
def test_weekly_hours_outside_a_week_are_refused(hours: float) -> None:
    assert list(refusal(Member, team_id=1, name="Ana", weekly_hours=hours)) == ["weekly_hours"]


def test_team_kind_must_be_known() -> None:
    assert "kind" in refusal(Team, name="Agency X", kind="vendor")


# -- colours, grid, stages -----------------------------------------------------------------------


@pytest.mark.parametrize("colour", ["blue", "#12345", "#1234567", "123456", "#ggg000", ""])
def test_bad_colour_is_refused(colour: str) -> None:
    message = refusal(Campaign, name="c", colour=colour)["colour"]
    assert message == f"Colour must be a colour like #3366cc, not {colour!r}"


def test_colour_is_lower_cased() -> None:
    assert Persona(name="p", colour="#AABBCC").colour == "#aabbcc"


@pytest.mark.parametrize(
    ("axis", "value", "words"),
    [
        ("x", 1.01, "Grid position (technology to creativity)"),
        ("x", -1.5, "Grid position (technology to creativity)"),
        ("y", 2.0, "Grid position (emotional to rational)"),
        ("y", -1.0001, "Grid position (emotional to rational)"),
        ("x", math.nan, "Grid position (technology to creativity)"),
        ("y", math.inf, "Grid position (emotional to rational)"),
    ],
)
def test_persona_outside_the_grid_is_refused(axis: str, value: float, words: str) -> None:
    messages = refusal(Persona, name="p", **{axis: value})
    assert messages[axis].startswith(words)


@pytest.mark.parametrize("value", [-1.0, 0.0, 1.0])
def test_persona_on_the_grid_edges_is_accepted(value: float) -> None:
    persona = Persona(name="p", x=value, y=value)
    assert (persona.x, persona.y) == (value, value)


@pytest.mark.parametrize("kind", [StageKind.BACKLOG, StageKind.ACTIVE, StageKind.DONE])
def test_gate_on_a_non_review_stage_is_refused(kind: StageKind) -> None:
    messages = refusal(Stage, board_id=1, name="Legal", kind=kind, is_gate=True)
    assert messages == {"": "Only a stage of kind review can be a gate"}


def test_gate_on_a_review_stage_is_accepted() -> None:
    assert Stage(board_id=1, name="Legal", kind=StageKind.REVIEW, is_gate=True).is_gate


@pytest.mark.parametrize("limit", [0, -3, 10_001])
def test_stage_wip_limit_out_of_range_is_refused(limit: int) -> None:
    message = refusal(Stage, board_id=1, name="Doing", wip_limit=limit)["wip_limit"]
    assert message.startswith("WIP limit ")


# -- labels and checklists -----------------------------------------------------------------------


def test_labels_are_trimmed_and_deduplicated_in_order() -> None:
    task = Task(**TASK, labels=(" legal ", "email", "legal", "", "  ", "email"))
    assert task.labels == ("legal", "email")


def test_too_long_label_is_refused() -> None:
    message = refusal(Task, **TASK, labels=("x" * 51,))["labels"]
    assert "too long (at most 50 characters)" in message


def test_too_many_labels_are_refused() -> None:
    message = refusal(Task, **TASK, labels=tuple(f"l{i}" for i in range(51)))["labels"]
    assert "51 labels; at most 50" in message


def test_too_long_checklist_is_refused() -> None:
    items = tuple(ChecklistItem(text=f"item {i}") for i in range(201))
    assert "201 items; at most 200" in refusal(Task, **TASK, checklist=items)["checklist"]


def test_checklist_item_needs_text() -> None:
    assert refusal(ChecklistItem, text=" ") == {"text": "Text cannot be empty"}


def test_checklist_counts() -> None:
    task = Task(
        **TASK,
        checklist=(
            ChecklistItem(text="GDPR consent", done=False),
            ChecklistItem(text="CAN-SPAM footer", done=True),
            ChecklistItem(text="CCPA link"),
        ),
    )
    assert task.checklist_done == 1
    assert task.open_checklist_items == ["GDPR consent", "CCPA link"]


def test_priority_must_be_known() -> None:
    assert "priority" in refusal(Task, **TASK, priority=9)
    assert Task(**TASK, priority=3).priority is Priority.HIGH


# -- several problems at once --------------------------------------------------------------------


def test_describe_lists_every_problem_in_one_line() -> None:
    with pytest.raises(ValidationError) as caught:
        Task(board_id=1, stage_id=1, title=" ", estimate_hours=-2)
    text = describe(caught.value)
    assert text == "Title cannot be empty; Estimate cannot be negative"
    assert "\n" not in text
