"""The board window driven as a user would, each test asserting what the SQLite file holds.

Drags are sent as the drag-enter/move/drop events a real drag delivers to the target view, because
offscreen Qt cannot start a QDrag from synthetic mouse events (see tests/ui/board/test_real_drag.py
for a real one under Xvfb).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mopsboard.domain.models import Stage
from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.shell.main_window import MainWindow
from tests.values import present

Titles = Callable[[Path], dict[str, list[str]]]


def view_of(win: MainWindow, stage_name: str) -> StageListView:
    stage = next(s for s in win.model.stages if s.name == stage_name)
    view = win.board_view.view_for_stage(stage.key)
    assert view is not None
    return view


def task_id(win: MainWindow, title: str) -> int:
    return next(i for i, t in win.model.tasks.items() if t.title == title)


def mime_for(win: MainWindow, titles: list[str]) -> QMimeData:
    indexes = [win.model.index_of_task(task_id(win, t)) for t in titles]
    return win.model.mimeData(indexes)


def drop(view: StageListView, data: QMimeData, pos: QPoint) -> None:
    """Deliver a drag to `view` at `pos` (viewport coordinates) and drop it there."""
    target = view.viewport()
    action = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(target, QDragEnterEvent(pos, action, data, buttons, mods))
    QApplication.sendEvent(target, QDragMoveEvent(pos, action, data, buttons, mods))
    QApplication.sendEvent(target, QDropEvent(QPointF(pos), action, data, buttons, mods))


def above(view: StageListView, row: int) -> QPoint:
    rect = view.visualRect(view.model().index(row, 0))
    return QPoint(rect.center().x(), rect.top() + 3)


def below_all(view: StageListView) -> QPoint:
    return QPoint(view.viewport().width() // 2, view.viewport().height() - 5)


def test_drag_card_to_another_stage_then_undo_redo(window: MainWindow, titles_by_stage: Titles):
    path = window.workspace.path
    drop(view_of(window, "Ready"), mime_for(window, ["B"]), above(view_of(window, "Ready"), 0))
    assert titles_by_stage(path)["Ready"] == ["B", "D"]
    assert titles_by_stage(path)["Backlog"] == ["A", "C"]
    assert [window.model.tasks[i].title for i in window.model.cell_task_ids(1)] == ["B", "D"]
    window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]
    assert titles_by_stage(path)["Ready"] == ["D"]
    window.redo_action.trigger()
    assert titles_by_stage(path)["Ready"] == ["B", "D"]


def test_drag_within_a_stage_reorders_and_writes_only_the_moved_row(
    window: MainWindow, titles_by_stage: Titles
) -> None:
    path = window.workspace.path
    before = {t.title: t.version for t in window.workspace.tasks()}
    backlog = view_of(window, "Backlog")
    drop(backlog, mime_for(window, ["C"]), above(backlog, 0))
    assert titles_by_stage(path)["Backlog"] == ["C", "A", "B"]
    after = {t.title: t.version for t in Workspace.open(path).tasks()}
    changed = sorted(title for title in after if after[title] != before[title])
    assert changed == ["C"]
    window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]


def test_drag_several_cards_at_once_keeps_their_order(window: MainWindow, titles_by_stage: Titles):
    path = window.workspace.path
    review = view_of(window, "In progress")
    drop(review, mime_for(window, ["A", "C"]), below_all(review))
    assert titles_by_stage(path)["In progress"] == ["E", "A", "C"]
    assert titles_by_stage(path)["Backlog"] == ["B"]
    assert window.workspace_actions.undo_stack.count() == 1
    window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]


def test_hard_wip_limit_refuses_the_drop(window: MainWindow, titles_by_stage: Titles) -> None:
    stage = next(s for s in window.model.stages if s.name == "Ready")
    window.workspace_actions.update_stage(
        stage.model_copy(update={"wip_limit": 1, "wip_hard": True})
    )
    ready = view_of(window, "Ready")
    drop(ready, mime_for(window, ["A"]), below_all(ready))
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D"]
    assert "hard WIP limit of 1" in window.banner.text()
    assert window.banner.isVisible()


def test_soft_wip_limit_allows_the_drop_and_warns(window: MainWindow, titles_by_stage: Titles):
    stage = next(s for s in window.model.stages if s.name == "Ready")
    window.workspace_actions.update_stage(stage.model_copy(update={"wip_limit": 1}))
    ready = view_of(window, "Ready")
    drop(ready, mime_for(window, ["A"]), below_all(ready))
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D", "A"]
    assert "over its WIP limit" in window.banner.text()
    header = window.board_view.headers[1]
    assert header.wip.text() == "2 / 1"
    assert header.wip.property("over") == "true"


def test_review_gate_refuses_a_task_with_open_checklist(
    window: MainWindow, titles_by_stage: Titles
) -> None:
    review: Stage = next(s for s in window.model.stages if s.name == "Review")
    window.workspace_actions.update_stage(review.model_copy(update={"is_gate": True}))
    done = view_of(window, "Done")
    drop(done, mime_for(window, ["F"]), below_all(done))
    assert titles_by_stage(window.workspace.path)["Review"] == ["F"]
    assert "GDPR consent wording" in window.banner.text()
    assert "CAN-SPAM footer" not in window.banner.text()
    # Tasks that have no open items pass the gate.
    drop(done, mime_for(window, ["E"]), below_all(done))
    assert titles_by_stage(window.workspace.path)["Done"] == ["G", "E"]


def test_keyboard_moves_between_and_within_stages(
    qtbot: QtBot, window: MainWindow, titles_by_stage: Titles
) -> None:
    path = window.workspace.path
    window.board_view.select_task(task_id(window, "B"))
    backlog = view_of(window, "Backlog")
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(backlog, Qt.Key.Key_Up, ctrl)
    assert titles_by_stage(path)["Backlog"] == ["B", "A", "C"]
    qtbot.keyClick(backlog, Qt.Key.Key_Down, ctrl)
    qtbot.keyClick(backlog, Qt.Key.Key_Down, ctrl)
    assert titles_by_stage(path)["Backlog"] == ["A", "C", "B"]
    qtbot.keyClick(backlog, Qt.Key.Key_Right, ctrl)
    assert titles_by_stage(path)["Ready"] == ["D", "B"]
    # The card stays selected in its new column, so the next key moves it on.
    ready = view_of(window, "Ready")
    assert ready.selected_task_ids() == [task_id(window, "B")]
    qtbot.keyClick(ready, Qt.Key.Key_Right, ctrl)
    assert titles_by_stage(path)["In progress"] == ["E", "B"]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "C", "B"]
    for _ in range(3):
        window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]
    assert not window.undo_action.isEnabled()


def test_delete_key_archives_and_undo_restores(
    qtbot: QtBot, window: MainWindow, titles_by_stage: Titles
) -> None:
    window.board_view.select_task(task_id(window, "D"))
    qtbot.keyClick(view_of(window, "Ready"), Qt.Key.Key_Delete)
    assert titles_by_stage(window.workspace.path)["Ready"] == []
    with Workspace.open(window.workspace.path) as ws:
        assert [t.title for t in ws.tasks(include_archived=True) if t.archived] == ["D"]
    window.undo_action.trigger()
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D"]


def test_quick_add_adds_at_the_foot_of_the_column(
    qtbot: QtBot, window: MainWindow, titles_by_stage: Titles
) -> None:
    ready_id = next(s.id for s in window.model.stages if s.name == "Ready")
    line = next(q for q in window.board_view.quick_adds if q.property("stageId") == ready_id)
    assert isinstance(line, QLineEdit)
    qtbot.keyClicks(line, "Book the webinar venue")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D", "Book the webinar venue"]
    assert line.text() == ""
    window.undo_action.trigger()
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D"]
    window.redo_action.trigger()
    assert titles_by_stage(window.workspace.path)["Ready"] == ["D", "Book the webinar venue"]


def test_filter_bar_filters_the_board(qtbot: QtBot, window: MainWindow) -> None:
    bar = window.board_view.filter_bar
    qtbot.keyClicks(bar.search, "legal")
    qtbot.waitUntil(lambda: window.model.shown_count() == 1)
    assert window.count_label.text() == "1 of 7 tasks shown"
    bar.reset()
    assert window.model.shown_count() == 7


def test_changes_from_another_process_show_up_and_keep_the_selection(
    window: MainWindow,
) -> None:
    window.board_view.select_task(task_id(window, "A"))
    with Workspace.open(window.workspace.path) as other:
        b = next(t for t in other.tasks() if t.title == "B")
        other.update_task(b.model_copy(update={"title": "B, edited elsewhere"}))
        ready = other.stage_named(b.board_id, "Ready")
        other.move_tasks([b.key], ready.key, None)
    window._check_external_changes()
    ready_view = view_of(window, "Ready")
    titles = [window.model.tasks[i].title for i in ready_view.cell_model.task_ids]
    assert titles == ["D", "B, edited elsewhere"]
    assert view_of(window, "Backlog").selected_task_ids() == [task_id(window, "A")]


def test_drop_into_another_swimlane_sets_its_campaign_and_undo_restores(
    window: MainWindow, titles_by_stage: Titles
) -> None:
    bar = window.board_view.filter_bar
    bar.grouping.setCurrentIndex(bar.grouping.findData("campaign"))
    lanes = [lane.title for lane in window.model.lanes]
    assert lanes == ["Intent webinar", "Spring launch", "No campaign"]
    ready = next(s for s in window.model.stages if s.name == "Ready")
    webinar_ready = window.board_view.view_for_stage(ready.key, lane=0)
    assert webinar_ready is not None
    drop(webinar_ready, mime_for(window, ["A"]), below_all(webinar_ready))
    path = window.workspace.path
    assert titles_by_stage(path)["Ready"] == ["D", "A"]
    with Workspace.open(path) as ws:
        a = next(t for t in ws.tasks() if t.title == "A")
        assert ws.campaign(present(a.campaign_id)).name == "Intent webinar"
    assert window.model.tasks[a.key].campaign_id == a.campaign_id
    window.undo_action.trigger()
    assert titles_by_stage(path)["Backlog"] == ["A", "B", "C"]
    with Workspace.open(path) as ws:
        a = next(t for t in ws.tasks() if t.title == "A")
        assert ws.campaign(present(a.campaign_id)).name == "Spring launch"


def test_card_menu_moves_the_selected_cards(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, titles_by_stage: Titles
) -> None:
    from PySide6.QtWidgets import QMenu

    chosen: list[str] = []

    def pick_review(menu: QMenu, *_args: object) -> None:
        for action in menu.actions():
            sub = action.menu()
            if sub is not None:
                target = next(a for a in sub.actions() if a.text() == "Review")
                chosen.append(target.text())
                target.trigger()

    monkeypatch.setattr(window.board_view, "popup", pick_review)
    backlog = view_of(window, "Backlog")
    point = backlog.visualRect(backlog.model().index(1, 0)).center()
    backlog.customContextMenuRequested.emit(point)
    assert chosen == ["Review"]
    assert titles_by_stage(window.workspace.path)["Review"] == ["F", "B"]


def test_double_click_on_empty_column_opens_a_new_task_there(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, titles_by_stage: Titles
) -> None:
    from mopsboard.ui.board.task_dialog import TaskDialog

    def fill_and_accept(dialog: TaskDialog) -> int:
        dialog.title.setText("Draft the invitation")
        dialog._save()
        return 1

    monkeypatch.setattr(TaskDialog, "exec", fill_and_accept)
    review = view_of(window, "Review")
    qtbot.mouseDClick(review.viewport(), Qt.MouseButton.LeftButton, pos=below_all(review))
    assert titles_by_stage(window.workspace.path)["Review"] == ["F", "Draft the invitation"]


def test_view_shortcuts_and_swimlane_menu(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    show_timeline = window.findChild(QAction, "show-timeline")
    assert show_timeline is not None
    show_timeline.trigger()
    assert window.stack.currentWidget() is window.pages["timeline"]
    window.findChild(QAction, "show-board").trigger()
    assert window.stack.currentWidget() is window.board_view
    lanes_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    swimlanes = next(a.menu() for a in lanes_menu.actions() if a.text() == "S&wimlanes")
    next(a for a in swimlanes.actions() if a.text() == "Lanes: persona").trigger()
    assert window.model.grouping.value == "persona"
