"""The demo workspace (mopsboard.io.demo) and the store's bulk insert it relies on."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mopsboard.domain.errors import NotFoundError
from mopsboard.domain.models import StageKind, Task, TeamKind
from mopsboard.io.demo import build_demo, create_demo_file, ensure_default_workspace
from mopsboard.store.database import WorkspaceExists
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 6, 15)
LEGAL_ITEMS = ["CAN-SPAM footer and unsubscribe", "GDPR consent wording", "CCPA opt-out link"]


def _demo(path: Path, **options: Any) -> Workspace:
    ws = Workspace.create(path)
    build_demo(ws, today=TODAY, **options)
    return ws


def _fingerprint(ws: Workspace) -> list[tuple[Any, ...]]:
    """Everything about the tasks except ids and the clock."""
    stages = {s.id: s.name for b in ws.boards() for s in ws.stages(b.key)}
    return [
        (
            t.title,
            stages[t.stage_id],
            t.rank,
            t.campaign_id,
            t.persona_id,
            t.assignee_id,
            t.team_id,
            t.estimate_hours,
            t.start_date,
            t.due_date,
            t.priority,
            t.labels,
            t.checklist,
        )
        for t in ws.tasks()
    ]


@pytest.fixture(scope="module")
def demo_ws(tmp_path_factory: pytest.TempPathFactory) -> Any:
    ws = _demo(tmp_path_factory.mktemp("demo") / "demo.mopsboard")
    yield ws
    ws.close()


def test_same_seed_same_workspace(tmp_path: Path, demo_ws: Workspace) -> None:
    with _demo(tmp_path / "again.mopsboard") as again:
        assert _fingerprint(again) == _fingerprint(demo_ws)
    with _demo(tmp_path / "other.mopsboard", seed=8) as other:
        assert _fingerprint(other) != _fingerprint(demo_ws)


def test_campaigns_around_today(demo_ws: Workspace) -> None:
    campaigns = demo_ws.campaigns()
    assert len(campaigns) == 5
    names = " ".join(c.name.lower() for c in campaigns)
    for kind in ("product launch", "webinar", "nurture", "summit", "brand refresh"):
        assert kind in names
    for campaign in campaigns:
        assert campaign.start_date and campaign.launch_date and campaign.end_date
        assert campaign.start_date <= campaign.launch_date <= campaign.end_date
        assert abs((campaign.launch_date - TODAY).days) < 90
        assert campaign.channel and campaign.audience and campaign.owner
        assert campaign.budget and campaign.budget > 0
    assert len({c.status for c in campaigns}) >= 3
    assert len({c.colour for c in campaigns}) == 5


def test_teams_people_and_time_off(demo_ws: Workspace) -> None:
    teams = demo_ws.teams()
    names = {t.name for t in teams}
    assert {"Marketing ops", "Content", "Design", "Web"} <= names
    assert [t.kind for t in teams].count(TeamKind.AGENCY) == 1
    members = demo_ws.members()
    assert {40, 32, 20} <= {m.weekly_hours for m in members}
    assert "1234" in {m.working_days for m in members}
    assert {"US", "GB", "DE"} <= {m.holiday_country for m in members}
    assert any(m.availability < 1 for m in members)
    agency = next(t for t in teams if t.kind is TeamKind.AGENCY)
    assert any(m.team_id == agency.id for m in members)
    time_off = demo_ws.time_off()
    assert len(time_off) >= 3
    assert any(e.start_date <= TODAY + timedelta(days=14) for e in time_off)


def test_tasks_read_like_real_work(demo_ws: Workspace) -> None:
    board = demo_ws.boards()[0]
    assert board.name == "Campaign board" and len(demo_ws.boards()) == 1
    stages = {s.id: s for s in demo_ws.stages(board.key)}
    tasks = demo_ws.tasks(board.id)
    assert 60 <= len(tasks) <= 120
    kinds = Counter(stages[t.stage_id].kind for t in tasks)
    assert len(kinds) == 4 and kinds[StageKind.DONE] >= 5
    done = [t for t in tasks if stages[t.stage_id].kind is StageKind.DONE]
    assert all(t.completed_at for t in done)
    overdue = [t for t in tasks if t not in done and t.due_date and t.due_date < TODAY]
    assert len(overdue) >= 3
    assert all(t.estimate_hours and t.start_date and t.due_date and t.persona_id for t in tasks)
    assert any(t.assignee_id is None and t.team_id for t in tasks)
    assert sum(t.assignee_id is not None for t in tasks) > len(tasks) / 2
    assert len({t.campaign_id for t in tasks}) == 6  # five campaigns and work outside them
    assert len({t.priority for t in tasks}) >= 3 and all(t.labels for t in tasks)
    legal = [t for t in tasks if t.title.startswith("Legal review")]
    assert legal and all([i.text for i in t.checklist][:3] == LEGAL_ITEMS for t in legal)
    assert all(t.checklist_done == len(t.checklist) for t in done)
    # The review stage gates the launch: open checklist items cannot pass it.
    assert any(s.is_gate for s in stages.values())


def test_scaled_demo_spreads_over_boards(tmp_path: Path) -> None:
    with _demo(tmp_path / "big.mopsboard", tasks=2000) as ws:
        boards = ws.boards()
        assert len(boards) == 5
        for board in boards:
            tasks = ws.tasks(board.id)
            assert len(tasks) == 400
            assert len({t.stage_id for t in tasks}) == 5
            ranks = Counter((t.stage_id, t.rank) for t in tasks)
            assert max(ranks.values()) == 1
            assert max(len(t.rank) for t in tasks) <= 3
        assert ws.count_tasks() == 2000
        assert len({t.title for t in ws.tasks()}) > 200


def test_scaled_demo_bounds(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.mopsboard") as ws:
        with pytest.raises(ValueError, match="between 0 and"):
            build_demo(ws, tasks=-1)
        build_demo(ws, tasks=0)
        assert ws.count_tasks() == 0 and len(ws.campaigns()) == 5


def test_ensure_default_workspace(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "workspace.mopsboard"
    assert ensure_default_workspace(path) == path
    with Workspace.open(path) as ws:
        assert ws.count_tasks() > 50
    before = path.read_bytes()
    assert ensure_default_workspace(path) == path
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == ["workspace.mopsboard"]


def test_create_demo_file_refuses_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.txt"
    path.write_text("keep me")
    with pytest.raises(WorkspaceExists):
        create_demo_file(path)
    assert path.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.txt"]


# -- Workspace.bulk_add_tasks -----------------------------------------------------------------


def test_bulk_add_validates_checks_references_and_rolls_back(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "w.mopsboard") as ws:
        board = ws.boards()[0].key
        backlog, *_, done = ws.stages(board)
        good = Task(board_id=board, stage_id=backlog.key, title="Fine")
        with pytest.raises(ValidationError):
            ws.bulk_add_tasks([good, Task.model_construct(**{**dict(good), "estimate_hours": -1})])
        with pytest.raises(NotFoundError, match="campaign"):
            ws.bulk_add_tasks([good, good.model_copy(update={"campaign_id": 99})])
        assert ws.count_tasks() == 0
        ids = ws.bulk_add_tasks(
            [
                good,
                good.model_copy(update={"title": "Second"}),
                good.model_copy(update={"title": "Finished", "stage_id": done.id}),
            ]
        )
        assert ids == [1, 2, 3]
        tasks = ws.tasks_by_id(ids)
        assert [t.title for t in tasks] == ["Fine", "Second", "Finished"]
        assert tasks[0].rank < tasks[1].rank
        assert tasks[2].completed_at and not tasks[0].completed_at
        assert ws.task_events(1)[0][:2] == (None, backlog.id)
        # Later single adds still go after the bulk-added tasks.
        later = ws.add_task(good.model_copy(update={"title": "Later"}))
        assert [t.title for t in ws.tasks(board)][:3] == ["Fine", "Second", "Later"]
        assert later.id == 4
