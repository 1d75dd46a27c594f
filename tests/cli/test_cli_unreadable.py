"""A task another program wrote badly: the commands still read the workspace, list the task,
and say on stderr which task and which field the file holds in a form they cannot read."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
from cli_support import TODAY, Run, run_process
from time_machine import TimeMachineFixture

BAD = [
    ("labels", "legal, gdpr", "Labels"),
    ("due_date", "2026-02-30", "Due date"),
    ("start_date", "tomorrow", "Start date"),
    ("checklist", "[1,2]", "Checklist"),
    ("estimate_hours", "lots", "Estimate"),
    ("priority", 9, "Priority"),
]


def spoil(path: Path, column: str, value: object) -> tuple[int, str]:
    """Another program's write to the first task; returns its id and title."""
    conn = sqlite3.connect(path)
    try:
        task_id, title = conn.execute("SELECT id, title FROM tasks ORDER BY id LIMIT 1").fetchone()
        conn.execute(f"UPDATE tasks SET {column} = ? WHERE id = ?", [value, task_id])
        conn.commit()
    finally:
        conn.close()
    return int(task_id), str(title)


@pytest.mark.parametrize(("column", "value", "label"), BAD)
def test_tasks_lists_the_task_and_warns_once(
    cli: Run, demo: Path, column: str, value: object, label: str
) -> None:
    _, before, _ = cli("tasks", demo, "--json")
    task_id, title = spoil(demo, column, value)

    status, out, err = cli("tasks", demo, "--json")

    assert status == 0
    listed = json.loads(out)
    assert [row["id"] for row in listed] == [row["id"] for row in json.loads(before)]
    (warning,) = err.splitlines()
    assert warning.startswith(f"mopsboard: warning: task {task_id} '{title}': {label} ")
    assert str(value) in warning
    assert "Traceback" not in err


def test_capacity_lists_a_task_whose_estimate_cannot_be_read(
    cli: Run, demo: Path, time_machine: TimeMachineFixture
) -> None:
    # As of the day the demo was made for: its open tasks are not overdue yet.
    time_machine.move_to(datetime.combine(TODAY, time(12), UTC), tick=False)
    conn = sqlite3.connect(demo)
    try:
        task_id, title = conn.execute(
            "SELECT t.id, t.title FROM tasks t JOIN stages s ON s.id = t.stage_id "
            "WHERE t.archived = 0 AND s.kind != 'done' AND t.due_date >= ? "
            "AND t.assignee_id IS NOT NULL ORDER BY t.due_date LIMIT 1",
            [TODAY.isoformat()],
        ).fetchone()
        conn.execute("UPDATE tasks SET estimate_hours = 'lots' WHERE id = ?", [task_id])
        conn.commit()
    finally:
        conn.close()

    status, out, err = cli("capacity", demo, "--from", TODAY.isoformat(), "--json")

    assert (status, err) == (0, "")
    listed = {entry["task_id"]: entry for entry in json.loads(out)["uncounted"]}
    assert listed[task_id]["title"] == title
    assert listed[task_id]["reason"] == "estimate cannot be read"


def test_the_table_reads_it_too(demo: Path) -> None:
    spoil(demo, "estimate_hours", "lots")
    table = run_process("tasks", demo)
    assert table.returncode == 0, table.stderr
    assert "Estimate is not a number (the file holds 'lots')" in table.stderr
