"""The validated field types of the models, made of the plain rules in domain/field_rules."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator, Field

from mopsboard.domain.field_rules import (
    CONTROL,
    HEX_COLOUR,
    INT64_MAX,
    INT64_MIN,
    MAX_CHECKLIST,
    MAX_LABELS,
    MAX_NAME,
    MAX_TEXT,
    check_colour,
    check_day,
    check_encodable,
    check_hours,
    clean_name,
    clean_text,
)

# The rules' names are used from here as well as from domain/field_rules.
__all__ = [
    "CONTROL",
    "HEX_COLOUR",
    "INT64_MAX",
    "INT64_MIN",
    "MAX_CHECKLIST",
    "MAX_LABELS",
    "MAX_NAME",
    "MAX_TEXT",
    "check_colour",
    "check_day",
    "check_encodable",
    "check_hours",
    "clean_name",
    "clean_text",
]

Name = Annotated[str, AfterValidator(clean_name)]
Text = Annotated[str, AfterValidator(clean_text)]
Colour = Annotated[str, AfterValidator(check_colour)]
Hours = Annotated[float | None, AfterValidator(check_hours)]
Day = Annotated[date | None, AfterValidator(check_day)]
RowId = Annotated[int, Field(ge=1, le=INT64_MAX)]
StoredInt = Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)]
