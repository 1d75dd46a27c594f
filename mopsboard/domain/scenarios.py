"""What-if scenarios: a named draft over the real plan, as an ordered list of changes.

A scenario never changes the real plan while it is drafted: it is its changes, each one of the
kinds below (stored as JSON in `scenario_changes.payload`, the kind in `kind`). Applying them in
order to the real plan's rows is one pure function (domain/scenario_apply.py, `apply_changes`),
which the comparison (domain/scenario_compare.py) and adopting (store/scenarios.py, `adopt`)
both use, so what a comparison shows is what adopting writes.

The kinds of change:

- `ShiftCampaign(campaign_id, days)`: the campaign and all its tasks move by `days` calendar
  days, as `store/campaigns.py` `shift_campaign` moves them; open successors outside the
  campaign whose links the move breaks are pushed along the links (domain/link_push.py).
- `CutTask(task_id)`: the task is cut from the plan (adopting archives it).
- `DeferTask(task_id, days)`: the task's dates move `days` calendar days later; its successors
  are pushed as above.
- `ReassignTask(task_id, assignee_id, team_id)`: to another person (their team follows them), or
  to a team (an agency team, say) with nobody assigned.
- `AddCapacity(team_id, name, weekly_hours, first, last, hourly_rate)`: a contractor engaged from
  `first` to `last` (adopting adds a member with `active_from`/`active_until`).
- `ChangeAvailability(member_id, availability)`: a person's share of their weekly hours.
- `TimeOffChange(member_id, first, last)`: days off for a person.

Use: build a change (`ShiftCampaign(campaign_id=CampaignId(3), days=14)`), give it to the store
(`workspace.add_change(scenario_id, change)`), read a scenario's changes back as `DraftedChange`s
(`workspace.changes(scenario_id)`: `.change` is one of the kinds, `.base` what it was drafted
against). `parse_change(kind, payload)` reads a stored one; `change_payload(change)` writes one.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    model_validator,
)

from mopsboard.domain.fields import Name, check_day, clean_text
from mopsboard.domain.ids import (
    CampaignId,
    MemberId,
    ScenarioChangeId,
    ScenarioId,
    TaskId,
    TeamId,
)
from mopsboard.domain.models import HourlyRate, Record, Ref

# A shift or deferral of more than about ten years is a typing slip, not a plan.
MAX_DAYS = 3660
ShiftDays = Annotated[int, Field(ge=-MAX_DAYS, le=MAX_DAYS)]
DeferDays = Annotated[int, Field(ge=1, le=MAX_DAYS)]
CheckedDay = Annotated[date, AfterValidator(check_day)]


class _Change(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ShiftCampaign(_Change):
    """The campaign and all its tasks `days` calendar days later (earlier when negative)."""

    kind: Literal["shift_campaign"] = "shift_campaign"
    campaign_id: Ref[CampaignId]
    days: ShiftDays

    @model_validator(mode="after")
    def _moves(self) -> Self:
        if self.days == 0:
            raise ValueError("a shift of 0 days moves nothing")
        return self


class CutTask(_Change):
    """The task taken out of the plan (adopting archives it)."""

    kind: Literal["cut_task"] = "cut_task"
    task_id: Ref[TaskId]


class DeferTask(_Change):
    """The task's start and due dates `days` calendar days later."""

    kind: Literal["defer_task"] = "defer_task"
    task_id: Ref[TaskId]
    days: DeferDays


class ReassignTask(_Change):
    """The task to a person (`assignee_id`; the task's team becomes theirs) or, with nobody
    assigned, to a team (`team_id`, an agency team for example)."""

    kind: Literal["reassign_task"] = "reassign_task"
    task_id: Ref[TaskId]
    assignee_id: Ref[MemberId] | None = None
    team_id: Ref[TeamId] | None = None

    @model_validator(mode="after")
    def _names_someone(self) -> Self:
        if self.assignee_id is None and self.team_id is None:
            raise ValueError("a reassignment names a person or a team")
        return self


class AddCapacity(_Change):
    """A contractor on the team from `first` to `last` (both included)."""

    kind: Literal["add_capacity"] = "add_capacity"
    team_id: Ref[TeamId]
    name: Name
    weekly_hours: Annotated[float, Field(gt=0, le=168, allow_inf_nan=False)]
    first: CheckedDay
    last: CheckedDay
    hourly_rate: HourlyRate = None

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.last < self.first:
            raise ValueError(
                f"the last day {self.last.isoformat()} is before the first {self.first.isoformat()}"
            )
        return self


class ChangeAvailability(_Change):
    """The share (0 to 1) of their weekly hours a person has for planned work."""

    kind: Literal["change_availability"] = "change_availability"
    member_id: Ref[MemberId]
    availability: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)]


class TimeOffChange(_Change):
    """Days off for a person, `first` to `last` (both included)."""

    kind: Literal["time_off"] = "time_off"
    member_id: Ref[MemberId]
    first: CheckedDay
    last: CheckedDay
    reason: Annotated[str, AfterValidator(clean_text), Field(max_length=200)] = ""

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.last < self.first:
            raise ValueError(
                f"the last day {self.last.isoformat()} is before the first {self.first.isoformat()}"
            )
        return self


ScenarioChange = Annotated[
    ShiftCampaign
    | CutTask
    | DeferTask
    | ReassignTask
    | AddCapacity
    | ChangeAvailability
    | TimeOffChange,
    Field(discriminator="kind"),
]

CHANGE_KINDS: tuple[str, ...] = (
    "shift_campaign",
    "cut_task",
    "defer_task",
    "reassign_task",
    "add_capacity",
    "change_availability",
    "time_off",
)

_CHANGE_ADAPTER: TypeAdapter[ScenarioChange] | None = None


def _adapter() -> TypeAdapter[ScenarioChange]:
    # Built when first used: a command that never reads a scenario does not pay for it.
    global _CHANGE_ADAPTER
    if _CHANGE_ADAPTER is None:
        _CHANGE_ADAPTER = TypeAdapter(ScenarioChange)
    return _CHANGE_ADAPTER


def parse_change(kind: str, payload: dict[str, Any]) -> ScenarioChange:
    """A stored change (its `kind` column and JSON `payload`) as its model; ValidationError
    when the file holds something this version cannot read."""
    return _adapter().validate_python({**payload, "kind": kind})


def change_payload(change: ScenarioChange) -> dict[str, Any]:
    """What is stored in `payload` (JSON-ready; the kind goes in its own column)."""
    return change.model_dump(mode="json", exclude={"kind"})


def checked_change(change: ScenarioChange) -> ScenarioChange:
    """The change validated again (a copy made with model_copy(update=...) never was)."""
    return parse_change(change.kind, change_payload(change))


# -- what a change was drafted against --------------------------------------------------------


class RowBase(BaseModel):
    """A row as it stood when a change was drafted: its version, and the values of the fields
    a conflict is told in (so adopting can say what changed, not only that something did)."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    version: int
    values: dict[str, Any] = Field(default_factory=dict)


class ChangeBase(BaseModel):
    """The rows a change touches, by table, as they stood when it was drafted: for a task, the
    task; for a campaign's shift, the campaign and every one of its tasks; for a person, them."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    tasks: dict[TaskId, RowBase] = Field(default_factory=dict)
    campaigns: dict[CampaignId, RowBase] = Field(default_factory=dict)
    members: dict[MemberId, RowBase] = Field(default_factory=dict)


# -- the rows stored ---------------------------------------------------------------------------


class Scenario(Record[ScenarioId]):
    """A named draft over the real plan (names are unique, compared without case)."""

    name: Name
    note: Annotated[str, AfterValidator(clean_text), Field(max_length=2000)] = ""
    created_at: datetime | None = None


class DraftedChange(Record[ScenarioChangeId]):
    """One change of a scenario, at its place in the order (`position`, from 0), with the
    versions of the rows it touches as they were when it was drafted (`base`)."""

    scenario_id: Ref[ScenarioId]
    position: int = 0
    change: ScenarioChange
    base: ChangeBase = Field(default_factory=ChangeBase)


__all__ = [
    "CHANGE_KINDS",
    "AddCapacity",
    "ChangeAvailability",
    "ChangeBase",
    "CutTask",
    "DeferTask",
    "DraftedChange",
    "ReassignTask",
    "RowBase",
    "Scenario",
    "ScenarioChange",
    "ShiftCampaign",
    "TimeOffChange",
    "change_payload",
    "checked_change",
    "parse_change",
]
