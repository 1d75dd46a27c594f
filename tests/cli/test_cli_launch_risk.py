"""`campaigns` says which launches are at risk and why: the chain walked forward from today on
each task's team's working days (domain/launch_risk.py, README "Dependencies")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_support import Run, rows

import mopsboard.cli.campaigns as campaigns_cli
from mopsboard.domain.kinds import StageKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.store.workspace import Workspace

LAUNCH = date(2026, 12, 29)  # a Tuesday, after Christmas Day off in Germany


class _Monday(date):
    @classmethod
    def today(cls) -> _Monday:
        return cls(2026, 12, 21)


@pytest.fixture(autouse=True)
def _today_is_monday_21_december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(campaigns_cli, "date", _Monday)


def _chain(
    ws: Workspace, name: str, team_id: int | None, launch: date | None, *, brief_done: bool
) -> int:
    """Brief (21-22 December), Copy (23-24), Send (29), each after the other, Send two working
    days after Copy is due."""
    board = ws.boards()[0].key
    stages = ws.stages(board)
    open_stage = stages[0].key
    done_stage = next(s.key for s in stages if s.kind is StageKind.DONE)
    campaign = ws.add_campaign(Campaign(name=name, launch_date=launch))

    def task(title: str, start: date, due: date, stage: int) -> int:
        fields = {"board_id": board, "stage_id": stage, "title": title, "team_id": team_id}
        dates = {"campaign_id": campaign.key, "start_date": start, "due_date": due}
        return ws.add_task(Task.model_validate(fields | dates)).key

    brief = task(
        "Brief", date(2026, 12, 21), date(2026, 12, 22), done_stage if brief_done else open_stage
    )
    copy = task("Copy", date(2026, 12, 23), date(2026, 12, 24), open_stage)
    send = task("Send", LAUNCH, LAUNCH, open_stage)
    ws.add_link(TaskLink(predecessor_id=brief, successor_id=copy))
    ws.add_link(TaskLink(predecessor_id=copy, successor_id=send, lag_days=2))
    return campaign.key


def _workspace(path: Path) -> dict[str, int]:
    with Workspace.create(path) as ws:
        berlin = ws.add_team(Team(name="Content Berlin"))
        ws.add_member(Member(team_id=berlin.key, name="Jonas", holiday_country="DE"))
        return {
            # Brief 21-22, Copy 23-24; Send two working days after the 24th: Christmas Day and
            # the weekend are off in Berlin, so the 28th and the 29th are the lag and it goes
            # out on the 30th, one working day after the launch.
            "late": _chain(ws, "Year-end send", berlin.key, LAUNCH, brief_done=False),
            # Without a team, the 25th is a working day: Send goes out on the 29th.
            "weekdays": _chain(ws, "Weekday send", None, LAUNCH, brief_done=False),
            # Brief done: Copy starts today, 21-22, and Send on the 28th.
            "brief done": _chain(ws, "Briefed send", berlin.key, LAUNCH, brief_done=True),
            "no launch": _chain(ws, "Undated send", berlin.key, None, brief_done=False),
        }


def test_campaigns_json_says_which_launch_is_at_risk_and_why(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "chains.mopsboard"
    ids = _workspace(path)
    status, out, err = cli("campaigns", path, "--json")
    assert (status, err) == (0, "")
    listed = {row["id"]: row for row in rows(out)}
    late = listed[ids["late"]]
    assert late["launch_at_risk"] is True
    assert late["risk_reason"] == (
        "'Send' can finish on 2026-12-30 at the earliest, 1 working day after the launch on "
        "2026-12-29, waiting for 'Copy' (finish to start, lag 2); "
        "chain: 'Brief' → 'Copy' → 'Send'."
    )
    for key in ("weekdays", "brief done", "no launch"):
        assert (listed[ids[key]]["launch_at_risk"], listed[ids[key]]["risk_reason"]) == (
            False,
            None,
        ), key


def test_the_campaigns_table_notes_a_launch_at_risk_in_words(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "chains.mopsboard"
    ids = _workspace(path)
    status, _, err = cli("campaigns", path)
    assert status == 0
    assert err.splitlines() == [
        f"note: campaign {ids['late']} 'Year-end send' launch at risk: 'Send' can finish on "
        "2026-12-30 at the earliest, 1 working day after the launch on 2026-12-29, waiting for "
        "'Copy' (finish to start, lag 2); chain: 'Brief' → 'Copy' → 'Send'."
    ]
