"""The change dialogs' dates are typed, as in the task and person forms: a typed day and month
are read as typed (not only Up and Down), and a date that is not one is said in words."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.scenarios import AddCapacity, TimeOffChange
from mopsboard.store.workspace import Workspace
from mopsboard.ui.scenarios.change_dialog import ChangeDialog, draft_change
from tests.ui.scenarios.scenario_driver import when_modal

MONDAY = date(2027, 3, 1)


def _type_date(dialog: ChangeDialog, name: str, text: str) -> None:
    field = dialog.findChild(QWidget, name)
    assert field is not None, name
    line = field.findChild(QLineEdit)
    assert line is not None, name
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)


def test_typed_first_and_last_days_are_the_capacity_drafted(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fill(dialog: ChangeDialog) -> None:
        _type_date(dialog, "scenarioCapacityFirst", "2027-04-12")
        _type_date(dialog, "scenarioCapacityLast", "2027-05-28")
        QTest.keyClick(dialog.add_button, Qt.Key.Key_Return)

    driven = when_modal(ChangeDialog, fill)
    change = draft_change(parent, board_ws, "add_capacity", today=MONDAY)
    driven.check()
    assert isinstance(change, AddCapacity)
    assert (change.first, change.last) == (date(2027, 4, 12), date(2027, 5, 28))


def test_typed_days_off_are_the_time_off_drafted(qtbot: QtBot, board_ws: Workspace) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fill(dialog: ChangeDialog) -> None:
        _type_date(dialog, "scenarioOffFirst", "2027-06-14")
        _type_date(dialog, "scenarioOffLast", "2027-06-18")
        QTest.keyClick(dialog.add_button, Qt.Key.Key_Return)

    driven = when_modal(ChangeDialog, fill)
    change = draft_change(parent, board_ws, "time_off", today=MONDAY)
    driven.check()
    assert isinstance(change, TimeOffChange)
    assert (change.first, change.last) == (date(2027, 6, 14), date(2027, 6, 18))


def test_a_date_that_is_not_one_is_said_and_the_dialog_stays(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []

    def fill(dialog: ChangeDialog) -> None:
        _type_date(dialog, "scenarioOffLast", "2027-13-40")
        QTest.keyClick(dialog.add_button, Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.problem.isVisible()
        said.append(dialog.problem.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    driven = when_modal(ChangeDialog, fill)
    assert draft_change(parent, board_ws, "time_off", today=MONDAY) is None
    driven.check()
    assert said and "Last day off is not a whole date" in said[0]
