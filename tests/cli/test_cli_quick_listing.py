"""`mopsboard tasks` reads a sound file without building models (store/task_listing) and prints
exactly what the validated reading prints; a file it will not vouch for goes the validated way."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import TODAY, Run

import mopsboard.store.task_listing as task_listing
from mopsboard.io.demo import create_demo_file
from mopsboard.store.task_listing import quick_task_listing


def both_ways(cli: Run, monkeypatch: pytest.MonkeyPatch, *argv: str | Path) -> tuple[str, str]:
    status, quick, err = cli("tasks", *argv)
    assert (status, err) == (0, "")
    with monkeypatch.context() as patch:
        patch.setattr(task_listing, "quick_task_listing", lambda *_args: None)
        status, validated, err = cli("tasks", *argv)
    assert (status, err) == (0, "")
    return quick, validated


@pytest.mark.parametrize(
    "argv",
    [["--json"], [], ["--board", "content STUDIO", "--json"], ["--board", "Lifecycle email"]],
)
def test_a_scaled_demo_lists_the_same_both_ways(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, argv: list[str]
) -> None:
    path = tmp_path / "scaled.mopsboard"
    create_demo_file(path, tasks=1500, today=TODAY)
    # An archived board's tasks and stages are listed by name too.
    change(path, "UPDATE boards SET archived = 1 WHERE name = 'Lifecycle email'")
    # Hours logged on every seventh task, some in several logs whose sum is not exact in binary.
    change(
        path,
        "INSERT INTO time_logs (task_id, member_id, day, hours, at) "
        "SELECT t.id, t.assignee_id, '2026-03-02', 0.1 * (1 + t.id % 3), '2026-03-02T09:00:00Z' "
        "FROM tasks t, (SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) WHERE t.id % 7 = 0",
    )
    assert quick_task_listing(path) is not None
    quick, validated = both_ways(cli, monkeypatch, path, *argv)
    assert quick == validated
    if "--json" in argv:
        assert '"logged_hours": 0.6' in quick and '"logged_hours": 0.0' in quick
    listed = quick.count('"id"') if "--json" in argv else int(quick.split()[-2])
    assert listed >= 250


def test_the_hand_written_demo_lists_the_same_both_ways(
    cli: Run, monkeypatch: pytest.MonkeyPatch, demo: Path
) -> None:
    quick, validated = both_ways(cli, monkeypatch, demo, "--json")
    assert quick == validated
    # Checklists, labels, dates and archived tasks left out: the demo has all of them.
    assert '"done": true' in quick and '"labels": [\n      "' in quick


def change(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE tasks SET due_date = 'soon' WHERE id = (SELECT min(id) FROM tasks)",
        "UPDATE tasks SET checklist = '{}' WHERE id = (SELECT min(id) FROM tasks)",
        "UPDATE campaigns SET name = '  Padded by another program ' WHERE id = "
        "(SELECT min(id) FROM campaigns)",
        "UPDATE members SET name = '' WHERE id = (SELECT min(id) FROM members)",
        "UPDATE boards SET name = X'0102' WHERE id = (SELECT min(id) FROM boards)",
    ],
)
def test_a_value_the_store_would_salvage_sends_the_file_the_validated_way(
    cli: Run, monkeypatch: pytest.MonkeyPatch, demo: Path, sql: str
) -> None:
    change(demo, sql)
    assert quick_task_listing(demo) is None
    _, listed, warned = cli("tasks", demo, "--json")
    with monkeypatch.context() as patch:
        patch.setattr(task_listing, "quick_task_listing", lambda *_args: None)
        assert cli("tasks", demo, "--json")[1:] == (listed, warned)


def test_an_unknown_board_is_refused_in_the_stores_words(cli: Run, demo: Path) -> None:
    status, _, err = cli("tasks", demo, "--board", "Nowhere")
    assert status == 1
    assert err == "mopsboard: There is no board named 'Nowhere'.\n"


def test_links_are_listed_the_same_both_ways(
    cli: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "linked.mopsboard"
    create_demo_file(path, tasks=600, today=TODAY)
    # Every tenth task waits for the one before it; every thirtieth starts with it instead.
    change(
        path,
        "INSERT INTO task_links (predecessor_id, successor_id, kind, lag_days) "
        "SELECT id - 1, id, CASE WHEN id % 30 = 0 THEN 'start_to_start' ELSE 'finish_to_start' "
        "END, id % 7 - 3 FROM tasks WHERE id % 10 = 0 AND id > 1",
    )
    assert quick_task_listing(path) is not None
    quick, validated = both_ways(cli, monkeypatch, path, "--json")
    assert quick == validated
    assert '"blocked": true' in quick and '"depends_on": [\n      ' in quick
