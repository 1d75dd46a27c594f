"""The team manager driven as a user would: add, edit, archive and deactivate, time off, problems
shown in words, undo and redo from the dialog, each checked in the SQLite file."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from mopsboard.domain.calendar import Period
from mopsboard.domain.models import TeamKind
from mopsboard.qt.capacity.capacity_model import CapacityModel
from mopsboard.qt.common.conflicts import Choice, Conflict
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import conflict_dialog
from mopsboard.ui.people.team_dialog import TeamDialog


@pytest.fixture
def dialog(
    qtbot: QtBot, capacity_ws: Workspace, make_actions: Callable[[Workspace], WorkspaceActions]
) -> Iterator[TeamDialog]:
    shown = TeamDialog(make_actions(capacity_ws))
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    shown.close()


def tree_texts(dialog: TeamDialog) -> list[str]:
    texts = []
    for n in range(dialog.tree.topLevelItemCount()):
        team = dialog.tree.topLevelItem(n)
        assert team is not None
        texts.append(team.text(0))
        texts += [f"  {team.child(c).text(0)}" for c in range(team.childCount())]
    return texts


def choose(dialog: TeamDialog, text: str) -> None:
    for n in range(dialog.tree.topLevelItemCount()):
        team = dialog.tree.topLevelItem(n)
        assert team is not None
        items = [team] + [team.child(c) for c in range(team.childCount())]
        for item in items:
            if item.text(0).startswith(text):
                dialog.tree.setCurrentItem(item)
                return
    raise AssertionError(f"{text} is not in the tree")


def fresh(path: Path) -> Workspace:
    return Workspace.open(path)


def test_the_tree_lists_teams_and_their_people(dialog: TeamDialog) -> None:
    assert tree_texts(dialog) == [
        "Content \u00b7 internal",
        "  Ana \u00b7 40 h, Mon\u2013Fri",
        "  Luis \u00b7 20 h, Mon, Wed, Fri",
        "Web \u00b7 internal",
        "  Ben \u00b7 40 h, Mon\u2013Fri",
    ]
    choose(dialog, "Content")
    assert dialog.team_form.summary.text().startswith("2 active people: 60 h a week")


def test_add_a_team_then_undo_and_redo(dialog: TeamDialog, capacity_ws: Workspace) -> None:
    dialog.add_team_button.click()
    form = dialog.team_form
    form.name.setText("Northwind (agency)")
    form.kind.setCurrentIndex(form.kind.findData(TeamKind.AGENCY.value))
    form.colour.setText("#123ABC")
    form.save.click()
    with fresh(capacity_ws.path) as ws:
        team = ws.team_named("Northwind (agency)")
        assert (team.kind, team.colour) == (TeamKind.AGENCY, "#123abc")
    assert dialog.current_key() == ("team", team.id)
    dialog.undo_action.trigger()
    with fresh(capacity_ws.path) as ws:
        assert [t.name for t in ws.teams()] == ["Content", "Web"]
    assert "Northwind (agency) \u00b7 agency" not in tree_texts(dialog)
    dialog.redo_action.trigger()
    with fresh(capacity_ws.path) as ws:
        assert ws.team_named("Northwind (agency)").id == team.id


def test_problems_are_shown_in_words_and_nothing_is_saved(
    dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    choose(dialog, "Web")
    dialog.team_form.name.setText("   ")
    dialog.team_form.colour.setText("#12")
    dialog.team_form.save.click()
    problems = dialog.team_form.problems.labels
    assert problems["name"].text() == "Name cannot be empty"
    assert problems["colour"].text().startswith("Colour must be a colour like #3366cc")
    choose(dialog, "Ana")
    dialog.member_form.country.setEditText("U5A")
    dialog.member_form.save.click()
    assert (
        dialog.member_form.problems.labels["holiday_country"]
        .text()
        .startswith("Holiday country must be a country code such as US")
    )
    with fresh(capacity_ws.path) as ws:
        assert ws.team_named("Web").version == 1 and ws.member_named("Ana").version == 1
    assert not dialog.workspace_actions.undo_stack.canUndo()


def test_add_and_edit_a_person(qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace) -> None:
    model = CapacityModel(capacity_ws)
    model.set_period(Period(date(2026, 3, 2), 1))
    choose(dialog, "Web")
    dialog.add_member_button.click()
    form = dialog.member_form
    form.name.setText("Aiko")
    form.hours.setValue(32)
    form.days[4].setChecked(False)  # no Fridays
    form.availability.setValue(50)
    form.country.setCurrentIndex(form.country.findData("DE"))
    form.wip.setValue(3)
    assert form.week.text() == "4 h on each of 4 working days: 16 h a week for planned work."
    form.save.click()
    with fresh(capacity_ws.path) as ws:
        aiko = ws.member_named("Aiko")
        assert (aiko.team_id, aiko.weekly_hours, aiko.working_days) == (
            ws.team_named("Web").id,
            32,
            "1234",
        )
        assert (aiko.availability, aiko.holiday_country, aiko.wip_limit) == (0.5, "DE", 3)
    # The capacity map follows at once: a new row under Web.
    aiko_row = next(n for n, r in enumerate(model.capacity.rows) if r.label == "Aiko")
    assert model.index(aiko_row, 2).data() == "0 / 16"
    # Moving a member to another team takes their tasks' team along; undo puts both back.
    choose(dialog, "Ana")
    dialog.member_form.team.setCurrentIndex(dialog.member_form.team.findText("Web"))
    dialog.member_form.save.click()
    with fresh(capacity_ws.path) as ws:
        web = ws.team_named("Web").id
        ana = ws.member_named("Ana")
        assert ana.team_id == web
        assert {t.team_id for t in ws.tasks() if t.assignee_id == ana.id} == {web}
    dialog.undo_action.trigger()
    with fresh(capacity_ws.path) as ws:
        content = ws.team_named("Content").id
        ana = ws.member_named("Ana")
        assert ana.team_id == content
        assert {t.team_id for t in ws.tasks() if t.assignee_id == ana.id} == {content}


def test_deactivate_a_person_and_archive_a_team(dialog: TeamDialog, capacity_ws: Workspace):
    choose(dialog, "Luis")
    assert dialog.retire_button.text() == "Deactivate"
    dialog.retire_button.click()
    with fresh(capacity_ws.path) as ws:
        assert not ws.member_named("Luis").active
    # Still chosen, so still listed (greyed) until the list is next refreshed.
    assert "  Luis \u00b7 20 h, Mon, Wed, Fri (inactive)" in tree_texts(dialog)
    choose(dialog, "Ben")
    dialog.reload()
    assert not any("Luis" in text for text in tree_texts(dialog))
    dialog.show_all.setChecked(True)
    assert "  Luis \u00b7 20 h, Mon, Wed, Fri (inactive)" in tree_texts(dialog)
    dialog.undo_action.trigger()
    with fresh(capacity_ws.path) as ws:
        assert ws.member_named("Luis").active
    choose(dialog, "Web")
    dialog.retire_button.click()
    with fresh(capacity_ws.path) as ws:
        assert [t.name for t in ws.teams()] == ["Content"]
    assert dialog.retire_button.text() == "Restore team"


def test_time_off(dialog: TeamDialog, capacity_ws: Workspace) -> None:
    choose(dialog, "Ana")
    editor = dialog.time_off
    editor.first.setDate(QDate(2026, 3, 9))
    editor.last.setDate(QDate(2026, 3, 13))
    editor.reason.setText("Vacation")
    editor.add.click()
    with fresh(capacity_ws.path) as ws:
        (entry,) = ws.time_off()
        assert (entry.start_date, entry.end_date, entry.reason) == (
            date(2026, 3, 9),
            date(2026, 3, 13),
            "Vacation",
        )
    assert editor.table.rowCount() == 1
    editor.table.selectRow(0)
    editor.reason.setText("Conference")
    editor.last.setDate(QDate(2026, 3, 1))
    editor.update_button.click()
    assert editor.problems.labels[""].text().startswith("The last day 2026-03-01 is before")
    editor.last.setDate(QDate(2026, 3, 10))
    editor.update_button.click()
    with fresh(capacity_ws.path) as ws:
        (entry,) = ws.time_off()
        assert (entry.end_date, entry.reason) == (date(2026, 3, 10), "Conference")
    editor.table.selectRow(0)
    editor.remove.click()
    with fresh(capacity_ws.path) as ws:
        assert ws.time_off() == []
    dialog.undo_action.trigger()
    dialog.undo_action.trigger()
    with fresh(capacity_ws.path) as ws:
        (entry,) = ws.time_off()
        assert (entry.end_date, entry.reason) == (date(2026, 3, 13), "Vacation")


@pytest.mark.parametrize("answer", [Choice.THEIRS, Choice.MINE])
def test_an_edit_made_against_a_stale_copy_asks_the_one_question(
    dialog: TeamDialog, capacity_ws: Workspace, monkeypatch: pytest.MonkeyPatch, answer: Choice
) -> None:
    asked: list[Conflict] = []

    def choose_answer(_parent: object, conflict: Conflict) -> Choice:
        asked.append(conflict)
        return answer

    monkeypatch.setattr(conflict_dialog, "ask", choose_answer)
    choose(dialog, "Ben")
    with fresh(capacity_ws.path) as other:
        ben = other.member_named("Ben")
        other.update_member(ben.model_copy(update={"weekly_hours": 30, "wip_limit": 4}))
    dialog.member_form.hours.setValue(20)
    dialog.member_form.save.click()
    # The same question as a stale task edit, a campaign or a persona: keep theirs or mine.
    assert [c.title for c in asked] == ["Person changed elsewhere"]
    assert "'Ben' was changed in another window or program" in asked[0].text
    with fresh(capacity_ws.path) as ws:
        assert ws.member_named("Ben").weekly_hours == (30 if answer is Choice.THEIRS else 20)
