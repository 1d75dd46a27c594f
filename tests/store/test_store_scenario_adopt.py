"""Adopting a scenario: one unit of work, a conflict named in words when a row it touches changed
or went (unless decided per change), undo data that puts every row back, redo as first made."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from mopsboard.domain.activity import ActivityKind
from mopsboard.domain.errors import ConflictError
from mopsboard.domain.ids import ScenarioChangeId
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
from mopsboard.store.scenarios import Decision, ScenarioConflicts
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 9)


@pytest.fixture
def plan(ws: Workspace, add: Callable[..., Task]) -> dict[str, int]:
    content = ws.add_team(Team(name="Content"))
    agency = ws.add_team(Team(name="Agency"))
    ada = ws.add_member(Member(team_id=content.key, name="Ada"))
    spring = ws.add_campaign(Campaign(name="Spring", launch_date=MON + date.resolution * 4))
    brief = add(
        "Brief",
        campaign_id=spring.key,
        assignee_id=ada.key,
        estimate_hours=8,
        start_date=MON,
        due_date=MON,
    )
    copy = add("Copy", campaign_id=spring.key, estimate_hours=4, due_date=MON)
    return {
        "content": content.key,
        "agency": agency.key,
        "ada": ada.key,
        "spring": spring.key,
        "brief": brief.key,
        "copy": copy.key,
    }


def _rows(ws: Workspace) -> dict[str, object]:
    return {
        "tasks": [
            t.model_dump(exclude={"version", "updated_at"}) for t in ws.tasks(include_archived=True)
        ],
        "members": [m.model_dump(exclude={"version", "updated_at"}) for m in ws.members()],
        "time_off": [(e.member_id, e.start_date, e.end_date) for e in ws.time_off()],
        "campaigns": [c.model_dump(exclude={"version", "updated_at"}) for c in ws.campaigns()],
    }


def _draft(ws: Workspace, plan: dict[str, int]) -> int:
    scenario = ws.add_scenario("Plan B")
    for change in (
        ShiftCampaign(campaign_id=plan["spring"], days=7),
        CutTask(task_id=plan["copy"]),
        ReassignTask(task_id=plan["brief"], team_id=plan["agency"]),
        AddCapacity(team_id=plan["content"], name="Temp", weekly_hours=20, first=MON, last=MON),
        ChangeAvailability(member_id=plan["ada"], availability=0.5),
        TimeOffChange(member_id=plan["ada"], first=MON, last=MON),
    ):
        ws.add_change(scenario.key, change)
    return scenario.key


def test_adopting_writes_every_change_and_deletes_the_scenario(ws: Workspace, plan: dict[str, int]):
    scenario_id = _draft(ws, plan)
    seen: list[Change] = []
    ws.subscribe(seen.append)
    adoption = ws.adopt(scenario_id)
    brief, copy = ws.task(plan["brief"]), ws.task(plan["copy"])
    assert (brief.start_date, brief.due_date) == (MON + date.resolution * 7,) * 2
    assert (brief.assignee_id, brief.team_id) == (None, plan["agency"])
    assert copy.archived is True and copy.due_date == MON + date.resolution * 7
    assert ws.campaign(plan["spring"]).launch_date == MON + date.resolution * 11
    assert ws.member(plan["ada"]).availability == 0.5
    (temp,) = [m for m in ws.members() if m.name == "Temp"]
    assert (temp.active_from, temp.active_until, temp.weekly_hours) == (MON, MON, 20)
    assert [(e.member_id, e.start_date) for e in ws.time_off()] == [(plan["ada"], MON)]
    assert ws.scenarios() == []
    assert {c.table for c in seen} >= {
        "tasks",
        "campaigns",
        "members",
        "time_off",
        "scenarios",
        "scenario_changes",
    }
    # The task writes were ordinary ones: logged as edits, the cut as an archive.
    kinds = {(a.task_id, a.kind) for a in ws.task_activity()}
    assert (plan["copy"], ActivityKind.ARCHIVED) in kinds
    assert (plan["brief"], ActivityKind.EDITED) in kinds
    assert adoption.name == "Plan B" and adoption.not_applied == ()
    assert {e.before.key for e in adoption.tasks} == {plan["brief"], plan["copy"]}


def test_undo_puts_every_row_back_and_the_scenario_with_it_and_redo_adopts_again(
    ws: Workspace, plan: dict[str, int]
):
    scenario_id = _draft(ws, plan)
    before = _rows(ws)
    drafted = ws.changes(scenario_id)
    adoption = ws.adopt(scenario_id)
    adopted = _rows(ws)
    ws.undo_adoption(adoption)
    assert _rows(ws) == before
    assert ws.changes(scenario_id) == drafted
    ws.redo_adoption(adoption)
    assert _rows(ws) == adopted
    assert ws.scenarios() == []
    ws.undo_adoption(adoption)
    assert _rows(ws) == before


def test_undo_refuses_when_someone_changed_an_adopted_field_unless_forced(
    ws: Workspace, plan: dict[str, int]
):
    adoption = ws.adopt(_draft(ws, plan))
    brief = ws.task(plan["brief"])
    ws.update_task(brief.model_copy(update={"due_date": MON + date.resolution * 20}))
    with pytest.raises(ConflictError) as refused:
        ws.undo_adoption(adoption)
    assert refused.value.table == "tasks" and refused.value.row_ids == (plan["brief"],)
    assert ws.scenarios() == []
    ws.undo_adoption(adoption, check=False)
    assert ws.task(plan["brief"]).due_date == MON
    assert [s.name for s in ws.scenarios()] == ["Plan B"]


def test_a_conflicting_edit_is_named_and_decisions_apply_or_skip(
    ws: Workspace, plan: dict[str, int]
):
    scenario = ws.add_scenario("Plan B")
    defer = ws.add_change(scenario.key, DeferTask(task_id=plan["brief"], days=3))
    cut = ws.add_change(scenario.key, CutTask(task_id=plan["copy"]))
    calm = ws.add_change(scenario.key, ChangeAvailability(member_id=plan["ada"], availability=0.8))
    brief = ws.task(plan["brief"])
    ws.update_task(brief.model_copy(update={"title": "Brief v2", "estimate_hours": 10}))
    ws.delete_tasks([plan["copy"]])
    before = _rows(ws)
    with pytest.raises(ScenarioConflicts) as refused:
        ws.adopt(scenario.key)
    text = str(refused.value)
    assert "change 1 (Defer 'Brief v2' 3 days)" in text
    assert "title Brief \u2192 Brief v2" in text and "estimate 8 \u2192 10" in text
    assert "change 2 (Cut task " in text and "the task 'Copy' was deleted" in text
    assert [c.change_id for c in refused.value.conflicts] == [defer.key, cut.key]
    assert ws.adoption_conflicts(scenario.key) == list(refused.value.conflicts)
    assert _rows(ws) == before and ws.scenario(scenario.key)
    decisions: dict[ScenarioChangeId, Decision] = {defer.key: "skip", cut.key: "apply"}
    adoption = ws.adopt(scenario.key, decisions)
    assert ws.task(plan["brief"]).due_date == MON  # skipped
    assert ws.member(plan["ada"]).availability == 0.8  # no conflict: applied
    # The cut was decided on but its task is gone: it could not apply, and says so.
    assert set(adoption.not_applied) == {defer.key, cut.key}
    assert calm.key not in adoption.not_applied


def test_apply_anyway_applies_to_the_row_as_it_is_now(ws: Workspace, plan: dict[str, int]):
    scenario = ws.add_scenario("Plan B")
    defer = ws.add_change(scenario.key, DeferTask(task_id=plan["brief"], days=3))
    brief = ws.task(plan["brief"])
    ws.update_task(brief.model_copy(update={"due_date": MON + date.resolution}))
    ws.adopt(scenario.key, {defer.key: "apply"})
    moved = ws.task(plan["brief"])
    assert (moved.start_date, moved.due_date) == (
        MON + date.resolution * 3,
        MON + date.resolution * 4,
    )


def test_a_task_that_joined_a_shifted_campaign_since_is_a_conflict(
    ws: Workspace, plan: dict[str, int], add: Callable[..., Task]
):
    scenario = ws.add_scenario("Plan B")
    ws.add_change(scenario.key, ShiftCampaign(campaign_id=plan["spring"], days=7))
    add("Late idea", campaign_id=plan["spring"], due_date=MON)
    with pytest.raises(ScenarioConflicts, match="the task 'Late idea' joined 'Spring' since"):
        ws.adopt(scenario.key)


def test_a_conflict_names_people_teams_campaigns_and_stages_not_their_ids(
    ws: Workspace, plan: dict[str, int]
):
    ben = ws.add_member(Member(team_id=plan["agency"], name="Ben"))
    summer = ws.add_campaign(Campaign(name="Summer"))
    scenario = ws.add_scenario("Plan B")
    ws.add_change(scenario.key, DeferTask(task_id=plan["brief"], days=3))
    ws.add_change(scenario.key, ChangeAvailability(member_id=plan["ada"], availability=0.5))
    brief = ws.task(plan["brief"])
    stages = ws.stages(brief.board_id)
    later = next(s for s in stages if s.key != brief.stage_id)
    was = next(s for s in stages if s.key == brief.stage_id)
    ws.update_task(
        brief.model_copy(
            update={"assignee_id": ben.key, "team_id": plan["agency"], "stage_id": later.key,
                    "campaign_id": summer.key}
        )
    )  # fmt: skip
    ada = ws.member(plan["ada"])
    ws.update_member(ada.model_copy(update={"team_id": plan["agency"]}))
    with pytest.raises(ScenarioConflicts) as refused:
        ws.adopt(scenario.key)
    text = str(refused.value)
    assert "assignee Ada \u2192 Ben" in text
    assert "campaign Spring \u2192 Summer" in text
    assert f"stage {was.name} \u2192 {later.name}" in text
    assert "team Content \u2192 Agency" in text  # Ada moved teams
    assert " id " not in text
