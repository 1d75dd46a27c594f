"""A saved template edited task by task through the real dialogs, as a user does: Edit… in the
template picker, a task picked in the list, its fields typed, what it waits for changed, a task
added and one removed, Save: the file holds the edited template, in one undo step. A loop is
refused in words and nothing is written; a built-in template cannot be edited."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.templates import CampaignTemplate
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.store.workspace import Workspace
from mopsboard.ui.campaigns.template_dialog import TemplateDialog
from mopsboard.ui.campaigns.template_editor import TemplateEditor
from tests.ui.campaigns.test_template_links import YEAR_END

LEFT = Qt.MouseButton.LeftButton
FS, SS = LinkKind.FINISH_TO_START, LinkKind.START_TO_START


def stored(path: Path, name: str) -> CampaignTemplate:
    with Workspace.open(path) as fresh:
        return next(t for t in fresh.templates(include_builtin=False) if t.name == name)


def summary(template: CampaignTemplate) -> list[tuple[object, ...]]:
    return [
        (
            t.title,
            t.stage,
            t.team,
            t.estimate_hours,
            t.offset,
            tuple((p.title, p.kind, p.lag_days) for p in t.after),
        )
        for t in template.tasks
    ]


def open_editor(qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions) -> TemplateEditor:
    board_ws.add_template(YEAR_END)
    dialog = TemplateDialog(CampaignActions(actions), board_ws.boards()[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.select_template("Year-end send")
    assert dialog.edit_button.isEnabled()
    qtbot.mouseClick(dialog.edit_button, LEFT)
    editor = dialog.findChild(TemplateEditor)
    assert editor is not None and editor.isVisible()
    return editor


def click_row(qtbot: QtBot, table: QTableWidget, title: str) -> None:
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == title)
    qtbot.mouseClick(table.viewport(), LEFT, pos=table.visualItemRect(table.item(row, 0)).center())


def retype(qtbot: QtBot, widget: QLineEdit | QAbstractSpinBox | QComboBox, text: str) -> None:
    """Selects what the box holds, types `text` over it and presses Enter."""
    line = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Picks an entry of a list box by keys, as a user does with the list closed."""
    combo.setFocus()
    while combo.currentText() != text:
        before = combo.currentIndex()
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentIndex() != before, f"{text!r} is not in the list"


def test_a_saved_template_is_edited_task_by_task_and_saved_in_one_undo_step(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    path = Path(board_ws.path)
    editor = open_editor(qtbot, board_ws, actions)
    assert [editor.table.item(r, 0).text() for r in range(3)] == ["Copy", "Legal review", "Send"]
    # Copy: renamed, an estimate, a stage and a team, due a day earlier.
    click_row(qtbot, editor.table, "Copy")
    retype(qtbot, editor.title, "Email copy")
    retype(qtbot, editor.hours, "6")
    retype(qtbot, editor.offset, "-8")
    retype(qtbot, editor.stage, "Ready")
    retype(qtbot, editor.team, "Content")
    # What waits for it follows the rename, on screen too.
    assert editor.table.item(1, 6).text() == "Email copy"
    # A new task, proofreading the copy.
    qtbot.mouseClick(editor.add_button, LEFT)
    retype(qtbot, editor.title, "Proofread")
    retype(qtbot, editor.offset, "-3")
    links = editor.links
    pick(qtbot, links.predecessor, "Email copy")
    qtbot.mouseClick(links.add_button, LEFT)
    # Send: waits for the proofreading, starting with it two days on, not for legal review.
    click_row(qtbot, editor.table, "Send")
    assert links.table.item(0, 0).text() == "Legal review"
    qtbot.mouseClick(
        links.table.viewport(),
        LEFT,
        pos=links.table.visualItemRect(links.table.item(0, 0)).center(),
    )
    qtbot.mouseClick(links.remove_button, LEFT)
    pick(qtbot, links.predecessor, "Proofread")
    pick(qtbot, links.kind, "Start to start")
    retype(qtbot, links.lag, "2")
    qtbot.mouseClick(links.add_button, LEFT)
    # Legal review removed, with its links.
    click_row(qtbot, editor.table, "Legal review")
    qtbot.mouseClick(editor.remove_button, LEFT)
    assert editor.isVisible()
    assert summary(stored(path, "Year-end send")) == summary(YEAR_END)  # nothing yet

    qtbot.mouseClick(editor.save_button, LEFT)
    assert not editor.isVisible()
    edited = [
        ("Email copy", "Ready", "Content", 6.0, -8, ()),
        ("Send", "Backlog", "Email", None, 0, (("Proofread", SS, 2),)),
        ("Proofread", "Backlog", "", None, -3, (("Email copy", FS, 0),)),
    ]
    assert summary(stored(path, "Year-end send")) == edited
    stack = actions.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Edit template 'Year-end send'"
    stack.undo()
    assert summary(stored(path, "Year-end send")) == summary(YEAR_END)
    stack.redo()
    assert summary(stored(path, "Year-end send")) == edited


def test_a_loop_is_refused_in_words_when_the_link_is_added(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    path = Path(board_ws.path)
    editor = open_editor(qtbot, board_ws, actions)
    click_row(qtbot, editor.table, "Copy")
    pick(qtbot, editor.links.predecessor, "Send")
    qtbot.mouseClick(editor.links.add_button, LEFT)
    # Refused at Add, as the task editor refuses it, naming the loop it would close.
    assert editor.error.isVisible()
    assert editor.error.text() == (
        "'Copy' cannot wait for 'Send': 'Send' already waits for it "
        "('Copy' \u2192 'Legal review' \u2192 'Send' \u2192 'Copy'), so neither could ever start. "
        "Remove one of those links first, or link the tasks the other way round."
    )
    assert editor.links.table.rowCount() == 0
    copy_row = next(
        r for r in range(editor.table.rowCount()) if editor.table.item(r, 0).text() == "Copy"
    )
    assert editor.table.item(copy_row, 6).text() == ""
    # What was refused is not in the draft: Save writes the template as it was.
    assert summary(editor.draft.template()) == summary(YEAR_END)
    # The next change that is made takes the refusal away.
    click_row(qtbot, editor.table, "Send")
    pick(qtbot, editor.links.predecessor, "Copy")
    qtbot.mouseClick(editor.links.add_button, LEFT)
    assert not editor.error.isVisible()
    assert summary(stored(path, "Year-end send")) == summary(YEAR_END)
    assert actions.undo_stack.count() == 0


def test_a_builtin_template_cannot_be_edited(
    qtbot: QtBot, board_ws: Workspace, actions: WorkspaceActions
) -> None:
    dialog = TemplateDialog(CampaignActions(actions), board_ws.boards()[0].id)
    qtbot.addWidget(dialog)
    assert dialog.select_template("Webinar")
    assert not dialog.edit_button.isEnabled()
    assert dialog.edit() is None
