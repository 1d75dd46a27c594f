"""Comments in the task editor, written and read as a user does: the name asked once, kept in
the workspace, changeable; each comment posted at once, undoable, and shown inert."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from mopsboard.ui.board.task_comments import NAME_QUESTION, CommentCard
from mopsboard.ui.board.task_dialog import TaskDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.editor_driver import (
    EditorRun,
    answer_text_when_asked,
    answer_when_asked,
    edit_in_window,
)


def comments_in_file(path: Path) -> list[tuple[int, str, str, str]]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT id, author, body, at FROM comments ORDER BY id").fetchall()
    finally:
        conn.close()


def user_name_in_file(path: Path) -> str | None:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'user_name'").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def open_comments(qtbot: QtBot, dialog: TaskDialog) -> QTabWidget:
    tabs = dialog.findChild(QTabWidget, "taskTabs")
    assert tabs is not None and dialog.comments is not None
    bar = tabs.tabBar()
    index = tabs.indexOf(dialog.comments)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentWidget() is dialog.comments
    return tabs


def cards(dialog: TaskDialog) -> list[tuple[str, str]]:
    """Each comment as shown: its header line (author and time) and its text."""
    assert dialog.comments is not None
    shown = []
    for card in dialog.comments.findChildren(CommentCard):
        if card.isVisible():
            header = " ".join(
                label.text() for label in card.findChildren(type(dialog.comments.signed))
            )
            shown.append((header, card.body.toPlainText()))
    return shown


def write(qtbot: QtBot, dialog: TaskDialog, text: str) -> None:
    assert dialog.comments is not None
    qtbot.mouseClick(dialog.comments.draft.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.comments.draft, text)


def test_the_first_comment_asks_the_name_then_posts_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    path = window.workspace.path
    run = EditorRun()
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        assert dialog.comments is not None
        tabs = open_comments(qtbot, dialog)
        seen["tab_before"] = tabs.tabText(tabs.currentIndex())
        seen["signed_before"] = dialog.comments.signed.text()
        write(qtbot, dialog, "Legal **approved** the copy")
        answer_text_when_asked("Ana Lima", run)
        qtbot.mouseClick(dialog.comments.post_button, Qt.MouseButton.LeftButton)
        seen["after_first"] = cards(dialog)
        seen["draft_after"] = dialog.comments.draft.toPlainText()
        seen["signed_after"] = dialog.comments.signed.text()
        # The second is not asked about; Ctrl+Enter posts it.
        write(qtbot, dialog, "Sent to the printer")
        qtbot.keyClick(
            dialog.comments.draft, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
        seen["tab_after"] = tabs.tabText(tabs.currentIndex())
        seen["after_second"] = [body for _header, body in cards(dialog)]
        qtbot.keyClick(dialog.comments.draft, Qt.Key.Key_Escape)  # nothing unsaved: no question

    opened = edit_in_window(window, "C", steps)

    assert run.asked == [f"{NAME_QUESTION} []"]
    assert seen["tab_before"] == "Comments"
    assert seen["signed_before"] == "You will be asked your name when you post."
    ((header, body),) = seen["after_first"]  # type: ignore[misc]
    assert header.startswith("Ana Lima ") and header[-5:-3].isdigit()  # "Ana Lima 1 Dec 10:47"
    assert body == "Legal approved the copy"
    assert seen["draft_after"] == ""
    assert seen["signed_after"] == "Signed as Ana Lima"
    assert seen["tab_after"] == "Comments (2)"
    assert seen["after_second"] == ["Legal approved the copy", "Sent to the printer"]
    assert not opened.left_open
    assert user_name_in_file(path) == "Ana Lima"
    stored = comments_in_file(path)
    assert [(author, body) for _i, author, body, _at in stored] == [
        ("Ana Lima", "Legal **approved** the copy"),
        ("Ana Lima", "Sent to the printer"),
    ]
    assert window.workspace_actions.undo_stack.undoText() == "Comment on 'C'"
    window.undo_action.trigger()
    assert comments_in_file(path) == stored[:1]
    window.redo_action.trigger()
    assert comments_in_file(path) == stored  # the same id and time again


def test_no_name_given_posts_nothing_and_keeps_the_text(qtbot: QtBot, window: MainWindow) -> None:
    run = EditorRun()
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        assert dialog.comments is not None
        open_comments(qtbot, dialog)
        write(qtbot, dialog, "Who am I?")
        answer_text_when_asked("", run)  # Cancel
        qtbot.mouseClick(dialog.comments.post_button, Qt.MouseButton.LeftButton)
        seen["draft"] = dialog.comments.draft.toPlainText()
        seen["cards"] = cards(dialog)
        # The text typed and not posted is a change the editor asks about.
        answer_when_asked("Discard", run)
        qtbot.keyClick(dialog.comments.draft, Qt.Key.Key_Escape)

    edit_in_window(window, "C", steps)
    assert seen == {"draft": "Who am I?", "cards": []}
    assert run.asked[1] == "Discard your changes to this task? [Discard / Keep editing]"
    assert comments_in_file(window.workspace.path) == []
    assert user_name_in_file(window.workspace.path) is None


def test_the_name_can_be_changed_and_signs_only_new_comments(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    ws.set_user_name("Ana Lima")
    task_c = next(t for t in ws.tasks() if t.title == "C")
    ws.add_comment(task_c.key, "Ana Lima", "Brief attached")
    run = EditorRun()
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        assert dialog.comments is not None
        open_comments(qtbot, dialog)
        answer_text_when_asked("A. Lima (agency)", run)
        qtbot.mouseClick(dialog.comments.rename, Qt.MouseButton.LeftButton)
        seen["signed"] = dialog.comments.signed.text()
        write(qtbot, dialog, "Second round")
        qtbot.mouseClick(dialog.comments.post_button, Qt.MouseButton.LeftButton)
        seen["authors"] = [header.split(" ")[0] for header, _body in cards(dialog)]

    edit_in_window(window, "C", steps)
    assert run.asked == [f"{NAME_QUESTION} [Ana Lima]"]
    assert seen == {"signed": "Signed as A. Lima (agency)", "authors": ["Ana", "A."]}
    assert user_name_in_file(ws.path) == "A. Lima (agency)"
    assert [a for _i, a, _b, _t in comments_in_file(ws.path)] == ["Ana Lima", "A. Lima (agency)"]


def test_a_comment_is_deleted_after_asking_and_undo_puts_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    ws = window.workspace
    task_c = next(t for t in ws.tasks() if t.title == "C")
    ws.add_comment(task_c.key, "Ben", "Wrong task, sorry")
    before = comments_in_file(ws.path)
    run = EditorRun()
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        open_comments(qtbot, dialog)
        (card,) = dialog.findChildren(CommentCard)
        answer_when_asked("Keep", run)
        qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
        seen["kept"] = len(cards(dialog))
        answer_when_asked("Delete", run)
        qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
        seen["deleted"] = len(cards(dialog))

    edit_in_window(window, "C", steps)
    assert run.asked == ["Delete this comment by Ben? [Delete / Keep]"] * 2
    assert seen == {"kept": 1, "deleted": 0}
    assert comments_in_file(ws.path) == []
    window.undo_action.trigger()
    assert comments_in_file(ws.path) == before


def test_a_comment_is_shown_inert(qtbot: QtBot, window: MainWindow) -> None:
    ws = window.workspace
    task_c = next(t for t in ws.tasks() if t.title == "C")
    ws.add_comment(
        task_c.key,
        "<b>Mallory</b>",
        "See ![the mock-up](http://example.invalid/track.png) <img src=x.png> "
        "[click](javascript:alert(1))",
    )
    seen: dict[str, object] = {}

    def steps(dialog: TaskDialog) -> None:
        open_comments(qtbot, dialog)
        (card,) = dialog.findChildren(CommentCard)
        card.grab()  # laid out and painted
        seen["shown"] = cards(dialog)
        seen["requested"] = card.body.requested_resources

    edit_in_window(window, "C", steps)
    ((header, body),) = seen["shown"]  # type: ignore[misc]
    assert header.startswith("<b>Mallory</b> ")  # a name is shown as typed, never as markup
    assert "[image: the mock-up]" in body and "<img src=x.png>" in body
    assert seen["requested"] == []


def test_a_new_task_has_no_thread_yet(qtbot: QtBot, window: MainWindow) -> None:
    dialog = TaskDialog(
        window.model.tasks[next(iter(window.model.tasks))].model_copy(update={"id": None}),
        window.model.stages,
        window.model.lookups,
        window,
        comments=window.workspace_actions,
    )
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget, "taskTabs")
    assert tabs is not None
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Description",
        "Preview",
        "Checklist",
    ]


def test_a_read_only_workspace_offers_no_save_and_no_post(qtbot: QtBot, window: MainWindow) -> None:
    task = next(t for t in window.model.tasks.values() if t.title == "C")
    dialog = TaskDialog(
        task,
        window.model.stages,
        window.model.lookups,
        window,
        comments=window.workspace_actions,
        read_only=True,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.comments is not None
    qtbot.keyClicks(dialog.title, " (edited)")
    qtbot.keyClicks(dialog.comments.draft, "Hello")
    assert not dialog.save_button.isEnabled()
    assert not dialog.comments.post_button.isEnabled()
    assert dialog.comments.draft.toPlainText() == ""  # the box takes no text
    assert "read-only" in dialog.comments.draft.placeholderText()
