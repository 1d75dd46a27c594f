"""A row another program wrote badly: the workspace still reads, the rest is unharmed, the bad
field reads as its default with a problem naming it, and no write replaces what the file holds
unless the field was given a new value."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mopsboard.domain.calendar import Period
from mopsboard.domain.errors import RuleError
from mopsboard.domain.models import (
    Campaign,
    ChecklistItem,
    Member,
    Priority,
    Stage,
    Task,
    Team,
    TimeOff,
)
from mopsboard.store.base import JSON_COLUMNS
from mopsboard.store.salvage import salvage
from mopsboard.store.task_rows import COLUMN_NAMES, TASK_COLUMNS, task_from_row
from mopsboard.store.workspace import Workspace

BAD_TASK_VALUES = [
    ("labels", "legal, gdpr", ()),
    ("due_date", "2026-02-30", None),
    ("start_date", "tomorrow", None),
    ("checklist", "[1,2]", ()),
    ("checklist", '{"a":1}', ()),
    ("checklist", "not json", ()),
    ("estimate_hours", "lots", None),
    ("estimate_hours", 20_000.0, None),
    ("priority", 9, Priority.NONE),
    # The file requires a creation time: it reads as a stand-in, never as none.
    ("created_at", "yesterday", datetime(1970, 1, 1, tzinfo=UTC)),
]


def write(path: Path, sql: str, *params: Any) -> None:
    """Another program's write: its own connection, committed and closed."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def stored(path: Path, sql: str, *params: Any) -> Any:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def three(add: Callable[..., Task]) -> list[Task]:
    return [
        add("Brief", estimate_hours=2.0, due_date=date(2026, 3, 6), labels=("email",)),
        add("Consent copy", "Ready", labels=("legal",), estimate_hours=3.0),
        add("Launch", "In progress", checklist=(ChecklistItem(text="QA"),)),
    ]


@pytest.mark.parametrize(("column", "value", "read_as"), BAD_TASK_VALUES)
def test_a_bad_task_field_leaves_the_board_readable(
    ws: Workspace, ws_path: Path, board_id: int, three: list[Task], column: str, value: Any,
    read_as: Any,
) -> None:  # fmt: skip
    bad = three[1]
    write(ws_path, f"UPDATE tasks SET {column} = ? WHERE id = ?", value, bad.id)

    tasks = {t.id: t for t in ws.tasks(board_id)}
    assert [t.title for t in tasks.values()] == ["Brief", "Consent copy", "Launch"]
    assert tasks[three[0].id] == three[0]
    assert tasks[three[2].id] == three[2]
    read = tasks[bad.id]
    assert getattr(read, column) == read_as
    (problem,) = read.problems
    assert (problem.field, problem.stored) == (column, value)
    assert str(value)[:10] in problem.text
    # Every other way of reading the task agrees.
    assert ws.task(bad.key) == read
    assert ws.tasks_by_id([bad.key]) == [read]
    assert {t.id for t in ws.tasks()} == set(tasks)


@pytest.mark.parametrize(("column", "value", "read_as"), BAD_TASK_VALUES)
def test_other_views_of_tasks_skip_what_they_cannot_read(
    ws: Workspace, ws_path: Path, three: list[Task], column: str, value: Any, read_as: Any
) -> None:
    campaign = ws.add_campaign(Campaign(name="Spring", launch_date=date(2026, 3, 20)))
    for task in three:
        ws.update_task(ws.task(task.key).model_copy(update={"campaign_id": campaign.id}))
    write(ws_path, f"UPDATE tasks SET {column} = ? WHERE id = ?", value, three[1].id)

    assert ws.campaign_figures(date(2026, 3, 1))[campaign.key].tasks == 3
    assert len(ws.task_bars()) == 3
    assert len(ws.planned_work()) == 3
    ws.shift_campaign(campaign.key, 7)
    if column in ("start_date", "due_date"):
        assert stored(ws_path, f"SELECT {column} FROM tasks WHERE id = ?", three[1].id) == value
    assert ws.task(three[0].key).due_date == date(2026, 3, 13)


def test_capacity_lists_a_task_whose_estimate_or_dates_cannot_be_read(
    ws: Workspace, ws_path: Path, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.key, name="Ana"))
    due = date(2026, 3, 6)
    tasks = [
        add(name, assignee_id=ana.id, estimate_hours=4.0, due_date=due)
        for name in ("Counted", "Lots", "Tomorrow", "Feb 30", "Soon")
    ]
    write(ws_path, "UPDATE tasks SET estimate_hours = 'lots' WHERE id = ?", tasks[1].id)
    write(ws_path, "UPDATE tasks SET start_date = 'tomorrow' WHERE id = ?", tasks[2].id)
    write(ws_path, "UPDATE tasks SET due_date = '2026-02-30' WHERE id = ?", tasks[3].id)
    write(ws_path, "UPDATE tasks SET due_date = 'soon' WHERE id = ?", tasks[4].id)

    period = Period(date(2026, 2, 23), 4)
    capacity = ws.capacity_inputs(period, today=period.first).compute(period)
    assert capacity.counted == 1
    reasons = {u.title: u.reason for u in capacity.uncounted.values()}
    assert reasons == {
        "Lots": "estimate cannot be read",
        "Tomorrow": "start date cannot be read",
        "Feb 30": "due date cannot be read",
        "Soon": "due date cannot be read",
    }
    items = {i.title: i for i in ws.capacity_items([t.key for t in tasks])}
    assert items["Lots"].unreadable == ("estimate_hours",)
    assert items["Counted"].unreadable == ()


@pytest.mark.parametrize(("column", "value", "read_as"), BAD_TASK_VALUES)
def test_saving_a_task_keeps_what_it_could_not_read(
    ws: Workspace, ws_path: Path, three: list[Task], column: str, value: Any, read_as: Any
) -> None:
    bad = three[1]
    write(ws_path, f"UPDATE tasks SET {column} = ? WHERE id = ?", value, bad.id)
    read = ws.task(bad.key)

    saved = ws.update_task(read.model_copy(update={"title": "Consent copy v2"}))

    assert stored(ws_path, f"SELECT {column} FROM tasks WHERE id = ?", bad.id) == value
    assert stored(ws_path, "SELECT title FROM tasks WHERE id = ?", bad.id) == "Consent copy v2"
    assert [p.field for p in saved.problems] == [column]
    assert ws.task(bad.key).problems == saved.problems


def test_a_field_given_a_value_is_fixed(ws: Workspace, ws_path: Path, three: list[Task]) -> None:
    bad = three[1]
    write(ws_path, "UPDATE tasks SET labels = 'legal, gdpr' WHERE id = ?", bad.id)
    read = ws.task(bad.key)
    # As the editor sends it: validated again, so without the problems.
    fixed = Task.model_validate(read.model_dump() | {"labels": ("legal", "gdpr")})

    saved = ws.update_task(fixed)

    assert stored(ws_path, "SELECT labels FROM tasks WHERE id = ?", bad.id) == '["legal", "gdpr"]'
    assert saved.problems == ()
    assert ws.task(bad.key).labels == ("legal", "gdpr")


def test_undoing_a_delete_puts_back_what_could_not_be_read(
    ws: Workspace, ws_path: Path, three: list[Task]
) -> None:
    bad = three[1]
    write(ws_path, "UPDATE tasks SET due_date = '2026-02-30' WHERE id = ?", bad.id)
    deleted = ws.delete_tasks([bad.key])
    ws.restore_tasks(deleted)
    assert stored(ws_path, "SELECT due_date FROM tasks WHERE id = ?", bad.id) == "2026-02-30"
    assert ws.task(bad.key).problem("due_date") is not None


def test_a_gate_refuses_a_checklist_it_cannot_read(
    ws: Workspace, ws_path: Path, stage: dict[str, Stage], add: Callable[..., Task]
) -> None:
    ws.update_stage(stage["Review"].model_copy(update={"is_gate": True}))
    task = add("Consent copy", "Review")
    write(ws_path, "UPDATE tasks SET checklist = 'not json' WHERE id = ?", task.id)
    with pytest.raises(RuleError, match="checklist cannot be read"):
        ws.move_tasks([task.key], stage["Done"].key)


def test_valid_rows_read_the_same_either_way(ws: Workspace, three: list[Task]) -> None:
    # The fast path and the salvage must agree on every row they both can read.
    rows = ws.db.execute(f"SELECT {TASK_COLUMNS} FROM tasks").fetchall()
    for row in rows:
        assert salvage(Task, dict(zip(COLUMN_NAMES, row, strict=True)), JSON_COLUMNS) == (
            task_from_row(row)
        )


RECORDS: list[tuple[str, str, Any, Callable[[Workspace], list[Any]], Any, Any]] = [
    ("campaigns", "colour", "red", Workspace.campaigns, "#3b82f6", Workspace.update_campaign),
    ("campaigns", "launch_date", "soon", Workspace.campaigns, None, Workspace.update_campaign),
    ("personas", "colour", "violet", Workspace.personas, "#8b5cf6", Workspace.update_persona),
    ("members", "weekly_hours", "lots", Workspace.members, 40.0, Workspace.update_member),
    ("members", "working_days", "weekdays", Workspace.members, "12345", Workspace.update_member),
    ("teams", "colour", "green", Workspace.teams, "#10b981", Workspace.update_team),
]  # fmt: skip


@pytest.mark.parametrize(("table", "column", "value", "read", "read_as", "update"), RECORDS)
def test_other_records_read_with_the_default_and_a_problem(
    ws: Workspace, ws_path: Path, table: str, column: str, value: Any,
    read: Callable[[Workspace], list[Any]], read_as: Any, update: Callable[..., Any],
) -> None:  # fmt: skip
    team = ws.add_team(Team(name="Content"))
    ws.add_team(Team(name="Design"))
    ws.add_member(Member(team_id=team.key, name="Ana"))
    ws.add_member(Member(team_id=team.key, name="Bo"))
    ws.add_campaign(Campaign(name="Spring"))
    ws.add_campaign(Campaign(name="Webinar"))
    before = read(ws)
    target = before[0]
    write(ws_path, f"UPDATE {table} SET {column} = ? WHERE id = ?", value, target.id)

    after = {r.id: r for r in read(ws)}
    assert after.keys() == {r.id for r in before}
    assert all(after[r.id] == r for r in before[1:])
    bad = after[target.id]
    assert getattr(bad, column) == read_as
    assert [(p.field, p.stored) for p in bad.problems] == [(column, value)]
    # A write that leaves the field alone leaves what the file holds.
    update(
        ws, bad.model_copy(update={"archived": True} if table != "members" else {"active": False})
    )
    assert stored(ws_path, f"SELECT {column} FROM {table} WHERE id = ?", target.id) == value


def test_time_off_whose_dates_cannot_be_read_takes_no_hours(ws: Workspace, ws_path: Path) -> None:
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.key, name="Ana"))
    kept = ws.add_time_off(
        TimeOff(member_id=ana.key, start_date=date(2026, 3, 2), end_date=date(2026, 3, 3))
    )
    gone = ws.add_time_off(
        TimeOff(member_id=ana.key, start_date=date(2026, 4, 2), end_date=date(2026, 4, 3))
    )
    write(ws_path, "UPDATE time_off SET start_date = 'Easter' WHERE id = ?", gone.id)
    assert [e.id for e in ws.time_off()] == [kept.id]
    assert [e.id for e in ws.time_off(ana.id)] == [kept.id]


def test_binary_data_in_a_text_field_reads(ws: Workspace, ws_path: Path) -> None:
    persona = ws.personas()[0]
    write(ws_path, "UPDATE personas SET description = ? WHERE id = ?", b"\x00\xff", persona.id)
    (problem,) = ws.persona(persona.key).problems
    assert (problem.field, problem.text) == (
        "description",
        problem.reason + " (the file holds 2 bytes of binary data)",
    )


def test_a_required_field_keeps_its_text_and_must_be_fixed(ws: Workspace, ws_path: Path) -> None:
    team = ws.add_team(Team(name="Content"))
    write(ws_path, "UPDATE teams SET name = '' WHERE id = ?", team.id)
    (read,) = ws.teams()
    assert read.name == ""
    assert [p.text for p in read.problems] == ["Name cannot be empty (the file holds '')"]
    with pytest.raises(ValidationError):
        ws.update_team(read.model_copy(update={"archived": True}))
    ws.update_team(read.model_copy(update={"name": "Content"}))
    assert ws.team(team.key).problems == ()


def test_a_row_whose_fields_read_but_disagree_reads_as_it_is(
    ws: Workspace, ws_path: Path, three: list[Task]
) -> None:
    # A due date before the start is the editor's to show (as for a row needing no salvage);
    # here another field sends the row through the salvage too.
    bad = three[0]
    write(
        ws_path,
        "UPDATE tasks SET start_date = '2026-03-10', due_date = '2026-03-01', "
        "labels = 'legal, gdpr', estimate_hours = 3.14159 WHERE id = ?",
        bad.id,
    )
    read = ws.task(bad.key)
    assert (read.start_date, read.due_date) == (date(2026, 3, 10), date(2026, 3, 1))
    assert read.estimate_hours == 3.14  # each field still checked (and rounded) on its own
    assert [p.field for p in read.problems] == ["labels"]
    campaign = ws.add_campaign(Campaign(name="Spring"))
    write(
        ws_path,
        "UPDATE campaigns SET start_date = '2026-05-01', launch_date = '2026-04-01', "
        "colour = 'red' WHERE id = ?",
        campaign.id,
    )
    read_campaign = ws.campaign(campaign.key)
    assert read_campaign.launch_date == date(2026, 4, 1)
    assert [p.field for p in read_campaign.problems] == ["colour"]
