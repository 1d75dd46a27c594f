"""Hourly rates of people and teams, as the file holds them, and the campaign costs they make."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from mopsboard.domain.campaign_work import CampaignCost
from mopsboard.domain.models import Campaign, Member, Task, Team, TeamKind
from mopsboard.domain.time_logs import TimeLog
from mopsboard.store.workspace import Workspace


def rates(path: Path, table: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT name, hourly_rate FROM {table} ORDER BY id").fetchall()
    finally:
        conn.close()


def test_rates_are_stored_changed_and_cleared(ws: Workspace, ws_path: Path):
    agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY, hourly_rate=150))
    ada = ws.add_member(Member(team_id=agency.key, name="Ada", hourly_rate=80.5))
    grace = ws.add_member(Member(team_id=agency.key, name="Grace"))
    assert rates(ws_path, "teams") == [("Agency", 150.0)]
    assert rates(ws_path, "members") == [("Ada", 80.5), ("Grace", None)]
    ws.update_member(ws.member(ada.key).model_copy(update={"hourly_rate": None}))
    ws.update_member(ws.member(grace.key).model_copy(update={"hourly_rate": 95.0}))
    ws.update_team(ws.team(agency.key).model_copy(update={"hourly_rate": 0.0}))
    assert rates(ws_path, "members") == [("Ada", None), ("Grace", 95.0)]
    assert rates(ws_path, "teams") == [("Agency", 0.0)]
    assert ws.member(grace.key).hourly_rate == 95.0


def test_campaign_costs_read_rates_of_the_assignee_the_logger_and_the_team(
    ws: Workspace, add: Callable[..., Task]
):
    agency = ws.add_team(Team(name="Agency", kind=TeamKind.AGENCY, hourly_rate=150))
    inside = ws.add_team(Team(name="Inside"))
    ada = ws.add_member(Member(team_id=agency.key, name="Ada", hourly_rate=100))
    bob = ws.add_member(Member(team_id=agency.key, name="Bob"))  # at the agency's rate
    cy = ws.add_member(Member(team_id=inside.key, name="Cy"))  # no rate known
    launch = ws.add_campaign(Campaign(name="Launch", budget=1800))
    copy = add("Copy", campaign_id=launch.key, assignee_id=ada.key, estimate_hours=10)
    add("Design", campaign_id=launch.key, assignee_id=bob.key, estimate_hours=4)
    add("Review", campaign_id=launch.key, assignee_id=cy.key, estimate_hours=3)
    add("Agency pool", campaign_id=launch.key, team_id=agency.key, estimate_hours=2)
    add("Old", campaign_id=launch.key, assignee_id=ada.key, estimate_hours=50, archived=True)
    ws.log_time(TimeLog(task_id=copy.key, member_id=ada.key, day=date(2026, 3, 9), hours=2))
    ws.log_time(TimeLog(task_id=copy.key, member_id=bob.key, day=date(2026, 3, 9), hours=1))
    ws.log_time(TimeLog(task_id=copy.key, day=date(2026, 3, 10), hours=0.5))  # Ada's
    cost = ws.campaign_costs()[launch.key]
    assert cost == CampaignCost(
        logged_hours=3.5,
        planned_cost=10 * 100 + 4 * 150 + 2 * 150,
        actual_cost=2 * 100 + 1 * 150 + 0.5 * 100,
        unpriced_planned_hours=3.0,
    )
    assert cost.over_budget(launch.budget)
