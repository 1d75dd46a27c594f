"""`campaigns` says each campaign's cost against its budget, and warns when the plan is over."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_support import Run, rows

from mopsboard.domain.models import Campaign, Member, Task, Team, TeamKind
from mopsboard.domain.time_logs import TimeLog
from mopsboard.store.workspace import Workspace


def _priced(path: Path) -> tuple[int, int]:
    """Two campaigns: one planned over its budget, one under."""
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        stage = ws.stages(board)[0].key
        agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY, hourly_rate=120))
        ada = ws.add_member(Member(team_id=agency.key, name="Ada", hourly_rate=90))
        big = ws.add_campaign(Campaign(name="Big launch", budget=1000))
        small = ws.add_campaign(Campaign(name="Small send", budget=5000))

        def task(campaign: Campaign, hours: float, **fields: object) -> Task:
            return ws.add_task(
                Task.model_validate(
                    {"board_id": board, "stage_id": stage, "title": "Work"}
                    | {"campaign_id": campaign.key, "estimate_hours": hours}
                    | fields
                )
            )

        copy = task(big, 10, assignee_id=ada.key)  # 900
        task(big, 2, team_id=agency.key)  # 240: 1,140 in all, over 1,000
        task(small, 5, assignee_id=ada.key)  # 450
        ws.log_time(TimeLog(task_id=copy.key, member_id=ada.key, day=date(2026, 3, 2), hours=3))
        return big.key, small.key


def test_campaigns_json_has_planned_and_actual_cost_and_says_over_budget(
    cli: Run, tmp_path: Path
) -> None:
    path = tmp_path / "priced.mopsboard"
    big, small = _priced(path)
    status, out, err = cli("campaigns", path, "--json")
    assert (status, err) == (0, "")
    listed = {row["id"]: row for row in rows(out)}
    assert {k: listed[big][k] for k in ("planned_cost", "actual_cost", "hours_logged")} == {
        "planned_cost": 1140.0,
        "actual_cost": 270.0,
        "hours_logged": 3.0,
    }
    assert listed[big]["over_budget"] is True
    assert listed[small]["over_budget"] is False
    assert listed[small]["planned_cost"] == 450.0
    assert listed[small]["unpriced_planned_hours"] == 0.0


def test_the_campaigns_table_shows_the_cost_and_warns_in_words(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "priced.mopsboard"
    big, _ = _priced(path)
    status, table, err = cli("campaigns", path)
    assert status == 0
    assert table.splitlines()[0].split()[-2:] == ["LOGGED", "COST"]
    assert "1,140 !" in table and "450" in table
    assert err.strip() == (
        f"note: campaign {big} 'Big launch' is planned at 1,140.00, over its budget of 1,000.00."
    )
