"""Drafting on the Scenarios page, as a user does it: a new scenario named in its box, a shift
and a hand-over added through their dialogs with keys and clicks, a change deleted, each step
undone and redone with the keys; the real plan in the file never changes while drafting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QInputDialog,
    QLineEdit,
    QListView,
    QSpinBox,
)
from pytestqt.qtbot import QtBot

from mopsboard.domain.kinds import TeamKind
from mopsboard.domain.models import Member, Team
from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.change_dialog import ChangeDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.scenarios.scenario_driver import (
    add_change_action,
    plan_in_file,
    scenarios_page,
    shown_changes,
    when_modal,
)

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _type_name(name: str) -> Callable[[QInputDialog], None]:
    def answer(dialog: QInputDialog) -> None:
        line = dialog.findChild(QLineEdit)
        assert line is not None
        line.selectAll()
        QTest.keyClicks(line, name)
        QTest.keyClick(line, Qt.Key.Key_Return)

    return answer


def _shift_spring_by_ten(dialog: ChangeDialog) -> None:
    campaign = dialog.findChild(QComboBox, "scenarioCampaign")
    days = dialog.findChild(QSpinBox, "scenarioShiftDays")
    assert campaign is not None and days is not None
    QTest.keyClicks(campaign, "Spring")
    assert campaign.currentText().startswith("Spring launch")
    # The days have the focus, their text selected: typing replaces it.
    assert dialog.focusWidget() in (days, days.findChild(QLineEdit))
    QTest.keyClicks(days, "10")
    assert days.value() == 10
    said = dialog.findChild(type(dialog.problem), "scenarioShiftSaid")
    assert said is not None and said.text().startswith("10 calendar days later")
    QTest.keyClick(days, Qt.Key.Key_Return)


def _hand_a_to_the_agency(dialog: ChangeDialog) -> None:
    search = dialog.findChild(QLineEdit, "scenarioTaskSearch")
    owner = dialog.findChild(QComboBox, "scenarioOwner")
    assert search is not None and owner is not None
    QTest.keyClicks(search, "a")
    # By title: "A" alone, not every task of "Spring launch" (whose name is beside each).
    matches = dialog.findChild(QListView, "scenarioTaskList")
    assert matches is not None and matches.model().rowCount() == 1
    assert str(matches.currentIndex().data()).startswith("A \u2014 Spring launch")
    assert dialog.focusWidget() is search
    QTest.keyClicks(owner, "Agency")
    assert owner.currentText() == "Agency North: the team, nobody in particular"
    QTest.keyClick(search, Qt.Key.Key_Return)


def test_drafting_through_the_page_is_undoable_and_leaves_the_plan_alone(
    qtbot: QtBot, open_window: Callable[..., MainWindow], board_ws: Workspace
) -> None:
    agency = board_ws.add_team(Team(name="Agency North", kind=TeamKind.AGENCY))
    board_ws.add_member(Member(team_id=agency.key, name="Rosa"))
    before = plan_in_file(board_ws.path)
    window = open_window(board_ws)
    page = scenarios_page(window)
    panel = page.panel
    assert panel.no_scenarios.isVisible()
    assert panel.no_scenarios.text().startswith("No scenarios yet: New scenario")
    assert not panel.add_change_button.isEnabled()

    named = when_modal(QInputDialog, _type_name("Plan B"))
    qtbot.mouseClick(panel.new_button, LEFT)
    named.check()
    assert [s.name for s in board_ws.scenarios()] == ["Plan B"]
    assert not panel.no_scenarios.isVisible() and panel.current() is not None
    assert panel.no_changes.isVisible() and panel.no_changes.text().startswith("No changes yet")

    shifted = when_modal(ChangeDialog, _shift_spring_by_ten)
    add_change_action(panel, "shift_campaign").trigger()
    shifted.check()
    handed = when_modal(ChangeDialog, _hand_a_to_the_agency)
    add_change_action(panel, "reassign_task").trigger()
    handed.check()
    expected = ["Shift 'Spring launch' 10 days later", "Hand 'A' to Agency North"]
    assert shown_changes(panel) == expected
    assert [d.change.kind for d in board_ws.changes(panel.current().key)] == [  # type: ignore[union-attr]
        "shift_campaign",
        "reassign_task",
    ]

    # Esc leaves a dialog without a change.
    cancelled = when_modal(ChangeDialog, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    add_change_action(panel, "cut_task").trigger()
    cancelled.check()
    assert shown_changes(panel) == expected

    # Delete takes the chosen change out; each step is one undo step, on the keys.
    panel.change_list.setCurrentIndex(panel.change_list.model().index(0, 0))
    panel.change_list.setFocus()
    qtbot.keyClick(panel.change_list, Qt.Key.Key_Delete)
    assert shown_changes(panel) == expected[1:]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(panel.change_list, Qt.Key.Key_Z, CTRL)
    assert shown_changes(panel) == expected
    qtbot.keyClick(panel.change_list, Qt.Key.Key_Z, CTRL)
    assert shown_changes(panel) == expected[:1]
    # Redo's keys are the platform's (Ctrl+Y here, offscreen), and Ctrl+Y everywhere.
    qtbot.keyClick(panel.change_list, Qt.Key.Key_Y, CTRL)
    assert shown_changes(panel) == expected
    stack = window.workspace_actions.undo_stack
    assert stack.undoText() == "Hand 'A' to Agency North in 'Plan B'"

    # All the while, the real plan in the file is as it was.
    assert plan_in_file(board_ws.path) == before


def test_rename_and_discard_ask_and_undo_brings_the_scenario_back(
    qtbot: QtBot, open_window: Callable[..., MainWindow], board_ws: Workspace, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    board_ws.add_scenario("Plan B")
    window = open_window(board_ws)
    panel = scenarios_page(window).panel
    assert panel.current() is not None and panel.current().name == "Plan B"  # type: ignore[union-attr]
    renamed = when_modal(QInputDialog, _type_name("Agency does it"))
    qtbot.mouseClick(panel.rename_button, LEFT)
    renamed.check()
    assert [s.name for s in board_ws.scenarios()] == ["Agency does it"]
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(panel.discard_button, LEFT)
    assert asked and asked[0].startswith("Discard the scenario 'Agency does it'")
    assert board_ws.scenarios() == []
    assert panel.no_scenarios.isVisible()
    window.undo_action.trigger()
    assert [s.name for s in board_ws.scenarios()] == ["Agency does it"]
    assert panel.current() is not None
