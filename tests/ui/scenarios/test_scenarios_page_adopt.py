"""Adopting from the Scenarios page: a conflicting edit made through the store meanwhile gets
the per-change question (Skip by default: Enter leaves that row as it is now); the other
changes reach the file, the scenario goes, and one undo puts all of it back. Without a
conflict, one question."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Member, Task
from mopsboard.domain.scenarios import DeferTask, ReassignTask
from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.adopt_dialog import AdoptDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.scenarios.scenario_driver import scenarios_page, when_modal

LEFT = Qt.MouseButton.LeftButton


def _task(ws: Workspace, title: str) -> Task:
    with Workspace.open(ws.path) as own:  # as the file holds it
        return next(t for t in own.tasks(include_archived=True) if t.title == title)


@pytest.fixture
def drafted(board_ws: Workspace) -> Workspace:
    """'Plan B': A to Ben, then D five days later."""
    team = board_ws.team_named("Content")
    ben = board_ws.add_member(Member(team_id=team.key, name="Ben"))
    plan = board_ws.add_scenario("Plan B")
    a, d = (next(t for t in board_ws.tasks() if t.title == title) for title in ("A", "D"))
    board_ws.add_change(plan.key, ReassignTask(task_id=a.key, assignee_id=ben.key))
    board_ws.add_change(plan.key, DeferTask(task_id=d.key, days=5))
    return board_ws


def test_a_conflict_is_asked_per_change_and_skip_leaves_the_row(
    qtbot: QtBot, open_window: Callable[..., MainWindow], drafted: Workspace
) -> None:
    window = open_window(drafted)
    page = scenarios_page(window)
    assert page.panel.adopt_button.isEnabled()
    # Someone gives A more hours through the store while the scenario waits.
    a = next(t for t in drafted.tasks() if t.title == "A")
    drafted.update_task(a.model_copy(update={"estimate_hours": 8.0}))
    d_due = _task(drafted, "D").due_date
    assert d_due is not None
    asked: list[str] = []

    def answer(dialog: AdoptDialog) -> None:
        assert len(dialog.conflicts) == 1
        (conflict,) = dialog.conflicts
        asked.append(conflict.text)
        skip = dialog.findChild(QRadioButton, f"adoptSkip-{conflict.change_id}")
        apply = dialog.findChild(QRadioButton, f"adoptApply-{conflict.change_id}")
        assert skip is not None and apply is not None
        assert skip.isChecked() and not apply.isChecked()
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    answered = when_modal(AdoptDialog, answer)
    qtbot.mouseClick(page.panel.adopt_button, LEFT)
    answered.check()
    assert len(asked) == 1 and "'A'" in asked[0] and "estimate" in asked[0]

    # A as the other edit left it; D deferred; the scenario gone from the file and the list.
    after_a, after_d = _task(drafted, "A"), _task(drafted, "D")
    assert after_a.assignee_id == drafted.member_named("Ana Lima").key
    assert after_a.estimate_hours == 8.0
    assert after_d.due_date == d_due + timedelta(days=5)
    assert drafted.scenarios() == []
    assert page.panel.no_scenarios.isVisible()
    assert "Adopted \u2018Plan B\u2019" in window.statusBar().currentMessage()
    assert "1 change left out" in window.statusBar().currentMessage()

    # One undo step puts the plan and the scenario back.
    window.undo_action.trigger()
    assert _task(drafted, "D").due_date == d_due
    assert [s.name for s in drafted.scenarios()] == ["Plan B"]
    assert page.panel.current() is not None


def test_without_a_conflict_one_question_then_every_change_applies(
    qtbot: QtBot,
    open_window: Callable[..., MainWindow],
    drafted: Workspace,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    window = open_window(drafted)
    page = scenarios_page(window)
    d_due = _task(drafted, "D").due_date
    assert d_due is not None and d_due > TODAY
    qtbot.mouseClick(page.panel.adopt_button, LEFT)
    assert len(asked) == 1 and asked[0].startswith("Apply the 2 changes of \u2018Plan B\u2019")
    assert _task(drafted, "A").assignee_id == drafted.member_named("Ben").key
    assert _task(drafted, "D").due_date == d_due + timedelta(days=5)
    assert drafted.scenarios() == []


def test_apply_anyway_applies_the_change_to_the_row_as_it_is_now(
    qtbot: QtBot, open_window: Callable[..., MainWindow], drafted: Workspace
) -> None:
    window = open_window(drafted)
    page = scenarios_page(window)
    a = next(t for t in drafted.tasks() if t.title == "A")
    drafted.update_task(a.model_copy(update={"estimate_hours": 8.0}))

    def apply_anyway(dialog: AdoptDialog) -> None:
        (conflict,) = dialog.conflicts
        apply = dialog.findChild(QRadioButton, f"adoptApply-{conflict.change_id}")
        assert apply is not None
        qtbot.mouseClick(apply, LEFT)
        qtbot.mouseClick(dialog.adopt_button, LEFT)

    answered = when_modal(AdoptDialog, apply_anyway)
    qtbot.mouseClick(page.panel.adopt_button, LEFT)
    answered.check()
    after = _task(drafted, "A")
    # Handed to Ben, with the hours the other edit gave it.
    assert (after.assignee_id, after.estimate_hours) == (drafted.member_named("Ben").key, 8.0)
    assert drafted.scenarios() == []
    assert "left out" not in window.statusBar().currentMessage()


def test_cancel_leaves_the_plan_and_the_scenario(
    qtbot: QtBot, open_window: Callable[..., MainWindow], drafted: Workspace
) -> None:
    window = open_window(drafted)
    page = scenarios_page(window)
    a = next(t for t in drafted.tasks() if t.title == "A")
    drafted.update_task(a.model_copy(update={"estimate_hours": 8.0}))
    d_before = _task(drafted, "D")
    steps = window.workspace_actions.undo_stack.count()
    answered = when_modal(AdoptDialog, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    qtbot.mouseClick(page.panel.adopt_button, LEFT)
    answered.check()
    assert _task(drafted, "D") == d_before
    assert [s.name for s in drafted.scenarios()] == ["Plan B"]
    assert window.workspace_actions.undo_stack.count() == steps
