"""Hours a person spent on a task on a day: what the capacity map counts as actual hours and
takes off what is left of the task's estimate."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, NewType

from pydantic import AfterValidator, Field, field_validator

from mopsboard.domain.fields import check_day, clean_text
from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.models import Record, Ref

TimeLogId = NewType("TimeLogId", int)

MAX_HOURS_PER_LOG = 24.0


class TimeLog(Record[TimeLogId]):
    """`member_id` None: logged for nobody in particular (or by a person since removed). `at`
    is when it was logged, in UTC: None until stored (the store stamps it)."""

    task_id: Ref[TaskId]
    member_id: Ref[MemberId] | None = None
    day: Annotated[date, AfterValidator(check_day)]
    hours: Annotated[float, Field(gt=0, le=MAX_HOURS_PER_LOG, allow_inf_nan=False)]
    note: Annotated[str, AfterValidator(clean_text), Field(max_length=500)] = ""
    at: datetime | None = None

    @field_validator("hours")
    @classmethod
    def _to_the_hundredth(cls, hours: float) -> float:
        # As estimates are kept; a log of 0.001 hours would read as 0 everywhere.
        rounded = round(hours, 2)
        if rounded <= 0:
            raise ValueError("must be at least 0.01 hours")
        return rounded

    @field_validator("at")
    @classmethod
    def _in_utc(cls, at: datetime | None) -> datetime | None:
        if at is None:
            return None
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
