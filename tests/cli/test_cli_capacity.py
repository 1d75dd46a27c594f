"""`mopsboard capacity`: the map as JSON and as a table, team and period options, refusals."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error, run_process
from time_machine import TimeMachineFixture

from mopsboard.domain.models import Member, Task, Team
from mopsboard.domain.time_logs import TimeLog
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 2)


def _small(path: Path) -> Path:
    """One team, one 40-hour member (Monday to Friday); three tasks, one not counted."""
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        ready = ws.stages(board)[1].key
        team = ws.add_team(Team(name="Content"))
        ana = ws.add_member(Member(team_id=team.key, name="Ana"))

        def task(title: str, **fields: object) -> None:
            ws.add_task(
                Task.model_validate({"board_id": board, "stage_id": ready, "title": title} | fields)
            )

        # Thursday to next Tuesday: 4 working days of 2 hours.
        task(
            "Spans two weeks",
            assignee_id=ana.id,
            estimate_hours=8,
            start_date=date(2026, 3, 5),
            due_date=date(2026, 3, 10),
        )
        # Spread over Monday to Wednesday, a third of 10 hours each day.
        task(
            "Team work",
            team_id=team.id,
            estimate_hours=10,
            start_date=MON,
            due_date=date(2026, 3, 4),
        )
        task("=No estimate", assignee_id=ana.id, due_date=MON)
    return path  # fmt: skip


@pytest.fixture(autouse=True)
def _before_the_weeks_shown(time_machine: TimeMachineFixture) -> None:
    # The maps here are of March 2026 as planned before it began: nothing of them is past yet
    # (days before today hold logged hours only, see the capacity rule).
    time_machine.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC), tick=False)


def test_json_has_the_issue_shape_with_hours_to_two_decimals(cli: Run, tmp_path: Path) -> None:
    path = _small(tmp_path / "small.mopsboard")
    status, out, err = cli("capacity", path, "--from", "2026-03-04", "--weeks", "2", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["weeks"] == ["2026-03-02", "2026-03-09"]
    assert data["rows"] == [
        {"team": "Content", "member": "Ana", "week": "2026-03-02", "available_hours": 40.0,
         "planned_hours": 4.0, "actual_hours": 0.0},
        {"team": "Content", "member": "Ana", "week": "2026-03-09", "available_hours": 40.0,
         "planned_hours": 4.0, "actual_hours": 0.0},
        {"team": "Content", "member": None, "week": "2026-03-02", "available_hours": 0.0,
         "planned_hours": 10.0, "actual_hours": 0.0},
        {"team": "Content", "member": None, "week": "2026-03-09", "available_hours": 0.0,
         "planned_hours": 0.0, "actual_hours": 0.0},
    ]  # fmt: skip
    assert data["uncounted"] == [
        {"task_id": 3, "title": "=No estimate", "team": "Content", "reason": "no estimate"}
    ]


def test_json_rows_say_the_hours_logged_in_each_week(cli: Run, tmp_path: Path) -> None:
    path = _small(tmp_path / "small.mopsboard")
    with Workspace.open(path) as ws:
        ana = ws.member_named("Ana")
        spans, team_work = ws.tasks()[0], ws.tasks()[1]
        other_team = ws.add_team(Team(name="Legal"))
        bea = ws.add_member(Member(team_id=other_team.key, name="Bea"))
        for task, member, day, hours in (
            (spans, ana, date(2026, 3, 5), 1.5),
            (spans, ana, date(2026, 3, 6), 1.0),
            (spans, ana, date(2026, 3, 10), 2.0),
            (team_work, None, date(2026, 3, 3), 3.0),  # nobody on an unassigned task: the team's
            (team_work, bea, date(2026, 3, 3), 0.25),  # Bea, on the Legal map only
            (spans, ana, date(2026, 3, 16), 8.0),  # after the period
        ):
            ws.log_time(
                TimeLog(
                    task_id=task.key,
                    member_id=member.key if member else None,
                    day=day,
                    hours=hours,
                )
            )
    status, out, err = cli(
        "capacity", path, "--from", "2026-03-04", "--weeks", "2", "--team", "Content", "--json"
    )
    assert (status, err) == (0, "")
    actual = {(r["member"], r["week"]): r["actual_hours"] for r in json.loads(out)["rows"]}
    assert actual == {
        ("Ana", "2026-03-02"): 2.5,
        ("Ana", "2026-03-09"): 2.0,
        (None, "2026-03-02"): 3.0,
        (None, "2026-03-09"): 0.0,
    }
    _, out, _ = cli("capacity", path, "--from", "2026-03-04", "--weeks", "1", "--json")
    rows = json.loads(out)["rows"]
    assert {(r["team"], r["member"]): r["actual_hours"] for r in rows}[("Legal", "Bea")] == 0.25


def test_json_plans_what_is_left_from_today(
    cli: Run, tmp_path: Path, time_machine: TimeMachineFixture
) -> None:
    path = _small(tmp_path / "small.mopsboard")
    with Workspace.open(path) as ws:
        spans = ws.tasks()[0]
        ws.log_time(TimeLog(task_id=spans.key, member_id=None, day=date(2026, 3, 3), hours=2.0))
    # Wednesday 4 March. "Spans two weeks" (8 h, Thursday 5 to Tuesday 10): 6 left, 1.5 a day
    # over its four working days. "Team work" (10 h, Monday 2 to Wednesday 4): all of it from
    # today, on its last day. The 2 h logged on Tuesday 3 are Ana's (the log names nobody).
    time_machine.move_to(datetime(2026, 3, 4, 9, tzinfo=UTC), tick=False)
    status, out, err = cli("capacity", path, "--from", "2026-03-02", "--weeks", "2", "--json")
    assert (status, err) == (0, "")
    hours = {
        (r["member"], r["week"]): (r["planned_hours"], r["actual_hours"])
        for r in json.loads(out)["rows"]
    }
    assert hours == {
        ("Ana", "2026-03-02"): (3.0, 2.0),
        ("Ana", "2026-03-09"): (3.0, 0.0),
        (None, "2026-03-02"): (10.0, 0.0),
        (None, "2026-03-09"): (0.0, 0.0),
    }
    # On Tuesday 10 the first week is past: logged hours only. Team work is overdue and lands
    # today; the 6 h left of "Spans two weeks" all go on today, its due date.
    time_machine.move_to(datetime(2026, 3, 10, 9, tzinfo=UTC), tick=False)
    _, out, _ = cli("capacity", path, "--from", "2026-03-02", "--weeks", "2", "--json")
    hours = {
        (r["member"], r["week"]): (r["planned_hours"], r["actual_hours"])
        for r in json.loads(out)["rows"]
    }
    assert hours[("Ana", "2026-03-02")] == (0.0, 2.0)
    assert hours[("Ana", "2026-03-09")] == (6.0, 0.0)
    assert hours[(None, "2026-03-09")] == (10.0, 0.0)


def test_table(cli: Run, tmp_path: Path) -> None:
    path = _small(tmp_path / "small.mopsboard")
    status, out, _ = cli("capacity", path, "--from", "2026-03-02", "--weeks", "1")
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["TEAM", "/", "MEMBER", "2026-03-02"]
    assert lines[1].split() == ["Content", "14/40"]
    assert lines[2].split() == ["Ana", "4/40"]
    assert lines[3].split() == ["Unassigned", "10/0*"]
    assert "NOT COUNTED" in out and "#3  =No estimate  (no estimate)" in out


def test_demo_map_for_one_team_and_default_weeks(cli: Run, demo: Path) -> None:
    status, out, _ = cli("capacity", demo, "--team", "web", "--from", "2026-03-02", "--json")
    assert status == 0
    data = json.loads(out)
    assert len(data["weeks"]) == 8 and data["weeks"][0] == "2026-03-02"
    assert {row["team"] for row in data["rows"]} == {"Web"}
    assert {row["member"] for row in data["rows"]} == {"Aiko", "Ben", None}
    # The demo over-books its 30-hour web developer in the second week.
    ben = {r["week"]: r for r in data["rows"] if r["member"] == "Ben"}
    assert ben["2026-03-09"]["planned_hours"] > ben["2026-03-09"]["available_hours"] == 30.0
    for row in data["rows"]:
        assert round(row["planned_hours"], 2) == row["planned_hours"]


def test_refusals(cli: Run, demo: Path, tmp_path: Path) -> None:
    status, _, err = cli("capacity", demo, "--team", "Nobody")
    assert status == 1
    assert_one_line_error(err, "no team named 'Nobody'")
    for argv in (["--weeks", "0"], ["--weeks", "105"], ["--from", "2026-02-30"]):
        status, _, err = cli("capacity", demo, *argv)
        assert status == 2 and "Traceback" not in err
    status, _, err = cli("capacity", tmp_path / "missing.mopsboard")
    assert status == 1
    assert_one_line_error(err, "missing.mopsboard")


NO_QT = """
import sys
from mopsboard.cli import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "mopsboard.app")))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
raise SystemExit(status)
"""


def test_capacity_never_loads_qt(demo: Path) -> None:
    result = run_process("capacity", demo, "--json", code=NO_QT)
    assert result.returncode == 0, result.stderr
    assert "LOADED:\n" in result.stderr
