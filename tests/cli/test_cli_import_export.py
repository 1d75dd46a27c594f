"""`mopsboard import` and `mopsboard export`, as a user runs them: summaries, refusals in one
line, nothing of a failed import left behind, and no Qt loaded."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error, run_process

from mopsboard.store.workspace import Workspace


def dump_file(path: Path) -> list[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TRELLO = FIXTURES / "trello" / "launch_board.json"


def test_a_trello_board_into_a_new_workspace(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "new.mopsboard"
    status, out, err = cli("import", target, TRELLO, "--json")
    assert status == 0, err
    summary = json.loads(out)
    assert {k: summary[k] for k in ("board", "tasks", "stages", "people", "labels")} == {
        "board": "Q3 Launch \U0001f680",
        "tasks": 3,
        "stages": 4,
        "people": 3,
        "labels": 4,
    }
    assert summary["checklist_items"] == 3
    assert summary["comments"] == 2
    assert {
        "item": "card 'Old idea (archived card)' (#3)",
        "reason": summary["skipped"][1]["reason"],
    } in summary["skipped"]
    with Workspace.open(target, read_only=True) as ws:
        assert [b.name for b in ws.boards()] == ["Q3 Launch \U0001f680"]
        assert len(ws.personas()) == 4
        assert [t.title for t in ws.tasks()][1] == "Landing page"
        email = ws.tasks()[0]
        assert [(c.author, c.at.isoformat() if c.at else None) for c in ws.comments(email.key)] == [
            ("Jonas Weber", "2026-03-02T17:40:00+00:00"),
            ("Ana Lima", "2026-03-03T09:15:00+00:00"),
        ]


def test_archived_cards_come_in_as_archived_tasks(cli: Run, tmp_path: Path) -> None:
    status, out, _ = cli("import", tmp_path / "w.mopsboard", TRELLO, "--archived", "--json")
    assert status == 0 and json.loads(out)["tasks"] == 5
    with Workspace.open(tmp_path / "w.mopsboard", read_only=True) as ws:
        assert len(ws.tasks()) == 3 and len(ws.tasks(include_archived=True)) == 5


def test_a_csv_into_an_existing_board_with_a_mapping(cli: Run, demo: Path, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("Thing,Status,When\nBrief,Ready,2026-04-01\n", encoding="utf-8")
    status, out, err = cli(
        "import",
        demo,
        source,
        "--board",
        "Campaign board",
        "--map",
        "Thing=title",
        "--map",
        "When=due",
    )
    assert status == 0, err
    assert out.startswith("Imported 'Campaign board'")
    with Workspace.open(demo, read_only=True) as ws:
        brief = next(t for t in ws.tasks() if t.title == "Brief")
        assert ws.stage(brief.stage_id).name == "Ready" and str(brief.due_date) == "2026-04-01"


def test_ambiguous_dates_are_refused_unless_the_order_is_given(cli: Run, tmp_path: Path) -> None:
    source = tmp_path / "calendar.csv"
    source.write_text("Date,Title,Tags,Status\n05/06/2026,Post,blog,Idea\n", encoding="utf-8")
    target = tmp_path / "new.mopsboard"
    status, _, err = cli("import", target, source)
    assert status == 1
    assert_one_line_error(err, "could be 5 June or May 6", "--dayfirst or --monthfirst")
    assert not target.exists()
    status, _, err = cli("import", target, source, "--monthfirst")
    assert status == 0, err
    with Workspace.open(target, read_only=True) as ws:
        assert str(ws.tasks()[0].due_date) == "2026-05-06"


def test_dayfirst_and_monthfirst_together_are_a_usage_error(cli: Run, tmp_path: Path) -> None:
    status, _, err = cli("import", tmp_path / "w", TRELLO, "--dayfirst", "--monthfirst")
    assert status == 2 and "not allowed with argument" in err


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("stage.csv", "Title,Status\nA," + "S" * 10_000 + "\n", "too long (10000 characters"),
        ("person.csv", "Title,Assignee\nA," + "P" * 10_000 + "\n", "row 2 ('A'), the person"),
        ("cut.json", '{"name": "b", "lists": [{"id": "l", "name": "x"}], "cards": [', "truncated"),
        ("dates.csv", "Title,Due\nA,tomorrowish\n", "row 2, column 'Due'"),
        ("empty.csv", "", "the file is empty"),
    ],
)
def test_bad_input_leaves_no_new_workspace(
    cli: Run, tmp_path: Path, name: str, content: str, words: str
) -> None:
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "new.mopsboard"
    status, _, err = cli("import", target, source)
    assert status == 1
    assert_one_line_error(err, words)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_bad_input_leaves_an_existing_workspace_untouched(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("Title,Assignee\nfine,New person\nB," + "P" * 10_000 + "\n", encoding="utf-8")
    before = dump_file(demo)
    status, _, err = cli("import", demo, source)
    assert status == 1
    assert_one_line_error(err, "row 3 ('B'), the person 'PPPP", "nothing was imported")
    assert dump_file(demo) == before


def test_the_workspace_file_round_trip_gives_the_same_bytes(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    status, out, err = cli("export", demo, tmp_path / "a.json")
    assert status == 0, err and "Wrote the workspace" in out
    status, out, err = cli("import", tmp_path / "copy.mopsboard", tmp_path / "a.json", "--json")
    assert status == 0, err
    assert json.loads(out)["tables"]["tasks"] > 0
    assert cli("export", tmp_path / "copy.mopsboard", tmp_path / "b.json")[0] == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_workspace_file_into_a_workspace_with_work_is_refused(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    cli("export", demo, tmp_path / "a.json")
    other = tmp_path / "other.mopsboard"
    shutil.copyfile(demo, other)
    status, _, err = cli("import", other, tmp_path / "a.json")
    assert status == 1
    assert_one_line_error(err, "the workspace is not empty", "a file name that does not exist")


def test_tasks_as_csv_of_one_board(cli: Run, demo: Path, tmp_path: Path) -> None:
    status, out, err = cli(
        "export", demo, tmp_path / "t.csv", "--board", "Campaign board", "--json"
    )
    assert status == 0, err
    summary = json.loads(out)
    lines = (tmp_path / "t.csv").read_bytes().count(b"\r\n")
    assert summary["tasks"] > 0 and summary["format"] == "csv"
    assert lines >= summary["tasks"] + 1


@pytest.mark.parametrize(
    ("argv", "words"),
    [(["out.txt"], "neither .json"), (["out.json", "--board", "x"], "--board is for .csv")],
)
def test_export_usage_errors(cli: Run, demo: Path, argv: list[str], words: str) -> None:
    status, _, err = cli("export", demo, *argv)
    assert status == 2 and words in err


def test_an_export_never_replaces_the_open_workspace(cli: Run, demo: Path, tmp_path: Path) -> None:
    link = tmp_path / "same.json"
    link.symlink_to(demo)
    before = demo.read_bytes()
    status, _, err = cli("export", demo, link)
    assert status == 1
    assert_one_line_error(err, "open workspace")
    assert demo.read_bytes() == before


NO_QT = """
import sys
from mopsboard.cli import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "mopsboard.app")))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
raise SystemExit(status)
"""


def test_import_and_export_never_load_qt(tmp_path: Path) -> None:
    target = tmp_path / "w.mopsboard"
    for argv in (
        ["import", target, TRELLO],
        ["export", target, tmp_path / "o.json"],
        ["export", target, tmp_path / "o.csv"],
    ):
        result = run_process(*argv, code=NO_QT)
        assert result.returncode == 0, result.stderr
        assert "LOADED:\n" in result.stderr
