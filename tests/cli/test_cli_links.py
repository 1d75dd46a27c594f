"""`mopsboard link` and `unlink`, and what `tasks --json` says of links: `depends_on` and
`blocked`, the same on the quick and the validated reading."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error, rows

import mopsboard.store.task_listing as task_listing
from mopsboard.store.workspace import Workspace


@pytest.fixture(autouse=True)
def _no_demo_links(demo: Path) -> None:
    # The demo links its campaigns' chains; these tests count the links they write themselves.
    conn = sqlite3.connect(demo)
    try:
        with conn:
            conn.execute("DELETE FROM task_links")
    finally:
        conn.close()


def file_links(path: Path) -> list[tuple[int, int, str, int]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT predecessor_id, successor_id, kind, lag_days FROM task_links ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def first_tasks(path: Path, count: int) -> list[tuple[int, str]]:
    with Workspace.open(path) as ws:
        return [(t.key, t.title) for t in ws.tasks()[:count]]


def test_link_writes_the_link_and_says_it_in_words(cli: Run, demo: Path) -> None:
    (a, a_title), (b, b_title) = first_tasks(demo, 2)
    status, out, err = cli("link", demo, b, "--after", a, "--lag", "-3")
    assert (status, err) == (0, "")
    assert out.strip() == (
        f"Task {b} '{b_title}' now waits for task {a} '{a_title}': it starts after it is due, "
        "3 working days earlier."
    )
    assert file_links(demo) == [(a, b, "finish_to_start", -3)]
    # Linking again changes the lag and the kind.
    status, out, _ = cli("link", demo, b, "--after", a, "--start-to-start")
    assert status == 0 and "still waits for" in out and out.strip().endswith("starts with it.")
    assert file_links(demo) == [(a, b, "start_to_start", 0)]
    status, out, _ = cli("unlink", demo, b, "--after", a)
    assert (status, out.strip()) == (0, f"Task {b} no longer waits for task {a} '{a_title}'.")
    assert file_links(demo) == []


def test_a_loop_a_missing_link_and_a_bad_lag_are_refused_in_one_line(cli: Run, demo: Path) -> None:
    (a, a_title), (b, _), (c, c_title) = first_tasks(demo, 3)
    assert cli("link", demo, b, "--after", a)[0] == 0
    assert cli("link", demo, c, "--after", b)[0] == 0
    before = file_links(demo)
    status, _, err = cli("link", demo, a, "--after", c)
    assert status == 1
    assert_one_line_error(err)
    assert f"Task {a} '{a_title}' cannot wait for task {c} '{c_title}'" in err
    status, _, err = cli("link", demo, a, "--after", a)
    assert status == 1 and "cannot wait for itself" in err
    status, _, err = cli("unlink", demo, a, "--after", c)
    assert status == 1 and "does not wait for" in err and "no link to remove" in err
    status, _, err = cli("link", demo, a, "--after", c, "--lag", "1.5")
    assert status == 2 and "not a lag" in err
    status, _, err = cli("link", demo, a, "--after", "99999")
    assert status == 1 and "99999" in err
    assert file_links(demo) == before


def listed(cli: Run, path: Path) -> list[dict[str, object]]:
    status, out, err = cli("tasks", path, "--json")
    assert (status, err) == (0, "")
    return rows(out)


def test_tasks_json_lists_what_each_task_waits_for_and_whether_it_is_blocked(
    cli: Run, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.open(demo) as ws:
        board = ws.boards()[0]
        stages = ws.stages(board.key)
        done = next(s for s in stages if s.kind.value == "done")
        open_stage = next(s for s in stages if s.kind.value != "done")
        finished = next(t for t in ws.tasks(board.key) if t.stage_id == done.id)
        unfinished = [t for t in ws.tasks(board.key) if t.stage_id == open_stage.id][:3]
    waiting, waiting_too, started_with = (t.key for t in unfinished)
    for argv in (
        (waiting, "--after", finished.key),
        (waiting, "--after", started_with, "--start-to-start"),
        (waiting_too, "--after", waiting),
        (waiting_too, "--after", finished.key),
    ):
        assert cli("link", demo, *argv)[0] == 0
    quick = {r["id"]: r for r in listed(cli, demo)}
    # Done and start-to-start predecessors do not block; an open finish-to-start one does.
    assert quick[waiting]["depends_on"] == sorted([finished.key, started_with])
    assert quick[waiting]["blocked"] is False
    assert quick[waiting_too]["depends_on"] == sorted([waiting, finished.key])
    assert quick[waiting_too]["blocked"] is True
    assert quick[finished.key]["depends_on"] == [] and quick[finished.key]["blocked"] is False
    assert sum(bool(r["depends_on"]) for r in quick.values()) == 2
    with monkeypatch.context() as patch:
        patch.setattr(task_listing, "quick_task_listing", lambda *_args: None)
        validated = {r["id"]: r for r in listed(cli, demo)}
    assert validated == quick


def test_new_campaign_from_a_linked_template_writes_its_links(cli: Run, demo: Path) -> None:
    from mopsboard.domain.templates import CampaignTemplate, TemplatePredecessor, TemplateTask

    with Workspace.open(demo) as ws:
        ws.add_template(
            CampaignTemplate(
                name="Linked send",
                tasks=(
                    TemplateTask(title="Draft", duration=2),
                    TemplateTask(title="Send", after=(TemplatePredecessor(title="Draft"),)),
                ),
            )
        )
    before = file_links(demo)
    status, out, _ = cli(
        "new-campaign", demo, "--template", "linked send", "--name", "N", "--launch", "2027-01-05"
    )
    assert status == 0
    with Workspace.open(demo) as ws:
        tasks = {t.title: t.key for t in ws.campaign_tasks(int(out))}  # type: ignore[arg-type]
    assert file_links(demo) == [*before, (tasks["Draft"], tasks["Send"], "finish_to_start", 0)]
