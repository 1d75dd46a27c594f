"""SIGKILL a writing process 30 times; nothing acknowledged may be lost (make stress: 500)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from crash_harness import Report, apply, check_file, judge, read_log, run, seed_file
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


def test_thirty_kills_lose_no_acknowledged_write(qtbot: QtBot, tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    path = tmp_path / "crash.mopsboard"
    report = run(path, kills=30, seed=seed)
    assert report.failures == [], f"seed {seed}: {report.failures}"
    assert (report.kills, report.lost, report.half_applied) == (30, 0, 0)
    # Each round writes for up to 0.3 s, so the kills land among many writes.
    assert report.acknowledged > 30
    # The file the last kill left opens in the app, every task on its board.
    ws = Workspace.open(path)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    assert len(window.model.tasks) == sum(not t.archived for t in ws.tasks())
    window.close()
    ws.close()


def test_the_judge_counts_lost_and_half_applied_writes(tmp_path: Path) -> None:
    """The harness itself must be able to fail: a missing write and a half move are caught."""
    path = tmp_path / "w.mopsboard"
    seed_file(path)
    before = check_file(path)
    stage_of = {title: state[0] for title, state in before.items()}
    other = next(
        s for s in set(stage_of.values()) if s not in (stage_of["seed 0"], stage_of["seed 1"])
    )

    report = Report()
    judge(report, 1, before, before, [{"new task": [other, "", None, False]}], None)
    assert (report.lost, len(report.failures)) == (1, 1)

    half_move = {t: [other, "", None, False] for t in ("seed 0", "seed 1")}
    half_done = apply(before, {"seed 0": half_move["seed 0"]})
    report = Report()
    judge(report, 1, before, half_done, [], half_move)
    assert (report.lost, report.half_applied) == (0, 1)

    report = Report()
    whole = apply(before, half_move)
    judge(report, 1, before, whole, [], half_move)
    assert (report.failures, report.committed_unacknowledged) == ([], 1)


def test_a_line_cut_short_by_the_kill_counts_as_not_written(tmp_path: Path) -> None:
    log = tmp_path / "child.log"
    log.write_text('READY\nBEGIN {"n": 4, "kind": "add", "effect": {}}\nACK 4\nBEGIN {"n": 5')
    ready, done, pending = read_log(log)
    assert ready and done == [{}] and pending is None
