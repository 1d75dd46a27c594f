"""The campaign calendar: written with icalendar, read back with it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.models import Campaign, Task
from mopsboard.io.ical import CALENDAR_SETTING, export_ics
from mopsboard.store.workspace import Workspace


@pytest.fixture
def planned(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "plan.mopsboard")
    board = ws.boards()[0].key
    stages = {s.name: s.key for s in ws.stages(board)}
    launch = ws.add_campaign(
        Campaign(
            name='Atlas; launch, "4"',
            objective="Win back lapsed trials",
            owner="MOps lead",
            start_date=date(2026, 5, 4),
            launch_date=date(2026, 6, 10),
            end_date=date(2026, 6, 30),
        )
    )
    ws.add_campaign(Campaign(name="Launch only", launch_date=date(2026, 7, 1)))
    ws.add_campaign(Campaign(name="Undated"))
    old = ws.add_campaign(Campaign(name="Archived", launch_date=date(2026, 1, 1)))
    ws.update_campaign(old.model_copy(update={"archived": True}))
    for title, stage, due in (
        ("Legal review", "Review", date(2026, 6, 4)),
        ("Landing page", "Done", date(2026, 6, 1)),
        ("No date", "Backlog", None),
    ):
        ws.add_task(
            Task(
                board_id=board,
                stage_id=stages[stage],
                title=title,
                campaign_id=launch.id,
                due_date=due,
                estimate_hours=3,
            )
        )
    ws.add_task(
        Task(board_id=board, stage_id=stages["Backlog"], title="Loose", due_date=date.today())
    )
    yield ws
    ws.close()


def events(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(event["UID"]): {
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART"),
            "end": event.decoded("DTEND"),
            "description": str(event.get("DESCRIPTION", "")),
        }
        for event in calendar.walk("VEVENT")
    }


def test_export_holds_spans_launches_and_open_due_dates(planned: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "campaigns.ics"
    summary = export_ics(planned, out)
    assert (summary.campaigns, summary.launches, summary.due_dates) == (2, 2, 1)
    found = events(out)
    assert len(found) == summary.events == 5
    by_summary = {e["summary"]: e for e in found.values()}
    span = by_summary['Atlas; launch, "4"']
    assert span["start"] == date(2026, 5, 4)
    assert span["end"] == date(2026, 7, 1)  # the day after the last day
    assert "Win back lapsed trials" in str(span["description"])
    assert "Owner: MOps lead" in str(span["description"])
    launch = by_summary['Launch: Atlas; launch, "4"']
    assert (launch["start"], launch["end"]) == (date(2026, 6, 10), date(2026, 6, 11))
    due = by_summary['Due: Legal review (Atlas; launch, "4")']
    assert due["start"] == date(2026, 6, 4)
    assert "Estimate: 3 h" in str(due["description"])
    only = by_summary["Launch only"]
    assert only["start"] == date(2026, 7, 1) and only["end"] == date(2026, 7, 2)
    assert not any("Landing page" in str(e["summary"]) for e in found.values())
    assert not any("Archived" in str(e["summary"]) for e in found.values())


def test_uids_are_stable_between_exports(planned: Workspace, tmp_path: Path) -> None:
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    export_ics(planned, first)
    planned.shift_campaign(planned.campaigns()[0].key, 7)
    export_ics(planned, second)
    assert events(first).keys() == events(second).keys()
    assert planned.setting(CALENDAR_SETTING)
    text = first.read_text("utf-8")
    assert text.startswith("BEGIN:VCALENDAR") and "PRODID:" in text and "VERSION:2.0" in text


def test_a_read_only_workspace_exports_too(planned: Workspace, tmp_path: Path) -> None:
    planned.close()
    with Workspace.open(tmp_path / "plan.mopsboard", read_only=True) as ws:
        export_ics(ws, tmp_path / "ro.ics")
        export_ics(ws, tmp_path / "ro2.ics")
    assert events(tmp_path / "ro.ics").keys() == events(tmp_path / "ro2.ics").keys()


def test_an_unwritable_target_says_so(planned: Workspace, tmp_path: Path) -> None:
    with pytest.raises(MopsboardError, match="could not write the calendar"):
        export_ics(planned, tmp_path / "missing-folder" / "x.ics")
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_today_is_not_needed(planned: Workspace, tmp_path: Path) -> None:
    # Past due dates stay in the calendar: overdue work is still work to see.
    out = tmp_path / "c.ics"
    task = next(t for t in planned.tasks() if t.title == "Legal review")
    planned.update_task(task.model_copy(update={"due_date": date.today() - timedelta(days=30)}))
    export_ics(planned, out)
    assert any(e["start"] == date.today() - timedelta(days=30) for e in events(out).values())


def test_a_failed_export_keeps_nothing_in_the_workspace(planned: Workspace, tmp_path: Path) -> None:
    assert planned.setting(CALENDAR_SETTING) is None
    for target in (tmp_path / "missing-folder" / "x.ics", tmp_path, Path("/")):
        with pytest.raises(MopsboardError, match="could not write the calendar"):
            export_ics(planned, target)
    assert planned.setting(CALENDAR_SETTING) is None
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_a_stale_temporary_file_is_not_written_through(planned: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "c.ics"
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone else's")
    (tmp_path / f".c.ics.{os.getpid()}.tmp").symlink_to(elsewhere)
    with pytest.raises(MopsboardError, match="could not write the calendar"):
        export_ics(planned, target)
    assert elsewhere.read_text() == "someone else's"
    assert (tmp_path / f".c.ics.{os.getpid()}.tmp").is_symlink()


def test_uids_before_and_after_the_id_is_kept_are_the_same(
    planned: Workspace, tmp_path: Path
) -> None:
    planned.close()
    path = tmp_path / "plan.mopsboard"
    with Workspace.open(path, read_only=True) as ws:
        export_ics(ws, tmp_path / "read-only.ics")
        assert ws.setting(CALENDAR_SETTING) is None
    with Workspace.open(path) as ws:
        export_ics(ws, tmp_path / "kept.ics")
        assert ws.setting(CALENDAR_SETTING)
    assert events(tmp_path / "read-only.ics").keys() == events(tmp_path / "kept.ics").keys()
