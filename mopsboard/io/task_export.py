"""Tasks as CSV, one row per task with every field, for a spreadsheet or another tool: a board's
or the whole workspace's, archived tasks included, in board order. Text that a spreadsheet could
run as a formula is made inert (csv_safe); mopsboard's own CSV import reads the file back."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, TypeVar

from mopsboard.domain.ids import BoardId
from mopsboard.domain.models import Task
from mopsboard.io.csv_safe import Value, write_rows
from mopsboard.io.out_files import write_text_file
from mopsboard.store.workspace import Workspace

HEADERS: tuple[str, ...] = (
    "ID",
    "Board",
    "Stage",
    "Title",
    "Description",
    "Campaign",
    "Persona",
    "Assignee",
    "Team",
    "Estimate (hours)",
    "Start",
    "Due",
    "Priority",
    "Labels",
    "Checklist",
    "Archived",
    "Created",
    "Updated",
    "Completed",
)


K = TypeVar("K")


def name(names: Mapping[K, str], key: K | None) -> str:
    return names.get(key, "") if key is not None else ""


def _moment(task: Task, name: str) -> str:
    value = getattr(task, name)
    return value.isoformat().replace("+00:00", "Z") if value else ""


def task_rows(workspace: Workspace, board_id: BoardId | None = None) -> Iterator[list[Value]]:
    """The header, then a row per task (of the board, or of every board)."""
    boards = {b.key: b.name for b in workspace.boards(include_archived=True)}
    stages = {s.key: s.name for board in boards for s in workspace.stages(board)}
    campaigns = {c.key: c.name for c in workspace.campaigns(include_archived=True)}
    personas = {p.key: p.name for p in workspace.personas(include_archived=True)}
    teams = {t.key: t.name for t in workspace.teams(include_archived=True)}
    members = {m.key: m.name for m in workspace.members()}
    yield list(HEADERS)
    for task in workspace.tasks(board_id, include_archived=True):
        yield [
            task.key,
            boards.get(task.board_id, ""),
            stages.get(task.stage_id, ""),
            task.title,
            task.description,
            name(campaigns, task.campaign_id),
            name(personas, task.persona_id),
            name(members, task.assignee_id),
            name(teams, task.team_id),
            task.estimate_hours,
            task.start_date.isoformat() if task.start_date else "",
            task.due_date.isoformat() if task.due_date else "",
            task.priority.name.lower(),
            "\n".join(task.labels),
            "\n".join(f"[{'x' if i.done else ' '}] {i.text}" for i in task.checklist),
            "yes" if task.archived else "no",
            _moment(task, "created_at"),
            _moment(task, "updated_at"),
            _moment(task, "completed_at"),
        ]


def export_tasks_csv(workspace: Workspace, target: Path, board_id: BoardId | None = None) -> int:
    """Writes the tasks to `target`, whole or not at all; returns how many."""
    count = 0

    def write(handle: IO[str]) -> None:
        nonlocal count
        rows = task_rows(workspace, board_id)
        write_rows(handle, [next(rows)])
        for row in rows:
            write_rows(handle, [row])
            count += 1

    write_text_file(target, "the tasks", write)
    return count
