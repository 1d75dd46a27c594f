"""Shared by every test: keep the user's real settings and files out of reach, Qt offscreen."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from mopsboard.domain.models import Campaign, ChecklistItem, Member, Task, Team
from mopsboard.store.workspace import Workspace

# Before the first QApplication exists: render offscreen, and keep QSettings and the default
# workspace in a throw-away folder so tests never read or write the user's own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = tempfile.mkdtemp(prefix="mopsboard-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["MOPSBOARD_HOME"] = os.path.join(_SANDBOX, "home")


TODAY = date.today()


def make_board(path: Path) -> Workspace:
    """Backlog: A, B, C; Ready: D; In progress: E; Review: F (open checklist item); Done: G."""
    ws = Workspace.create(path)
    board = ws.boards()[0].id or 0
    stages = {s.name: s.id or 0 for s in ws.stages(board)}
    launch = ws.add_campaign(Campaign(name="Spring launch", colour="#ef4444"))
    webinar = ws.add_campaign(Campaign(name="Intent webinar", colour="#3b82f6"))
    team = ws.add_team(Team(name="Content"))
    ana = ws.add_member(Member(team_id=team.id or 0, name="Ana Lima"))
    persona = ws.personas()[0].id
    specs = [
        ("A", "Backlog", launch.id, ana.id, 3.0, TODAY - timedelta(days=2), ()),
        ("B", "Backlog", webinar.id, None, 2.0, None, ()),
        ("C", "Backlog", launch.id, None, None, TODAY + timedelta(days=20), ()),
        ("D", "Ready", webinar.id, ana.id, 5.0, TODAY + timedelta(days=1), ()),
        ("E", "In progress", launch.id, None, 1.5, None, ()),
        (
            "F",
            "Review",
            launch.id,
            None,
            4.0,
            None,
            (
                ChecklistItem(text="GDPR consent wording", done=False),
                ChecklistItem(text="CAN-SPAM footer", done=True),
            ),
        ),
        ("G", "Done", None, None, 1.0, None, ()),
    ]
    for title, stage, campaign, assignee, estimate, due, checklist in specs:
        ws.add_task(
            Task(
                board_id=board,
                stage_id=stages[stage],
                title=title,
                campaign_id=campaign,
                assignee_id=assignee,
                persona_id=persona,
                estimate_hours=estimate,
                due_date=due,
                checklist=checklist,
                labels=("legal",) if title == "F" else (),
            )
        )
    return ws


@pytest.fixture
def board_ws(tmp_path: Path) -> Iterator[Workspace]:
    ws = make_board(tmp_path / "board.mopsboard")
    yield ws
    ws.close()


def _titles_by_stage(path: Path) -> dict[str, list[str]]:
    """What the file says, read through a connection of its own."""
    with Workspace.open(path) as ws:
        board = ws.boards()[0].id or 0
        names = {s.id: s.name for s in ws.stages(board)}
        result: dict[str, list[str]] = {name: [] for name in names.values()}
        for task in ws.tasks(board):
            result[names[task.stage_id]].append(task.title)
        return result


@pytest.fixture
def titles_by_stage() -> Callable[[Path], dict[str, list[str]]]:
    """Reads the board as the file holds it, through a connection of its own."""
    return _titles_by_stage
