"""A task's history as the task editor's Activity list shows it: what kind of step (created,
moved, edited, archived, restored), which fields an edit changed, and when."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from mopsboard.domain.ids import StageId, TaskId
from mopsboard.domain.models import Task


class ActivityKind(StrEnum):
    CREATED = "created"
    MOVED = "moved"
    EDITED = "edited"
    ARCHIVED = "archived"
    RESTORED = "restored"


# The fields an edit is logged by (the task's stage is logged as a move; its order key, version
# and timestamps are the store's bookkeeping), in the order the editor shows them.
LOGGED_FIELDS: tuple[str, ...] = (
    "title",
    "campaign_id",
    "persona_id",
    "assignee_id",
    "team_id",
    "estimate_hours",
    "start_date",
    "due_date",
    "priority",
    "labels",
    "description",
    "checklist",
)


def edited_fields(before: Task, after: Task) -> tuple[str, ...]:
    """The logged fields whose values differ, in LOGGED_FIELDS' order."""
    return tuple(f for f in LOGGED_FIELDS if getattr(before, f) != getattr(after, f))


class TaskActivity(BaseModel):
    """One line of a task's history: created, moved (from and to a stage), edited (which
    fields), archived or restored, and when."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    task_id: TaskId
    kind: ActivityKind
    at: datetime
    from_stage_id: StageId | None = None
    to_stage_id: StageId | None = None
    fields: tuple[str, ...] = ()
