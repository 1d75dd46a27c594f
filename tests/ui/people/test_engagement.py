"""A person engaged for some weeks (a contractor): the first and last day typed in the person
form, kept in the SQLite file, and their hours only between them on the capacity map."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.qt.capacity.capacity_model import CapacityModel
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.people.team_dialog import TeamDialog
from tests.ui.people.test_hourly_rates import choose


@pytest.fixture
def dialog(
    qtbot: QtBot, capacity_ws: Workspace, make_actions: Callable[[Workspace], WorkspaceActions]
) -> Iterator[TeamDialog]:
    shown = TeamDialog(make_actions(capacity_ws))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def type_day(qtbot: QtBot, field: object, text: str) -> None:
    from mopsboard.ui.common.widgets import OptionalDate

    assert isinstance(field, OptionalDate)
    field.enabled.setChecked(True)
    field.picker.line.selectAll()
    qtbot.keyClick(field.picker.line, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.picker.line, text)


def test_a_contractor_for_two_weeks_has_hours_only_then(
    qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    model = CapacityModel(capacity_ws)
    model.set_period(Period(date(2026, 3, 2), 4))
    choose(dialog, "Web")
    dialog.add_member_button.click()
    form = dialog.member_form
    qtbot.keyClicks(form.name, "Kai")
    type_day(qtbot, form.active_from, "2026-03-09")
    type_day(qtbot, form.active_until, "2026-03-20")
    assert "from 2026-03-09 to 2026-03-20 only" in form.week.text()
    form.save.click()
    with Workspace.open(capacity_ws.path) as ws:
        kai = ws.member_named("Kai")
        assert (kai.active_from, kai.active_until) == (date(2026, 3, 9), date(2026, 3, 20))
    row = next(r for r in model.capacity.rows if r.label == "Kai")
    assert model.capacity.available[row.key] == [0.0, 40.0, 40.0, 0.0]
    # Clearing the last day keeps them on from their first.
    choose(dialog, "Kai")
    dialog.member_form.active_until.enabled.setChecked(False)
    dialog.member_form.save.click()
    with Workspace.open(capacity_ws.path) as ws:
        assert ws.member_named("Kai").active_until is None


def test_a_last_day_before_the_first_is_refused_in_words(
    qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    choose(dialog, "Web")
    dialog.add_member_button.click()
    form = dialog.member_form
    qtbot.keyClicks(form.name, "Kai")
    type_day(qtbot, form.active_from, "2026-03-20")
    type_day(qtbot, form.active_until, "2026-03-09")
    form.save.click()
    with Workspace.open(capacity_ws.path) as ws:
        assert "Kai" not in {m.name for m in ws.members()}
    assert "before the first" in form.problems.labels["active_until"].text()


def test_the_dates_problem_shows_by_them_as_typed_and_goes_once_mended(
    qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    choose(dialog, "Web")
    dialog.add_member_button.click()
    form = dialog.member_form
    qtbot.keyClicks(form.name, "Kai")
    type_day(qtbot, form.active_from, "2026-03-20")
    type_day(qtbot, form.active_until, "2026-03-09")
    problem = form.problems.labels["active_until"]
    assert problem.isVisibleTo(form) and "before" in problem.text()
    # Mended before saving: the problem goes at once, and the person is saved.
    type_day(qtbot, form.active_until, "2026-03-27")
    assert not problem.isVisibleTo(form)
    assert not form.problems.labels[""].isVisibleTo(form)
    form.save.click()
    with Workspace.open(capacity_ws.path) as ws:
        assert ws.member_named("Kai").active_until == date(2026, 3, 27)
