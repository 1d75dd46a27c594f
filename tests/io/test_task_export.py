"""Tasks as CSV: every field, archived tasks too, formula-safe, and read back by the CSV import."""

from __future__ import annotations

import csv
from pathlib import Path

from mopsboard.domain.models import ChecklistItem, Priority, Task
from mopsboard.io.csv_safe import read_rows
from mopsboard.io.demo import create_demo_file
from mopsboard.io.importers.reading import ImportOptions, read_import
from mopsboard.io.task_export import HEADERS, export_tasks_csv
from mopsboard.store.board_import import BoardImport, import_board
from mopsboard.store.workspace import Workspace


def _demo(tmp_path: Path) -> Workspace:
    path = tmp_path / "demo.mopsboard"
    create_demo_file(path)
    ws = Workspace.open(path)
    board = ws.boards()[0].key
    stage = ws.stages(board)[1].key
    ws.add_task(
        Task(
            board_id=board,
            stage_id=stage,
            title='=HYPERLINK("http://evil","x")',
            description="-2+3\nline two, with comma; and semicolon",
            labels=("@mention", "'quoted", "plain, with comma"),
            checklist=(ChecklistItem(text="+1 sign-off", done=True), ChecklistItem(text="b")),
            priority=Priority.HIGH,
            estimate_hours=2.5,
        )
    )
    return ws


def test_every_task_and_field_with_formulas_made_inert(tmp_path: Path) -> None:
    with _demo(tmp_path) as ws:
        count = export_tasks_csv(ws, tmp_path / "tasks.csv")
        total = len(ws.tasks(include_archived=True))
    assert count == total
    raw = (tmp_path / "tasks.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "\"'-2+3" in raw
    with (tmp_path / "tasks.csv").open(encoding="utf-8", newline="") as handle:
        cells = list(csv.reader(handle))
    assert tuple(cells[0]) == HEADERS
    assert all(not row[3].startswith(("=", "+", "-", "@")) for row in cells[1:])
    with (tmp_path / "tasks.csv").open(encoding="utf-8", newline="") as handle:
        rows = read_rows(handle)
    evil = next(r for r in rows if r[3].startswith("=HYPERLINK"))
    assert evil[13].splitlines() == ["@mention", "'quoted", "plain, with comma"]
    assert evil[14].splitlines() == ["[x] +1 sign-off", "[ ] b"]
    assert (evil[9], evil[12], evil[15]) == ("2.5", "high", "no")


def test_one_board_only(tmp_path: Path) -> None:
    with _demo(tmp_path) as ws:
        other = ws.add_board("Other")
        ws.add_task(Task(board_id=other.key, stage_id=ws.stages(other.key)[0].key, title="Lone"))
        assert export_tasks_csv(ws, tmp_path / "one.csv", other.key) == 1
    rows = (tmp_path / "one.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and ",Other,Backlog,Lone," in rows[1]


def test_the_export_reads_back_as_the_same_tasks(tmp_path: Path) -> None:
    with _demo(tmp_path) as ws:
        board = ws.boards()[0]
        export_tasks_csv(ws, tmp_path / "tasks.csv", board.key)
        plan = read_import(tmp_path / "tasks.csv", ImportOptions(archived=True))
        assert isinstance(plan, BoardImport)
        result = import_board(ws, plan)
        names = {m.key: m.name for m in ws.members()}

        def fields(task: Task) -> tuple[object, ...]:
            return (
                task.title,
                task.description,
                ws.stage(task.stage_id).name,
                names.get(task.assignee_id) if task.assignee_id else None,
                task.labels,
                task.checklist,
                task.start_date,
                task.due_date,
                task.estimate_hours,
                task.priority,
                task.archived,
                task.campaign_id,
                task.persona_id,
            )

        before = [fields(t) for t in ws.tasks(board.key, include_archived=True)]
        after = [fields(t) for t in ws.tasks(result.board_id, include_archived=True)]
    assert after == before
    assert result.member_ids == () and result.campaign_ids == () and result.persona_ids == ()
