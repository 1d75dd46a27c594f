"""Named, assigned work in the demo's next weeks, so its capacity map reads at a glance: a few
people over-booked, some near their limit, most with room, work waiting in Unassigned rows, and
per-person WIP limits some people exceed.

Offsets count days from the Monday of the demo's "today", so the same cells light up whatever
the weekday. Nothing here draws on the demo's random generator: the rest of the demo stays as
it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mopsboard.domain.ids import PersonaId, TeamId
from mopsboard.domain.models import Member, Priority
from mopsboard.store.workspace import Workspace


@dataclass(frozen=True)
class LoadSpec:
    title: str
    who: str  # a member's name, or "team:<team key>" for work not yet assigned in a team
    persona: str
    hours: float
    first: int  # days from this week's Monday
    last: int
    labels: tuple[str, ...]
    priority: Priority = Priority.MEDIUM


WORKLOAD = (
    # Week 2 pushes a full-time member of Marketing ops past 40 hours.
    LoadSpec("Next year's budget and headcount model", "Maya", "Orchestrator", 26, 7, 11,
             ("planning",), Priority.HIGH),
    # A 30-hour web developer: a CMS migration and a consent fix over-book week 2.
    LoadSpec("Migrate the resource library to the new CMS", "Ben", "Modernizer", 44, 2, 11,
             ("web", "migration"), Priority.HIGH),
    LoadSpec("Fix the consent banner on regional sites", "Ben", "Modernizer", 8, 7, 8,
             ("consent",), Priority.URGENT),
    # The agency editor works Thursdays and Fridays only.
    LoadSpec("Summit booth video: edit and captions", "Tom", "Psychologist", 14, 17, 18,
             ("creative", "event")),
    LoadSpec("Rebuild the lead scoring model", "Priya", "Scientist", 12, 7, 10, ("scoring",)),
    LoadSpec("Customer story write-ups (3 interviews)", "Luis", "Psychologist", 22, 0, 4,
             ("content",)),
    # Due during a vacation: no available day, so the whole estimate lands on the due date.
    LoadSpec("Nurture audit: hand-over notes", "Jonas", "Orchestrator", 6, 16, 17, ("handover",)),
    LoadSpec("Holiday newsletter copy", "team:content", "Psychologist", 6, 14, 16, ("email",)),
    LoadSpec("Regional landing page variants", "team:web", "Modernizer", 10, 21, 25,
             ("landing page",)),
)  # fmt: skip

# Per-person limits on tasks in active stages; the first two people run over theirs.
WIP_LIMITS = {"Maya": 2, "Ben": 2, "Luis": 4, "Omar": 4}


def workload_drafts(
    today: date,
    members: Iterable[Member],
    team_ids: Mapping[str, TeamId],
    personas: Mapping[str, PersonaId | None],
) -> list[tuple[str, dict[str, Any]]]:
    """(stage role, task fields) for each spec, in the form the demo builder's drafts take."""
    by_name = {m.name: m for m in members}
    monday = today - timedelta(days=today.weekday())
    drafts = []
    for spec in WORKLOAD:
        start = monday + timedelta(days=spec.first)
        due = monday + timedelta(days=spec.last)
        if spec.who.startswith("team:"):
            assignee, team = None, team_ids[spec.who.removeprefix("team:")]
        else:
            member = by_name[spec.who]
            assignee, team = member.id, member.team_id
        soon = start <= today + timedelta(days=7)
        role = "doing" if start <= today else ("ready" if soon else "backlog")
        drafts.append(
            (
                role,
                {
                    "title": spec.title,
                    "description": "",
                    "campaign_id": None,
                    "persona_id": personas.get(spec.persona),
                    "assignee_id": assignee,
                    "team_id": team,
                    "estimate_hours": spec.hours,
                    "start_date": start,
                    "due_date": due,
                    "priority": spec.priority,
                    "labels": spec.labels,
                    "checklist": (),
                },
            )
        )
    return drafts


def set_wip_limits(workspace: Workspace) -> None:
    for member in workspace.members():
        limit = WIP_LIMITS.get(member.name)
        if limit is not None:
            workspace.update_member(member.model_copy(update={"wip_limit": limit}))
