"""The demo's links and logged hours: each demo campaign's chain (the brief before the copy,
the copy before legal review, legal before the launch), and the hours its people logged in the
past weeks on the work that has started, so a new user sees blocked cards, costs and actual
hours at once.

Links and logs join the hand-written tasks, by title; the many generated ones of a large demo
have neither. Nothing here draws on the demo's own random generator: the rest of the demo stays
as it was.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Member
from mopsboard.domain.time_logs import TimeLog
from mopsboard.io.demo_data import CAMPAIGNS
from mopsboard.store.workspace import Workspace

FS, SS = LinkKind.FINISH_TO_START, LinkKind.START_TO_START
# (predecessor, successor, kind, lag in working days), by the tasks' titles (io/demo_data.py).
Chain = tuple[tuple[str, str, LinkKind, int], ...]

_BRIEF = "Launch brief and messaging framework"
_LAUNCH_LEGAL = "Legal review: launch email and landing page"
_GO_LIVE = "Go-live runbook and go/no-go check"
CHAINS: dict[str, Chain] = {
    "Atlas 3.0 product launch": (
        (_BRIEF, "Competitive positioning one-pager", FS, 0),
        (_BRIEF, "Landing page wireframe", FS, 0),
        (_BRIEF, "Write launch announcement email", FS, 0),
        (_BRIEF, "Sales enablement deck", FS, 0),
        ("IT buyer interviews: synthesis", _BRIEF, SS, 2),
        ("Landing page wireframe", "Hero visuals and product shots", SS, 2),
        ("Landing page wireframe", "Build launch landing page in the CMS", FS, 0),
        ("Hero visuals and product shots", "Paid social creative set (6 sizes)", FS, 0),
        ("UTM conventions and CRM campaign set-up", "Lead scoring rules for the demo form", FS, 0),
        ("Write launch announcement email", "Build and QA launch email in the MAP", FS, 0),
        ("Build and QA launch email in the MAP", _LAUNCH_LEGAL, FS, 0),
        ("Build launch landing page in the CMS", _LAUNCH_LEGAL, FS, 0),
        (_LAUNCH_LEGAL, _GO_LIVE, FS, 0),
        ("Lead scoring rules for the demo form", _GO_LIVE, FS, 0),
        ("Paid social creative set (6 sizes)", _GO_LIVE, FS, 0),
        # The press release is out two working days before the go/no-go call ends.
        ("Press release draft", _GO_LIVE, FS, -2),
        (_GO_LIVE, "Post-launch performance report", FS, 10),
        (_GO_LIVE, "Retire legacy product pages and set redirects", FS, 0),
        ("Launch dashboard in BI", "Post-launch performance report", FS, 0),
    ),
    "Webinar: lead scoring that sales trusts": (
        ("Confirm speakers and run of show", "Abstract and title test", FS, 0),
        ("Abstract and title test", "Invitation email series (3 sends)", FS, 0),
        ("Invitation email series (3 sends)", "Build invitations and reminders", FS, 0),
        ("Registration page and form", "Build invitations and reminders", FS, 0),
        ("Connect the webinar platform to the CRM", "Build invitations and reminders", FS, 0),
        ("Build invitations and reminders", "Legal review: invitation emails", FS, 0),
        ("Legal review: invitation emails", "LinkedIn promotion, organic and paid", FS, 0),
        ("Confirm speakers and run of show", "Slide deck design", FS, 0),
        ("Slide deck design", "Dry run with speakers", FS, 0),
        ("Dry run with speakers", "On-demand recording page", FS, 0),
        ("On-demand recording page", "Attendance and pipeline report", FS, 0),
    ),
    "Trial-to-paid email nurture": (
        (
            "Map the nurture journey and exit criteria",
            "Segment trial users by product usage",
            FS,
            0,
        ),
        ("Segment trial users by product usage", "Write nurture emails 1-3", FS, 0),
        ("Write nurture emails 1-3", "Write nurture emails 4-6", FS, 0),
        ("Write nurture emails 1-3", "Build the nurture program in the MAP", FS, 0),
        ("Email template refresh", "Build the nurture program in the MAP", FS, 0),
        ("Build the nurture program in the MAP", "Dynamic content by role", SS, 2),
        ("Write nurture emails 4-6", "Legal review: nurture emails", FS, 0),
        ("Build the nurture program in the MAP", "Seed list QA and rendering tests", FS, 0),
        ("Legal review: nurture emails", "Seed list QA and rendering tests", FS, 0),
        ("Seed list QA and rendering tests", "Subject line test: benefit or curiosity", FS, 0),
        (
            "Subject line test: benefit or curiosity",
            "Nurture performance review (week 4)",
            FS,
            0,
        ),
        ("Nurture performance review (week 4)", "Holdout group analysis", FS, 0),
    ),
    "SaaS Connect summit booth": (
        ("Book booth space and logistics", "Booth design and print files", FS, 0),
        ("Book booth space and logistics", "Swag order", FS, 0),
        ("Meeting booking page", "Pre-event outreach to target accounts", FS, 0),
        (
            "Legal review: prize draw terms and lead consent",
            "Pre-event outreach to target accounts",
            FS,
            0,
        ),
        ("Booth design and print files", "Staffing rota and booth briefing", FS, 0),
        ("Demo station script", "Staffing rota and booth briefing", FS, 0),
        ("Badge scanner app and lead import mapping", "Post-event lead upload and routing", FS, 0),
        ("Staffing rota and booth briefing", "Post-event lead upload and routing", FS, 0),
        ("Post-event lead upload and routing", "Event ROI report", FS, 0),
    ),
    "Brand refresh": (
        ("Brand audit of the top 50 pages", "Logo and colour system", FS, 0),
        ("Logo and colour system", "Typography and icon set", FS, 0),
        ("Typography and icon set", "Brand guidelines site", FS, 0),
        ("Logo and colour system", "Update the website theme", FS, 0),
        ("Logo and colour system", "Update email templates to the new brand", FS, 0),
        ("Logo and colour system", "Sales deck template", FS, 0),
        ("Typography and icon set", "Social profile refresh", FS, 0),
        # Announced to employees the day before the new theme is done.
        ("Update the website theme", "Employee rollout announcement", FS, -1),
        ("Brand guidelines site", "Brand perception survey", FS, 0),
    ),
}

_NOTES = ("", "", "first pass", "review comments", "call with the team", "fixes after QA")
# How far back the demo's people logged their hours.
LOGGED_DAYS = 42


def settle_roles(drafts: Sequence[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The drafts' stage roles made to agree with the chains: work that waits (finish to start)
    for an unfinished task has not started yet, so it waits in Ready, its checklist unticked,
    rather than sitting in progress or done ahead of what it waits for."""
    roles = {fields["title"]: role for role, fields in drafts}
    waits = [
        (before, after)
        for chain in CHAINS.values()
        for before, after, kind, _lag in chain
        if kind is FS and before in roles and after in roles
    ]
    changed = True
    while changed:  # along the chains: a task held back holds back what waits for it
        changed = False
        for before, after in waits:
            if roles[before] != "done" and roles[after] in ("doing", "review", "done"):
                roles[after] = "ready"
                changed = True
    settled = []
    for role, fields in drafts:
        held = roles.get(fields["title"], role)
        if held != role:
            unticked = tuple(
                item.model_copy(update={"done": False}) for item in fields["checklist"]
            )
            fields = {**fields, "checklist": unticked}
        settled.append((held, fields))
    return settled


def link_demo_chains(workspace: Workspace, task_ids: Mapping[str, TaskId]) -> int:
    """Links the hand-written tasks of each demo campaign along its chain, in one unit of work;
    a link whose tasks are not both there (a large demo cut the hand-written ones short) is
    left out. Returns how many links were made."""
    links = [
        TaskLink(
            predecessor_id=task_ids[before],
            successor_id=task_ids[after],
            kind=kind,
            lag_days=lag,
        )
        for chain in CHAINS.values()
        for before, after, kind, lag in chain
        if before in task_ids and after in task_ids
    ]
    return len(workspace.add_links(links)) if links else 0


def _working_days(member: Member, first: date, last: date, off: set[date]) -> list[date]:
    days = []
    day = first
    while day <= last:
        if str(day.isoweekday()) in member.working_days and day not in off:
            days.append(day)
        day += timedelta(days=1)
    return days


def demo_time_logs(
    tasks: Iterable[tuple[TaskId, Mapping[str, Any], str]],
    members: Mapping[MemberId, Member],
    time_off: Mapping[MemberId, set[date]],
    today: date,
    seed: int,
) -> list[TimeLog]:
    """Hours the assignees logged on their started work in the past LOGGED_DAYS days, on their
    working days: a finished task about its estimate (80 to 120%), one in flight part of it.
    `tasks` are (id, fields, role) with role "done", "doing", "review" or another."""
    rng = random.Random(seed * 7919 + 16)
    first_day = today - timedelta(days=LOGGED_DAYS)
    logs = []
    for task_id, fields, role in tasks:
        member = members.get(fields.get("assignee_id") or MemberId(0))
        estimate = fields.get("estimate_hours")
        if member is None or not estimate or role not in ("done", "doing", "review"):
            continue
        start, due = fields["start_date"], fields["due_date"]
        last = min(due, today - timedelta(days=1))
        days = _working_days(member, max(start, first_day), last, time_off.get(member.key, set()))
        if not days:
            continue
        share = rng.uniform(0.8, 1.2) if role == "done" else rng.uniform(0.2, 0.7)
        picked = sorted(rng.sample(days, min(len(days), rng.randint(1, 4))))
        each = estimate * share / len(picked)
        for day in picked:
            hours = min(8.0, max(0.25, round(each * rng.uniform(0.7, 1.3) * 4) / 4))
            logs.append(
                TimeLog(
                    task_id=task_id,
                    member_id=member.key,
                    day=day,
                    hours=hours,
                    note=rng.choice(_NOTES),
                )
            )
    return logs


@dataclass(frozen=True)
class DemoPeople:
    """The demo's people by id, their days off, and the demo's today."""

    members: Mapping[MemberId, Member]
    time_off: Mapping[MemberId, set[date]]
    today: date


def link_and_log(
    workspace: Workspace,
    rows: Sequence[Mapping[str, Any]],
    ids: Sequence[TaskId],
    roles: Mapping[int, str],
    people: DemoPeople,
    seed: int,
) -> None:
    """Links the hand-written campaign tasks among `rows` (stored as `ids`) along their chains
    and logs their people's hours; `roles` names each stage's role ("done", "doing", ...)."""
    curated = {task.title for campaign in CAMPAIGNS for task in campaign.tasks}
    mine = [(i, row) for row, i in zip(rows, ids, strict=True) if row["title"] in curated]
    # The first task of a title is the one linked (a large demo repeats none of these).
    link_demo_chains(workspace, {row["title"]: i for i, row in reversed(mine)})
    worked = [(i, row, roles.get(row["stage_id"], "")) for i, row in mine]
    logs = demo_time_logs(worked, people.members, people.time_off, people.today, seed)
    workspace.log_times(logs)
