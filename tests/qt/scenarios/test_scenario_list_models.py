"""The scenarios list and a scenario's changes, checked by Qt's model tester; the changes said in
words; up to three scenarios checked for comparison, kept across re-reads."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.models import Member, Team
from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ReassignTask,
    ShiftCampaign,
    TimeOffChange,
)
from mopsboard.qt.scenarios.scenario_changes_model import ScenarioChangesModel
from mopsboard.qt.scenarios.scenario_list_model import ScenarioListModel
from mopsboard.store.workspace import Workspace


def test_the_list_passes_the_model_tester_and_keeps_three_checked(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    model = ScenarioListModel(board_ws)
    qtmodeltester.check(model, force_py=True)
    made = [board_ws.add_scenario(name) for name in ("D", "B", "A", "C")]
    assert [model.index(row).data() for row in range(model.rowCount())] == ["A", "B", "C", "D"]
    for scenario in made[:3]:
        assert model.setData(
            model.index(model.row_of(scenario.key) or 0), 2, Qt.ItemDataRole.CheckStateRole
        )
    # A fourth is refused: the real plan and three scenarios side by side at most.
    fourth = model.index(model.row_of(made[3].key) or 0)
    assert not model.setData(fourth, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert fourth.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.compared == [made[0].key, made[1].key, made[2].key]
    board_ws.rename_scenario(made[1].key, "Renamed")
    assert model.compared == [made[0].key, made[1].key, made[2].key]
    board_ws.delete_scenario(made[0].key)
    assert model.compared == [made[1].key, made[2].key]
    assert model.rowCount() == 3
    model.close()


def test_changes_pass_the_model_tester_and_say_what_they_do(
    qtmodeltester, qtbot, board_ws: Workspace
) -> None:
    agency = board_ws.add_team(Team(name="Agency North", kind=TeamKind.AGENCY))
    content = board_ws.team_named("Content")
    ana = board_ws.member_named("Ana Lima")
    ben = board_ws.add_member(Member(team_id=agency.key, name="Ben"))
    spring = board_ws.campaign_named("Spring launch")
    task = next(t for t in board_ws.tasks() if t.title == "A")
    plan = board_ws.add_scenario("Plan B")
    model = ScenarioChangesModel(board_ws)
    qtmodeltester.check(model, force_py=True)
    model.show_scenario(plan.key)
    changes = [
        ShiftCampaign(campaign_id=spring.key, days=10),
        ShiftCampaign(campaign_id=spring.key, days=-1),
        CutTask(task_id=task.key),
        DeferTask(task_id=task.key, days=3),
        ReassignTask(task_id=task.key, team_id=agency.key),
        ReassignTask(task_id=task.key, assignee_id=ben.key),
        AddCapacity(
            team_id=content.key,
            name="Contractor",
            weekly_hours=20,
            first=date(2026, 3, 2),
            last=date(2026, 3, 27),
        ),
        ChangeAvailability(member_id=ana.key, availability=0.5),
        TimeOffChange(member_id=ana.key, first=date(2026, 3, 2), last=date(2026, 3, 6)),
    ]
    for change in changes:
        board_ws.add_change(plan.key, change)
    shown = [model.index(row).data() for row in range(model.rowCount())]
    assert shown[:3] == [
        "Shift 'Spring launch' 10 days later",
        "Shift 'Spring launch' 1 day earlier",
        "Cut 'A'",
    ]
    assert shown[4:6] == ["Hand 'A' to Agency North", "Hand 'A' to Ben"]
    assert len(shown) == len(changes) and all(shown)
    # A row deleted since is named as gone, not dropped from the list.
    board_ws.delete_tasks([task.key])
    assert model.index(2).data().startswith("Cut task ") and "(deleted)" in model.index(2).data()
    board_ws.remove_change(model.change_at(0).key)  # type: ignore[union-attr]
    assert model.rowCount() == len(changes) - 1
    board_ws.delete_scenario(plan.key)
    assert model.rowCount() == 0
    model.close()


def test_a_hidden_list_of_changes_catches_up_when_shown(qtbot, board_ws: Workspace) -> None:
    spring = board_ws.campaign_named("Spring launch")
    plan = board_ws.add_scenario("Plan B")
    board_ws.add_change(plan.key, ShiftCampaign(campaign_id=spring.key, days=3))
    model = ScenarioChangesModel(board_ws)
    model.show_scenario(plan.key)
    model.set_active(False)
    board_ws.update_campaign(spring.model_copy(update={"name": "Spring 2027"}))
    assert model.stale and model.index(0).data() == "Shift 'Spring launch' 3 days later"
    model.set_active(True)
    assert not model.stale and model.index(0).data() == "Shift 'Spring 2027' 3 days later"
    model.close()
