"""The pieces of the board model that need no model: lookups, lanes, summaries, card texts and
the drag format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData

from mopsboard.domain.filtering import Grouping, lane_key
from mopsboard.domain.models import Campaign, Member, Persona, Priority, Stage, Task, Team
from mopsboard.store.workspace import Workspace

TASK_MIME = "application/x-mopsboard-task-ids"
# Which file the dragged cards belong to: task ids mean other tasks in another workspace.
WORKSPACE_MIME = "application/x-mopsboard-workspace"


@dataclass(frozen=True)
class Lane:
    key: int | None
    title: str
    colour: str | None = None


@dataclass
class Lookups:
    """Names and colours a card shows for the ids a task holds."""

    campaigns: dict[int, Campaign] = field(default_factory=dict)
    personas: dict[int, Persona] = field(default_factory=dict)
    members: dict[int, Member] = field(default_factory=dict)
    teams: dict[int, Team] = field(default_factory=dict)

    @classmethod
    def load(cls, workspace: Workspace) -> Lookups:
        return cls(
            campaigns={c.key: c for c in workspace.campaigns(include_archived=True)},
            personas={p.key: p for p in workspace.personas(include_archived=True)},
            members={m.key: m for m in workspace.members()},
            teams={t.key: t for t in workspace.teams(include_archived=True)},
        )


@dataclass(frozen=True)
class StageSummary:
    stage: Stage
    shown: int
    total: int
    hours: float
    over_limit: bool


def task_tooltip(task: Task, lookups: Lookups) -> str:
    """What a card says to a hover or a screen reader."""
    parts = [task.title]
    # First, as the card's mark is: what the file holds that cannot be read.
    parts.extend(f"Problem: {problem.text}" for problem in task.problems)
    if task.campaign_id in lookups.campaigns:
        parts.append(f"Campaign: {lookups.campaigns[task.campaign_id].name}")
    if task.persona_id in lookups.personas:
        parts.append(f"Persona: {lookups.personas[task.persona_id].name}")
    if task.assignee_id in lookups.members:
        parts.append(f"Assignee: {lookups.members[task.assignee_id].name}")
    elif task.team_id in lookups.teams:
        parts.append(f"Team: {lookups.teams[task.team_id].name} (unassigned)")
    if task.due_date:
        parts.append(f"Due {task.due_date.isoformat()}")
    if task.estimate_hours is not None:
        parts.append(f"Estimate {task.estimate_hours:g} h")
    if task.checklist:
        parts.append(f"Checklist {task.checklist_done}/{len(task.checklist)}")
    return "\n".join(parts)


def task_spoken(task: Task, lookups: Lookups, stage: str, overdue: bool) -> str:
    """What a screen reader says of a card: its title, stage, campaign and due date first (and
    whether it is late, which the card shows by colour and a clock), then the rest of what the
    card shows."""
    parts = [task.title, *(f"problem: {problem.text}" for problem in task.problems)]
    parts.append(f"stage {stage}" if stage else "")
    if task.campaign_id in lookups.campaigns:
        parts.append(f"campaign {lookups.campaigns[task.campaign_id].name}")
    if task.due_date:
        parts.append(("overdue, was due " if overdue else "due ") + f"{task.due_date:%d %B %Y}")
    if task.persona_id in lookups.personas:
        parts.append(f"persona {lookups.personas[task.persona_id].name}")
    if task.assignee_id in lookups.members:
        parts.append(f"assigned to {lookups.members[task.assignee_id].name}")
    elif task.team_id in lookups.teams:
        parts.append(f"team {lookups.teams[task.team_id].name}, unassigned")
    if task.priority >= Priority.HIGH:
        parts.append("urgent" if task.priority == Priority.URGENT else "high priority")
    if task.estimate_hours is not None:
        parts.append(f"estimate {task.estimate_hours:g} hours")
    if task.checklist:
        parts.append(f"checklist {task.checklist_done} of {len(task.checklist)} done")
    if task.labels:
        parts.append("labels " + ", ".join(task.labels))
    return ", ".join(p for p in parts if p)


def task_ids_from_mime(data: QMimeData) -> list[int]:
    """The task ids a drag carries; anything else (another program's drop) gives none."""
    if not data.hasFormat(TASK_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(TASK_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list) or len(ids) > 10_000:
        return []
    return [int(i) for i in ids if isinstance(i, int) and not isinstance(i, bool)]


def workspace_key(path: Path) -> str:
    """A workspace file as a drag names it (a file opened by two names is one file)."""
    return str(path.resolve())


def workspace_of_mime(data: QMimeData) -> str | None:
    """The workspace a drag's cards come from; None when the drag does not say."""
    if not data.hasFormat(WORKSPACE_MIME):
        return None
    return bytes(data.data(WORKSPACE_MIME).data()).decode(errors="replace")


_NO_LANE = {
    Grouping.CAMPAIGN: "No campaign",
    Grouping.PERSONA: "No persona",
    Grouping.ASSIGNEE: "Unassigned",
    Grouping.TEAM: "No team",
}


def lane_label(grouping: Grouping, key: int, lookups: Lookups) -> tuple[str, str | None]:
    """A swimlane's title and colour."""
    if grouping is Grouping.CAMPAIGN and key in lookups.campaigns:
        return lookups.campaigns[key].name, lookups.campaigns[key].colour
    if grouping is Grouping.PERSONA and key in lookups.personas:
        return lookups.personas[key].name, lookups.personas[key].colour
    if grouping is Grouping.ASSIGNEE and key in lookups.members:
        return lookups.members[key].name, None
    if grouping is Grouping.TEAM and key in lookups.teams:
        return lookups.teams[key].name, lookups.teams[key].colour
    return f"#{key}", None


def lanes_for(tasks: Iterable[Task], grouping: Grouping, lookups: Lookups) -> list[Lane]:
    """The swimlanes a board shows: one per value in use, by title, and "none" last."""
    if grouping is Grouping.NONE:
        return [Lane(None, "")]
    keys = {lane_key(task, grouping) for task in tasks}
    lanes = [Lane(key, *lane_label(grouping, key, lookups)) for key in keys if key is not None]
    lanes.sort(key=lambda lane: lane.title.casefold())
    if None in keys:
        lanes.append(Lane(None, _NO_LANE.get(grouping, "")))
    return lanes or [Lane(None, _NO_LANE.get(grouping, ""))]
