"""The task editor's assignee list: people under their team's name, narrowed to the team chosen;
a person chosen brings their team along."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Member, Team
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import edit_in_window


@pytest.fixture
def people_window(board_ws: Workspace, open_window: Callable[..., MainWindow]) -> MainWindow:
    """The board workspace (Content: Ana Lima) with a Web team of two, and a third person who
    has left (inactive)."""
    web = board_ws.add_team(Team(name="Web"))
    board_ws.add_member(Member(team_id=web.key, name="Chloé Martin"))
    board_ws.add_member(Member(team_id=web.key, name="Ben Okafor"))
    content = board_ws.team_named("Content")
    board_ws.add_member(Member(team_id=content.key, name="Dana Former", active=False))
    return open_window(board_ws)


EVERYONE = ["Unassigned", "[Content]", "Ana Lima", "[Web]", "Ben Okafor", "Chloé Martin"]


def listed(combo: QComboBox) -> list[str]:
    """The popup's lines as shown; a team's name, which cannot be chosen, in [brackets]."""
    model = combo.model()
    lines = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        text = str(index.data())
        choosable = bool(model.flags(index) & Qt.ItemFlag.ItemIsSelectable)
        lines.append(text if choosable else f"[{text}]")
    return lines


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> str:
    """Types the start of `text` on the combo, as a person picks from a list by keyboard (the
    offscreen platform loses clicks in a popup); returns what the combo shows then."""
    # Typing picks by the letters typed within a moment: let the last choice's letters pass.
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(combo, text)
    return combo.currentText()


def test_people_are_grouped_by_team_and_a_team_name_cannot_be_chosen(
    qtbot: QtBot, people_window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        seen["all"] = listed(dialog.assignee)
        # Down from Unassigned passes over "Content" to its first person, and so on.
        for _ in range(3):
            qtbot.keyClick(dialog.assignee, Qt.Key.Key_Down)
            seen.setdefault("down", []).append(dialog.assignee.currentText())  # type: ignore[union-attr]
        seen["typed_a_team"] = choose(qtbot, dialog.assignee, "Web")

    edit_in_window(people_window, "B", steps)
    assert seen == {
        "all": EVERYONE,
        "down": ["Ana Lima", "Ben Okafor", "Chloé Martin"],
        "typed_a_team": "Chloé Martin",  # a team's name is not a choice
    }


def test_choosing_a_team_narrows_the_people_to_it(qtbot: QtBot, people_window: MainWindow) -> None:
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        assert choose(qtbot, dialog.team, "Web") == "Web"
        seen["web"] = listed(dialog.assignee)
        assert choose(qtbot, dialog.assignee, "Ben") == "Ben Okafor"
        seen["team"] = dialog.team.currentText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    edit_in_window(people_window, "B", steps)
    assert seen == {"web": ["Unassigned", "[Web]", "Ben Okafor", "Chloé Martin"], "team": "Web"}
    with Workspace.open(people_window.workspace.path) as ws:
        task = next(t for t in ws.tasks() if t.title == "B")
        assert ws.member(task.assignee_id).name == "Ben Okafor"  # type: ignore[arg-type]
        assert task.team_id == ws.team_named("Web").id


def test_another_team_unassigns_and_a_person_brings_their_team(
    qtbot: QtBot, people_window: MainWindow
) -> None:
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        # A is Ana Lima's (Content): everyone is offered, to reassign it to anyone.
        seen["opened"] = (dialog.team.currentText(), listed(dialog.assignee))
        # Another team: Ana is not in it, so the task is that team's, unassigned.
        assert choose(qtbot, dialog.team, "Web") == "Web"
        seen["web"] = dialog.assignee.currentText()
        # No team: everyone, by team; a person chosen sets their team.
        assert choose(qtbot, dialog.team, "No") == "No team"
        seen["everyone"] = listed(dialog.assignee)
        assert choose(qtbot, dialog.assignee, "Ana") == "Ana Lima"
        seen["ana"] = (dialog.team.currentText(), listed(dialog.assignee))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    edit_in_window(people_window, "A", steps)
    assert seen == {
        "opened": ("Content", EVERYONE),
        "web": "Unassigned",
        "everyone": EVERYONE,
        "ana": ("Content", EVERYONE),
    }
    with Workspace.open(people_window.workspace.path) as ws:
        task = next(t for t in ws.tasks() if t.title == "A")
        assert task.team_id == ws.team_named("Content").id


def test_an_assignee_who_has_left_is_still_shown_as_the_task_holds_it(
    qtbot: QtBot, people_window: MainWindow
) -> None:
    ws = people_window.workspace
    dana = next(m for m in ws.members() if m.name == "Dana Former")
    task = next(t for t in ws.tasks() if t.title == "C")
    ws.update_task(task.model_copy(update={"assignee_id": dana.id}))
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        seen["shown"] = dialog.assignee.currentText()
        seen["listed"] = listed(dialog.assignee)
        dialog.title.setText("C, renamed")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    edit_in_window(people_window, "C", steps)
    assert seen == {
        "shown": "Dana Former (inactive)",
        "listed": [*EVERYONE[:3], "Dana Former (inactive)", *EVERYONE[3:]],
    }
    with Workspace.open(ws.path) as reread:
        assert reread.task(task.key).assignee_id == dana.id  # kept, not silently unassigned
