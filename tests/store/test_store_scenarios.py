"""Scenarios in the workspace: drafting them (names, changes in order, what each was drafted
against) never changes the real plan; discard and remove give what undo puts back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.errors import ConflictError, NotFoundError
from mopsboard.domain.ids import CampaignId, MemberId, ScenarioId, TaskId
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ShiftCampaign,
    TimeOffChange,
)
from mopsboard.store.base import Change
from mopsboard.store.scenarios import ScenarioNameTaken
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 9)


@pytest.fixture
def team(ws: Workspace) -> Team:
    return ws.add_team(Team(name="Content"))


@pytest.fixture
def ada(ws: Workspace, team: Team) -> Member:
    return ws.add_member(Member(team_id=team.key, name="Ada"))


def test_a_scenario_is_found_by_id_and_by_name_without_case(ws: Workspace):
    plan_b = ws.add_scenario("Plan B", note="if the agency is late")
    ws.add_scenario("Agency")
    assert [s.name for s in ws.scenarios()] == ["Agency", "Plan B"]
    assert ws.scenario(plan_b.key) == plan_b
    assert ws.scenario_named("  plan b ").key == plan_b.key
    assert plan_b.note == "if the agency is late" and plan_b.created_at is not None
    with pytest.raises(NotFoundError, match="no scenario named 'Plan C'"):
        ws.scenario_named("Plan C")


def test_a_taken_name_is_refused_in_words(ws: Workspace):
    ws.add_scenario("Plan B")
    with pytest.raises(ScenarioNameTaken, match="already a scenario named 'Plan B'"):
        ws.add_scenario("PLAN B")
    other = ws.add_scenario("Other")
    with pytest.raises(ScenarioNameTaken):
        ws.rename_scenario(other.key, "plan b")
    assert [s.name for s in ws.scenarios()] == ["Other", "Plan B"]


def test_rename_checks_the_version(ws: Workspace):
    plan = ws.add_scenario("Plan B")
    renamed = ws.rename_scenario(plan.key, "Launch later")
    assert (renamed.name, renamed.version) == ("Launch later", 2)
    assert ws.scenario(plan.key).name == "Launch later"
    with pytest.raises(ConflictError):
        ws.update_scenario(plan.model_copy(update={"name": "Stale"}))


def test_changes_keep_their_order_and_what_they_were_drafted_against(
    ws: Workspace, add: Callable[..., Task], ada: Member, team: Team
):
    campaign = ws.add_campaign(Campaign(name="Spring", launch_date=MON))
    first = add("Brief", campaign_id=campaign.key, due_date=MON)
    second = add("Landing page", campaign_id=campaign.key, due_date=MON)
    ws.update_task(second.model_copy(update={"title": "Landing page v2"}))
    loose = add("Webinar", estimate_hours=4)
    plan = ws.add_scenario("Plan B")
    made = [
        ws.add_change(plan.key, ShiftCampaign(campaign_id=campaign.key, days=14)),
        ws.add_change(plan.key, CutTask(task_id=loose.key)),
        ws.add_change(plan.key, ChangeAvailability(member_id=ada.key, availability=0.5)),
        ws.add_change(plan.key, ReassignTask(task_id=loose.key, team_id=team.key)),
    ]
    read = ws.changes(plan.key)
    assert read == made
    assert [c.position for c in read] == [0, 1, 2, 3]
    shift = read[0].base
    assert set(shift.campaigns) == {campaign.key}
    assert {k: v.version for k, v in shift.tasks.items()} == {first.key: 1, second.key: 2}
    assert shift.tasks[second.key].values["title"] == "Landing page v2"
    assert set(read[1].base.tasks) == {loose.key}
    assert read[2].base.members[ada.key].values["availability"] == 1.0
    # Drafting never touches the real plan.
    assert ws.task(loose.key).archived is False
    assert ws.campaign(campaign.key).launch_date == MON
    assert ws.member(ada.key).availability == 1.0


def test_a_change_naming_a_row_that_does_not_exist_is_refused(ws: Workspace, team: Team):
    plan = ws.add_scenario("Plan B")
    refused = [
        CutTask(task_id=TaskId(999)),
        ShiftCampaign(campaign_id=CampaignId(999), days=3),
        TimeOffChange(member_id=MemberId(999), first=MON, last=MON),
        ReassignTask(task_id=TaskId(999), assignee_id=MemberId(1)),
    ]
    for change in refused:
        with pytest.raises(NotFoundError):
            ws.add_change(plan.key, change)
    with pytest.raises(NotFoundError):
        ws.add_change(
            ScenarioId(999),
            AddCapacity(team_id=team.key, name="Temp", weekly_hours=20, first=MON, last=MON),
        )
    assert ws.changes(plan.key) == []


def test_remove_and_restore_a_change_puts_it_back_at_its_place(
    ws: Workspace, add: Callable[..., Task]
):
    task = add("Copy", due_date=MON)
    plan = ws.add_scenario("Plan B")
    first = ws.add_change(plan.key, DeferTask(task_id=task.key, days=7))
    middle = ws.add_change(plan.key, CutTask(task_id=task.key))
    last = ws.add_change(plan.key, DeferTask(task_id=task.key, days=2))
    removed = ws.remove_change(middle.key)
    assert removed == middle
    assert [c.key for c in ws.changes(plan.key)] == [first.key, last.key]
    ws.restore_change(removed)
    assert ws.changes(plan.key) == [first, middle, last]


def test_discard_and_restore_bring_back_the_scenario_with_its_changes(
    ws: Workspace, add: Callable[..., Task]
):
    task = add("Copy", due_date=MON)
    plan = ws.add_scenario("Plan B")
    change = ws.add_change(plan.key, DeferTask(task_id=task.key, days=7))
    seen: list[Change] = []
    ws.subscribe(seen.append)
    deleted = ws.delete_scenario(plan.key)
    assert ws.scenarios() == [] and ws.changes(plan.key) == []
    assert {(c.table, c.kind) for c in seen} == {
        ("scenarios", "deleted"),
        ("scenario_changes", "deleted"),
    }
    ws.restore_scenario(deleted)
    assert ws.scenarios() == [plan]
    assert ws.changes(plan.key) == [change]


def test_a_scenario_survives_closing_the_workspace(ws_location: str, ws: Workspace):
    team = ws.add_team(Team(name="Studio"))
    plan = ws.add_scenario("Plan B")
    change = ws.add_change(
        plan.key,
        AddCapacity(
            team_id=team.key, name="Contractor", weekly_hours=20, first=MON, last=date(2026, 4, 3)
        ),
    )
    ws.close()
    with Workspace.open(ws_location) as again:
        assert again.scenarios() == [plan]
        assert again.changes(plan.key) == [change]
