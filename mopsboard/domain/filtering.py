"""Which cards a board shows, and the swimlane each one belongs to: pure, so it is fast and tested
without Qt."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
_SEPARATOR = "\x00"
_REFERENCE_FIELDS = ("campaign_id", "persona_id", "assignee_id", "team_id")


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


SearchFields = tuple[str, str, tuple[str, ...]]  # a task's title, description and labels


def search_texts(tasks: Sequence[Task]) -> list[str]:
    """`search_text` of each task, folded in one call (see fold_search_fields)."""
    return fold_search_fields([(t.title, t.description, t.labels) for t in tasks])


def fold_search_fields(fields: Sequence[SearchFields]) -> list[str]:
    """The search text of each (title, description, labels), folded in one call: casefold on
    one long text runs in C, where folding 50,000 texts one by one cost a first filter several
    times its budget. A separator no field holds (the store strips control characters) splits
    them apart again; casefold never makes or removes one."""
    if not fields:
        return []
    joined = _SEPARATOR.join(
        f"{title}\n{description}\n{' '.join(labels)}" for title, description, labels in fields
    )
    return joined.casefold().split(_SEPARATOR)


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


def matcher(wanted: TaskFilter, today: date) -> Callable[[Task, str, bool], bool]:
    """`matches` with the filter's words and fields worked out once: what a board asks of
    every card when the filter changes. The predicate takes the task, its search text and
    whether its stage is a Done stage."""
    words = wanted.text.casefold().split()
    references = [
        (field, value)
        for field, value in zip(
            _REFERENCE_FIELDS,
            (wanted.campaign_id, wanted.persona_id, wanted.assignee_id, wanted.team_id),
            strict=True,
        )
        if value != ANY
    ]
    due = wanted.due

    def passes(task: Task, text: str, done: bool) -> bool:
        for word in words:
            if word not in text:
                return False
        for field, value in references:
            if getattr(task, field) != value:
                return False
        return due is DueFilter.ANY or due_matches(task.due_date, due, today, done=done)

    return passes


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
