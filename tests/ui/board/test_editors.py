"""The task editor, the stage editor and the board list, driven through their widgets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import StageKind
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_dialog import StageDialog
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present

Titles = Callable[[Path], dict[str, list[str]]]


def open_editor(qtbot: QtBot, win: MainWindow, title: str) -> TaskDialog:
    task = next(t for t in win.model.tasks.values() if t.title == title)
    dialog = TaskDialog(task, win.model.stages, win.model.lookups, win)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_editor_shows_problems_in_words_and_blocks_save(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_editor(qtbot, window, "A")
    assert dialog.save_button.isEnabled()
    dialog.title.clear()
    assert not dialog.save_button.isEnabled()
    assert dialog.errors["title"].text() == "Title cannot be empty"
    qtbot.keyClicks(dialog.title, "Write the nurture emails")
    assert dialog.save_button.isEnabled()
    dialog.estimate.setText("four")
    assert "number of hours" in dialog.errors["estimate_hours"].text()
    assert not dialog.save_button.isEnabled()
    dialog.estimate.setText("-3")
    assert dialog.errors["estimate_hours"].text() == "Estimate cannot be negative"
    dialog.estimate.setText("6.5")
    assert dialog.save_button.isEnabled()
    dialog.start.enabled.setChecked(True)
    dialog.due.enabled.setChecked(True)
    dialog.start.picker.setDate(dialog.due.picker.date().addDays(3))
    assert "before the start date" in dialog.errors["due_date"].text()
    assert not dialog.save_button.isEnabled()
    dialog.start.enabled.setChecked(False)
    assert dialog.save_button.isEnabled()
    assert not dialog.errors["due_date"].isVisible()


def test_editor_saves_every_field_and_undo_restores(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_editor(qtbot, window, "B")
    dialog.title.setText("Record the webinar intro")
    dialog.estimate.setText("2.5")
    dialog.labels.setText("video, webinar")
    dialog.persona.setCurrentIndex(dialog.persona.findText("Scientist"))
    dialog.assignee.setCurrentIndex(dialog.assignee.findText("Ana Lima"))
    dialog.description.setPlainText("**Script** first")
    qtbot.keyClicks(dialog.new_item, "Book the studio")
    qtbot.keyClick(dialog.new_item, Qt.Key.Key_Return)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result_task is not None
    window._save_edit(
        next(t for t in window.model.tasks.values() if t.title == "B"), dialog.result_task
    )
    with Workspace.open(window.workspace.path) as ws:
        saved = next(t for t in ws.tasks() if t.title == "Record the webinar intro")
        assert saved.estimate_hours == 2.5
        assert saved.labels == ("video", "webinar")
        assert ws.persona(present(saved.persona_id)).name == "Scientist"
        assert ws.member(present(saved.assignee_id)).name == "Ana Lima"
        assert saved.team_id == ws.team_named("Content").id
        assert [i.text for i in saved.checklist] == ["Book the studio"]
        assert saved.description == "**Script** first"
    window.undo_action.trigger()
    with Workspace.open(window.workspace.path) as ws:
        restored = next(t for t in ws.tasks() if t.id == saved.id)
        assert restored.title == "B"
        assert restored.estimate_hours == 2.0
        assert restored.labels == ()


def test_conflicting_edit_is_detected_not_overwritten(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = next(t for t in window.model.tasks.values() if t.title == "C")
    with Workspace.open(window.workspace.path) as other:
        other.update_task(other.task(original.key).model_copy(update={"title": "C (theirs)"}))
    asked: list[str] = []

    def keep_theirs(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Keep theirs").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_theirs)
    window._save_edit(original, original.model_copy(update={"title": "C (mine)"}))
    assert asked and "changed in another window" in asked[0]
    with Workspace.open(window.workspace.path) as ws:
        assert ws.task(original.key).title == "C (theirs)"


def test_preview_is_inert(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_editor(qtbot, window, "A")
    dialog.description.setPlainText(
        "Hello <img src=http://example.invalid/pixel.png> ![x](http://example.invalid/a.png)\n\n"
        "<script>alert(1)</script> [run](javascript:alert(1))"
    )
    dialog.preview.show_markdown(dialog.description.toPlainText())
    html = dialog.preview.toHtml()
    assert "<script" not in html.lower()
    assert "alert(1)</script" not in html
    dialog.preview.viewport().grab()  # laying out and painting is what would fetch an image
    assert dialog.preview.requested_resources == []  # the images are their alt text
    assert not dialog.preview.loadResource(2, "http://example.invalid/a.png")
    assert not dialog.preview.openExternalLinks()
    assert not dialog.preview.openLinks()


def test_stage_editor_edits_are_undoable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, titles_by_stage: Titles
) -> None:
    board = present(window.model.board_id)
    dialog = StageDialog(window.workspace_actions, board, window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(3)
    dialog.gate.setChecked(True)
    dialog.wip.setValue(2)
    dialog.hard.setChecked(True)
    review = window.workspace.stage_named(board, "Review")
    assert (review.is_gate, review.wip_limit, review.wip_hard) == (True, 2, True)
    assert window.board_view.headers[3].wip.text() == "1 / 2"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Legal check", True))
    dialog.list.setCurrentRow(2)
    dialog._add()
    names = [s.name for s in window.workspace.stages(board)]
    assert names == ["Backlog", "Ready", "In progress", "Legal check", "Review", "Done"]
    assert window.workspace.stage_named(board, "Legal check").kind is StageKind.ACTIVE
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Backlog", True))
    dialog.list.setCurrentRow(1)
    dialog._delete()
    assert titles_by_stage(window.workspace.path)["Backlog"] == ["A", "B", "C", "D"]
    assert "Ready" not in [s.name for s in window.workspace.stages(board)]
    assert len(window.board_view.views) == 5
    window.undo_action.trigger()
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.undo_action.trigger()
    review = window.workspace.stage_named(board, "Review")
    assert (review.is_gate, review.wip_limit, review.wip_hard) == (False, None, False)
    assert [s.name for s in window.workspace.stages(board)] == [
        "Backlog",
        "Ready",
        "In progress",
        "Review",
        "Done",
    ]


def test_boards_add_rename_delete_with_undo(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Events 2027", True))
    qtbot.mouseClick(window.sidebar.add_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in window.workspace.boards()] == ["Campaign board", "Events 2027"]
    assert window.sidebar.boards.count() == 2
    assert window.model.board_id == window.workspace.board_named("Events 2027").id
    assert window.model.stages[0].name == "Backlog"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Events 2028", True))
    window.sidebar.rename_current()
    assert window.sidebar.boards.currentItem().text() == "Events 2028"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.sidebar.delete_current()
    assert [b.name for b in window.workspace.boards()] == ["Campaign board"]
    assert window.sidebar.boards.count() == 1
    window.undo_action.trigger()
    assert [b.name for b in window.workspace.boards()] == ["Campaign board", "Events 2028"]
    window.undo_action.trigger()
    assert [b.name for b in window.workspace.boards()] == ["Campaign board", "Events 2027"]
