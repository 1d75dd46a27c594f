"""A board brought in from another tool, written in one unit of work, and taken out again (the
undo of an import).

The importers (mopsboard/io/importers) turn a Trello export or a CSV file into a `BoardImport`:
plain names and values, nothing of the workspace yet. Here those names meet the workspace: a
stage, person, team, campaign or persona is matched by name (ignoring case) or created, and the
tasks go in at the end of their stages, in the order given. Every value is checked before the
first row is written, and a refusal names the card or row it is about.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from mopsboard.domain.errors import describe
from mopsboard.domain.fields import MAX_NAME
from mopsboard.domain.ids import (
    BoardId,
    CampaignId,
    MemberId,
    PersonaId,
    StageId,
    TaskId,
    TeamId,
)
from mopsboard.domain.models import (
    Board,
    Campaign,
    ChecklistItem,
    Comment,
    Member,
    Persona,
    Priority,
    Stage,
    StageKind,
    Task,
    Team,
)
from mopsboard.store.transfer import TransferError
from mopsboard.store.workspace import Workspace

DEFAULT_STAGE = "To do"
# A comment whose author the source does not name.
UNKNOWN_AUTHOR = "(unknown)"


@dataclass(frozen=True)
class Skipped:
    item: str  # where it was: "card 'Launch email' (#12)", "row 14", "list 'Old ideas'"
    reason: str


@dataclass(frozen=True)
class ImportedComment:
    author: str
    at: datetime | None
    text: str


@dataclass(frozen=True)
class ImportedStage:
    name: str
    kind: StageKind = StageKind.ACTIVE


@dataclass(frozen=True)
class ImportedTask:
    where: str
    title: str
    stage: str
    description: str = ""
    assignee: str | None = None
    team: str | None = None
    labels: tuple[str, ...] = ()
    checklist: tuple[ChecklistItem, ...] = ()
    start: date | None = None
    due: date | None = None
    estimate: float | None = None
    campaign: str | None = None
    persona: str | None = None
    priority: Priority = Priority.NONE
    archived: bool = False
    created_at: datetime | None = None
    comments: tuple[ImportedComment, ...] = ()
    # What the importer had to change to make it fit (a title shortened, a start date dropped).
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BoardImport:
    """What an importer read: a board's stages in order and its tasks in order."""

    board: str
    stages: tuple[ImportedStage, ...]
    tasks: tuple[ImportedTask, ...]
    # The team people who are not in the workspace yet join (Trello: one named after the board).
    people_team: str
    skipped: tuple[Skipped, ...] = ()

    @property
    def notes(self) -> list[Skipped]:
        return [Skipped(task.where, note) for task in self.tasks for note in task.notes]

    @property
    def labels(self) -> list[str]:
        seen: dict[str, None] = {}
        for task in self.tasks:
            seen.update(dict.fromkeys(task.labels))
        return list(seen)


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote: enough to report it and to take it out again."""

    board_id: BoardId
    board: str
    new_board: bool
    task_ids: tuple[TaskId, ...]
    stage_ids: tuple[StageId, ...]  # created on an existing board (a new board's are its own)
    team_ids: tuple[TeamId, ...]
    member_ids: tuple[MemberId, ...]
    campaign_ids: tuple[CampaignId, ...]
    persona_ids: tuple[PersonaId, ...]
    stages: int
    people: int
    labels: int
    checklist_items: int
    comments: int
    skipped: tuple[Skipped, ...] = field(default=())
    notes: tuple[Skipped, ...] = field(default=())

    def summary(self) -> dict[str, Any]:
        """The `import --json` object."""
        return {
            "board": self.board,
            "new_board": self.new_board,
            "tasks": len(self.task_ids),
            "stages": self.stages,
            "people": self.people,
            "people_added": len(self.member_ids),
            "labels": self.labels,
            "checklist_items": self.checklist_items,
            "comments": self.comments,
            "skipped": [{"item": s.item, "reason": s.reason} for s in self.skipped],
            "notes": [{"item": n.item, "note": n.reason} for n in self.notes],
        }


# -- checking -------------------------------------------------------------------------------------


def _check(where: str, make: Any) -> Any:
    try:
        return make()
    except ValidationError as error:
        raise TransferError(f"{where}: {describe(error)}; nothing was imported.") from None


def _placeholder_task(task: ImportedTask) -> Task:
    return Task(
        board_id=BoardId(1),
        stage_id=StageId(1),
        title=task.title,
        description=task.description,
        labels=task.labels,
        checklist=task.checklist,
        start_date=task.start,
        due_date=task.due,
        estimate_hours=task.estimate,
        priority=task.priority,
        archived=task.archived,
        created_at=task.created_at,
    )


def check_plan(plan: BoardImport) -> None:
    """Refuses the first value the workspace would refuse, naming where it came from."""
    _check(f"the board name {plan.board[:40]!r}", lambda: Board(name=plan.board))
    _check(f"the team name {plan.people_team[:40]!r}", lambda: Team(name=plan.people_team))
    for stage in plan.stages:
        _check(
            f"the list or stage {stage.name[:40]!r}",
            lambda s=stage: Stage(board_id=BoardId(1), name=s.name, kind=s.kind),
        )
    # "" is the board's first stage.
    stage_names = {"", *(s.name.strip().casefold() for s in plan.stages)}
    for task in plan.tasks:
        _check(task.where, lambda t=task: _placeholder_task(t))
        if task.stage.strip().casefold() not in stage_names:
            raise TransferError(f"{task.where}: its stage {task.stage!r} is not on the board.")
        names = (
            ("the person", task.assignee, lambda n: Member(team_id=TeamId(1), name=n)),
            ("the team", task.team, lambda n: Team(name=n)),
            ("the campaign", task.campaign, lambda n: Campaign(name=n)),
            ("the persona", task.persona, lambda n: Persona(name=n)),
        )
        for what, name, make in names:
            if name is not None:
                _check(f"{task.where}, {what} {name[:40]!r}", lambda m=make, n=name: m(n))


# -- writing --------------------------------------------------------------------------------------


class _Names:
    """Finds a row by name (ignoring case) or creates it, remembering what it created."""

    def __init__(self, existing: Iterable[tuple[str, int]]) -> None:
        self.ids = {name.strip().casefold(): row_id for name, row_id in existing}
        self.created: list[int] = []

    def get(self, name: str, create: Any) -> int:
        key = name.strip().casefold()
        if key not in self.ids:
            self.ids[key] = create(name.strip())
            self.created.append(self.ids[key])
        return self.ids[key]


def _board(ws: Workspace, plan: BoardImport, into: str | None) -> tuple[Board, bool, list[StageId]]:
    """The target board (an existing one named `into`, else a new one) and the stages created
    on an existing board for lists it lacks."""
    wanted = (into or plan.board).strip().casefold()
    existing = next(
        (b for b in ws.boards(include_archived=True) if b.name.casefold() == wanted), None
    )
    if existing is None or into is None:
        stages = [(s.name, s.kind) for s in plan.stages] or [(DEFAULT_STAGE, StageKind.BACKLOG)]
        return ws.add_board(_free_name(ws, (into or plan.board).strip()), stages), True, []
    have = {s.name.casefold() for s in ws.stages(existing.key)}
    created: list[StageId] = []
    for stage in plan.stages:
        if stage.name.strip().casefold() not in have:
            count = len(ws.stages(existing.key))
            new = ws.add_stage(
                Stage(board_id=existing.key, name=stage.name, kind=stage.kind, position=count)
            )
            created.append(new.key)
            have.add(stage.name.strip().casefold())
    return existing, False, created


def _free_name(ws: Workspace, name: str) -> str:
    """`name`, or "name (2)", "name (3)"... when a board has it already: importing the same
    export twice makes two boards a user can tell apart."""
    taken = {b.name.casefold() for b in ws.boards(include_archived=True)}
    candidate, n = name, 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: 200 - len(suffix)] + suffix
    return candidate


class _Rows:
    """The workspace's teams, people, campaigns and personas by name, and the ones an import
    creates when it names one the workspace lacks."""

    def __init__(self, ws: Workspace, people_team: str) -> None:
        self.ws, self.people_team = ws, people_team
        self.teams = _Names((t.name, t.key) for t in ws.teams(include_archived=True))
        self.members = _Names((m.name, m.key) for m in ws.members())
        self.campaigns = _Names((c.name, c.key) for c in ws.campaigns(include_archived=True))
        self.personas = _Names((p.name, p.key) for p in ws.personas(include_archived=True))
        self.people: set[int] = set()

    def team(self, name: str) -> int:
        return self.teams.get(name, lambda n: self.ws.add_team(Team(name=n)).key)

    def member(self, name: str, team: str | None) -> int:
        def create(n: str) -> int:
            team_id = TeamId(self.team(team or self.people_team))
            return self.ws.add_member(Member(team_id=team_id, name=n)).key

        found = self.members.get(name, create)
        self.people.add(found)
        return found

    def campaign(self, name: str | None) -> int | None:
        if not name:
            return None
        return self.campaigns.get(name, lambda n: self.ws.add_campaign(Campaign(name=n)).key)

    def persona(self, name: str | None) -> int | None:
        if not name:
            return None
        return self.personas.get(name, lambda n: self.ws.add_persona(Persona(name=n)).key)

    def task(self, item: ImportedTask, board_id: BoardId, stage_id: StageId) -> Task:
        assignee = self.member(item.assignee, item.team) if item.assignee else None
        return _placeholder_task(item).model_copy(
            update={
                "board_id": board_id,
                "stage_id": stage_id,
                "assignee_id": assignee,
                # An assignee's team is the task's (the store sets it).
                "team_id": self.team(item.team) if item.team and not assignee else None,
                "campaign_id": self.campaign(item.campaign),
                "persona_id": self.persona(item.persona),
            }
        )


def _stage_ids(ws: Workspace, board: Board, new_stages: list[StageId]) -> dict[str, StageId]:
    """The board's stages by name, "" for the first (made when the board has none)."""
    stages = ws.stages(board.key)
    if not stages:
        stages = [ws.add_stage(Stage(board_id=board.key, name=DEFAULT_STAGE))]
        new_stages.append(stages[0].key)
    return {"": stages[0].key} | {s.name.casefold(): s.key for s in stages}


def import_board(ws: Workspace, plan: BoardImport, *, into: str | None = None) -> ImportResult:
    """Writes the plan in one unit of work: a new board named after it, or, with `into`, the
    existing board of that name (its stages matched by name, missing ones added at the end)."""
    check_plan(plan)
    with ws._write():
        board, new_board, new_stages = _board(ws, plan, into)
        stage_ids = _stage_ids(ws, board, new_stages)
        rows = _Rows(ws, plan.people_team)
        tasks = [
            rows.task(item, board.key, stage_ids[item.stage.strip().casefold()])
            for item in plan.tasks
        ]
        task_ids = ws.bulk_add_tasks(tasks)
        comment_count, comment_skips = _comments(ws, plan, task_ids)
    return ImportResult(
        board_id=board.key,
        board=board.name,
        new_board=new_board,
        task_ids=tuple(task_ids),
        stage_ids=tuple(new_stages),
        team_ids=tuple(TeamId(t) for t in rows.teams.created),
        member_ids=tuple(MemberId(m) for m in rows.members.created),
        campaign_ids=tuple(CampaignId(c) for c in rows.campaigns.created),
        persona_ids=tuple(PersonaId(p) for p in rows.personas.created),
        stages=len(plan.stages),
        people=len(rows.people),
        labels=len(plan.labels),
        checklist_items=sum(len(t.checklist) for t in plan.tasks),
        comments=comment_count,
        skipped=(*plan.skipped, *comment_skips),
        notes=tuple(plan.notes),
    )


def _comment(task_id: TaskId, comment: ImportedComment) -> Comment | str:
    """The comment to store, or why it cannot be (it is then listed as skipped)."""
    author = " ".join(comment.author.split())[:MAX_NAME] or UNKNOWN_AUTHOR
    try:
        return Comment(task_id=task_id, author=author, body=comment.text, at=comment.at)
    except ValidationError as error:
        return describe(error)


def _comments(
    ws: Workspace, plan: BoardImport, task_ids: Sequence[TaskId]
) -> tuple[int, list[Skipped]]:
    """Each task's comments, with their authors and dates, in the import's unit of work."""
    comments: list[Comment] = []
    skipped: list[Skipped] = []
    for task, task_id in zip(plan.tasks, task_ids, strict=True):
        for number, imported in enumerate(task.comments, start=1):
            made = _comment(task_id, imported)
            if isinstance(made, str):
                skipped.append(Skipped(f"{task.where}, comment {number}", made))
            else:
                comments.append(made)
    ws.add_comments(comments)
    return len(comments), skipped


def remove_import(ws: Workspace, result: ImportResult) -> None:
    """Takes an import out again, in one unit of work: its tasks, the stages it added, the board
    it made, and the people, teams, campaigns and personas it created."""
    with ws._write() as db:
        _delete(db, "tasks", result.task_ids)
        ws._changed("tasks", result.task_ids, "deleted")
        if result.new_board:
            ws.delete_board(result.board_id)
        else:
            _delete(db, "stages", result.stage_ids)
            ws._changed("stages", result.stage_ids, "deleted")
        for table, ids in (
            ("members", result.member_ids),
            ("teams", result.team_ids),
            ("campaigns", result.campaign_ids),
            ("personas", result.persona_ids),
        ):
            _delete(db, table, ids)
            ws._changed(table, ids, "deleted")


def _delete(db: Any, table: str, ids: Sequence[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        db.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)  # noqa: S608
