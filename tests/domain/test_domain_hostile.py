"""Every validated model, fed hostile values: a valid record, or a ValidationError whose
messages a user can read; never any other exception."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hostile import (
    BOARD,
    CAMPAIGN,
    CHECKLIST_ITEM,
    MEMBER,
    PERSONA,
    RECORD,
    STAGE,
    TASK,
    TEAM,
    TIME_OFF,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from mopsboard.domain.errors import describe, validation_messages
from mopsboard.domain.models import (
    Board,
    Campaign,
    ChecklistItem,
    Member,
    Persona,
    Stage,
    Task,
    Team,
    TimeOff,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SURROGATE = re.compile("[\ud800-\udfff]")

MODELS: dict[str, tuple[type[BaseModel], st.SearchStrategy[dict[str, Any]], dict[str, Any]]] = {
    "Board": (Board, BOARD, {"name": "Board"}),
    "Stage": (Stage, STAGE, {"board_id": 1, "name": "Stage"}),
    "ChecklistItem": (ChecklistItem, CHECKLIST_ITEM, {"text": "Item"}),
    "Task": (Task, TASK, {"board_id": 1, "stage_id": 1, "title": "Task"}),
    "Campaign": (Campaign, CAMPAIGN, {"name": "Campaign"}),
    "Persona": (Persona, PERSONA, {"name": "Persona"}),
    "Team": (Team, TEAM, {"name": "Team"}),
    "Member": (Member, MEMBER, {"team_id": 1, "name": "Member"}),
    "TimeOff": (TimeOff, TIME_OFF, {"member_id": 1, "start_date": "2026-03-02"}),
}


def judge(model: type[BaseModel], values: dict[str, Any]) -> BaseModel | None:
    """The record, or None when refused with messages a user can read."""
    try:
        record = model.model_validate(values)
    except ValidationError as error:
        messages = validation_messages(error)
        assert messages
        for message in messages.values():
            assert message and message[0].isupper(), message
            assert "\n" not in message and "Traceback" not in message
        line = describe(error)
        assert line and len(line) < 2000
        return None
    assert_storable(record)
    # Valid stays valid: what the store writes and reads back is the same record.
    assert model.model_validate(record.model_dump()) == record
    assert model.model_validate_json(record.model_dump_json()) == record
    return record


def assert_storable(value: Any) -> None:
    """Nothing SQLite or UTF-8 would refuse gets past validation."""
    if isinstance(value, BaseModel):
        for item in dict(value).values():
            assert_storable(item)
    elif isinstance(value, str):
        assert not SURROGATE.search(value), "a lone surrogate cannot be stored as UTF-8"
        assert "\x00" not in value
    elif isinstance(value, bool):
        pass
    elif isinstance(value, int):
        # A comparison, not `in range(...)`: that walks the range for int subclasses (enums).
        assert -(2**63) <= value < 2**63
    elif isinstance(value, tuple):
        for item in value:
            assert_storable(item)


@pytest.mark.parametrize("name", MODELS)
@SETTINGS
@given(data=st.data())
def test_hostile_values_are_refused_in_words_or_kept_storable(
    name: str, data: st.DataObject
) -> None:
    model, strategy, required = MODELS[name]
    values = {**required, **data.draw(strategy)}
    if issubclass(model, Board | Stage | Task | Campaign | Persona | Team | Member | TimeOff):
        values |= data.draw(RECORD)
    judge(model, values)


@pytest.mark.parametrize("name", MODELS)
@SETTINGS
@given(data=st.data())
def test_missing_or_wrong_type_fields_are_refused_in_words(name: str, data: st.DataObject) -> None:
    model, _strategy, required = MODELS[name]
    values = {
        key: data.draw(st.sampled_from([None, [], {}, object(), b"\xff\xfe", 3j]))
        for key in data.draw(st.sets(st.sampled_from(sorted(required)), min_size=1))
    }
    assert judge(model, {**required, **values}) is None


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("a\ud800b", "not valid text"),
        ("\udc80", "not valid text"),
        ("\u200b\ufeff", "cannot be empty"),
    ],
)
def test_names_that_cannot_be_stored_or_seen_are_refused(value: str, words: str) -> None:
    for model, required in ((Board, {}), (Task, {"board_id": 1, "stage_id": 1})):
        field = "title" if model is Task else "name"
        with pytest.raises(ValidationError) as caught:
            model.model_validate({**required, field: value})
        assert words in describe(caught.value)


def test_surrogates_in_descriptions_labels_and_checklists_are_refused() -> None:
    base = {"board_id": 1, "stage_id": 1, "title": "Task"}
    for extra in (
        {"description": "fine \ud83d text"},
        {"labels": ("ok", "bad\udfff")},
        {"checklist": ({"text": "item \ud800"},)},
    ):
        with pytest.raises(ValidationError, match="not valid text"):
            Task.model_validate(base | extra)


def test_ids_versions_and_positions_must_fit_an_sqlite_integer() -> None:
    with pytest.raises(ValidationError):
        Task(board_id=2**63, stage_id=1, title="t")
    with pytest.raises(ValidationError):
        Board(name="b", position=2**63)
    with pytest.raises(ValidationError):
        Board(name="b", id=2**64)
    with pytest.raises(ValidationError):
        Board(name="b", version=-(2**63) - 1)
    assert Board(name="b", position=2**63 - 1, id=2**63 - 1).position == 2**63 - 1


def test_time_off_dates_are_in_the_same_range_as_task_dates() -> None:
    with pytest.raises(ValidationError, match="between 1900 and 2999"):
        TimeOff(member_id=1, start_date="0001-01-01", end_date="9999-12-31")
    assert TimeOff(member_id=1, start_date="1900-01-01", end_date="2999-12-31")
