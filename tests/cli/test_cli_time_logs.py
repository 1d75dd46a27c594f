"""`mopsboard log-time`, and `logged_hours` in `tasks --json`, the same on both readings."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error, rows

import mopsboard.store.task_listing as task_listing
from mopsboard.domain.models import Member, Task
from mopsboard.store.workspace import Workspace


def file_logs(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT task_id, member_id, day, hours, note FROM time_logs ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture(autouse=True)
def _no_demo_logs(demo: Path) -> None:
    # The demo logs some past work; these tests count the logs they write themselves.
    conn = sqlite3.connect(demo)
    try:
        with conn:
            conn.execute("DELETE FROM time_logs")
    finally:
        conn.close()


def a_task_with_an_assignee(path: Path) -> tuple[Task, Member]:
    with Workspace.open(path) as ws:
        task = next(t for t in ws.tasks() if t.assignee_id and t.estimate_hours)
        return task, ws.member(task.assignee_id)  # type: ignore[arg-type]


def test_log_time_writes_the_hours_for_the_assignee_and_says_the_total(
    cli: Run, demo: Path
) -> None:
    task, assignee = a_task_with_an_assignee(demo)
    status, out, err = cli("log-time", demo, task.key, "2.5", "--date", "2026-03-03")
    assert (status, err) == (0, "")
    assert out.strip() == (
        f"Logged 2.5 hours by {assignee.name} on task {task.id} '{task.title}' for 2026-03-03 "
        f"(2.5 hours logged of {task.estimate_hours:g} estimated)."
    )
    assert file_logs(demo) == [(task.id, assignee.id, "2026-03-03", 2.5, "")]


def test_log_time_by_another_person_today_with_a_note(cli: Run, demo: Path) -> None:
    task, assignee = a_task_with_an_assignee(demo)
    with Workspace.open(demo) as ws:
        other = next(m for m in ws.members() if m.id != assignee.id)
    assert cli("log-time", demo, task.key, "1", "--date", "2026-03-02")[0] == 0
    status, out, _ = cli(
        "log-time", demo, task.key, ".75", "--member", other.name.upper(), "--note", "review"
    )
    assert status == 0 and f"by {other.name} " in out and "(1.75 hours logged" in out
    assert file_logs(demo)[1] == (task.id, other.id, date.today().isoformat(), 0.75, "review")


@pytest.mark.parametrize("hours", ["0", "-1", "25", "1e3", "abc", "nan", "٣"])
def test_hours_that_are_not_a_days_work_are_a_usage_error(cli: Run, demo: Path, hours: str) -> None:
    task, _ = a_task_with_an_assignee(demo)
    status, _, err = cli("log-time", demo, task.key, hours)
    assert status == 2 and "not a number of hours" in err
    assert file_logs(demo) == []


def test_an_unknown_task_or_person_is_refused_in_one_line(cli: Run, demo: Path) -> None:
    task, _ = a_task_with_an_assignee(demo)
    status, _, err = cli("log-time", demo, 999999, "1")
    assert status == 1
    assert_one_line_error(err, "no task")
    status, _, err = cli("log-time", demo, task.key, "1", "--member", "Nobody Here")
    assert status == 1
    assert_one_line_error(err, "no team member named")
    assert file_logs(demo) == []


def test_tasks_json_says_the_hours_logged_on_each_task_both_ways(
    cli: Run, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    task, _ = a_task_with_an_assignee(demo)
    for hours in ("1.25", "2"):
        assert cli("log-time", demo, task.key, hours)[0] == 0
    quick = rows(cli("tasks", demo, "--json")[1])
    with monkeypatch.context() as patch:
        patch.setattr(task_listing, "quick_task_listing", lambda *_args: None)
        validated = rows(cli("tasks", demo, "--json")[1])
    assert quick == validated
    logged = {row["id"]: row["logged_hours"] for row in quick}
    assert logged[task.id] == 3.25
    assert {hours for key, hours in logged.items() if key != task.id} == {0.0}
