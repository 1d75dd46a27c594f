"""The tables `tasks`, `campaigns` and `capacity` print: a name or title holding line breaks,
tabs, control or bidi characters cannot forge rows or reorder columns; JSON stays exact."""

from __future__ import annotations

import json
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cli_support import Run, rows
from time_machine import TimeMachineFixture

from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.store.workspace import Workspace

FORGED = "Evil\n9999  Done  Forged row\r\n\tindented"
BIDI = "\u202eweiver lageL\u202c \u2066x\u2069 \u200e\u200f\u061c"
BREAKS = "next\x85line\u2028and\u2029more"
TITLES = (FORGED, BIDI, BREAKS)
MON = date(2026, 3, 2)


def _unsafe(ch: str) -> bool:
    if ch in "\u200c\u200d":
        return False
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.mopsboard"
    with Workspace.create(path) as ws:
        board = ws.boards()[0].key
        ready = ws.stages(board)[1].key
        team = ws.add_team(Team(name="Ops\n  Forged  1/1"))
        member = ws.add_member(Member(team_id=team.key, name="\u202eanA"))
        campaign = ws.add_campaign(
            Campaign(name=FORGED, owner="tab\there\u2066", launch_date=date(2026, 6, 1))
        )
        ws.add_campaign(Campaign(name=BIDI))
        for title in TITLES:
            ws.add_task(
                Task(
                    board_id=board,
                    stage_id=ready,
                    title=title,
                    campaign_id=campaign.id,
                    assignee_id=member.id,
                    team_id=team.id,
                    due_date=MON,
                )
            )
    return path


def _check_table(out: str, body_rows: int) -> list[str]:
    lines = out.rstrip("\n").split("\n")
    assert out.splitlines() == lines
    assert not any(_unsafe(ch) for line in lines for ch in line), out
    assert len(lines) == body_rows + 2, out  # the header, the rows, the count
    return lines


@pytest.fixture(autouse=True)
def _before_the_weeks_shown(time_machine: TimeMachineFixture) -> None:
    # The maps here are of March 2026 as planned before it began: nothing of them is past yet
    # (days before today hold logged hours only, see the capacity rule).
    time_machine.move_to(datetime(2026, 3, 1, 12, tzinfo=UTC), tick=False)


def test_tasks_table_escapes_and_json_is_exact(cli: Run, hostile: Path) -> None:
    status, out, err = cli("tasks", hostile)
    assert (status, err) == (0, "")
    lines = _check_table(out, len(TITLES))
    assert "Evil\\n9999  Done" in lines[1]
    assert "\\u202eweiver" in lines[2]
    assert "next\\x85line\\u2028" in lines[3]
    assert "\\u202eanA" in lines[1]
    status, out, _ = cli("tasks", hostile, "--json")
    assert [t["title"] for t in rows(out)] == list(TITLES)
    assert {t["assignee"] for t in rows(out)} == {"\u202eanA"}


def test_campaigns_table_escapes_and_json_is_exact(cli: Run, hostile: Path) -> None:
    status, out, _ = cli("campaigns", hostile)
    assert status == 0
    lines = _check_table(out, 2)
    (forged,) = [line for line in lines if "Evil\\n9999" in line]
    assert "tab\\there\\u2066" in forged
    assert any("\\u202eweiver" in line for line in lines)
    status, out, _ = cli("campaigns", hostile, "--json")
    assert {c["name"]: c["owner"] for c in rows(out)} == {FORGED: "tab\there\u2066", BIDI: ""}


def test_capacity_table_escapes_and_json_is_exact(cli: Run, hostile: Path) -> None:
    status, out, _ = cli("capacity", hostile, "--from", MON.isoformat(), "--weeks", "1")
    assert status == 0
    assert not any(_unsafe(ch) for ch in out.replace("\n", ""))
    assert out.splitlines() == out.rstrip("\n").split("\n")
    assert "Ops\\n  Forged  1/1" in out and "\\u202eanA" in out
    assert "Evil\\n9999  Done  Forged row\\r\\n\\tindented  (no estimate)" in out
    status, out, _ = cli("capacity", hostile, "--from", MON.isoformat(), "--json")
    data = json.loads(out)
    assert {row["team"] for row in data["rows"]} == {"Ops\n  Forged  1/1"}
    assert sorted(entry["title"] for entry in data["uncounted"]) == sorted(TITLES)
