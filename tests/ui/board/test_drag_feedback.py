"""A drag says before it is let go where it would be refused, and why: the forbidden cursor
(the drag move is refused), the column marked, the reason in the status bar, in the words the
refused drop reports. Sent as the enter and move events a real drag delivers (see
tests/ui/board/test_real_drag.py for a real drag under Xvfb)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QGuiApplication,
)
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.board.stage_list import StageListView
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow
from tests.ui.board.screen import on_screen
from tests.ui.board.test_board_window import below_all, drop, mime_for, view_of

LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def hover(view: StageListView, data: QMimeData, pos: QPoint) -> bool:
    """A drag coming into `view` and moving over it; whether the move was accepted (a refused
    one is what gives the forbidden cursor)."""
    action = Qt.DropAction.MoveAction
    QApplication.sendEvent(view.viewport(), QDragEnterEvent(pos, action, data, LEFT, NO_KEYS))
    move = QDragMoveEvent(pos, action, data, LEFT, NO_KEYS)
    QApplication.sendEvent(view.viewport(), move)
    return move.isAccepted()


def leave(view: StageListView) -> None:
    QApplication.sendEvent(view.viewport(), QDragLeaveEvent())


def column(view: StageListView) -> object:
    frame = view.parentWidget()
    assert frame is not None and frame.objectName() == "stageColumn"
    return frame.property("refusing")


class Mouse:
    """The button a drag holds down: Qt's drag leaves a column with it down when the pointer
    moves on, and up when it is let go over a column that refuses the drop."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.buttons = Qt.MouseButton.LeftButton
        monkeypatch.setattr(QGuiApplication, "mouseButtons", lambda: self.buttons)

    def let_go(self) -> None:
        self.buttons = Qt.MouseButton.NoButton


@pytest.fixture
def mouse(monkeypatch: pytest.MonkeyPatch) -> Mouse:
    return Mouse(monkeypatch)


def set_stage(window: MainWindow, name: str, **values: object) -> None:
    stage = next(s for s in window.model.stages if s.name == name)
    window.workspace_actions.update_stage(stage.model_copy(update=values))


def test_a_hard_wip_limit_is_shown_while_hovering_in_the_words_of_the_drop(
    window: MainWindow, mouse: Mouse
) -> None:
    set_stage(window, "Ready", wip_limit=1, wip_hard=True)
    ready = view_of(window, "Ready")
    data = mime_for(window, ["A"])
    assert not window.model.canDropMimeData(
        data, Qt.DropAction.MoveAction, -1, 0, window.model.cell_index(0, 1)
    )
    assert not hover(ready, data, below_all(ready))
    assert column(ready) == "true"
    reason = window.statusBar().currentMessage()
    assert reason.startswith("'Ready' has a hard WIP limit of 1 and holds 1 task already")
    # Moving on to a column that takes the card: the mark and the words go.
    leave(ready)
    backlog = view_of(window, "Backlog")
    assert hover(backlog, data, below_all(backlog))
    assert column(ready) == "false" and column(backlog) in (None, "false")
    assert window.statusBar().currentMessage() == ""
    leave(backlog)
    # The drop, made anyway, is refused in the same words.
    drop(ready, data, below_all(ready))
    assert window.banner.text() == reason
    with Workspace.open(window.workspace.path) as ws:
        assert [t.title for t in ws.tasks() if ws.stage(t.stage_id).name == "Ready"] == ["D"]


def test_a_review_gate_is_shown_while_hovering(window: MainWindow, mouse: Mouse) -> None:
    set_stage(window, "Review", is_gate=True)
    done = view_of(window, "Done")
    assert not hover(done, mime_for(window, ["F"]), below_all(done))
    assert column(done) == "true"
    assert "GDPR consent wording" in window.statusBar().currentMessage()
    leave(done)
    # A card with nothing open passes the gate: nothing is said.
    assert hover(done, mime_for(window, ["E"]), below_all(done))
    assert column(done) == "false" and window.statusBar().currentMessage() == ""


def test_a_drag_let_go_over_a_refusing_column_leaves_the_refusal_in_the_banner(
    window: MainWindow, mouse: Mouse
) -> None:
    set_stage(window, "Ready", wip_limit=1, wip_hard=True)
    ready = view_of(window, "Ready")
    data = mime_for(window, ["A"])
    assert not hover(ready, data, below_all(ready))
    reason = window.statusBar().currentMessage()
    assert reason.startswith("'Ready' has a hard WIP limit of 1")
    # Moved on, the button still down: nothing is said once the pointer is off the column.
    leave(ready)
    assert not window.banner.isVisible() and window.statusBar().currentMessage() == ""
    # Back over it, and let go there: Qt delivers no drop, only the leave; the reason stays.
    assert not hover(ready, data, below_all(ready))
    mouse.let_go()
    leave(ready)
    assert column(ready) == "false"
    assert window.banner.isVisible() and window.banner.text() == reason
    assert window.statusBar().currentMessage() == reason
    with Workspace.open(window.workspace.path) as ws:
        assert [t.title for t in ws.tasks() if ws.stage(t.stage_id).name == "Backlog"] == [
            "A",
            "B",
            "C",
        ]


@pytest.fixture
def read_only(qtbot: QtBot, board_file: Path) -> Iterator[MainWindow]:
    ws = Workspace.open(board_file, read_only=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    ws.close()


def test_a_read_only_board_refuses_a_drag_while_it_hovers(read_only: MainWindow) -> None:
    ready = view_of(read_only, "Ready")
    assert not hover(ready, mime_for(read_only, ["A"]), below_all(ready))
    assert column(ready) == "true"
    assert "read-only" in read_only.statusBar().currentMessage()


def test_cards_from_another_workspace_are_refused(
    window: MainWindow, open_window, tmp_path: Path
) -> None:
    from tests.conftest import make_board

    other = open_window(make_board(tmp_path / "other.mopsboard"))
    ready = view_of(window, "Ready")
    # Task ids of the other file: the same numbers name other tasks here.
    data = mime_for(other, ["A"])
    assert not hover(ready, data, below_all(ready))
    assert "own workspace" in window.statusBar().currentMessage()
    leave(ready)
    drop(ready, data, below_all(ready))
    with Workspace.open(window.workspace.path) as ws:
        assert [t.title for t in ws.tasks() if ws.stage(t.stage_id).name == "Ready"] == ["D"]
    other.close()
    other.workspace.close()


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[None]:
    """The style sheet the app runs with (make_application sets it; the tests' app has none)."""
    qapp.setStyleSheet(theme.STYLE_SHEET)
    yield
    qapp.setStyleSheet("")


def test_a_column_over_a_hard_limit_is_red_and_over_a_soft_one_amber(
    qtbot: QtBot, app_style: None, window: MainWindow
) -> None:
    # A column gets over its limit when the limit is lowered under what it holds (a hard
    # limit refuses a quick add as it refuses a move).
    for stage_name in ("Ready", "In progress"):
        stage_id = next(s.id for s in window.model.stages if s.name == stage_name)
        line = next(q for q in window.board_view.quick_adds if q.property("stageId") == stage_id)
        assert isinstance(line, QLineEdit)
        qtbot.keyClicks(line, "One more")
        qtbot.keyClick(line, Qt.Key.Key_Return)
    set_stage(window, "Ready", wip_limit=1, wip_hard=True)
    set_stage(window, "In progress", wip_limit=1)
    qtbot.wait(20)
    ready, doing = view_of(window, "Ready"), view_of(window, "In progress")
    ready_header, doing_header = window.board_view.headers[1], window.board_view.headers[2]
    assert ready_header.wip.text() == "2 / 1" and ready_header.wip.property("over") == "hard"
    assert doing_header.wip.property("over") == "true"

    def column_colour(view: StageListView) -> QColor:
        frame = view.parentWidget()
        assert frame is not None
        image = on_screen(frame)
        return image.pixelColor(frame.width() // 2, frame.height() - 2)

    assert column_colour(ready) == QColor(theme.ERROR_BG)
    assert column_colour(doing) == QColor(theme.COLUMN_OVER)
    # The cards' corners carry the column's colour.
    card = ready.visualRect(ready.model().index(0, 0))
    assert on_screen(ready.viewport(), card).pixelColor(1, 1) == QColor(theme.ERROR_BG)
