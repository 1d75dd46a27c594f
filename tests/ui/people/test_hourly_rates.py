"""The hourly rate fields of the team and person forms, typed into as a user would, checked in
the SQLite file."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
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


def choose(dialog: TeamDialog, text: str) -> None:
    for n in range(dialog.tree.topLevelItemCount()):
        team = dialog.tree.topLevelItem(n)
        assert team is not None
        for item in [team] + [team.child(c) for c in range(team.childCount())]:
            if item.text(0).startswith(text):
                dialog.tree.setCurrentItem(item)
                return
    raise AssertionError(f"{text} is not in the tree")


def rate_in_file(path: Path, table: str, name: str) -> object:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute(
            f"SELECT hourly_rate FROM {table} WHERE name = ?",
            [name],
        ).fetchone()
        return row[0]
    finally:
        conn.close()


def type_rate(qtbot: QtBot, field: object, text: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_a_persons_rate_is_typed_saved_and_cleared(
    qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    choose(dialog, "Ana")
    form = dialog.member_form
    assert form.rate.text() == "" and form.rate.placeholderText() == "Not known"
    type_rate(qtbot, form.rate, "85.5")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert rate_in_file(capacity_ws.path, "members", "Ana") == 85.5
    choose(dialog, "Luis")
    choose(dialog, "Ana")
    assert form.rate.text() == "85.5"
    type_rate(qtbot, form.rate, "")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert rate_in_file(capacity_ws.path, "members", "Ana") is None


def test_undo_sets_a_rate_back(qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace) -> None:
    choose(dialog, "Ana")
    type_rate(qtbot, dialog.member_form.rate, "60")
    qtbot.mouseClick(dialog.member_form.save, Qt.MouseButton.LeftButton)
    assert rate_in_file(capacity_ws.path, "members", "Ana") == 60.0
    dialog.undo_action.trigger()
    assert rate_in_file(capacity_ws.path, "members", "Ana") is None


def test_a_teams_rate_and_a_rate_that_is_not_a_number(
    qtbot: QtBot, dialog: TeamDialog, capacity_ws: Workspace
) -> None:
    choose(dialog, "Web")
    form = dialog.team_form
    type_rate(qtbot, form.rate, "-5")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert form.problems.labels["hourly_rate"].text().startswith("Hourly rate ")
    type_rate(qtbot, form.rate, "lots")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert form.problems.labels["hourly_rate"].text().startswith("Hourly rate ")
    assert rate_in_file(capacity_ws.path, "teams", "Web") is None
    assert not dialog.workspace_actions.undo_stack.canUndo()
    type_rate(qtbot, form.rate, "140")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    assert rate_in_file(capacity_ws.path, "teams", "Web") == 140.0
    assert form.problems.labels["hourly_rate"].text() == ""
