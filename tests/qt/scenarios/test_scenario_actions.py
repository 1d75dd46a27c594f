"""The scenario actions: new, rename, discard, add and remove a change, adopt; each one undo step
that the file follows, refusals reported in the store's words with nothing written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.ids import ScenarioChangeId
from mopsboard.domain.models import Campaign, Member, Task, Team
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ShiftCampaign,
)
from mopsboard.qt.common.conflicts import Choice, Conflict
from mopsboard.qt.scenarios.scenario_actions import ScenarioActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.scenarios import Decision, ScenarioConflicts
from mopsboard.store.workspace import Workspace

MON = date(2026, 3, 9)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "w.mopsboard")
    yield workspace
    workspace.close()


@pytest.fixture
def scenario_actions(
    ws: Workspace, make_actions: Callable[[Workspace], WorkspaceActions]
) -> ScenarioActions:
    return ScenarioActions(make_actions(ws))


def _in_file(path: Path) -> dict[str, object]:
    """What the file holds of scenarios and of the rows the tests change, read afresh."""
    with Workspace.open(path, read_only=True) as fresh:
        return {
            "scenarios": [s.name for s in fresh.scenarios()],
            "changes": {
                s.name: [c.change.kind for c in fresh.changes(s.key)] for s in fresh.scenarios()
            },
            "tasks": {
                t.title: (t.due_date, t.archived) for t in fresh.tasks(include_archived=True)
            },
            "campaigns": {c.name: c.launch_date for c in fresh.campaigns()},
            "members": {m.name: (m.availability, m.active_from) for m in fresh.members()},
        }


@pytest.fixture
def plan(ws: Workspace) -> dict[str, int]:
    board = ws.boards()[0]
    backlog = ws.stages(board.key)[0]
    team = ws.add_team(Team(name="Content"))
    ada = ws.add_member(Member(team_id=team.key, name="Ada"))
    spring = ws.add_campaign(Campaign(name="Spring", launch_date=MON))
    copy = ws.add_task(
        Task(
            board_id=board.key,
            stage_id=backlog.key,
            title="Copy",
            campaign_id=spring.key,
            assignee_id=ada.key,
            estimate_hours=8,
            due_date=MON,
        )
    )
    return {"team": team.key, "ada": ada.key, "spring": spring.key, "copy": copy.key}


def test_new_rename_and_discard_are_steps_the_file_follows(
    ws: Workspace, scenario_actions: ScenarioActions
):
    path, stack = Path(ws.path), scenario_actions.history.undo_stack
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    assert _in_file(path)["scenarios"] == ["Plan B"]
    assert scenario_actions.rename_scenario(made.key, "Later launch") is not None
    assert _in_file(path)["scenarios"] == ["Later launch"]
    assert scenario_actions.discard_scenario(made.key)
    assert _in_file(path)["scenarios"] == []
    assert [stack.text(i) for i in range(stack.count())] == [
        "New scenario 'Plan B'",
        "Rename scenario 'Plan B' to 'Later launch'",
        "Discard scenario 'Later launch'",
    ]
    stack.undo()
    assert _in_file(path)["scenarios"] == ["Later launch"]
    stack.undo()
    assert _in_file(path)["scenarios"] == ["Plan B"]
    stack.undo()
    assert _in_file(path)["scenarios"] == []
    stack.redo()
    stack.redo()
    stack.redo()
    assert _in_file(path)["scenarios"] == []


def test_a_taken_name_is_refused_in_words_and_leaves_no_step(
    qtbot: QtBot, scenario_actions: ScenarioActions
):
    assert scenario_actions.new_scenario("Plan B") is not None
    with qtbot.waitSignal(scenario_actions.history.failed) as refusal:
        assert scenario_actions.new_scenario("plan b") is None
    assert "already a scenario named 'Plan B'" in refusal.args[0]
    assert scenario_actions.history.undo_stack.count() == 1


def test_changes_added_and_removed_are_undone_step_by_step(
    ws: Workspace, scenario_actions: ScenarioActions, plan: dict[str, int]
):
    path, stack = Path(ws.path), scenario_actions.history.undo_stack
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    shift = scenario_actions.add_change(made.key, ShiftCampaign(campaign_id=plan["spring"], days=7))
    cut = scenario_actions.add_change(made.key, CutTask(task_id=plan["copy"]))
    assert shift is not None and cut is not None
    assert stack.text(stack.count() - 1) == "Cut 'Copy' in 'Plan B'"
    assert _in_file(path)["changes"] == {"Plan B": ["shift_campaign", "cut_task"]}
    assert scenario_actions.remove_change(shift.key)
    assert stack.text(stack.count() - 1) == "Take 'shift 'Spring' 7 days later' out of 'Plan B'"
    assert _in_file(path)["changes"] == {"Plan B": ["cut_task"]}
    stack.undo()
    assert _in_file(path)["changes"] == {"Plan B": ["shift_campaign", "cut_task"]}
    stack.undo()
    assert _in_file(path)["changes"] == {"Plan B": ["shift_campaign"]}
    stack.redo()
    assert [c.key for c in ws.changes(made.key)] == [shift.key, cut.key]
    # Drafting never touched the real plan.
    assert _in_file(path)["tasks"] == {"Copy": (MON, False)}


def test_adopting_is_one_step_undone_and_redone(
    ws: Workspace, scenario_actions: ScenarioActions, plan: dict[str, int]
):
    path, stack = Path(ws.path), scenario_actions.history.undo_stack
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    for change in (
        ShiftCampaign(campaign_id=plan["spring"], days=7),
        ChangeAvailability(member_id=plan["ada"], availability=0.5),
        AddCapacity(team_id=plan["team"], name="Temp", weekly_hours=20, first=MON, last=MON),
    ):
        assert scenario_actions.add_change(made.key, change) is not None
    before = _in_file(path)
    adoption = scenario_actions.adopt(made.key)
    assert adoption is not None
    assert stack.text(stack.count() - 1) == "Adopt scenario 'Plan B'"
    adopted = _in_file(path)
    assert adopted["scenarios"] == []
    assert adopted["tasks"] == {"Copy": (date(2026, 3, 16), False)}
    assert adopted["campaigns"] == {"Spring": date(2026, 3, 16)}
    assert adopted["members"] == {"Ada": (0.5, None), "Temp": (1.0, MON)}
    stack.undo()
    assert _in_file(path) == before
    stack.redo()
    assert _in_file(path) == adopted
    stack.undo()
    assert _in_file(path) == before


def test_a_conflict_is_reported_or_passed_to_the_caller_and_decisions_apply(
    qtbot: QtBot, ws: Workspace, scenario_actions: ScenarioActions, plan: dict[str, int]
):
    path, stack = Path(ws.path), scenario_actions.history.undo_stack
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    defer = scenario_actions.add_change(made.key, DeferTask(task_id=plan["copy"], days=3))
    assert defer is not None
    copy = ws.task(plan["copy"])
    ws.update_task(copy.model_copy(update={"estimate_hours": 12}))
    steps = stack.count()
    with qtbot.waitSignal(scenario_actions.history.failed) as refusal:
        assert scenario_actions.adopt(made.key) is None
    assert "change 1 (Defer 'Copy' 3 days)" in refusal.args[0]
    assert "estimate 8 \u2192 12" in refusal.args[0]
    assert stack.count() == steps
    with pytest.raises(ScenarioConflicts) as raised:
        scenario_actions.adopt(made.key, conflicts_to_caller=True)
    asked = scenario_actions.adoption_conflicts(made.key)
    assert asked is not None
    assert [c.change_id for c in asked] == [c.change_id for c in raised.value.conflicts]
    assert _in_file(path)["tasks"] == {"Copy": (MON, False)}
    decisions: dict[ScenarioChangeId, Decision] = {defer.key: "apply"}
    assert scenario_actions.adopt(made.key, decisions) is not None
    assert _in_file(path)["tasks"] == {"Copy": (date(2026, 3, 12), False)}
    assert ws.task(plan["copy"]).estimate_hours == 12


def test_undoing_an_adoption_over_someone_elses_edit_asks_first(
    qtbot: QtBot, ws: Workspace, scenario_actions: ScenarioActions, plan: dict[str, int]
):
    path, history = Path(ws.path), scenario_actions.history
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    assert scenario_actions.add_change(made.key, DeferTask(task_id=plan["copy"], days=3))
    assert scenario_actions.adopt(made.key) is not None
    with Workspace.open(path) as other:
        copy = other.task(plan["copy"])
        other.update_task(copy.model_copy(update={"due_date": date(2026, 3, 20)}))
    asked: list[str] = []

    def keep_theirs(conflict: Conflict) -> Choice:
        asked.append(conflict.text)
        return Choice.THEIRS

    history.resolve_conflict = keep_theirs
    with qtbot.waitSignal(history.failed):
        history.undo_stack.undo()
    assert asked and "'Copy'" in asked[0]
    assert _in_file(path)["tasks"] == {"Copy": (date(2026, 3, 20), False)}
    assert _in_file(path)["scenarios"] == []
    # Keep mine undoes it anyway: the task's dates back, the scenario back.
    assert scenario_actions.new_scenario("Plan C") is not None
    assert scenario_actions.add_change(
        ws.scenario_named("Plan C").key, DeferTask(task_id=plan["copy"], days=1)
    )
    assert scenario_actions.adopt(ws.scenario_named("Plan C").key) is not None
    with Workspace.open(path) as other:
        copy = other.task(plan["copy"])
        other.update_task(copy.model_copy(update={"due_date": date(2026, 3, 27)}))
    history.resolve_conflict = lambda _conflict: Choice.MINE
    history.undo_stack.undo()
    assert _in_file(path)["tasks"] == {"Copy": (date(2026, 3, 20), False)}
    assert "Plan C" in _in_file(path)["scenarios"]  # type: ignore[operator]


def test_a_blank_name_is_refused_in_words(qtbot: QtBot, scenario_actions: ScenarioActions):
    made = scenario_actions.new_scenario("Plan B")
    assert made is not None
    with qtbot.waitSignal(scenario_actions.history.failed) as refusal:
        assert scenario_actions.rename_scenario(made.key, "   ") is None
    assert refusal.args[0].startswith("Name ")
    assert scenario_actions.history.undo_stack.count() == 1
