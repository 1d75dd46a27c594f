"""`mopsboard scenario FILE ...`: drafting (the real plan untouched), list, compare as JSON and as
a table, adopt (a conflict exits 1 naming the change; --apply-anyway, --skip-changed), discard."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_support import Run, assert_one_line_error
from time_machine import TimeMachineFixture

from mopsboard.domain.calendar import Period
from mopsboard.domain.models import Task
from mopsboard.domain.scenario_report import comparison_data
from mopsboard.store.workspace import Workspace

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def _on_the_demo_day(time_machine: TimeMachineFixture) -> None:
    time_machine.move_to(datetime(2026, 3, 2, 9, tzinfo=UTC), tick=False)


def _plan(path: Path) -> dict[str, Any]:
    """The real plan as the file holds it."""
    with Workspace.open(path, read_only=True) as ws:
        return {
            "tasks": [t.model_dump(mode="json") for t in ws.tasks(include_archived=True)],
            "members": [m.model_dump(mode="json") for m in ws.members()],
            "time_off": [e.model_dump(mode="json") for e in ws.time_off()],
            "campaigns": [c.model_dump(mode="json") for c in ws.campaigns()],
        }


def _rows(path: Path) -> tuple[list[Task], list[str], list[str], list[str]]:
    with Workspace.open(path, read_only=True) as ws:
        tasks = [t for t in ws.tasks() if t.assignee_id and t.due_date and t.estimate_hours]
        people = [m.name for m in ws.members()]
        teams = [t.name for t in ws.teams()]
        chains = ws.launch_chains()
        linked = [c.name for c in ws.campaigns() if c.key in chains]
    return tasks, people, teams, linked


def test_drafting_every_kind_lists_them_and_leaves_the_real_plan(cli: Run, demo: Path):
    tasks, people, teams, linked = _rows(demo)
    before = _plan(demo)
    assert cli("scenario", demo, "new", "Plan B") == (0, "Started scenario 'Plan B'.\n", "")
    drafted = [
        ("shift", "plan b", "--campaign", linked[0], "--days", "14"),
        ("shift", "Plan B", "--campaign", linked[0], "--days", "-3"),
        ("cut", "Plan B", "--task", str(tasks[0].key)),
        ("defer", "Plan B", "--task", str(tasks[1].key), "--days", "5"),
        ("reassign", "Plan B", "--task", str(tasks[2].key), "--to", people[0]),
        ("reassign", "Plan B", "--task", str(tasks[3].key), "--to", teams[0].upper()),
        (
            "add-capacity", "Plan B", "--team", teams[1], "--name", "Contractor",
            "--hours", "30", "--from", "2026-03-09", "--until", "2026-04-03", "--rate", "90",
        ),
        ("availability", "Plan B", "--member", people[1], "--share", "50%"),
        ("time-off", "Plan B", "--member", people[1], "--from", "2026-03-16", "--until",
         "2026-03-20"),
    ]  # fmt: skip
    for number, argv in enumerate(drafted, start=1):
        status, out, err = cli("scenario", demo, *argv)
        assert (status, err) == (0, "")
        assert out.startswith(f"Scenario 'Plan B', change {number}: ")
    status, out, err = cli("scenario", demo, "list", "--json")
    assert (status, err) == (0, "")
    (listed,) = [s for s in json.loads(out) if s["name"] == "Plan B"]
    assert set(listed) == {"id", "name", "note", "changes"}
    assert [c["kind"] for c in listed["changes"]] == [
        "shift_campaign",
        "shift_campaign",
        "cut_task",
        "defer_task",
        "reassign_task",
        "reassign_task",
        "add_capacity",
        "change_availability",
        "time_off",
    ]
    assert set(listed["changes"][0]) == {"id", "kind", "text", "change"}
    assert listed["changes"][0]["text"] == f"Shift '{linked[0]}' 14 days later"
    assert listed["changes"][5]["change"]["assignee_id"] is None
    assert listed["changes"][7]["change"]["availability"] == 0.5
    status, out, _ = cli("scenario", demo, "list")
    lines = out.splitlines()
    at = lines.index("Plan B (9 changes)")
    assert lines[at + 1] == f"  1. Shift '{linked[0]}' 14 days later"
    assert _plan(demo) == before


def test_refusals_exit_1_in_words_and_bad_arguments_2(cli: Run, demo: Path):
    tasks, _people, _teams, _linked = _rows(demo)
    cli("scenario", demo, "new", "Plan B")
    status, _, err = cli("scenario", demo, "new", "PLAN B")
    assert status == 1
    assert_one_line_error(err, "already a scenario named 'Plan B'")
    status, _, err = cli(
        "scenario", demo, "reassign", "Plan B", "--task", tasks[0].key, "--to", "Nobody"
    )
    assert status == 1
    assert_one_line_error(err, "no person or team named 'Nobody'")
    status, _, err = cli("scenario", demo, "cut", "Plan C", "--task", tasks[0].key)
    assert status == 1
    assert_one_line_error(err, "no scenario named 'Plan C'")
    status, _, err = cli("scenario", demo, "cut", "Plan B", "--task", "999999")
    assert status == 1
    assert_one_line_error(err, "no task with id 999999")
    for argv in (
        ("shift", "Plan B", "--campaign", "X", "--days", "0"),
        ("defer", "Plan B", "--task", "1", "--days", "-2"),
        ("add-capacity", "Plan B", "--team", "T", "--name", "N", "--hours", "30",
         "--from", "2026-03-09", "--until", "2026-03-01"),
        ("availability", "Plan B", "--member", "M", "--share", "150%"),
        ("compare", "A", "B", "C", "D"),
        ("adopt", "Plan B", "--apply-anyway", "--skip-changed"),
    ):  # fmt: skip
        status, _, err = cli("scenario", demo, *argv)
        assert status == 2, argv
    with Workspace.open(demo, read_only=True) as ws:
        assert ws.changes(ws.scenario_named("Plan B").key) == []


def _draft_two(cli: Run, demo: Path) -> tuple[str, list[Task]]:
    tasks, people, _teams, linked = _rows(demo)
    cli("scenario", demo, "new", "Later")
    cli("scenario", demo, "shift", "Later", "--campaign", linked[0], "--days", "14")
    cli("scenario", demo, "new", "Lean")
    cli("scenario", demo, "cut", "Lean", "--task", tasks[0].key)
    cli("scenario", demo, "availability", "Lean", "--member", people[0], "--share", "0.25")
    return linked[0], tasks


def test_compare_json_has_stable_keys_and_equals_the_store_comparison(cli: Run, demo: Path):
    shifted, _tasks = _draft_two(cli, demo)
    argv = ("scenario", demo, "compare", "Later", "lean", "--from", "2026-03-04", "--weeks", "6")
    status, out, err = cli(*argv, "--json")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["period"] == {"first": "2026-03-02", "last": "2026-04-12", "weeks": 6}
    assert [p["name"] for p in data["plans"]] == ["Real plan", "Later", "Lean"]
    plan_keys = {
        "name", "scenario_id", "overload_hours", "overload_hours_by_team", "teams",
        "launches_at_risk", "campaigns", "problems", "differences",
    }  # fmt: skip
    for plan in data["plans"]:
        assert set(plan) == plan_keys
        assert set(plan["teams"][0]) == {
            "team_id", "team", "overload_hours", "over_booked_weeks", "weeks"
        }  # fmt: skip
        assert set(plan["teams"][0]["weeks"][0]) == {
            "week", "hours", "available_hours", "over_booked", "overload_hours",
            "people_over_booked",
        }  # fmt: skip
        assert set(plan["campaigns"][0]) == {
            "campaign_id", "campaign", "launch_date", "at_risk", "risk", "planned_cost",
            "budget", "over_budget", "unpriced_planned_hours",
        }  # fmt: skip
    real, later, lean = data["plans"]
    assert real["differences"] is None
    assert set(later["differences"]) == {"overload_hours_by_team", "cells", "campaigns"}
    moved = next(c for c in later["differences"]["campaigns"] if c["campaign"] == shifted)
    before = date.fromisoformat(moved["launch_date"]["real"])
    assert moved["launch_date"]["scenario"] == (before + timedelta(days=14)).isoformat()
    # Lean has a quarter of someone's week: the team's available hours drop somewhere.
    assert any(
        c["scenario"]["available_hours"] < c["real"]["available_hours"]
        for c in lean["differences"]["cells"]
    )
    with Workspace.open(demo, read_only=True) as ws:
        ids = [ws.scenario_named(n).key for n in ("Later", "Lean")]
        expected = comparison_data(ws.compare_scenarios(ids, Period.of(TODAY, 6), TODAY))
    assert data == json.loads(json.dumps(expected))
    status, out, err = cli(*argv)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "From 2026-03-02 to 2026-04-12 (6 weeks)"
    assert lines[2].split()[-3:] == ["plan", "Later", "Lean"]
    assert "Later, against the real plan:" in lines
    assert any(line.startswith(f"  {shifted}: launch ") for line in lines)


def test_adopt_writes_the_changes_and_a_conflict_exits_1_naming_it(cli: Run, demo: Path):
    _shifted, tasks = _draft_two(cli, demo)
    status, out, err = cli("scenario", demo, "adopt", "Later")
    assert (status, err) == (0, "")
    assert out.startswith("Adopted scenario 'Later': ")
    assert out.strip().endswith("the scenario was deleted.")
    with Workspace.open(demo) as ws:
        assert "Later" not in [s.name for s in ws.scenarios()]
        cut = ws.task(tasks[0].key)
        ws.update_task(cut.model_copy(update={"title": "Renamed meanwhile"}))
    before = _plan(demo)
    status, out, err = cli("scenario", demo, "adopt", "Lean")
    assert (status, out) == (1, "")
    assert_one_line_error(err, "change 1 (Cut 'Renamed meanwhile')", "--apply-anyway")
    assert _plan(demo) == before
    status, out, err = cli("scenario", demo, "adopt", "Lean", "--skip-changed")
    assert (status, err) == (0, "")
    assert "Left out: change 1." in out
    with Workspace.open(demo, read_only=True) as ws:
        assert ws.task(tasks[0].key).archived is False
        assert "Lean" not in [s.name for s in ws.scenarios()]


def test_apply_anyway_applies_the_changed_ones(cli: Run, demo: Path):
    _shifted, tasks = _draft_two(cli, demo)
    with Workspace.open(demo) as ws:
        cut = ws.task(tasks[0].key)
        ws.update_task(cut.model_copy(update={"title": "Renamed meanwhile"}))
    status, out, err = cli("scenario", demo, "adopt", "Lean", "--apply-anyway")
    assert (status, err) == (0, "")
    assert "Left out" not in out
    with Workspace.open(demo, read_only=True) as ws:
        assert ws.task(tasks[0].key).archived is True


def test_discard_deletes_the_scenario_and_nothing_else(cli: Run, demo: Path):
    _draft_two(cli, demo)
    before = _plan(demo)
    assert cli("scenario", demo, "discard", "Lean") == (
        0,
        "Discarded scenario 'Lean' (2 changes).\n",
        "",
    )
    assert _plan(demo) == before
    status, out, _ = cli("scenario", demo, "list")
    assert "Later (1 change)" in out.splitlines()
    assert not any(line.startswith("Lean") for line in out.splitlines())
    status, _, err = cli("scenario", demo, "discard", "Lean")
    assert status == 1
    assert_one_line_error(err, "no scenario named 'Lean'")


def test_a_share_above_one_is_a_percentage_as_the_window_gives_it(cli: Run, demo: Path):
    _tasks, people, _teams, _linked = _rows(demo)
    cli("scenario", demo, "new", "Part time")
    for share in ("40", "40%", "0.4"):
        status, _, err = cli(
            "scenario", demo, "availability", "Part time", "--member", people[0], "--share", share
        )
        assert (status, err) == (0, ""), share
    for share in ("101", "-5", "forty", "nan"):
        status, _, err = cli(
            "scenario", demo, "availability", "Part time", "--member", people[0], "--share", share
        )
        assert status == 2 and "not a share of the week" in err, share
    with Workspace.open(demo, read_only=True) as ws:
        changes = [c.change for c in ws.changes(ws.scenario_named("Part time").key)]
    assert [getattr(c, "availability", None) for c in changes] == [0.4, 0.4, 0.4]
    status, out, _ = cli("scenario", demo, "availability", "--help")
    assert status == 0 and "a number above 1 is a percentage" in " ".join(out.split())
