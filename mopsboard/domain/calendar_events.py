"""Dated events from other calendars (.ics files): product launches a campaign's launch should
not meet, and other events (trade shows, conferences) shown beside the plan.

An event is whole days, `first_day` to `last_day` inclusive. `uid` is the event's own id from
its calendar (one made from the file and the event where it had none), so importing the same
calendar again updates its events instead of doubling them.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, Field, model_validator

from mopsboard.domain.fields import Name, check_day, clean_text
from mopsboard.domain.ids import CalendarEventId
from mopsboard.domain.models import Record


class CalendarEventKind(StrEnum):
    PRODUCT_LAUNCH = "product_launch"
    OTHER = "other"

    @property
    def words(self) -> str:
        return "product launch" if self is CalendarEventKind.PRODUCT_LAUNCH else "event"

    @property
    def plural(self) -> str:
        return "product launches" if self is CalendarEventKind.PRODUCT_LAUNCH else "other events"


# Long enough for any calendar's UIDs (Outlook's run to some 100 characters), short enough that
# a hostile file cannot fill the workspace with one.
MAX_UID = 500


class CalendarEvent(Record[CalendarEventId]):
    uid: Annotated[str, Field(min_length=1, max_length=MAX_UID)]
    title: Name
    first_day: Annotated[date, AfterValidator(check_day)]
    last_day: Annotated[date, AfterValidator(check_day)]
    kind: CalendarEventKind = CalendarEventKind.PRODUCT_LAUNCH
    # The file it came from, by name: said beside it so a user knows where it came from.
    source: Annotated[str, AfterValidator(clean_text), Field(max_length=300)] = ""

    @model_validator(mode="after")
    def _days_in_order(self) -> Self:
        if self.last_day < self.first_day:
            raise ValueError(
                f"the last day {self.last_day.isoformat()} is before the first day "
                f"{self.first_day.isoformat()}"
            )
        return self

    def same_as(self, other: CalendarEvent) -> bool:
        """Whether importing `other` over this one would change nothing."""
        return (self.title, self.first_day, self.last_day, self.kind, self.source) == (
            other.title,
            other.first_day,
            other.last_day,
            other.kind,
            other.source,
        )

    def days_text(self) -> str:
        first = self.first_day.strftime("%a %d %b %Y")
        if self.last_day == self.first_day:
            return first
        return f"{first} \u2013 {self.last_day.strftime('%a %d %b %Y')}"
