"""The add-change dialog, one form per kind: each gives its kind of change from what is typed
and picked, Enter adds it; what cannot be a change is said in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.scenarios import (
    AddCapacity,
    ChangeAvailability,
    CutTask,
    DeferTask,
    ScenarioChange,
    TimeOffChange,
)
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common.widgets import TypedDate
from mopsboard.ui.scenarios.change_dialog import KINDS, ChangeDialog, draft_change
from tests.ui.scenarios.scenario_driver import when_modal

MONDAY = date(2027, 3, 1)


def _find(dialog: ChangeDialog, kind: type[QWidget], name: str) -> QWidget:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def _days(dialog: ChangeDialog, name: str, text: str) -> None:
    box = _find(dialog, QSpinBox, name)
    box.setFocus()
    box.selectAll()  # type: ignore[attr-defined]
    QTest.keyClicks(box, text)


def _date(dialog: ChangeDialog, name: str, day: date) -> None:
    edit = _find(dialog, TypedDate, name)
    edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]


def _cut(dialog: ChangeDialog) -> None:
    QTest.keyClicks(_find(dialog, QLineEdit, "scenarioTaskSearch"), "d")


def _defer(dialog: ChangeDialog) -> None:
    QTest.keyClicks(_find(dialog, QLineEdit, "scenarioTaskSearch"), "d")
    _days(dialog, "scenarioDeferDays", "12")


def _capacity(dialog: ChangeDialog) -> None:
    QTest.keyClicks(_find(dialog, QLineEdit, "scenarioCapacityName"), "Sam")
    _date(dialog, "scenarioCapacityFirst", MONDAY)
    _date(dialog, "scenarioCapacityLast", date(2027, 3, 26))


def _availability(dialog: ChangeDialog) -> None:
    QTest.keyClicks(_find(dialog, QSpinBox, "scenarioAvailability"), "25")


def _time_off(dialog: ChangeDialog) -> None:
    _date(dialog, "scenarioOffFirst", MONDAY)
    _date(dialog, "scenarioOffLast", date(2027, 3, 5))
    QTest.keyClicks(_find(dialog, QLineEdit, "scenarioOffReason"), "Conference")


def _expected(ws: Workspace, kind: str) -> ScenarioChange:
    d = next(t for t in ws.tasks() if t.title == "D")
    ana, content = ws.member_named("Ana Lima"), ws.team_named("Content")
    return {
        "cut_task": CutTask(task_id=d.key),
        "defer_task": DeferTask(task_id=d.key, days=12),
        "add_capacity": AddCapacity(
            team_id=content.key,
            name="Sam",
            weekly_hours=20,
            first=MONDAY,
            last=date(2027, 3, 26),
        ),
        "change_availability": ChangeAvailability(member_id=ana.key, availability=0.25),
        "time_off": TimeOffChange(
            member_id=ana.key, first=MONDAY, last=date(2027, 3, 5), reason="Conference"
        ),
    }[kind]


FORMS: dict[str, Callable[[ChangeDialog], None]] = {
    "cut_task": _cut,
    "defer_task": _defer,
    "add_capacity": _capacity,
    "change_availability": _availability,
    "time_off": _time_off,
}


@pytest.mark.parametrize("kind", list(FORMS))
def test_each_form_gives_its_change_and_enter_adds_it(
    qtbot: QtBot, board_ws: Workspace, kind: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fill(dialog: ChangeDialog) -> None:
        FORMS[kind](dialog)
        QTest.keyClick(dialog.add_button, Qt.Key.Key_Return)

    driven = when_modal(ChangeDialog, fill)
    change = draft_change(parent, board_ws, kind, today=MONDAY)
    driven.check()
    assert change == _expected(board_ws, kind)


def test_what_cannot_be_a_change_is_said_and_the_dialog_stays(
    qtbot: QtBot, board_ws: Workspace
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []

    def no_shift(dialog: ChangeDialog) -> None:
        _days(dialog, "scenarioShiftDays", "0")
        QTest.keyClick(_find(dialog, QSpinBox, "scenarioShiftDays"), Qt.Key.Key_Return)
        assert dialog.isVisible() and dialog.problem.isVisible()
        said.append(dialog.problem.text())
        QTest.keyClick(dialog, Qt.Key.Key_Escape)

    driven = when_modal(ChangeDialog, no_shift)
    assert draft_change(parent, board_ws, "shift_campaign") is None
    driven.check()
    assert said and "0 days moves nothing" in said[0]


def test_the_menu_offers_every_kind_of_change() -> None:
    from mopsboard.domain.scenarios import CHANGE_KINDS

    assert [kind.key for kind in KINDS] == list(CHANGE_KINDS)
