"""`mopsboard approve` and `mopsboard since-approval`: the approval printed, the JSON's keys and
values worked out by hand, a campaign never approved refused with status 1."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error

from mopsboard.domain.models import Campaign, Member, Task, Team, TeamKind
from mopsboard.store.workspace import Workspace


@pytest.fixture
def small(tmp_path: Path) -> Path:
    """A campaign launching Mon 2 Mar 2026: 'Copy' 6 h for Cleo (Content, 50/h) and 'Ads'
    4 h for the agency (100/h, nobody assigned)."""
    path = tmp_path / "small.mopsboard"
    with Workspace.create(path) as ws:
        board = ws.boards()[0]
        stage = ws.stages(board.key)[0]
        content = ws.add_team(Team(name="Content", hourly_rate=50))
        agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY, hourly_rate=100))
        cleo = ws.add_member(Member(team_id=content.key, name="Cleo"))
        launch = ws.add_campaign(Campaign(name="Launch", launch_date=date(2026, 3, 2)))
        for title, hours, who in (
            ("Copy", 6, {"assignee_id": cleo.key}),
            ("Ads", 4, {"team_id": agency.key}),
        ):
            ws.add_task(
                Task(
                    board_id=board.key,
                    stage_id=stage.key,
                    title=title,
                    campaign_id=launch.key,
                    estimate_hours=hours,
                    due_date=date(2026, 2, 27),
                    **who,
                )
            )
    return path


def approvals(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT campaign_id, approved_by, note FROM approvals").fetchall()
    finally:
        conn.close()


def test_approve_prints_the_approval_and_stores_it(cli: Run, small: Path) -> None:
    status, out, err = cli(
        "approve", small, "--campaign", "launch", "--by", "Product", "--by", "Legal", "--note", "ok"
    )
    assert (status, err) == (0, "")
    # 6 h x 50 + 4 h x 100 = 700.
    assert "Approved 'Launch' (approval 1) by Product, Legal at " in out
    assert "baseline of 2 tasks, 10 h, planned cost 700.00, launch 2026-03-02. Note: ok" in out
    assert approvals(small) == [(1, '["Product", "Legal"]', "ok")]


def test_since_approval_json_keys_and_values(cli: Run, small: Path) -> None:
    assert cli("approve", small, "--campaign", "1", "--by", "Product")[0] == 0
    with Workspace.open(small) as ws:
        ws.set_user_name("Mo")
        # The launch Mon 2 Mar -> Mon 9 Mar: five working days (no audience country).
        ws.shift_campaign(ws.campaign_named("Launch").key, 7)
        copy = next(t for t in ws.tasks() if t.title == "Copy")
        agency = ws.team_named("Agency")
        # 'Copy' handed to the agency: Content -6 h, Agency +6 h, 300 -> 600.
        ws.update_task(copy.model_copy(update={"assignee_id": None, "team_id": agency.key}))
    status, out, err = cli("since-approval", small, "--campaign", "Launch", "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert {
        "launch_shift_days",
        "tasks_added",
        "tasks_removed",
        "hours_delta",
        "hours_by_team_delta",
        "cost_delta",
        "approved_at",
        "approved_by",
        "changes",
    } <= data.keys()
    assert data["launch_shift_days"] == 5
    assert (data["tasks_added"], data["tasks_removed"]) == ([], [])
    assert data["hours_delta"] == 0
    assert data["hours_by_team_delta"] == {"Agency": 6.0, "Content": -6.0}
    assert data["cost_delta"] == 300.0
    assert data["approved_by"] == ["Product"]
    assert [(c["kind"], c["author"]) for c in data["changes"]] == [
        ("shifted", "Mo"),
        ("task_edited", "Mo"),
    ]
    assert data["changes"][1]["what"] == "Task 'Copy' edited: assignee, team"


def test_since_approval_in_words(cli: Run, small: Path) -> None:
    assert cli("approve", small, "--campaign", "Launch", "--by", "Product")[0] == 0
    status, out, err = cli("since-approval", small, "--campaign", "Launch")
    assert (status, err) == (0, "")
    assert "  Launch: 2026-03-02 -> 2026-03-02 (+0 working days)" in out
    assert "  Hours: 10 -> 10 (+0)" in out
    assert "  Cost: 700.00 -> 700.00 (+0.00)" in out


def test_a_campaign_never_approved_is_an_error(cli: Run, small: Path) -> None:
    status, out, err = cli("since-approval", small, "--campaign", "Launch", "--json")
    assert (status, out) == (1, "")
    assert_one_line_error(err, "'Launch' has not been approved yet")


def test_approve_needs_a_role_and_a_known_campaign(cli: Run, small: Path) -> None:
    status, _out, err = cli("approve", small, "--campaign", "Nope", "--by", "Product")
    assert status == 1
    assert_one_line_error(err, "no campaign named 'Nope'")
    status, _out, err = cli("approve", small, "--campaign", "Launch", "--by", " ")
    assert status == 1
    assert_one_line_error(err, "name at least one role")
    assert approvals(small) == []
