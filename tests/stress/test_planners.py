"""Planners at once on a server workspace (make stress: 20 of 250 actions each; here 4 of 40)."""

from __future__ import annotations

from planners import Report, judge, run

from mopsboard.domain.models import Task


def test_three_planners_lose_no_acknowledged_write(server_url: str) -> None:
    report = run(server_url, planners=4, actions=40, seed=11)
    assert report.failures == []
    assert report.actions == 160
    assert report.kinds["edit"] > 0 and report.kinds["add"] > 0
    assert report.kinds["conflict"] > 0  # stale copies were edited: each one was caught


def _task(task_id: int, title: str, version: int, rank: str) -> Task:
    return Task(id=task_id, board_id=1, stage_id=1, title=title, version=version, rank=rank,
                estimate_hours=2.0)  # fmt: skip


def test_the_judge_catches_a_lost_update_a_missing_add_and_a_shared_key() -> None:
    """The harness itself must be able to fail."""
    tasks = [_task(1, "b", 3, "F"), _task(2, "c", 1, "U")]
    fine = [
        {"kind": "edit", "task": 1, "read": 1, "version": 2, "title": "a", "hours": 2.0},
        {"kind": "edit", "task": 1, "read": 2, "version": 3, "title": "b", "hours": 2.0},
        {"kind": "add", "task": 2, "title": "c"},
    ]
    report = Report()
    judge(report, fine, tasks)
    assert report.failures == []

    # Two edits acknowledged from the same version: the first was overwritten unseen.
    lost = [*fine, {"kind": "edit", "task": 1, "read": 2, "version": 3, "title": "x", "hours": 2}]
    report = Report()
    judge(report, lost, tasks)
    assert report.failures == ["2 edits of task 1 read at version 2 were all acknowledged"]

    report = Report()
    judge(report, [*fine, {"kind": "add", "task": 9, "title": "gone"}], tasks)
    assert report.failures == ["acknowledged add 'gone' is not there"]

    report = Report()
    judge(report, fine, [tasks[0], _task(2, "c", 1, "F")])
    assert report.failures == ["two tasks of stage 1 share the order key 'F'"]

    report = Report()
    judge(report, [*fine, {"kind": "error", "what": "WorkspaceLocked", "why": "locked"}], tasks)
    assert report.failures == ["an error reached a planner: WorkspaceLocked: locked"]
