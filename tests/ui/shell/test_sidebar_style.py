"""The sidebar's dark style stays in the sidebar: a dialog it opens (New board, Rename, Delete)
looks like any other dialog, not muted or dark, and its board list never grows a scroll bar for
a long name (the name is elided, whole in its tooltip)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from mopsboard.store.workspace import Workspace
from mopsboard.ui.common import theme
from mopsboard.ui.shell.main_window import MainWindow

LONG_BOARD = "Q3 product launch and partner enablement board"
Look = tuple[str, int, bool]


@pytest.fixture
def app_style(qapp: QApplication) -> Iterator[None]:
    """The style sheet the app runs with (make_application sets it; the tests' app has none)."""
    qapp.setStyleSheet(theme.STYLE_SHEET)
    yield
    qapp.setStyleSheet("")


def look(widget: QWidget) -> Look:
    """A widget's text colour, font size and weight, as its style sheet leaves them."""
    widget.ensurePolished()
    font = widget.font()
    colour = widget.palette().color(widget.foregroundRole()).name()
    return colour, font.pixelSize() if font.pixelSize() > 0 else font.pointSize(), font.bold()


def sample_dialog(parent: QWidget) -> tuple[QDialog, QLabel, QListWidget, QToolButton]:
    dialog = QDialog(parent)
    layout = QVBoxLayout(dialog)
    label, places, button = QLabel("Name of the new board:"), QListWidget(), QToolButton()
    places.addItem("Documents")
    button.setText("Browse")
    for widget in (label, places, button):
        layout.addWidget(widget)
    return dialog, label, places, button


def test_a_dialog_over_the_sidebar_looks_like_any_dialog(
    qtbot: QtBot, app_style: None, window: MainWindow
) -> None:
    elsewhere = sample_dialog(window)
    over_sidebar = sample_dialog(window.sidebar)
    for dialog in (elsewhere[0], over_sidebar[0]):
        qtbot.addWidget(dialog)
    for reference, widget in zip(elsewhere[1:], over_sidebar[1:], strict=True):
        assert look(widget) == look(reference), type(widget).__name__
    assert look(over_sidebar[1])[0] != QColor(theme.SIDEBAR_HEADING).name()
    # The list's items are painted on the dialog's own light base, not the sidebar's.
    assert over_sidebar[2].palette().color(over_sidebar[2].foregroundRole()) != QColor(
        theme.SIDEBAR_TEXT
    )


def test_the_sidebar_keeps_its_own_look(qtbot: QtBot, app_style: None, window: MainWindow) -> None:
    headings = [
        label
        for label in window.sidebar.findChildren(QLabel)
        if label.text() in ("VIEWS", "BOARDS")
    ]
    assert len(headings) == 2
    for heading in headings:
        assert look(heading)[0] == QColor(theme.SIDEBAR_HEADING).name()
    for listing in (window.sidebar.boards, window.sidebar.views):
        assert look(listing)[0] == QColor(theme.SIDEBAR_TEXT).name()


def answer_when_shown(
    qtbot: QtBot, kind: type[QDialog], answer: Callable[[QDialog], None]
) -> list[QDialog]:
    """Answers the next modal dialog of `kind` as a user would, once it shows."""
    seen: list[QDialog] = []

    def look_for_it() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, look_for_it)
            return
        seen.append(dialog)
        answer(dialog)

    QTimer.singleShot(0, look_for_it)
    return seen


def test_the_new_board_dialog_label_is_not_muted(
    qtbot: QtBot, app_style: None, window: MainWindow
) -> None:
    looks: list[Look] = []
    reference = look(sample_dialog(window)[1])

    def answer(dialog: QDialog) -> None:
        label = dialog.findChild(QLabel)
        assert label is not None
        looks.append(look(label))
        # Centred on the window, not squeezed against the sidebar's strip.
        centre = dialog.geometry().center()
        assert abs(centre.x() - window.geometry().center().x()) < 40
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("Events 2027")
        dialog.accept()

    seen = answer_when_shown(qtbot, QInputDialog, answer)
    qtbot.mouseClick(window.sidebar.add_button, Qt.MouseButton.LeftButton)
    assert len(seen) == 1 and looks == [reference]
    assert "Events 2027" in [b.name for b in window.workspace.boards()]


def test_the_delete_question_label_is_not_muted(
    qtbot: QtBot, app_style: None, window: MainWindow
) -> None:
    looks: list[Look] = []
    reference = look(sample_dialog(window)[1])

    def answer(dialog: QDialog) -> None:
        text = next(label for label in dialog.findChildren(QLabel) if "Delete" in label.text())
        looks.append(look(text))
        assert isinstance(dialog, QMessageBox)
        dialog.button(QMessageBox.StandardButton.Cancel).click()

    seen = answer_when_shown(qtbot, QMessageBox, answer)
    window.sidebar.delete_current()
    assert len(seen) == 1 and looks == [reference]
    assert len(window.workspace.boards()) == 1


def test_a_long_board_name_is_elided_without_a_scroll_bar(
    qtbot: QtBot, board_ws: Workspace, open_window: Callable[..., MainWindow]
) -> None:
    board_ws.add_board(LONG_BOARD)
    window = open_window(board_ws)
    boards = window.sidebar.boards
    assert not boards.horizontalScrollBar().isVisible()
    assert boards.horizontalScrollBar().maximum() == 0
    viewport = QRect(QPoint(0, 0), boards.viewport().size())
    item = boards.findItems(LONG_BOARD, Qt.MatchFlag.MatchExactly)[0]
    assert viewport.contains(boards.visualItemRect(item))
    assert item.toolTip() == LONG_BOARD
