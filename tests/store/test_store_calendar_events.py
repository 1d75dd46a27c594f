"""Calendar events in the workspace: import by uid (add, update, leave alone) in one unit of work,
listing by period, undo and redo of an import, delete and restore, and the inputs of the
warnings. On a file and on the server alike."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mopsboard.domain.calendar_events import CalendarEvent, CalendarEventKind
from mopsboard.domain.errors import ConflictError
from mopsboard.domain.models import Campaign, Task
from mopsboard.store.base import Change
from mopsboard.store.workspace import Workspace

D = date(2026, 3, 16)


def event(uid: str, title: str = "Launch", first: date = D, last: date | None = None, **more):
    return CalendarEvent(uid=uid, title=title, first_day=first, last_day=last or first, **more)


def held(ws: Workspace) -> list[tuple[str, str, date, date, str]]:
    return [(e.uid, e.title, e.first_day, e.last_day, e.kind.value) for e in ws.calendar_events()]


def test_an_import_adds_new_uids_updates_known_ones_and_leaves_the_same_alone(ws: Workspace):
    first = ws.import_calendar_events([event("a", "Alpha"), event("b", "Beta")])
    assert [e.uid for e in first.added] == ["a", "b"] and not first.updated
    seen: list[Change] = []
    ws.subscribe(seen.append)
    again = ws.import_calendar_events(
        [
            event("a", "Alpha"),
            event("b", "Beta 2", D, date(2026, 3, 17)),
            event("c", "Gamma", kind=CalendarEventKind.OTHER),
        ]
    )
    assert [e.uid for e in again.added] == ["c"]
    assert [(b.title, a.title) for b, a in again.updated] == [("Beta", "Beta 2")]
    assert again.unchanged == 1
    # By first day, then last day.
    assert held(ws) == [
        ("a", "Alpha", D, D, "product_launch"),
        ("c", "Gamma", D, D, "other"),
        ("b", "Beta 2", D, date(2026, 3, 17), "product_launch"),
    ]
    # One unit of work, reported once committed: what was added, what was updated.
    assert sorted((c.table, c.kind) for c in seen) == [
        ("calendar_events", "inserted"),
        ("calendar_events", "updated"),
    ]


def test_an_import_with_a_bad_event_writes_nothing(ws: Workspace):
    ws.import_calendar_events([event("a", "Alpha")])
    bad = event("b").model_copy(update={"last_day": date(2026, 3, 1)})  # unvalidated copy
    with pytest.raises(ValueError, match="before the first day"):
        ws.import_calendar_events([event("a", "Alpha changed"), bad])
    assert held(ws) == [("a", "Alpha", D, D, "product_launch")]


def test_a_uid_given_twice_keeps_the_last(ws: Workspace):
    done = ws.import_calendar_events([event("a", "First"), event("a", "Second")])
    assert done.doubled == ("a",)
    assert [e.title for e in ws.calendar_events()] == ["Second"]


def test_events_are_listed_by_the_period_they_touch_and_by_kind(ws: Workspace):
    ws.import_calendar_events(
        [
            event("before", first=date(2026, 3, 1), last=date(2026, 3, 8)),
            event("across", first=date(2026, 3, 8), last=date(2026, 3, 20)),
            event("inside", first=date(2026, 3, 12)),
            event("after", first=date(2026, 4, 1)),
            event("show", first=date(2026, 3, 10), kind=CalendarEventKind.OTHER),
        ]
    )
    touching = ws.calendar_events(date(2026, 3, 9), date(2026, 3, 31))
    assert [e.uid for e in touching] == ["across", "show", "inside"]
    assert [e.uid for e in ws.calendar_events(kind=CalendarEventKind.OTHER)] == ["show"]
    assert [e.uid for e in ws.calendar_events(last=date(2026, 3, 8))] == ["before", "across"]


def test_undo_takes_an_import_back_and_redo_makes_it_again_with_the_same_ids(ws: Workspace):
    ws.import_calendar_events([event("a", "Alpha")])
    done = ws.import_calendar_events([event("a", "Alpha 2"), event("b", "Beta")])
    after = held(ws)
    ids = sorted(e.key for e in ws.calendar_events())
    ws.undo_calendar_import(done)
    assert held(ws) == [("a", "Alpha", D, D, "product_launch")]
    ws.redo_calendar_import(done)
    assert held(ws) == after
    assert sorted(e.key for e in ws.calendar_events()) == ids
    ws.undo_calendar_import(done)
    assert held(ws) == [("a", "Alpha", D, D, "product_launch")]


def test_undo_refuses_to_write_over_an_event_changed_elsewhere(ws: Workspace, ws_location: str):
    ws.import_calendar_events([event("a", "Alpha")])
    done = ws.import_calendar_events([event("a", "Alpha 2")])
    with Workspace.open(ws_location) as other:
        other.import_calendar_events([event("a", "Theirs")])
    with pytest.raises(ConflictError):
        ws.undo_calendar_import(done)
    assert [e.title for e in ws.calendar_events()] == ["Theirs"]
    # Keep mine: made anyway.
    ws.undo_calendar_import(done, check=False)
    assert [e.title for e in ws.calendar_events()] == ["Alpha"]


def test_deleted_events_come_back_with_their_ids(ws: Workspace):
    done = ws.import_calendar_events([event("a"), event("b", "Other")])
    gone = ws.delete_calendar_events([done.added[0].key])
    assert [e.uid for e in gone] == ["a"]
    assert [e.uid for e in ws.calendar_events()] == ["b"]
    ws.restore_calendar_events(gone)
    assert [(e.uid, e.id) for e in ws.calendar_events()] == [
        ("a", done.added[0].id),
        ("b", done.added[1].id),
    ]


def test_the_file_holds_the_events_as_written(ws: Workspace, ws_path: Path):
    ws.import_calendar_events([event("a", "Alpha", source="launches.ics")])
    conn = sqlite3.connect(f"{ws_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = conn.execute(
            "SELECT uid, title, first_day, last_day, kind, source, version FROM calendar_events"
        ).fetchall()
    finally:
        conn.close()
    assert rows == [("a", "Alpha", "2026-03-16", "2026-03-16", "product_launch", "launches.ics", 1)]


def test_the_personas_of_a_campaign_are_those_its_unarchived_tasks_target(
    ws: Workspace, board_id: int, stage
):
    personas = {p.name: p.key for p in ws.personas()}
    spring = ws.add_campaign(Campaign(name="Spring"))
    autumn = ws.add_campaign(Campaign(name="Autumn"))
    backlog = stage["Backlog"].key

    def task(title: str, campaign: Campaign, persona: str | None, archived: bool = False) -> None:
        ws.add_task(
            Task(
                board_id=board_id,
                stage_id=backlog,
                title=title,
                campaign_id=campaign.key,
                persona_id=personas[persona] if persona else None,
                archived=archived,
            )
        )

    task("a", spring, "Scientist")
    task("b", spring, "Orchestrator")
    task("c", spring, None)
    task("d", autumn, "Psychologist", archived=True)
    # Without estimates the tasks count: one each, so both personas lead.
    assert ws.campaign_personas() == {
        spring.key: frozenset({personas["Scientist"], personas["Orchestrator"]})
    }


def test_a_campaign_is_aimed_at_the_personas_most_of_its_hours_target(
    ws: Workspace, board_id: int, stage
):
    personas = {p.name: p.key for p in ws.personas()}
    spring = ws.add_campaign(Campaign(name="Spring"))
    backlog = stage["Backlog"].key
    work = [("Scientist", 20.0), ("Scientist", 20.0), ("Orchestrator", 32.0), ("Modernizer", 8.0)]
    work += [("Psychologist", 29.0), (None, 100.0), ("Psychologist", 50.0)]
    for n, (persona, hours) in enumerate(work):
        ws.add_task(
            Task(
                board_id=board_id,
                stage_id=backlog,
                title=f"t{n}",
                campaign_id=spring.key,
                persona_id=personas[persona] if persona else None,
                estimate_hours=hours,
                archived=n == len(work) - 1,
            )
        )
    # Scientist leads with 40 h; Orchestrator's 32 h is within three quarters of it; the
    # Modernizer's 8 h and the Psychologist's 29 h (its 50 h task is archived) are not.
    assert ws.campaign_personas() == {
        spring.key: frozenset({personas["Scientist"], personas["Orchestrator"]})
    }
    assert ws.campaign_personas([spring.key]) == ws.campaign_personas()
    other = ws.add_campaign(Campaign(name="Other"))
    assert ws.campaign_personas([other.key]) == {}
    assert ws.campaign_personas([]) == {}


def test_the_warnings_read_campaigns_personas_and_product_launches(
    ws: Workspace, board_id: int, stage
):
    scientist = next(p for p in ws.personas() if p.name == "Scientist")
    spring = ws.add_campaign(Campaign(name="Spring", launch_date=date(2026, 3, 17)))
    webinar = ws.add_campaign(Campaign(name="Webinar", launch_date=date(2026, 3, 19)))
    ws.add_campaign(Campaign(name="Old", launch_date=date(2026, 3, 18), archived=True))
    for campaign in (spring, webinar):
        ws.add_task(
            Task(
                board_id=board_id,
                stage_id=stage["Backlog"].key,
                title=f"Work for {campaign.name}",
                campaign_id=campaign.key,
                persona_id=scientist.key,
            )
        )
    ws.import_calendar_events(
        [
            event("p", "Acme 5", date(2026, 3, 18)),
            event("t", "Trade show", date(2026, 3, 18), kind=CalendarEventKind.OTHER),
        ]
    )
    found = [(w.kind.value, w.campaign_ids) for w in ws.campaign_warnings()]
    assert found == [
        ("same_week", (spring.key, webinar.key)),
        ("product_launch", (spring.key,)),
        ("product_launch", (webinar.key,)),
    ]


def test_the_approved_campaigns_are_listed_without_their_baselines(ws: Workspace):
    spring = ws.add_campaign(Campaign(name="Spring", launch_date=D))
    ws.add_campaign(Campaign(name="Autumn", launch_date=D))
    assert ws.approved_campaign_ids() == frozenset()
    ws.approve(spring.key, ["Product"])
    ws.approve(spring.key, ["Legal"])
    assert ws.approved_campaign_ids() == frozenset({spring.key})
