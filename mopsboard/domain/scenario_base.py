"""What a scenario's change was drafted against, and how the real plan moved since.

- `touched_rows(change)`: the rows a change names (the store records them in its base when it is
  drafted, and adopting checks them).
- `base_of(tasks, campaigns, members)`: those rows as they stand, as a `ChangeBase` (each row's
  version and the values of the fields a conflict is told in).
- `drifts(base, tasks, campaigns, members, campaign_tasks)`: how the rows differ now, in words
  (a row changed: which fields, from what to what; a row gone; a task that joined a shifted
  campaign since); empty when nothing moved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from mopsboard.domain.errors import field_label
from mopsboard.domain.ids import CampaignId, MemberId, TaskId, TeamId
from mopsboard.domain.models import Campaign, Member, Record, Task
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    ChangeBase,
    CutTask,
    DeferTask,
    ReassignTask,
    RowBase,
    ScenarioChange,
    ShiftCampaign,
    TimeOffChange,
)

# The fields whose values a conflict names (an edit of another field is still a conflict, told
# as "edited").
TASK_FIELDS = (
    "title",
    "campaign_id",
    "stage_id",
    "assignee_id",
    "team_id",
    "estimate_hours",
    "start_date",
    "due_date",
    "archived",
)
CAMPAIGN_FIELDS = ("name", "start_date", "launch_date", "end_date", "archived")
MEMBER_FIELDS = (
    "name",
    "team_id",
    "weekly_hours",
    "working_days",
    "availability",
    "active",
    "active_from",
    "active_until",
)


@dataclass(frozen=True)
class Touched:
    """The rows one change names, by table. A shift names its campaign (and so all its tasks);
    `assignee` is the person a task is handed to (who must exist, not stay unedited)."""

    tasks: tuple[TaskId, ...] = ()
    campaigns: tuple[CampaignId, ...] = ()
    members: tuple[MemberId, ...] = ()
    teams: tuple[TeamId, ...] = ()
    assignee: MemberId | None = None


def touched_rows(change: ScenarioChange) -> Touched:
    if isinstance(change, ShiftCampaign):
        return Touched(campaigns=(change.campaign_id,))
    if isinstance(change, CutTask | DeferTask):
        return Touched(tasks=(change.task_id,))
    if isinstance(change, ReassignTask):
        teams = () if change.team_id is None else (change.team_id,)
        return Touched(tasks=(change.task_id,), teams=teams, assignee=change.assignee_id)
    if isinstance(change, AddCapacity):
        return Touched(teams=(change.team_id,))
    if isinstance(change, ChangeAvailability | TimeOffChange):
        return Touched(members=(change.member_id,))
    raise TypeError(f"not a scenario change: {change!r}")


def _row_base(record: Record[Any], fields: Iterable[str]) -> RowBase:
    dumped = record.model_dump(mode="json", include=set(fields))
    return RowBase(version=record.version, values=dumped)


def base_of(
    tasks: Iterable[Task], campaigns: Iterable[Campaign], members: Iterable[Member]
) -> ChangeBase:
    return ChangeBase(
        tasks={t.key: _row_base(t, TASK_FIELDS) for t in tasks},
        campaigns={c.key: _row_base(c, CAMPAIGN_FIELDS) for c in campaigns},
        members={m.key: _row_base(m, MEMBER_FIELDS) for m in members},
    )


@dataclass(frozen=True)
class Drift:
    """One row that is not as the change was drafted against: `text` says which and how."""

    table: str
    row_id: int
    text: str


@dataclass(frozen=True)
class Now:
    """The rows of the real plan as they stand now, as far as the bases name them."""

    tasks: Mapping[TaskId, Task] = field(default_factory=dict)
    campaigns: Mapping[CampaignId, Campaign] = field(default_factory=dict)
    members: Mapping[MemberId, Member] = field(default_factory=dict)
    # Per shifted campaign: the ids of every task it holds now.
    campaign_tasks: Mapping[CampaignId, Iterable[TaskId]] = field(default_factory=dict)
    # Per field naming a row by id ("assignee_id", "team_id", "campaign_id", "stage_id"): the
    # rows' names, so a conflict says "assignee Ben → Aiko", never the ids.
    names: Mapping[str, Mapping[int, str]] = field(default_factory=dict)


def _shown(value: Any, names: Mapping[int, str] | None = None) -> str:
    if value is None or value == "":
        return "none"
    if names is not None and type(value) is int:
        # A row deleted since has no name left: said as such, not by its id.
        return names.get(value, "a deleted one")
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _row_drift(
    what: str,
    name: str,
    base: RowBase,
    record: Record[Any],
    fields: Iterable[str],
    names: Mapping[str, Mapping[int, str]],
) -> str | None:
    if record.version == base.version:
        return None
    now = record.model_dump(mode="json", include=set(fields))
    moved = []
    for key in fields:
        if key in base.values and base.values[key] != now.get(key):
            rows = names.get(key) if key.endswith("_id") else None
            was, becomes = _shown(base.values[key], rows), _shown(now.get(key), rows)
            moved.append(f"{_label(key)} {was} \u2192 {becomes}")
    if not moved:
        return f"the {what} '{name}' was edited since it was drafted"
    return f"the {what} '{name}' changed since it was drafted: {', '.join(moved)}"


def _label(key: str) -> str:
    label = field_label(key).lower()
    return label.removesuffix(" id") if key.endswith("_id") else label


def drifts(base: ChangeBase, now: Now) -> list[Drift]:
    """How the rows of `base` differ from `now` (see the module's summary)."""
    found: list[Drift] = []
    for campaign_id, row in base.campaigns.items():
        campaign = now.campaigns.get(campaign_id)
        if campaign is None:
            name = str(row.values.get("name", campaign_id))
            found.append(Drift("campaigns", campaign_id, f"the campaign '{name}' was deleted"))
            continue
        text = _row_drift("campaign", campaign.name, row, campaign, CAMPAIGN_FIELDS, now.names)
        if text:
            found.append(Drift("campaigns", campaign_id, text))
        for task_id in sorted(set(now.campaign_tasks.get(campaign_id, ())) - set(base.tasks)):
            task = now.tasks.get(task_id)
            title = task.title if task else str(task_id)
            found.append(
                Drift("tasks", task_id, f"the task '{title}' joined '{campaign.name}' since")
            )
    for task_id, row in base.tasks.items():
        task = now.tasks.get(task_id)
        if task is None:
            title = str(row.values.get("title", task_id))
            found.append(Drift("tasks", task_id, f"the task '{title}' was deleted"))
            continue
        text = _row_drift("task", task.title, row, task, TASK_FIELDS, now.names)
        if text:
            found.append(Drift("tasks", task_id, text))
    for member_id, row in base.members.items():
        member = now.members.get(member_id)
        if member is None:
            name = str(row.values.get("name", member_id))
            found.append(Drift("members", member_id, f"{name} was removed from the team"))
            continue
        text = _row_drift("person", member.name, row, member, MEMBER_FIELDS, now.names)
        if text:
            found.append(Drift("members", member_id, text))
    return found


__all__ = [
    "CAMPAIGN_FIELDS",
    "MEMBER_FIELDS",
    "TASK_FIELDS",
    "Drift",
    "Now",
    "Touched",
    "base_of",
    "drifts",
    "touched_rows",
]
