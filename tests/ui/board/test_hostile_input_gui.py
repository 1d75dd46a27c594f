"""Bad input typed into the app: refused with the model's words where it was typed, the typed
text kept so nothing is lost, and nothing written; good but unusual text kept exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_dialog import StageDialog
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present

LONG = "Quarterly nurture programme" * 10  # 270 characters, none to strip
# Invisible characters only (zero-width space, byte-order mark): reads as nothing. (Lone
# surrogates, the other text the models refuse, never get through a Qt text field.)
INVISIBLE = "\u200b\ufeff\u200b"


def task_count(win: MainWindow) -> int:
    return len(win.workspace.tasks(include_archived=True))


def quick_add_line(win: MainWindow, stage_name: str) -> QLineEdit:
    stage_id = next(s.id for s in win.model.stages if s.name == stage_name)
    return next(q for q in win.board_view.quick_adds if q.property("stageId") == stage_id)


@pytest.mark.parametrize(
    ("title", "words"),
    [(LONG, "Title is too long (270 characters; at most 200)"), (INVISIBLE, "cannot be empty")],
)
def test_quick_add_refuses_in_words_and_keeps_the_typed_text(
    qtbot: QtBot, window: MainWindow, title: str, words: str
) -> None:
    before = task_count(window)
    line = quick_add_line(window, "Ready")
    line.setText(title)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert words in window.banner.text()
    assert window.banner.isVisible()
    assert line.text() == title  # not lost: fix it and press Enter again
    assert task_count(window) == before
    assert window.workspace_actions.undo_stack.count() == 0


def test_quick_add_keeps_emoji_and_right_to_left_text_exactly(
    qtbot: QtBot, window: MainWindow
) -> None:
    title = "🚀 \u202bשיגור האביב\u202c — حملة 👩🏽\u200d💻"  # noqa: RUF001
    line = quick_add_line(window, "Ready")
    line.setText(title)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    with Workspace.open(window.workspace.path) as ws:
        assert title in [t.title for t in ws.tasks()]


def test_board_names_are_refused_in_words(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (LONG, True))
    window.sidebar.add_board()
    assert "Name is too long" in window.banner.text()
    assert [b.name for b in window.workspace.boards()] == ["Campaign board"]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (INVISIBLE, True))
    window.sidebar.rename_current()
    assert "Name cannot be empty" in window.banner.text()
    assert [b.name for b in window.workspace.boards()] == ["Campaign board"]
    assert window.workspace_actions.undo_stack.count() == 0


def test_stage_names_are_refused_in_the_stage_editor(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = present(window.model.board_id)
    names = [s.name for s in window.workspace.stages(board)]
    dialog = StageDialog(window.workspace_actions, board, window)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (LONG, True))
    dialog._add()
    assert "Name is too long" in dialog.error.text()
    dialog.list.setCurrentRow(1)
    dialog.name.setText(LONG)
    dialog._apply()
    assert "Name is too long" in dialog.error.text()
    assert [s.name for s in window.workspace.stages(board)] == names
    assert window.workspace_actions.undo_stack.count() == 0


def test_task_editor_shows_hostile_values_next_to_their_fields(
    qtbot: QtBot, window: MainWindow
) -> None:
    task = next(t for t in window.model.tasks.values() if t.title == "A")
    dialog = TaskDialog(task, window.model.stages, window.model.lookups, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText(INVISIBLE)
    dialog.validate()
    assert dialog.errors["title"].text() == "Title cannot be empty"
    assert not dialog.save_button.isEnabled()
    dialog.title.setText("A")
    dialog.description.setPlainText("x" * 100_001)
    dialog.validate()
    problems = dialog.form_error.text() + " ".join(e.text() for e in dialog.errors.values())
    assert "Description is too long (100001 characters; at most 100000)" in problems
    assert not dialog.save_button.isEnabled()
    dialog.description.setPlainText("")
    for estimate, words in (("nan", "number of hours"), ("-2", "cannot be negative")):
        dialog.estimate.setText(estimate)
        dialog.validate()
        assert words in dialog.errors["estimate_hours"].text()
        assert not dialog.save_button.isEnabled()
    dialog.estimate.setText("1e6")
    dialog.validate()
    assert "more than 10,000 hours" in dialog.errors["estimate_hours"].text()
    dialog.estimate.setText("2")
    dialog.labels.setText("ok, " + "y" * 60)
    dialog.validate()
    assert "at most 50 characters" in dialog.form_error.text() + " ".join(
        e.text() for e in dialog.errors.values()
    )
    dialog.labels.setText("🔥, مهم")
    assert dialog.validate() is not None
    assert dialog.save_button.isEnabled()
