"""A deterministic, realistic demo workspace: campaigns, teams, people, time off and tasks.

Everything random comes from one `random.Random(seed)`, and every date is relative to `today`, so
the same seed and day give the same workspace, and the demo always looks current.
"""

from __future__ import annotations

import contextlib
import os
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mopsboard.domain import ranking
from mopsboard.domain.ids import BoardId, CampaignId, MemberId, StageId, TeamId
from mopsboard.domain.models import (
    Campaign,
    ChecklistItem,
    Member,
    Stage,
    StageKind,
    Team,
    TimeOff,
)
from mopsboard.io.demo_data import (
    CAMPAIGNS,
    EXTRA_BOARDS,
    MARKETS,
    MEMBERS,
    OPERATIONS,
    TEAMS,
    TIME_OFF,
    CampaignSpec,
    TaskSpec,
)
from mopsboard.io.demo_links import DemoPeople, link_and_log, settle_roles
from mopsboard.io.demo_trade_offs import add_trade_offs
from mopsboard.io.demo_workload import set_wip_limits, workload_drafts
from mopsboard.store.database import WorkspaceExists
from mopsboard.store.workspace import DEFAULT_BOARD, Workspace

# An upper bound keeps a typo (one zero too many) from filling the disk.
MAX_DEMO_TASKS = 1_000_000
# The default board and the four of EXTRA_BOARDS.
DEMO_BOARDS = 1 + len(EXTRA_BOARDS)
# The default board's work-in-progress limit: soft, so it only warns.
DEMO_WIP_LIMIT = 10

BACKLOG, READY, DOING, REVIEW, DONE = "backlog", "ready", "doing", "review", "done"

_DESCRIPTIONS = {
    "legal": "Send the final copy to Legal and compliance; nothing goes out before sign-off.",
    "analytics": "Numbers come from the BI dashboard; share the link in the campaign channel.",
    "testing": "Write down the hypothesis and the sample size before the test starts.",
    "ops": "Follow the MOps build checklist in the wiki; a second person QAs the build.",
}


@dataclass(frozen=True)
class _Stages:
    """A board's stages by role, whatever the board calls them."""

    ids: dict[str, int]

    def roles(self) -> dict[int, str]:
        """Each stage id's role (a stage with two roles, the later one)."""
        return {stage_id: role for role, stage_id in self.ids.items()}

    @classmethod
    def of(cls, stages: Sequence[Stage]) -> _Stages:
        if not stages:
            raise ValueError("the board has no stages")

        def first(kind: StageKind, default: Stage) -> int:
            return next((s.id for s in stages if s.kind is kind and s.id), default.key)

        active = [s for s in stages if s.kind is StageKind.ACTIVE]
        ready = active[0] if active else stages[0]
        doing = active[-1] if active else ready
        return cls(
            {
                BACKLOG: first(StageKind.BACKLOG, stages[0]),
                READY: ready.key,
                DOING: doing.key,
                REVIEW: first(StageKind.REVIEW, doing),
                DONE: first(StageKind.DONE, stages[-1]),
            }
        )


class _Builder:
    """Turns the demo specs into tasks for one workspace."""

    def __init__(self, workspace: Workspace, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.personas = {p.name: p.id for p in workspace.personas(include_archived=True)}
        self.team_ids: dict[str, TeamId] = {}
        self.members_by_team: dict[str, list[Member]] = defaultdict(list)
        self.campaign_ids: dict[str, CampaignId] = {}
        self.members: dict[MemberId, Member] = {}
        self.time_off: dict[MemberId, set[date]] = defaultdict(set)

    def people(self) -> DemoPeople:
        return DemoPeople(self.members, self.time_off, self.today)

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def stage_role(self, start: date, due: date) -> str:
        """Where a task with these dates plausibly sits today: most past work is done, some
        slipped (overdue), current work is in flight, future work waits."""
        roll = self.rng.random()
        if due < self.today:
            # Work a month late is rare; a few days late is common.
            done = 0.97 if due < self.today - timedelta(days=28) else 0.65
            return DONE if roll < done else (REVIEW if roll < (1 + done) / 2 else DOING)
        if start <= self.today:
            if roll < 0.15:
                return READY
            return DOING if roll < 0.7 else (REVIEW if roll < 0.92 else DONE)
        if start <= self.today + timedelta(days=7):
            return READY if roll < 0.7 else BACKLOG
        return BACKLOG if roll < 0.85 else READY

    def checklist(self, items: Iterable[str], role: str) -> tuple[ChecklistItem, ...]:
        texts = list(items)
        if role == DONE:
            ticked = len(texts)
        elif role in (REVIEW, DOING) and texts:
            # In review, legal is typically still waiting on the last item.
            ticked = self.rng.randint(0, len(texts) - 1)
        else:
            ticked = 0
        return tuple(ChecklistItem(text=t, done=i < ticked) for i, t in enumerate(texts))

    def fields(
        self, spec: TaskSpec, campaign: CampaignSpec | None, anchor: int, title: str
    ) -> tuple[str, dict[str, Any]]:
        """The task's stage role and fields; `anchor` is the day offset its schedule counts from."""
        rng = self.rng
        start = self.day(anchor + spec.start + rng.randint(-1, 1))
        due = start + timedelta(days=max(1, spec.days + rng.randint(-1, 2)))
        if due.isoweekday() > 5:
            due += timedelta(days=8 - due.isoweekday())
        role = self.stage_role(start, due)
        members = self.members_by_team.get(spec.team, [])
        assignee = None
        if members and rng.random() < 0.8:
            assignee = rng.choices(members, weights=[m.weekly_hours for m in members])[0].id
        estimate = max(0.5, round(spec.hours * rng.choice((0.75, 1, 1, 1.25, 1.5)) * 2) / 2)
        labels = list(spec.labels)
        if role != DONE and due < self.today and rng.random() < 0.5:
            labels.append("blocked")
        return role, {
            "title": title,
            "description": _DESCRIPTIONS.get(spec.labels[0], "") if spec.labels else "",
            "campaign_id": self.campaign_ids.get(campaign.name) if campaign else None,
            "persona_id": self.personas.get(spec.persona),
            "assignee_id": assignee,
            "team_id": self.team_ids.get(spec.team),
            "estimate_hours": estimate,
            "start_date": start,
            "due_date": due,
            "priority": spec.priority,
            "labels": tuple(labels),
            "checklist": self.checklist(spec.checklist, role),
        }


def _add_people(workspace: Workspace, builder: _Builder) -> None:
    for team_spec in TEAMS:
        team = workspace.add_team(
            Team(
                name=team_spec.name,
                kind=team_spec.kind,
                colour=team_spec.colour,
                hourly_rate=team_spec.hourly_rate,
            )
        )
        builder.team_ids[team_spec.key] = team.key
    member_ids: dict[str, MemberId] = {}
    for spec in MEMBERS:
        member = workspace.add_member(
            Member(
                team_id=builder.team_ids[spec.team],
                name=spec.name,
                weekly_hours=spec.weekly_hours,
                working_days=spec.working_days,
                availability=spec.availability,
                holiday_country=spec.holiday_country,
                hourly_rate=spec.hourly_rate,
            )
        )
        builder.members_by_team[spec.team].append(member)
        builder.members[member.key] = member
        member_ids[spec.name] = member.key
    for entry in TIME_OFF:
        days = range(entry.first, entry.last + 1)
        builder.time_off[member_ids[entry.member]].update(builder.day(d) for d in days)
        workspace.add_time_off(
            TimeOff(
                member_id=member_ids[entry.member],
                start_date=builder.day(entry.first),
                end_date=builder.day(entry.last),
                reason=entry.reason,
            )
        )


def _add_campaigns(workspace: Workspace, builder: _Builder) -> None:
    for spec in CAMPAIGNS:
        campaign = workspace.add_campaign(
            Campaign(
                name=spec.name,
                objective=spec.objective,
                channel=spec.channel,
                audience=spec.audience,
                owner=spec.owner,
                start_date=builder.day(spec.start),
                launch_date=builder.day(spec.launch),
                end_date=builder.day(spec.end),
                status=spec.status,
                budget=spec.budget,
                colour=spec.colour,
            )
        )
        builder.campaign_ids[spec.name] = campaign.key


def _curated(builder: _Builder) -> list[tuple[str, dict[str, Any]]]:
    drafts = []
    for campaign in CAMPAIGNS:
        for spec in campaign.tasks:
            drafts.append(builder.fields(spec, campaign, campaign.launch, spec.title))
    for spec in OPERATIONS:
        drafts.append(builder.fields(spec, None, 0, spec.title))
    return settle_roles(drafts)


def _generated(builder: _Builder, count: int) -> list[tuple[str, dict[str, Any]]]:
    """`count` variations of the curated work: the same kinds of task, for other markets and at
    other times, so a large board still reads like a real one."""
    pool: list[tuple[CampaignSpec | None, TaskSpec]] = [
        (campaign, spec) for campaign in CAMPAIGNS for spec in campaign.tasks
    ]
    pool += [(None, spec) for spec in OPERATIONS]
    rng = builder.rng
    drafts = []
    for _ in range(count):
        campaign, spec = rng.choice(pool)
        anchor = (campaign.launch if campaign else 0) + rng.randint(-120, 90)
        title = f"{spec.title} ({rng.choice(MARKETS)})"
        drafts.append(builder.fields(spec, campaign, anchor, title))
    return drafts


def _tasks(
    board_id: BoardId, stages: _Stages, drafts: Sequence[tuple[str, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """The fields of the tasks in board order: each stage sorted by due date, with evenly spread
    order keys (so later drags have room, and keys stay short however many tasks a stage
    holds). The store validates every task it adds, from its fields."""
    by_stage: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for role, fields in drafts:
        by_stage[stages.ids[role]].append(fields)
    tasks = []
    for stage_id, group in by_stage.items():
        group.sort(key=lambda f: (f["due_date"], -f["priority"]))
        for fields, key in zip(group, ranking.spread_keys(len(group)), strict=True):
            tasks.append(
                {"board_id": board_id, "stage_id": StageId(stage_id), "rank": key, **fields}
            )
    return tasks


def _configure_board(workspace: Workspace, stages: Sequence[Stage], wip_limit: bool) -> None:
    for stage in stages:
        update: dict[str, Any] = {}
        if stage.kind is StageKind.REVIEW:
            # Nothing passes review with open checklist items: legal sign-off gates the launch.
            update["is_gate"] = True
        if wip_limit and stage.name.casefold() == "in progress":
            update["wip_limit"] = DEMO_WIP_LIMIT
        if update:
            workspace.update_stage(stage.model_copy(update=update))


def build_demo(
    workspace: Workspace,
    *,
    tasks: int | None = None,
    seed: int = 7,
    today: date | None = None,
    boards: int = DEMO_BOARDS,
) -> None:
    """Fills a new workspace (one holding only the defaults) with demo data.

    Without `tasks`, about 70 hand-written tasks on the default board; with `tasks`, exactly that
    many, spread evenly over `boards` boards (five unless told).
    """
    if tasks is not None and not 0 <= tasks <= MAX_DEMO_TASKS:
        raise ValueError(f"the number of demo tasks must be between 0 and {MAX_DEMO_TASKS:,}")
    if not 1 <= boards <= DEMO_BOARDS:
        raise ValueError(f"the number of demo boards must be between 1 and {DEMO_BOARDS}")
    builder = _Builder(workspace, random.Random(seed), today or date.today())
    existing = workspace.boards()
    main_board = next((b for b in existing if b.name == DEFAULT_BOARD), None)
    if main_board is None:
        main_board = existing[0] if existing else workspace.add_board(DEFAULT_BOARD)
    _add_people(workspace, builder)
    _add_campaigns(workspace, builder)

    main_stages = workspace.stages(main_board.key)
    _configure_board(workspace, main_stages, wip_limit=tasks is None)
    curated = _curated(builder)
    if tasks is None:
        members = [m for team in builder.members_by_team.values() for m in team]
        curated += workload_drafts(builder.today, members, builder.team_ids, builder.personas)
        main_roles = _Stages.of(main_stages)
        rows = _tasks(main_board.key, main_roles, curated)
        ids = workspace.bulk_add_tasks(rows)
        set_wip_limits(workspace)
        link_and_log(workspace, rows, ids, main_roles.roles(), builder.people(), seed)
        add_trade_offs(workspace, builder.today)
        return

    extra = [workspace.add_board(name) for name in EXTRA_BOARDS[: boards - 1]]
    all_boards = [main_board, *extra]
    shares = [
        tasks // len(all_boards) + (i < tasks % len(all_boards)) for i in range(len(all_boards))
    ]
    batch: list[dict[str, Any]] = []
    roles: dict[int, str] = {}
    for index, (board, share) in enumerate(zip(all_boards, shares, strict=True)):
        stages = main_stages if index == 0 else workspace.stages(board.key)
        if index:
            _configure_board(workspace, stages, wip_limit=False)
        drafts = curated[:share] if index == 0 else []
        drafts += _generated(builder, share - len(drafts))
        board_stages = _Stages.of(stages)
        roles |= board_stages.roles()
        batch += _tasks(board.key, board_stages, drafts)
    ids = workspace.bulk_add_tasks(batch)
    # Only the main board's hand-written tasks are linked and logged: they come first.
    first = shares[0]
    link_and_log(workspace, batch[:first], ids[:first], roles, builder.people(), seed)


def ensure_default_workspace(path: Path) -> Path:
    """Creates the workspace with demo data when the file does not exist yet; returns the path."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_demo_file(path)
    return path


def create_demo_file(
    path: Path,
    *,
    tasks: int | None = None,
    seed: int = 7,
    today: date | None = None,
    boards: int | None = None,
) -> None:
    """Creates a demo workspace at `path`, which must not exist.

    The workspace is built under a temporary name and renamed into place, so an interrupted run
    never leaves a half-filled workspace under the real name.
    """
    if path.exists():
        raise WorkspaceExists(f"{path}: a file with this name exists already; it was not changed.")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.creating")
    _remove_workspace_files(temporary)
    try:
        with Workspace.create(temporary) as workspace:
            build_demo(workspace, tasks=tasks, seed=seed, today=today, boards=boards or DEMO_BOARDS)
            # Only the file is renamed into place: nothing may stay behind in its -wal.
            workspace.fold_journal()
        if path.exists():
            raise WorkspaceExists(
                f"{path}: a file with this name appeared meanwhile; it was not changed."
            )
        os.replace(temporary, path)
    finally:
        _remove_workspace_files(temporary)


def _remove_workspace_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
