"""A campaign's log as it is read back: what happened (its fields edited or shifted, a task added
to it or taken out, deleted, archived, restored or edited, an approval), when and by whom, and
each entry in a few words for the "Since approval" panel and the change report."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from mopsboard.domain.ids import TaskId
from mopsboard.domain.models import Campaign


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class CampaignEditKind(StrEnum):
    EDITED = "edited"  # the campaign's fields
    SHIFTED = "shifted"  # the campaign's dates with its tasks'
    TASK_ADDED = "task_added"  # created in it, or moved into it
    TASK_REMOVED = "task_removed"  # moved out of it
    TASK_DELETED = "task_deleted"
    TASK_ARCHIVED = "task_archived"
    TASK_RESTORED = "task_restored"
    TASK_EDITED = "task_edited"  # a task's fields (from the task's own history)
    APPROVED = "approved"


class ChangeEntry(_Frozen):
    """One line of a campaign's log. `fields` names the fields changed; for the campaign's own
    fields, `values` holds each one's (before, after) as text."""

    at: datetime
    author: str | None = None
    kind: CampaignEditKind
    task_id: TaskId | None = None
    title: str = ""
    fields: tuple[str, ...] = ()
    values: dict[str, tuple[str, str]] = {}
    # Set where it is listed (domain/since_approval.py): the earlier entry this one reverses
    # (an undo, or the same change made by hand), or that it makes an earlier change again
    # after that was taken back (a redo).
    takes_back: datetime | None = None
    made_again: bool = False

    @property
    def text(self) -> str:
        return describe(self)


# The campaign's fields its log names, in the order the dialog shows them.
CAMPAIGN_FIELDS: tuple[str, ...] = (
    "name",
    "objective",
    "channel",
    "audience",
    "audience_country",
    "owner",
    "start_date",
    "launch_date",
    "end_date",
    "status",
    "budget",
    "colour",
    "brief",
    "archived",
)


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def campaign_changes(before: Campaign, after: Campaign) -> dict[str, tuple[str, str] | None]:
    """The fields that differ, each with its value before and after as text (None for a long
    text, such as the brief: the log names it and keeps no copy of it)."""
    return {
        name: (_shown(getattr(before, name)), _shown(getattr(after, name)))
        if name in _QUOTED
        else None
        for name in CAMPAIGN_FIELDS
        if getattr(before, name) != getattr(after, name)
    }


# -- in words --------------------------------------------------------------------------------

_FIELD_WORDS = {
    "name": "name",
    "objective": "objective",
    "channel": "channel",
    "audience": "audience",
    "owner": "owner",
    "start_date": "start",
    "launch_date": "launch",
    "end_date": "end",
    "status": "status",
    "budget": "budget",
    "colour": "colour",
    "archived": "archived",
    "brief": "brief",
    "audience_country": "audience country",
    "title": "title",
    "campaign_id": "campaign",
    "persona_id": "persona",
    "assignee_id": "assignee",
    "team_id": "team",
    "estimate_hours": "estimate",
    "due_date": "due date",
    "priority": "priority",
    "labels": "labels",
    "description": "description",
    "checklist": "checklist",
}

# Long values (a brief, an objective) are named, not quoted.
_QUOTED = frozenset(
    {"name", "start_date", "launch_date", "end_date", "status", "budget", "audience_country"}
)


def _field_words(entry: ChangeEntry) -> str:
    parts = []
    for name in entry.fields:
        words = _FIELD_WORDS.get(name, name.replace("_", " "))
        if name in entry.values and name in _QUOTED:
            old, new = entry.values[name]
            parts.append(f"{words} {old or 'none'} \u2192 {new or 'none'}")
        else:
            parts.append(words)
    return ", ".join(parts)


def describe(entry: ChangeEntry) -> str:
    """The change in a few words, as the panel and the report list it."""
    if entry.takes_back is not None:
        when = entry.takes_back
        day = "" if when.date() == entry.at.date() else f"{when.day} {when:%b} "
        # First, so that a list that cuts long lines still shows it.
        return f"Takes back the change of {day}{when:%H:%M}: {_what(entry)}"
    if entry.made_again:
        return f"Made again: {_what(entry)}"
    return _what(entry)


def _what(entry: ChangeEntry) -> str:
    task = f"'{entry.title}'" if entry.title else f"#{entry.task_id}"
    kind = entry.kind
    if kind is CampaignEditKind.EDITED:
        return f"Campaign edited: {_field_words(entry) or 'its fields'}"
    if kind is CampaignEditKind.SHIFTED:
        return f"Campaign moved with its tasks: {_field_words(entry) or 'its dates'}"
    if kind is CampaignEditKind.APPROVED:
        return f"Approved by {entry.title}" if entry.title else "Approved"
    if kind is CampaignEditKind.TASK_EDITED:
        return f"Task {task} edited: {_field_words(entry) or 'its fields'}"
    verbs = {
        CampaignEditKind.TASK_ADDED: "added",
        CampaignEditKind.TASK_REMOVED: "taken out of the campaign",
        CampaignEditKind.TASK_DELETED: "deleted",
        CampaignEditKind.TASK_ARCHIVED: "archived",
        CampaignEditKind.TASK_RESTORED: "restored",
    }
    return f"Task {task} {verbs[kind]}"
