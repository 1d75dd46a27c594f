"""Quick add at the foot of a long column: the new card is scrolled into view and selected."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import ChecklistItem, Task
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_dialog import StageDialog
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.test_board_selection import looks_selected, selected_everywhere
from tests.ui.board.test_board_window import task_id, view_of
from tests.ui.board.test_card_redraw import card_rect
from tests.ui.conftest import OpenWindow
from tests.values import present


def quick_add_line(window: MainWindow, stage: str) -> QLineEdit:
    stage_id = next(s.id for s in window.model.stages if s.name == stage)
    line = next(q for q in window.board_view.quick_adds if q.property("stageId") == stage_id)
    assert isinstance(line, QLineEdit)
    return line


def test_a_card_added_at_the_foot_of_a_long_column_is_shown_and_selected(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    board = board_ws.boards()[0].key
    backlog_id = board_ws.stage_named(board, "Backlog").key
    board_ws.add_tasks(
        [Task(board_id=board, stage_id=backlog_id, title=f"Older idea {n}") for n in range(40)]
    )
    window = open_window(board_ws, (1366, 768))
    backlog = view_of(window, "Backlog")
    line = quick_add_line(window, "Backlog")
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, "Book the webinar venue")
    qtbot.keyClick(line, Qt.Key.Key_Return)

    with Workspace.open(board_ws.path) as ws:
        titles = [t.title for t in ws.tasks(board) if t.stage_id == backlog_id]
    assert titles[-1] == "Book the webinar venue" and len(titles) == 44
    new = task_id(window, "Book the webinar venue")
    qtbot.wait(20)
    # On screen: the whole card inside the column's visible part, with the selection's edge.
    assert backlog.verticalScrollBar().value() > 0
    assert QRect(0, 0, backlog.viewport().width(), backlog.viewport().height()).contains(
        card_rect(backlog, new)
    )
    assert looks_selected(backlog, new)
    assert selected_everywhere(window) == {"Backlog": ["Book the webinar venue"]}
    # Typing goes on in the line, for the next card.
    assert line.hasFocus() and line.text() == ""


def test_a_card_added_into_a_swimlane_below_the_fold_is_scrolled_to(
    qtbot: QtBot, open_window: OpenWindow, board_ws: Workspace
) -> None:
    board = board_ws.boards()[0].key
    backlog_id = board_ws.stage_named(board, "Backlog").key
    launch = board_ws.campaign_named("Spring launch").key
    board_ws.add_tasks(
        [
            Task(board_id=board, stage_id=backlog_id, title=f"Launch step {n}", campaign_id=launch)
            for n in range(6)
        ]
    )
    window = open_window(board_ws, (1024, 700))
    grouping = window.board_view.filter_bar.grouping
    grouping.setCurrentIndex(grouping.findData("campaign"))
    assert [lane.title for lane in window.model.lanes][-1] == "No campaign"
    line = quick_add_line(window, "Backlog")
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, "Unplanned request")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    new = task_id(window, "Unplanned request")
    backlog_id_lane = window.board_view.view_for_stage(backlog_id, lane=2)
    assert backlog_id_lane is not None
    qtbot.wait(20)
    board_area = window.board_view.scroll_area.viewport()
    card = card_rect(backlog_id_lane, new)
    top_left = backlog_id_lane.viewport().mapTo(board_area, card.topLeft())
    assert board_area.rect().contains(QRect(top_left, card.size()))
    assert looks_selected(backlog_id_lane, new)
    # The line typed in stays in view below it, for the next card.
    line_top = line.mapTo(board_area, line.rect().topLeft())
    assert board_area.rect().contains(QRect(line_top, line.size()))


def gate_review_with_a_hard_limit(qtbot: QtBot, window: MainWindow, limit: int) -> None:
    """Edit > Stages...: Review a gate with a hard WIP limit."""
    dialog = StageDialog(window.workspace_actions, present(window.model.board_id), window)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(3)
    dialog.gate.setChecked(True)
    dialog.wip.setValue(limit)
    dialog.hard.setChecked(True)
    dialog.close()


def test_quick_add_into_a_full_stage_is_refused_as_a_move_is(
    qtbot: QtBot, window: MainWindow
) -> None:
    gate_review_with_a_hard_limit(qtbot, window, 1)
    header = window.board_view.headers[3]
    assert header.wip.text() == "1 / 1"
    line = quick_add_line(window, "Review")
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(line, "Legal sign-off brief")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The words a drag or Ctrl+Right into Review would get, in the banner; the title is kept.
    assert window.banner.isVisible()
    assert window.banner.text() == (
        "'Review' has a hard WIP limit of 1 and holds 1 task already; finish or move work out "
        "of it first, or raise the limit in the stage editor."
    )
    assert line.text() == "Legal sign-off brief"
    assert header.wip.text() == "1 / 1"
    with Workspace.open(window.workspace.path) as ws:
        assert sorted(t.title for t in ws.tasks()) == ["A", "B", "C", "D", "E", "F", "G"]
    assert "Add task" not in window.undo_action.text()


def test_the_task_editor_cannot_add_open_work_beyond_a_gate(
    qtbot: QtBot, window: MainWindow
) -> None:
    gate_review_with_a_hard_limit(qtbot, window, 3)
    board, done = present(window.model.board_id), window.model.stages[4]
    task = Task(
        board_id=board,
        stage_id=done.key,
        title="Send the mailing",
        checklist=(ChecklistItem(text="GDPR consent wording"),),
    )
    assert window.workspace_actions.add_task(task) is None
    assert "cannot pass the review gate 'Review' into 'Done'" in window.banner.text()
    with Workspace.open(window.workspace.path) as ws:
        assert "Send the mailing" not in [t.title for t in ws.tasks()]
