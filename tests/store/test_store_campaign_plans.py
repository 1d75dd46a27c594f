"""A campaign with its work: figures, the shift of a campaign with its tasks (one transaction),
creating one from a template plan and taking it back, bars and open work. Each test reads the
file back through a connection of its own."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from mopsboard.domain.builtin_templates import PRODUCT_LAUNCH
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Campaign, Task
from mopsboard.domain.templates import Names, campaign_for, plan_campaign, tasks_for
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 3, 2)


def _log_or_ids(line: str) -> bool:
    return "task_events" in line or "sqlite_sequence" in line


@pytest.fixture
def spring(ws: Workspace) -> Campaign:
    return ws.add_campaign(
        Campaign(
            name="Spring",
            start_date=date(2026, 2, 2),
            launch_date=date(2026, 3, 4),
            end_date=date(2026, 3, 31),
        )
    )


def test_figures_count_tasks_open_overdue_and_hours(
    ws: Workspace, spring: Campaign, add: Callable[..., Task]
) -> None:
    add("late", campaign_id=spring.id, estimate_hours=4, due_date=TODAY - timedelta(days=1))
    add("on time", "Ready", campaign_id=spring.id, estimate_hours=2, due_date=TODAY)
    add("done", "Done", campaign_id=spring.id, estimate_hours=6, due_date=date(2026, 1, 1))
    archived = add("archived", campaign_id=spring.id, estimate_hours=100)
    ws.archive_tasks([archived.key])
    add("no campaign", estimate_hours=50)
    figures = ws.campaign_figures(TODAY)
    assert set(figures) == {spring.id}
    spring_figures = figures[spring.key]
    assert (spring_figures.tasks, spring_figures.open, spring_figures.overdue) == (3, 2, 1)
    assert (spring_figures.hours_done, spring_figures.hours_total) == (6, 12)
    assert spring_figures.progress == 0.5


def test_shift_moves_the_campaign_and_all_its_tasks_in_one_transaction(
    ws: Workspace, ws_path: Path, spring: Campaign, add: Callable[..., Task]
) -> None:
    a = add("a", campaign_id=spring.id, start_date=date(2026, 2, 20), due_date=date(2026, 2, 27))
    b = add("b", campaign_id=spring.id, due_date=date(2026, 3, 4))
    c = add("c", campaign_id=spring.id)
    other = add("other", due_date=date(2026, 3, 4))
    changes: list[Change] = []
    ws.subscribe(changes.append)
    result = ws.shift_campaign(spring.key, 7)
    assert set(result.task_ids) == {a.id, b.id}
    with Workspace.open(ws_path) as fresh:
        moved = fresh.campaign(spring.key)
        assert (moved.start_date, moved.launch_date, moved.end_date) == (
            date(2026, 2, 9),
            date(2026, 3, 11),
            date(2026, 4, 7),
        )
        tasks = {t.title: t for t in fresh.tasks()}
    assert (tasks["a"].start_date, tasks["a"].due_date) == (date(2026, 2, 27), date(2026, 3, 6))
    assert tasks["b"].due_date == date(2026, 3, 11) and tasks["b"].start_date is None
    assert tasks["c"].due_date is None and tasks["c"].version == c.version
    assert tasks["other"].due_date == other.due_date
    assert {c.table for c in changes} == {"campaigns", "tasks"}
    ws.shift_campaign(spring.key, -7)
    back = {t.title: t for t in ws.tasks()}
    assert back["a"].start_date == a.start_date and back["a"].due_date == a.due_date
    assert ws.campaign(spring.key).launch_date == spring.launch_date


def test_a_shift_out_of_range_changes_nothing(
    ws: Workspace, ws_path: Path, dump: Callable[[Path], list[str]], add: Callable[..., Task]
) -> None:
    edge = ws.add_campaign(Campaign(name="Edge", launch_date=date(2026, 3, 4)))
    add("far", campaign_id=edge.id, due_date=date(2999, 12, 1))
    before = dump(ws_path)
    with pytest.raises(MopsboardError, match="1900 to 2999"):
        ws.shift_campaign(edge.key, 60)
    assert dump(ws_path) == before


def test_create_from_a_plan_delete_and_restore(
    ws: Workspace, ws_path: Path, board_id: int, dump: Callable[[Path], list[str]]
) -> None:
    before = dump(ws_path)
    plan = plan_campaign(PRODUCT_LAUNCH, "Atlas 4", date(2026, 6, 10))
    names = Names({p.name.casefold(): p.key for p in ws.personas()}, {})
    campaign, tasks = ws.add_campaign_with_tasks(
        campaign_for(plan), tasks_for(plan, board_id, ws.stages(board_id), names)
    )
    assert campaign.id is not None and len(tasks) == len(PRODUCT_LAUNCH.tasks)
    with Workspace.open(ws_path) as fresh:
        stored = fresh.campaign_tasks(campaign.id)
        assert {t.title for t in stored} == {t.title for t in PRODUCT_LAUNCH.tasks}
        assert all(t.campaign_id == campaign.id for t in stored)
        assert fresh.campaign_boards(campaign.id) == [(board_id, len(tasks))]
    deleted, deleted_tasks = ws.delete_campaign(campaign.id)
    assert len(deleted_tasks) == len(tasks)
    ws.restore_campaign(deleted, deleted_tasks)
    with Workspace.open(ws_path) as fresh:
        assert fresh.campaign(campaign.id).name == "Atlas 4"
        restored = {t.id: t for t in fresh.campaign_tasks(campaign.id)}
        assert restored.keys() == {t.id for t in tasks}
    ws.delete_campaign(campaign.id)
    # The ids the campaign used stay used (sqlite_sequence): they are never given again.
    after = [line for line in dump(ws_path) if not _log_or_ids(line)]
    assert after == [line for line in before if not _log_or_ids(line)]


def test_a_bad_task_leaves_no_half_created_campaign(
    ws: Workspace, ws_path: Path, board_id: int, dump: Callable[[Path], list[str]]
) -> None:
    before = dump(ws_path)
    stage = ws.stages(board_id)[0].key
    tasks = [
        Task(board_id=board_id, stage_id=stage, title="fine"),
        Task(board_id=board_id, stage_id=stage, title="bad", persona_id=999),
    ]
    with pytest.raises(MopsboardError, match="no persona"):
        ws.add_campaign_with_tasks(Campaign(name="Half"), tasks)
    assert dump(ws_path) == before


def test_task_bars_and_open_work(ws: Workspace, spring: Campaign, add: Callable[..., Task]) -> None:
    persona = ws.personas()[0].id
    add("open", campaign_id=spring.id, persona_id=persona, estimate_hours=3, due_date=TODAY)
    add("done", "Done", campaign_id=spring.id, start_date=date(2026, 1, 1))
    add("loose", estimate_hours=2)
    bars = ws.task_bars([spring.key])
    assert [(b.title, b.done) for b in bars] == [("done", True), ("open", False)]
    assert bars[1].overdue(TODAY + timedelta(days=1)) and not bars[0].overdue(date(2030, 1, 1))
    assert ws.task_bars([]) == [] and len(ws.task_bars()) == 2
    work = sorted(ws.planned_work(), key=lambda w: w.hours)
    assert [(w.persona_id, w.hours) for w in work] == [(None, 2), (persona, 3)]


@pytest.mark.file_only
def test_figures_are_read_from_the_covering_index(ws: Workspace) -> None:
    plan = ws.db.execute(
        "EXPLAIN QUERY PLAN SELECT campaign_id, stage_id, due_date < ?, COUNT(*), "
        "SUM(COALESCE(estimate_hours, 0)) FROM tasks "
        "WHERE campaign_id IS NOT NULL AND archived = 0 "
        "GROUP BY campaign_id, stage_id, due_date < ?",
        ["2026-01-01", "2026-01-01"],
    ).fetchall()
    assert "COVERING INDEX tasks_campaign_figures" in " ".join(str(row) for row in plan)
