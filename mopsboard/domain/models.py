"""The workspace's records, validated with messages a user can act on.

Every model is immutable; an edit makes a copy (`model_copy(update=...)`) and the store checks the
row `version` it was read at, so an edit made against a stale copy is detected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Annotated, Any, Generic, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from mopsboard.domain.fields import (
    CONTROL,
    INT64_MAX,
    INT64_MIN,
    MAX_CHECKLIST,
    MAX_LABELS,
    Colour,
    Day,
    Hours,
    Name,
    StoredInt,
    Text,
    check_day,
    check_encodable,
    clean_text,
)
from mopsboard.domain.ids import (
    BoardId,
    CampaignId,
    CommentId,
    MemberId,
    PersonaId,
    StageId,
    TaskEventId,
    TaskId,
    TeamId,
    TimeOffId,
    UnsavedRecord,
)
from mopsboard.domain.kinds import CampaignStatus, Priority, StageKind, TeamKind
from mopsboard.domain.ranking import is_order_key

# The vocabularies live in domain/kinds (no pydantic there) and are named here as before.
__all__ = [
    "CampaignStatus",
    "Priority",
    "StageKind",
    "TeamKind",
]

_Id = TypeVar("_Id", bound=int)
# A reference to another row, by its typed id: `Ref[StageId]`.
Ref = Annotated[_Id, Field(ge=1, le=INT64_MAX)]


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A value the file holds that this version cannot read (another program wrote it): the
    field reads as `read_as` (its default) meanwhile, and `stored` is what the file holds."""

    field: str
    stored: Any
    read_as: Any
    reason: str  # a sentence naming the field, as the editors word a refused value

    @property
    def text(self) -> str:
        shown = shown_value(self.stored)
        # Some reasons quote the value already ("must be a colour like #3366cc, not 'red'").
        return self.reason if shown in self.reason else f"{self.reason} (the file holds {shown})"


def shown_value(value: object, limit: int = 40) -> str:
    """A stored value as a user can recognise it, kept short."""
    if isinstance(value, bytes):
        return f"{len(value)} bytes of binary data"
    if value is None:
        return "nothing"
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "\u2026"
        return f"'{text}'"
    return str(value)


class _Row(BaseModel):
    """A row of the workspace. `id` is None until stored; `version` counts its updates."""

    # Each model's validator is built when it first validates, not when the module loads: a
    # command or a window pays only for the models it checks (a board's tasks are read without
    # one, store/task_rows.py). The checks are the same either way.
    model_config = ConfigDict(frozen=True, extra="forbid", validate_default=True, defer_build=True)

    id: Annotated[int, Field(ge=INT64_MIN, le=INT64_MAX)] | None = None
    version: StoredInt = 1
    updated_at: datetime | None = None
    # What the store could not read of this row (see store/salvage). Never dumped, so never
    # written as such, and an edited copy that is validated again starts without them.
    problems: tuple[FieldProblem, ...] = Field(default=(), exclude=True, repr=False)

    def problem(self, field: str) -> FieldProblem | None:
        return next((p for p in self.problems if p.field == field), None)

    def _stored_id(self) -> int:
        if self.id is None:
            raise UnsavedRecord(
                f"this {type(self).__name__.lower()} has not been saved yet, so it has no id"
            )
        return self.id


if TYPE_CHECKING:

    class Record(_Row, Generic[_Id]):
        """`key` is the id of a stored record, typed by its table (`Task.key` is a `TaskId`)."""

        id: _Id | None = None

        @property
        def key(self) -> _Id: ...

else:

    class Record(_Row):
        """Generic to the type checker only: a pydantic generic model is made anew for each
        parameter, which cost a third of the models' import (and so of every start). The ids
        are ints to pydantic either way (NewType), so the checks are the same."""

        def __class_getitem__(cls, _id_type: object) -> type[Record]:
            return cls

        @property
        def key(self) -> int:
            """The id of a stored record; an unsaved one (id None) has none to give."""
            return self._stored_id()


class Board(Record[BoardId]):
    name: Name
    position: StoredInt = 0
    archived: bool = False


class Stage(Record[StageId]):
    board_id: Ref[BoardId]
    name: Name
    position: StoredInt = 0
    kind: StageKind = StageKind.ACTIVE
    wip_limit: Annotated[int, Field(ge=1, le=10_000)] | None = None
    wip_hard: bool = False
    is_gate: bool = False

    @model_validator(mode="after")
    def _gate_needs_review(self) -> Self:
        if self.is_gate and self.kind is not StageKind.REVIEW:
            raise ValueError("only a stage of kind review can be a gate")
        return self


class ChecklistItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    text: Name
    done: bool = False


class Task(Record[TaskId]):
    board_id: Ref[BoardId]
    stage_id: Ref[StageId]
    title: Name
    description: Text = ""
    rank: str = ""
    campaign_id: Ref[CampaignId] | None = None
    persona_id: Ref[PersonaId] | None = None
    assignee_id: Ref[MemberId] | None = None
    team_id: Ref[TeamId] | None = None
    estimate_hours: Hours = None
    start_date: Day = None
    due_date: Day = None
    priority: Priority = Priority.NONE
    labels: tuple[str, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    archived: bool = False
    created_at: datetime | None = None
    completed_at: datetime | None = None

    @field_validator("rank")
    @classmethod
    def _order_key(cls, rank: str) -> str:
        if rank and not is_order_key(rank):
            raise ValueError(f"{rank[:30]!r} is not an order key")
        return rank

    @field_validator("labels")
    @classmethod
    def _clean_labels(cls, labels: tuple[str, ...]) -> tuple[str, ...]:
        cleaned: list[str] = []
        for label in labels:
            text = check_encodable(CONTROL.sub("", label).strip())
            if len(text) > 50:
                raise ValueError(f"label {text[:20]!r}... is too long (at most 50 characters)")
            if text and text not in cleaned:
                cleaned.append(text)
        if len(cleaned) > MAX_LABELS:
            raise ValueError(f"has {len(cleaned)} labels; at most {MAX_LABELS}")
        return tuple(cleaned)

    @field_validator("checklist")
    @classmethod
    def _bound_checklist(cls, items: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
        if len(items) > MAX_CHECKLIST:
            raise ValueError(f"has {len(items)} items; at most {MAX_CHECKLIST}")
        return items

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start_date and self.due_date and self.due_date < self.start_date:
            raise ValueError(
                f"the due date {self.due_date.isoformat()} is before the start date "
                f"{self.start_date.isoformat()}"
            )
        return self

    @property
    def checklist_done(self) -> int:
        return sum(1 for item in self.checklist if item.done)

    @property
    def open_checklist_items(self) -> list[str]:
        return [item.text for item in self.checklist if not item.done]


def country_code(value: str | None) -> str | None:
    """A country (or subdivision) code as the holiday rules take it, upper case; blank: None."""
    if value is None or value.strip() == "":
        return None
    code = value.strip().upper()
    if not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", code):
        raise ValueError(f"must be a country code such as US, GB or DE, not {value[:20]!r}")
    return code


class Campaign(Record[CampaignId]):
    name: Name
    objective: Text = ""
    channel: Annotated[str, AfterValidator(clean_text), Field(max_length=200)] = ""
    audience: Annotated[str, AfterValidator(clean_text), Field(max_length=200)] = ""
    owner: Annotated[str, AfterValidator(clean_text), Field(max_length=200)] = ""
    start_date: Day = None
    launch_date: Day = None
    end_date: Day = None
    status: CampaignStatus = CampaignStatus.PLANNED
    budget: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    colour: Colour = "#3b82f6"
    archived: bool = False
    # The brief in Markdown (key messages, deliverables, anything the fields above do not hold).
    brief: Text = ""
    # The country whose public holidays the audience keeps (a launch on one is warned of).
    audience_country: str | None = None

    @field_validator("audience_country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        return country_code(value)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        start, launch, end = self.start_date, self.launch_date, self.end_date
        if start and launch and launch < start:
            raise ValueError(
                f"the launch date {launch.isoformat()} is before the campaign starts "
                f"({start.isoformat()})"
            )
        if launch and end and end < launch:
            raise ValueError(
                f"the end date {end.isoformat()} is before the launch ({launch.isoformat()})"
            )
        if start and end and end < start:
            raise ValueError(
                f"the end date {end.isoformat()} is before the start ({start.isoformat()})"
            )
        return self


GridCoordinate = Annotated[float, Field(ge=-1.0, le=1.0, allow_inf_nan=False)]


class Persona(Record[PersonaId]):
    name: Name
    description: Text = ""
    colour: Colour = "#8b5cf6"
    x: GridCoordinate = 0.0
    y: GridCoordinate = 0.0
    position: StoredInt = 0
    archived: bool = False


# What an hour of a person's (or an agency team's) work costs; None: not known.
HourlyRate = Annotated[float, Field(ge=0, le=1_000_000, allow_inf_nan=False)] | None


class Team(Record[TeamId]):
    name: Name
    kind: TeamKind = TeamKind.INTERNAL
    colour: Colour = "#10b981"
    archived: bool = False
    hourly_rate: HourlyRate = None


WORKING_DAYS_DEFAULT = "12345"


class Member(Record[MemberId]):
    team_id: Ref[TeamId]
    name: Name
    weekly_hours: Annotated[float, Field(ge=0, le=168, allow_inf_nan=False)] = 40.0
    working_days: str = WORKING_DAYS_DEFAULT
    availability: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] = 1.0
    holiday_country: str | None = None
    active: bool = True
    wip_limit: Annotated[int, Field(ge=1, le=1000)] | None = None
    hourly_rate: HourlyRate = None
    # Someone who works here only for some weeks (a contractor): no capacity before
    # `active_from` or after `active_until` (either None: no bound).
    active_from: Day = None
    active_until: Day = None

    @model_validator(mode="after")
    def _active_in_order(self) -> Self:
        if self.active_from and self.active_until and self.active_until < self.active_from:
            raise ValueError(
                f"works until {self.active_until.isoformat()}, before starting "
                f"({self.active_from.isoformat()})"
            )
        return self

    @field_validator("working_days")
    @classmethod
    def _iso_weekdays(cls, value: str) -> str:
        digits = sorted(set(value))
        if not value or any(d not in "1234567" for d in digits):
            raise ValueError(
                "must list ISO weekday digits, 1 (Monday) to 7 (Sunday), such as 12345"
            )
        return "".join(digits)

    @field_validator("holiday_country")
    @classmethod
    def _country_code(cls, value: str | None) -> str | None:
        return country_code(value)

    @property
    def weekdays(self) -> frozenset[int]:
        return frozenset(int(d) for d in self.working_days)


class TimeOff(Record[TimeOffId]):
    member_id: Ref[MemberId]
    start_date: Annotated[date, AfterValidator(check_day)]
    end_date: Annotated[date, AfterValidator(check_day)]
    reason: Annotated[str, AfterValidator(clean_text), Field(max_length=200)] = ""

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.end_date < self.start_date:
            raise ValueError(
                f"the last day {self.end_date.isoformat()} is before the first day "
                f"{self.start_date.isoformat()}"
            )
        return self


class TaskEvent(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    id: TaskEventId
    task_id: TaskId
    from_stage_id: StageId | None
    to_stage_id: StageId
    at: datetime


class Comment(Record[CommentId]):
    """A comment on a task: Markdown, shown inert as descriptions are, signed by `author` (the
    workspace's user name when posted here). `at` is when it was written, in UTC: None until
    stored (the store stamps it); an imported comment keeps its own. A naive `at` is UTC."""

    task_id: Ref[TaskId]
    author: Name
    body: Text
    at: datetime | None = None

    @field_validator("body")
    @classmethod
    def _says_something(cls, body: str) -> str:
        if not body.strip():
            raise ValueError("cannot be empty")
        return body

    @field_validator("at")
    @classmethod
    def _in_utc(cls, at: datetime | None) -> datetime | None:
        if at is None:
            return None
        return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
