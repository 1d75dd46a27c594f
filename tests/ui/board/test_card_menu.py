"""The card menu's Duplicate and Move to another board…, chosen with the mouse, as the file and
the board then show them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import StageKind
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.card_dialogs import BoardChoice
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_selection import click, selected_everywhere
from tests.ui.board.test_board_window import task_id, view_of
from tests.ui.board.test_card_redraw import card_rect


def choose_from_card_menu(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    stage: str,
    item: str,
) -> None:
    """Right-clicks the card and picks `item` from the menu that would pop up there."""

    def pick(menu: QMenu, *_where: object) -> None:
        action = next(a for a in menu.actions() if a.text() == item)
        assert action.isEnabled()
        action.trigger()

    monkeypatch.setattr(window.board_view, "popup", pick)
    view = view_of(window, stage)
    view.customContextMenuRequested.emit(card_rect(view, task_id(window, title)).center())


def when_board_choice_is_up(steps: Callable[[BoardChoice], None]) -> None:
    """Runs `steps` on the board chooser once it is shown (it is modal: it runs its own loop)."""

    def attempt(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, BoardChoice):
            steps(dialog)
        elif left:
            QTimer.singleShot(10, lambda: attempt(left - 1))

    QTimer.singleShot(0, lambda: attempt(200))


def titles_in(path: Path, board: str, stage: str) -> list[str]:
    with Workspace.open(path) as ws:
        board_id = ws.board_named(board).key
        stage_id = ws.stage_named(board_id, stage).key
        return [t.title for t in ws.tasks(board_id) if t.stage_id == stage_id]


def test_duplicate_puts_a_copy_just_below_and_selects_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path
    choose_from_card_menu(qtbot, window, monkeypatch, "F", "Review", "Duplicate")
    assert titles_in(path, "Campaign board", "Review") == ["F", "F (copy)"]
    with Workspace.open(path) as ws:
        copy = next(t for t in ws.tasks() if t.title == "F (copy)")
        original = next(t for t in ws.tasks() if t.title == "F")
        assert copy.labels == original.labels and copy.campaign_id == original.campaign_id
        assert [(i.text, i.done) for i in copy.checklist] == [
            ("GDPR consent wording", False),
            ("CAN-SPAM footer", False),
        ]
    assert selected_everywhere(window) == {"Review": ["F (copy)"]}
    assert window.undo_action.text() == "&Undo Duplicate task 'F'"
    window.undo_action.trigger()
    assert titles_in(path, "Campaign board", "Review") == ["F"]
    window.redo_action.trigger()
    assert titles_in(path, "Campaign board", "Review") == ["F", "F (copy)"]


def test_move_to_another_board_lands_in_the_stage_of_the_same_name_or_the_first(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.workspace.path
    window.workspace_actions.add_board("Partners")
    window.workspace.add_board(
        "Events",
        [("Ideas", StageKind.BACKLOG), ("Ready", StageKind.ACTIVE), ("Live", StageKind.DONE)],
    )
    click(qtbot, window, "C", "Backlog")
    seen: list[str] = []

    def pick_events(dialog: BoardChoice) -> None:
        assert [dialog.board.itemText(i) for i in range(dialog.board.count())] == [
            "Partners",
            "Events",
        ]
        dialog.board.setFocus()
        qtbot.keyClick(dialog.board, Qt.Key.Key_Down)
        seen.append(dialog.landing.text())
        qtbot.mouseClick(dialog.move_button, Qt.MouseButton.LeftButton)

    when_board_choice_is_up(pick_events)
    choose_from_card_menu(qtbot, window, monkeypatch, "C", "Backlog", "Move to another board…")
    assert seen == ["From Backlog: into Ideas, its first stage (Events has no Backlog)."]
    assert titles_in(path, "Events", "Ideas") == ["C"]
    assert titles_in(path, "Campaign board", "Backlog") == ["A", "B"]
    assert "C" not in [t.title for t in window.model.tasks.values()]
    assert window.undo_action.text() == "&Undo Move task to board 'Events'"
    window.undo_action.trigger()
    assert titles_in(path, "Campaign board", "Backlog") == ["A", "B", "C"]
    assert titles_in(path, "Events", "Ideas") == []
    assert "C" in [t.title for t in window.model.tasks.values()]

    # A card from Ready lands in Events' Ready.
    def pick_events_again(dialog: BoardChoice) -> None:
        dialog.board.setCurrentIndex(dialog.board.findText("Events"))
        seen.append(dialog.landing.text())
        dialog.move_button.click()

    when_board_choice_is_up(pick_events_again)
    choose_from_card_menu(qtbot, window, monkeypatch, "D", "Ready", "Move to another board…")
    assert seen[-1] == "From Ready: into Ready."
    assert titles_in(path, "Events", "Ready") == ["D"]


def test_cancel_moves_nothing(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.workspace_actions.add_board("Partners")
    when_board_choice_is_up(lambda dialog: dialog.reject())
    choose_from_card_menu(qtbot, window, monkeypatch, "A", "Backlog", "Move to another board…")
    assert titles_in(window.workspace.path, "Campaign board", "Backlog") == ["A", "B", "C"]
    assert window.workspace_actions.undo_stack.count() == 1  # the board added, nothing else


def test_with_one_board_there_is_nowhere_to_move_to(
    window: MainWindow,
) -> None:
    backlog = view_of(window, "Backlog")
    menu = window.board_view.card_menu(backlog, [task_id(window, "A")])
    # Greyed, and saying why where it is greyed: in its own words and its tooltip.
    item = next(a for a in menu.actions() if a.text().startswith("Move to another board"))
    assert item.text() == "Move to another board… (no other board)"
    assert not item.isEnabled()
    assert menu.toolTipsVisible()
    assert item.toolTip() == (
        "This workspace has one board. Make another (the + beside Boards in the sidebar) "
        "to move cards there."
    )
