"""Hourly rates of people and teams, as the file holds them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mopsboard.domain.models import Member, Team, TeamKind
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
