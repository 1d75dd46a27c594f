"""The WIP watch counts again only the tasks a change names, and its counts stay what a count of
the whole file gives, whatever the changes."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import StageKind
from mopsboard.io.demo import create_demo_file
from mopsboard.qt.capacity.wip_watch import WipWatch
from mopsboard.store.workspace import Workspace


@pytest.fixture
def demo_ws(tmp_path: Path) -> Workspace:
    path = tmp_path / "demo.mopsboard"
    create_demo_file(path, tasks=600, boards=2)
    ws = Workspace.open(path)
    yield ws
    ws.close()


class Asked:
    """Records which tasks the watch asks the store about."""

    def __init__(self, ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[set[int] | None] = []
        real = ws.wip_assignees

        def asked(task_ids: object = None) -> dict[int, int]:
            wanted = None if task_ids is None else set(task_ids)  # type: ignore[call-overload]
            self.calls.append(wanted)
            return real(wanted)

        monkeypatch.setattr(ws, "wip_assignees", asked)


def test_a_drop_is_counted_from_the_dropped_tasks_only(
    qtbot: QtBot, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = WipWatch(demo_ws)
    asked = Asked(demo_ws, monkeypatch)
    board = demo_ws.boards()[0].key
    active = next(s for s in demo_ws.stages(board) if s.kind == "active")
    moved = [t.key for t in demo_ws.tasks(board) if t.assignee_id and t.stage_id != active.id][:3]
    with qtbot.waitSignal(watch.changed, timeout=2000):
        demo_ws.move_tasks(moved, active.key)
    assert asked.calls == [set(moved)]
    assert watch.counts == demo_ws.member_wip()


def test_a_new_order_or_new_dates_ask_nothing(
    qtbot: QtBot, demo_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = WipWatch(demo_ws)
    asked = Asked(demo_ws, monkeypatch)
    task = next(t for t in demo_ws.tasks() if t.assignee_id)
    demo_ws.update_task(task.model_copy(update={"title": "Renamed"}))
    qtbot.wait(50)
    # A title edit is reported with its fields; if the store names none, a lookup is fine too.
    assert asked.calls in ([], [{task.key}])
    assert watch.counts == demo_ws.member_wip()


def test_the_counts_stay_those_of_the_whole_file(qtbot: QtBot, demo_ws: Workspace) -> None:
    watch = WipWatch(demo_ws)
    rng = random.Random(5)
    board = demo_ws.boards()[0].key
    stages = demo_ws.stages(board)
    members = [m.key for m in demo_ws.members()]
    for step in range(40):
        tasks = demo_ws.tasks(board)
        picked = rng.sample(tasks, 3)
        action = step % 4
        if action == 0:
            demo_ws.move_tasks([t.key for t in picked], rng.choice(stages).key)
        elif action == 1:
            member = demo_ws.member(rng.choice(members))
            demo_ws.update_task(
                picked[0].model_copy(update={"assignee_id": member.id, "team_id": member.team_id})
            )
        elif action == 2:
            demo_ws.archive_tasks([t.key for t in picked])
        else:
            demo_ws.delete_tasks([picked[0].key])
        qtbot.waitUntil(lambda: not watch._timer.isActive(), timeout=2000)
        assert watch.counts == demo_ws.member_wip(), f"after step {step}"


def test_a_change_of_stages_counts_again_from_the_file(qtbot: QtBot, demo_ws: Workspace) -> None:
    watch = WipWatch(demo_ws)
    board = demo_ws.boards()[0].key
    review = next(s for s in demo_ws.stages(board) if s.kind == "review")
    before = dict(watch.counts)
    with qtbot.waitSignal(watch.changed, timeout=2000):
        demo_ws.update_stage(review.model_copy(update={"kind": StageKind.ACTIVE, "is_gate": False}))
    assert watch.counts == demo_ws.member_wip() != before
