"""The campaign commands: list with figures, create from a template, export the calendar."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from cli_support import Run, assert_one_line_error, rows, run_process
from icalendar import Calendar

from mopsboard.domain.builtin_templates import PRODUCT_LAUNCH
from mopsboard.domain.scheduling import is_working_day
from mopsboard.io.ical import CALENDAR_SETTING
from mopsboard.store.workspace import Workspace


def test_campaigns_lists_the_figures_of_the_table(cli: Run, demo: Path) -> None:
    status, out, err = cli("campaigns", demo, "--json")
    assert status == 0 and err == ""
    listed = rows(out)
    with Workspace.open(demo) as ws:
        campaigns = ws.campaigns()
        figures = ws.campaign_figures(date.today())
    assert [r["name"] for r in listed] == [c.name for c in campaigns]
    for row in listed:
        numbers = figures[row["id"]]
        assert (row["tasks"], row["open_tasks"], row["overdue_tasks"]) == (
            numbers.tasks,
            numbers.open,
            numbers.overdue,
        )
        assert row["status"] in {"planned", "active", "launched", "done", "cancelled"}
        assert row["progress"] is None or 0 <= row["progress"] <= 1
    status, table, _ = cli("campaigns", demo)
    assert status == 0
    assert table.splitlines()[0].split()[:3] == ["ID", "NAME", "STATUS"]
    assert table.strip().endswith(f"{len(listed)} campaigns")


def test_new_campaign_from_a_template_prints_its_id(cli: Run, demo: Path) -> None:
    status, out, err = cli(
        "new-campaign",
        demo,
        "--template",
        "product-launch",
        "--name",
        "Atlas 4 launch",
        "--launch",
        "2031-06-11",
    )
    assert status == 0, err
    campaign_id = int(out)
    assert "start before today" not in err
    assert "Product marketing" in err  # the demo has no such team: said, not hidden
    with Workspace.open(demo) as ws:
        campaign = ws.campaign(campaign_id)
        tasks = ws.campaign_tasks(campaign_id)
        board = ws.boards()[0]
    assert campaign.name == "Atlas 4 launch" and campaign.launch_date == date(2031, 6, 11)
    assert len(tasks) == len(PRODUCT_LAUNCH.tasks)
    assert {t.board_id for t in tasks} == {board.id}
    assert all(t.due_date and is_working_day(t.due_date) for t in tasks)
    legal = next(t for t in tasks if "CAN-SPAM" in t.title)
    assert legal.due_date and legal.due_date < date(2031, 6, 11)
    assert legal.team_id is not None  # "Legal and compliance" is a demo team


def test_new_campaign_warns_about_starts_in_the_past(cli: Run, demo: Path) -> None:
    status, out, err = cli(
        "new-campaign", demo, "--template", "Webinar", "--name", "Late", "--launch", "2020-01-08"
    )
    assert status == 0 and int(out) > 0
    assert "start before today" in err


def test_new_campaign_errors(cli: Run, demo: Path, tmp_path: Path) -> None:
    status, _, err = cli(
        "new-campaign", demo, "--template", "Nope", "--name", "X", "--launch", "2030-01-01"
    )
    assert status == 1
    assert_one_line_error(err, "no campaign template named 'Nope'", "'Webinar'")
    status, _, err = cli(
        "new-campaign", demo, "--template", "webinar", "--name", "X", "--launch", "01/02/2030"
    )
    assert status == 2 and "not a date" in err
    status, _, err = cli(
        "new-campaign", demo, "--template", "webinar", "--name", " ", "--launch", "2030-01-01"
    )
    assert status == 1
    assert_one_line_error(err, "name cannot be empty")
    status, _, err = cli(
        "new-campaign",
        demo,
        "--template",
        "webinar",
        "--name",
        "X",
        "--launch",
        "2030-01-01",
        "--board",
        "Nope",
    )
    assert status == 1
    assert_one_line_error(err, "no board named 'Nope'")
    with Workspace.open(demo) as ws:
        assert "X" not in {c.name for c in ws.campaigns(include_archived=True)}


def test_export_ics(cli: Run, demo: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "campaigns.ics"
    status, out, err = cli("export-ics", demo, out_file)
    assert status == 0 and err == ""
    assert out.startswith("Wrote ") and str(out_file) in out
    calendar = Calendar.from_ical(out_file.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    with Workspace.open(demo) as ws:
        names = [c.name for c in ws.campaigns()]
    for name in names:
        assert f"Launch: {name}" in summaries
    assert any(s.startswith("Due: ") for s in summaries)
    status, _, err = cli("export-ics", demo, tmp_path / "no" / "such" / "x.ics")
    assert status == 1
    assert_one_line_error(err, "could not write the calendar")


NO_QT = """
import sys
from mopsboard.cli import main
status = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "mopsboard.app")))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
raise SystemExit(status)
"""


def test_campaign_commands_never_load_qt(tmp_path: Path) -> None:
    path = tmp_path / "w.mopsboard"
    assert run_process("demo", path, "--tasks", "30").returncode == 0
    for argv in (
        ["campaigns", path, "--json"],
        ["new-campaign", path, "--template", "event", "--name", "Expo", "--launch", "2030-05-08"],
        ["export-ics", path, tmp_path / "c.ics"],
    ):
        result = run_process(*argv, code=NO_QT)
        assert result.returncode == 0, result.stderr
        assert "LOADED:\n" in result.stderr, result.stderr
    listed = json.loads(run_process("campaigns", path, "--json").stdout)
    assert "Expo" in [r["name"] for r in listed]


def _unwritable_targets(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "a-folder.ics"
    folder.mkdir()
    (folder / "inside").write_text("keep")
    plain = tmp_path / "plain-file"
    plain.write_text("not a folder")
    return {
        "missing folder": tmp_path / "no" / "such" / "x.ics",
        "a folder": folder,
        "under a file": plain / "x.ics",
        "no file name": Path("/"),
    }


def test_a_failed_export_leaves_the_workspace_untouched(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    before = demo.read_bytes()
    with Workspace.open(demo, read_only=True) as ws:
        assert ws.setting(CALENDAR_SETTING) is None
    for name, target in _unwritable_targets(tmp_path).items():
        status, out, err = cli("export-ics", demo, target)
        assert (status, out) == (1, ""), name
        assert_one_line_error(err, "could not write the calendar")
        assert demo.read_bytes() == before, name
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
    assert (tmp_path / "a-folder.ics" / "inside").read_text() == "keep"
    # The first export that works is the one that keeps the calendar's id.
    status, _, _ = cli("export-ics", demo, tmp_path / "c.ics")
    assert status == 0
    with Workspace.open(demo, read_only=True) as ws:
        kept = ws.setting(CALENDAR_SETTING)
    assert kept and f"{kept}.mopsboard" in (tmp_path / "c.ics").read_text("utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_an_export_to_a_read_only_folder_leaves_the_workspace_untouched(
    cli: Run, demo: Path, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    before = demo.read_bytes()
    status, _, err = cli("export-ics", demo, locked / "x.ics")
    assert status == 1
    assert_one_line_error(err, "could not write the calendar")
    assert demo.read_bytes() == before
    assert list(locked.iterdir()) == []
