"""Which cards a board shows, and the swimlane each one belongs to: pure, so it is fast and tested
without Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from mopsboard.domain.models import Task


class DueFilter(StrEnum):
    ANY = "any"
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    NEXT_TWO_WEEKS = "next_two_weeks"
    NO_DATE = "no_date"


DUE_FILTER_LABELS = {
    DueFilter.ANY: "Any due date",
    DueFilter.OVERDUE: "Overdue",
    DueFilter.THIS_WEEK: "Due this week",
    DueFilter.NEXT_TWO_WEEKS: "Due in the next 2 weeks",
    DueFilter.NO_DATE: "No due date",
}


class Grouping(StrEnum):
    NONE = "none"
    CAMPAIGN = "campaign"
    PERSONA = "persona"
    ASSIGNEE = "assignee"
    TEAM = "team"


GROUPING_LABELS = {
    Grouping.NONE: "No swimlanes",
    Grouping.CAMPAIGN: "Lanes: campaign",
    Grouping.PERSONA: "Lanes: persona",
    Grouping.ASSIGNEE: "Lanes: assignee",
    Grouping.TEAM: "Lanes: team",
}

# "Any" in a reference filter; None in a filter field means "has none".
ANY = -1


@dataclass(frozen=True)
class TaskFilter:
    text: str = ""
    campaign_id: int | None = ANY
    persona_id: int | None = ANY
    assignee_id: int | None = ANY
    team_id: int | None = ANY
    due: DueFilter = DueFilter.ANY

    @property
    def active(self) -> bool:
        return self != TaskFilter()


def search_text(task: Task) -> str:
    """What free-text search looks in, folded once per task rather than once per keystroke."""
    return "\n".join((task.title, task.description, " ".join(task.labels))).casefold()


def is_overdue(due: date | None, *, done: bool, today: date) -> bool:
    """The one meaning of overdue, wherever the app says it: not done, and due before today."""
    return not done and due is not None and due < today


def due_matches(due: date | None, wanted: DueFilter, today: date, *, done: bool = False) -> bool:
    if wanted is DueFilter.OVERDUE:
        return is_overdue(due, done=done, today=today)
    if wanted is DueFilter.ANY:
        return True
    if wanted is DueFilter.NO_DATE:
        return due is None
    if due is None:
        return False
    if wanted is DueFilter.THIS_WEEK:
        week_end = today + timedelta(days=6 - today.weekday())
        return today <= due <= week_end
    return today <= due <= today + timedelta(days=14)


def matches(
    task: Task, text: str, wanted: TaskFilter, today: date, *, done: bool | None = None
) -> bool:
    """`text` is `search_text(task)`, computed once when the task is loaded. `done` says whether
    the task's stage is a Done stage; unsaid, the completion the store stamps on every task that
    enters one stands in for it."""
    if wanted.text and not all(word in text for word in wanted.text.casefold().split()):
        return False
    for field, value in (
        ("campaign_id", wanted.campaign_id),
        ("persona_id", wanted.persona_id),
        ("assignee_id", wanted.assignee_id),
        ("team_id", wanted.team_id),
    ):
        if value != ANY and getattr(task, field) != value:
            return False
    finished = task.completed_at is not None if done is None else done
    return due_matches(task.due_date, wanted.due, today, done=finished)


def lane_key(task: Task, grouping: Grouping) -> int | None:
    if grouping is Grouping.CAMPAIGN:
        return task.campaign_id
    if grouping is Grouping.PERSONA:
        return task.persona_id
    if grouping is Grouping.ASSIGNEE:
        return task.assignee_id
    if grouping is Grouping.TEAM:
        return task.team_id
    return None


def due_state(due: date | None, today: date, done: bool) -> str:
    """'overdue', 'soon' (within 2 days) or '' : how a card colours its due date."""
    if is_overdue(due, done=done, today=today):
        return "overdue"
    if due is None or done:
        return ""
    if due <= today + timedelta(days=2):
        return "soon"
    return ""
