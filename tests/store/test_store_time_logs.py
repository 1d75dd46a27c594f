"""Time logs in the workspace file: logging, editing, deleting, totals, and undo of deletes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError
from mopsboard.domain.ids import MemberId, TaskId
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.time_logs import TimeLog
from mopsboard.store.base import Change
from mopsboard.store.time_logs import ActualHours
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 9)


def file_rows(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(
            "SELECT id, task_id, member_id, day, hours, note, at, version, updated_at "
            "FROM time_logs ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture
def person(ws: Workspace) -> Member:
    team = ws.add_team(Team(name="Studio"))
    return ws.add_member(Member(team_id=team.key, name="Ada"))


def test_logging_time_writes_one_row_and_reports_it(
    ws: Workspace, ws_path: Path, add: Callable[..., Task], person: Member
):
    task = add("Copy", estimate_hours=10)
    seen: list[Change] = []
    ws.subscribe(seen.append)
    log = ws.log_time(
        TimeLog(task_id=task.key, member_id=person.key, day=MON, hours=2.5, note="first draft")
    )
    assert [(c.table, c.kind, set(c.ids)) for c in seen] == [("time_logs", "inserted", {log.id})]
    ((log_id, task_id, member_id, day, hours, note, at, version, _),) = file_rows(ws_path)
    assert (log_id, task_id, member_id, day, hours, note, version) == (
        log.id,
        task.id,
        person.id,
        "2026-03-09",
        2.5,
        "first draft",
        1,
    )
    assert at and log.at is not None
    assert ws.time_logs(task.key) == [log]


def test_a_log_needs_a_stored_task_and_person(ws: Workspace, add: Callable[..., Task]):
    task = add("Copy")
    with pytest.raises(NotFoundError, match="no task"):
        ws.log_time(TimeLog(task_id=999, day=MON, hours=1))
    with pytest.raises(NotFoundError, match="no person"):
        ws.log_time(TimeLog(task_id=task.key, member_id=999, day=MON, hours=1))


def test_editing_and_deleting_a_log_and_putting_it_back(
    ws: Workspace, ws_path: Path, add: Callable[..., Task], person: Member
):
    task = add("Copy")
    log = ws.log_time(TimeLog(task_id=task.key, member_id=person.key, day=MON, hours=2))
    edited = ws.update_time_log(log.model_copy(update={"hours": 3.0, "note": "and review"}))
    assert edited.version == 2
    with pytest.raises(ConflictError):
        ws.update_time_log(log.model_copy(update={"hours": 4.0}))
    assert file_rows(ws_path)[0][4:6] == (3.0, "and review")
    before = file_rows(ws_path)
    gone = ws.delete_time_log(edited.key)
    assert file_rows(ws_path) == []
    ws.log_time(gone)  # undo of the delete
    assert file_rows(ws_path) == before


def test_logged_hours_per_task(ws: Workspace, add: Callable[..., Task], person: Member):
    a, b, c = add("A"), add("B"), add("C")
    for task, hours in ((a, 2.0), (a, 1.25), (b, 4.0)):
        ws.log_time(TimeLog(task_id=task.key, member_id=person.key, day=MON, hours=hours))
    assert ws.logged_hours([a.key, b.key, c.key]) == {a.key: 3.25, b.key: 4.0}
    assert ws.logged_hours([c.key]) == {}
    assert ws.logged_hours() == {a.key: 3.25, b.key: 4.0}


def test_actual_hours_per_person_and_day(ws: Workspace, add: Callable[..., Task], person: Member):
    other = ws.add_member(Member(team_id=person.team_id, name="Grace"))
    mine = add("Mine", assignee_id=person.key, team_id=person.team_id)
    loose = add("Loose", team_id=person.team_id)
    ws.log_time(TimeLog(task_id=mine.key, member_id=person.key, day=MON, hours=2))
    ws.log_time(TimeLog(task_id=mine.key, member_id=other.key, day=MON, hours=1))
    ws.log_time(TimeLog(task_id=mine.key, day=date(2026, 3, 10), hours=3))  # the assignee's
    ws.log_time(TimeLog(task_id=loose.key, day=MON, hours=0.5))  # nobody's: the team's
    ws.log_time(TimeLog(task_id=mine.key, member_id=person.key, day=date(2026, 3, 20), hours=8))
    found = ws.actual_hours(MON, date(2026, 3, 15))
    team = person.team_id
    assert sorted(found, key=lambda a: (a.day, a.member_id or 0)) == [
        ActualHours(None, team, MON, 0.5, loose.key, "Loose"),
        ActualHours(MemberId(person.key), team, MON, 2.0, mine.key, "Mine"),
        ActualHours(MemberId(other.key), team, MON, 1.0, mine.key, "Mine"),
        ActualHours(MemberId(person.key), team, date(2026, 3, 10), 3.0, mine.key, "Mine"),
    ]


def test_undo_of_a_task_delete_puts_its_logs_back(
    ws: Workspace, ws_path: Path, add: Callable[..., Task], person: Member
):
    task = add("Copy")
    for hours in (1.0, 2.0):
        ws.log_time(TimeLog(task_id=task.key, member_id=person.key, day=MON, hours=hours))
    before = file_rows(ws_path)
    (deleted,) = ws.delete_tasks([task.key])
    assert file_rows(ws_path) == []
    seen: list[Change] = []
    ws.subscribe(seen.append)
    ws.restore_tasks([deleted])
    assert file_rows(ws_path) == before
    assert ("time_logs", "inserted") in {(c.table, c.kind) for c in seen}
    assert ws.logged_hours([TaskId(task.key)]) == {task.key: 3.0}


def test_undo_of_a_campaign_delete_puts_its_tasks_logs_back(
    ws: Workspace, ws_path: Path, add: Callable[..., Task], person: Member
):
    campaign = ws.add_campaign(Campaign(name="Launch"))
    first = add("Brief", campaign_id=campaign.key)
    second = add("Send", campaign_id=campaign.key)
    ws.log_time(TimeLog(task_id=first.key, member_id=person.key, day=MON, hours=1.5))
    ws.log_time(TimeLog(task_id=second.key, day=MON, hours=4, note="setup"))
    before = file_rows(ws_path)
    gone, tasks = ws.delete_campaign(campaign.key)
    assert file_rows(ws_path) == []
    ws.restore_campaign(gone, tasks)
    assert file_rows(ws_path) == before


def test_a_log_whose_person_went_meanwhile_comes_back_naming_nobody(
    ws: Workspace, ws_path: Path, add: Callable[..., Task], person: Member
):
    task = add("Copy")
    ws.log_time(TimeLog(task_id=task.key, member_id=person.key, day=MON, hours=1))
    (deleted,) = ws.delete_tasks([task.key])
    # People are never deleted in the app; another program may.
    ws.db.execute("DELETE FROM members WHERE id = ?", [person.key])
    ws.restore_tasks([deleted])
    assert file_rows(ws_path)[0][2] is None


def test_several_logs_are_one_unit_of_work_all_or_none(ws: Workspace) -> None:
    board = ws.boards()[0].key
    task = ws.add_task(Task(board_id=board, stage_id=ws.stages(board)[0].key, title="Copy"))
    logged = ws.log_times(
        [
            TimeLog(task_id=task.key, day=date(2026, 3, 2), hours=1.0),
            TimeLog(task_id=task.key, day=date(2026, 3, 3), hours=2.0),
        ]
    )
    assert [log.hours for log in ws.time_logs(task.key)] == [1.0, 2.0]
    assert len({log.key for log in logged}) == 2
    with pytest.raises(MopsboardError):
        ws.log_times(
            [
                TimeLog(task_id=task.key, day=date(2026, 3, 4), hours=1.0),
                TimeLog(task_id=TaskId(999_999), day=date(2026, 3, 4), hours=1.0),
            ]
        )
    assert [log.hours for log in ws.time_logs(task.key)] == [1.0, 2.0]
