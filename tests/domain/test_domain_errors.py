"""Turning pydantic's errors into sentences, and the errors the user sees."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel, ValidationError, field_validator

from mopsboard.domain.errors import (
    ConflictError,
    MopsboardError,
    NotFoundError,
    RuleError,
    describe,
    field_label,
    validation_messages,
)
from mopsboard.domain.models import Member, Task, TimeOff


class _Asserting(BaseModel):
    count: int

    @field_validator("count")
    @classmethod
    def _positive(cls, value: int) -> int:
        # (pytest rewrites `assert` in test modules, so raise the error an assert would)
        if value <= 0:
            raise AssertionError("must be positive")
        return value


def _error(model: type[BaseModel], **fields: object) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        model(**fields)
    return caught.value


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("title", "Title"),
        ("estimate_hours", "Estimate"),
        ("wip_limit", "WIP limit"),
        ("x", "Grid position (technology to creativity)"),
        ("some_new_field", "Some new field"),
    ],
)
def test_field_label(field: str, label: str) -> None:
    assert field_label(field) == label


def test_value_error_prefix_is_removed() -> None:
    messages = validation_messages(_error(Task, board_id=1, stage_id=1, title=""))
    assert messages["title"] == "Title cannot be empty"
    assert "Value error" not in describe(_error(Task, board_id=1, stage_id=1, title=""))


def test_assertion_prefix_is_removed() -> None:
    assert validation_messages(_error(_Asserting, count=0)) == {"count": "Count must be positive"}


def test_one_message_per_field() -> None:
    error = _error(Member, team_id=1, name="", availability=7, working_days="9")
    messages = validation_messages(error)
    assert set(messages) == {"name", "availability", "working_days"}
    assert all(message[0].isupper() for message in messages.values())
    assert describe(error).count("; ") == 2


def test_whole_record_problem_is_capitalised() -> None:
    error = _error(TimeOff, member_id=1, start_date=date(2025, 1, 2), end_date=date(2025, 1, 1))
    messages = validation_messages(error)
    assert list(messages) == [""]
    assert messages[""] == "The last day 2025-01-01 is before the first day 2025-01-02"


def test_error_classes_share_one_base() -> None:
    for error_class in (NotFoundError, RuleError):
        assert issubclass(error_class, MopsboardError)
    conflict = ConflictError("changed elsewhere", "tasks", 7)
    assert isinstance(conflict, MopsboardError)
    assert (conflict.table, conflict.row_id, str(conflict)) == ("tasks", 7, "changed elsewhere")
