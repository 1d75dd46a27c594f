"""Errors the user sees, and the words for pydantic's validation errors."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only named: the errors a command or a window raises should not load pydantic.
    from pydantic import ValidationError

_FIELD_WORDS = {
    "name": "Name",
    "title": "Title",
    "description": "Description",
    "estimate_hours": "Estimate",
    "start_date": "Start date",
    "due_date": "Due date",
    "launch_date": "Launch date",
    "end_date": "End date",
    "weekly_hours": "Weekly hours",
    "working_days": "Working days",
    "availability": "Availability",
    "holiday_country": "Holiday country",
    "wip_limit": "WIP limit",
    "colour": "Colour",
    "budget": "Budget",
    "x": "Grid position (technology to creativity)",
    "y": "Grid position (emotional to rational)",
}

_PREFIXES = ("Value error, ", "Assertion failed, ")

# pydantic's words for a value of the wrong kind name Python types; these name what was wanted.
# Only a value written by another program reaches them: the editors' widgets give typed values.
_KIND_WORDS = {
    "date_type": "is not a date like 2026-03-31",
    "date_parsing": "is not a date like 2026-03-31",
    "date_from_datetime_parsing": "is not a date like 2026-03-31",
    "date_from_datetime_inexact": "is not a date like 2026-03-31",
    "datetime_type": "is not a date and time",
    "datetime_parsing": "is not a date and time",
    "datetime_from_date_parsing": "is not a date and time",
    "float_type": "is not a number",
    "float_parsing": "is not a number",
    "finite_number": "is not a number",
    "int_type": "is not a whole number",
    "int_parsing": "is not a whole number",
    "int_from_float": "is not a whole number",
    "bool_type": "is not yes or no",
    "bool_parsing": "is not yes or no",
    "string_type": "is not text",
    "tuple_type": "is not a list",
    "list_type": "is not a list",
    "model_type": "is not a list of items",
}


def field_label(field: str) -> str:
    return _FIELD_WORDS.get(field, field.replace("_", " ").capitalize())


def validation_messages(error: ValidationError) -> dict[str, str]:
    """Map each invalid field (or "" for the whole record) to one sentence a user can act on."""
    messages: dict[str, str] = {}
    for item in error.errors(include_url=False):
        location = item.get("loc", ())
        field = str(location[0]) if location else ""
        text = str(item.get("msg", "is not valid"))
        for prefix in _PREFIXES:
            if text.startswith(prefix):
                text = text[len(prefix) :]
        kind = item.get("type", "")
        if kind == "missing":
            text = "is required"
        elif kind in _KIND_WORDS:
            text = _KIND_WORDS[kind]
        elif text.startswith("Input should be "):
            text = "must be " + text.removeprefix("Input should be ")
        if field:
            sentence = f"{field_label(field)} {text[0].lower() + text[1:] if text else ''}"
        else:
            sentence = text[0].upper() + text[1:] if text else "Not valid"
        messages.setdefault(field, sentence)
    return messages


def describe(error: ValidationError) -> str:
    """All problems of a record in one line, for the CLI and message boxes."""
    return "; ".join(validation_messages(error).values())


class MopsboardError(Exception):
    """An error with a message meant for the user: what happened and what to do."""


class NotFoundError(MopsboardError):
    """A referenced record does not exist (or no longer exists)."""


class ConflictError(MopsboardError):
    """The record changed since it was read: someone else edited it."""

    def __init__(self, message: str, table: str, row_id: int, row_ids: Sequence[int] = ()) -> None:
        super().__init__(message)
        self.table = table
        self.row_id = row_id
        # Every row found changed, when one write covers several (undoing a move of many cards).
        self.row_ids = tuple(row_ids) or (row_id,)


class RuleError(MopsboardError):
    """A board rule refused the change (a hard WIP limit, a review gate, ...)."""
