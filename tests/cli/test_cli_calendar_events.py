"""`mopsboard import-calendar` and `mopsboard warnings`, on the demo workspace."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from cli_support import Run, assert_one_line_error

from mopsboard.store.workspace import Workspace

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ical"


def file_events(path: Path) -> list[tuple[object, ...]]:
    """The events the file holds beyond the demo's own (its company calendar's)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT title, first_day, last_day, kind, source FROM calendar_events "
            "WHERE uid NOT LIKE 'demo-%' ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_importing_a_calendar_says_how_many_were_added_then_updated(cli: Run, demo: Path):
    status, out, err = cli("import-calendar", demo, FIXTURES / "outlook.ics")
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "Imported 'Product launches 2026' from outlook.ics as product launches: 3 added, "
        "0 updated, 0 unchanged."
    ]
    assert file_events(demo)[0] == (
        "Acme Cloud 5.0 GA",
        "2026-03-18",
        "2026-03-18",
        "product_launch",
        "outlook.ics",
    )
    status, out, _err = cli("import-calendar", demo, FIXTURES / "outlook.ics", "--kind", "other")
    assert status == 0
    assert "as other events: 0 added, 3 updated, 0 unchanged." in out
    assert {row[3] for row in file_events(demo)} == {"other"}
    status, out, _err = cli("import-calendar", demo, FIXTURES / "outlook.ics", "--kind", "other")
    assert "0 added, 0 updated, 3 unchanged." in out


def test_a_repeating_event_and_a_skipped_one_are_said(cli: Run, demo: Path):
    status, out, _err = cli("import-calendar", demo, FIXTURES / "google.ics")
    assert status == 0
    assert "1 repeating event, taken as its occurrences from " in out
    assert "'Feature release' 5 times." in out  # six, one of them cancelled
    status, out, _err = cli("import-calendar", demo, FIXTURES / "odd_events.ics")
    assert status == 0
    assert "2 added" in out
    assert "Skipped 'Half': its start (DTSTART) is missing or cannot be read." in out


def test_a_damaged_file_is_refused_in_one_line_and_nothing_is_written(cli: Run, demo: Path):
    status, out, err = cli("import-calendar", demo, FIXTURES / "truncated.ics")
    assert status != 0 and out == ""
    assert_one_line_error(err, "truncated.ics", "damaged or cut short", "nothing was imported")
    assert file_events(demo) == []
    status, _out, err = cli("import-calendar", demo, FIXTURES / "outlook.ics", "--kind", "launch")
    assert status == 2 and "invalid choice: 'launch'" in err


def test_warnings_name_both_sides_and_come_as_json(cli: Run, demo: Path):
    with Workspace.open(demo) as ws:
        atlas = ws.campaign_named("Atlas 3.0 product launch")
        webinar = ws.campaign_named("Webinar: lead scoring that sales trusts")
        ws.update_campaign(
            atlas.model_copy(
                update={"launch_date": date(2026, 3, 17), "audience": "RevOps leaders"}
            )
        )
        ws.update_campaign(
            webinar.model_copy(
                update={
                    "launch_date": date(2026, 3, 19),
                    "end_date": None,
                    "audience": "revops  LEADERS",
                }
            )
        )
    assert cli("import-calendar", demo, FIXTURES / "outlook.ics")[0] == 0
    status, out, err = cli("warnings", demo, "--json")
    assert (status, err) == (0, "")
    found = json.loads(out)
    assert [(w["kind"], w["campaigns"], w["week"], w["day"]) for w in found] == [
        ("same_week", [atlas.name, webinar.name], "2026-W12", "2026-03-17"),
        ("product_launch", [atlas.name], "2026-W12", "2026-03-17"),
        ("product_launch", [webinar.name], "2026-W12", "2026-03-19"),
    ]
    assert "the product launch 'Acme Cloud 5.0 GA' on Wed 18 Mar 2026" in found[1]["text"]
    status, out, _err = cli("warnings", demo)
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3 and lines[0].startswith("2026-W12  'Atlas 3.0 product launch' and ")


def test_a_plan_without_warnings_says_so(cli: Run, tmp_path: Path):
    # The demo's launches are warned of (its company calendar's product launch): a new file's
    # plan has none.
    empty = tmp_path / "new.mopsboard"
    assert cli("init", empty)[0] == 0
    status, out, _err = cli("warnings", empty)
    assert status == 0 and out.startswith("No warnings")
    assert json.loads(cli("warnings", empty, "--json")[1]) == []
