"""What the window keeps and tells: its size and place from one launch to the next, a first size
that fits the screen, the log file the README names, the banner lying over the board (not pushing
it down), and a read-only file saying so."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from mopsboard.app import Windows
from mopsboard.logfile import log_file
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.shell.window_state import GEOMETRY_KEY, GeometryKeeper, first_size


@pytest.fixture(autouse=True)
def no_saved_geometry() -> None:
    QSettings().remove(GEOMETRY_KEY)


def saved_geometry() -> object:
    return QSettings().value(GEOMETRY_KEY)


def kept_widget(qtbot: QtBot) -> tuple[QWidget, GeometryKeeper]:
    # A plain widget: the offscreen screen (800 px) is narrower than the main window can be.
    widget = QWidget()
    qtbot.addWidget(widget)
    keeper = GeometryKeeper(widget)
    return widget, keeper


def test_the_size_and_place_are_kept_without_a_clean_quit(qtbot: QtBot) -> None:
    widget, keeper = kept_widget(qtbot)
    keeper.restore()
    widget.show()
    qtbot.waitExposed(widget)
    widget.resize(520, 410)
    widget.move(30, 20)
    # Saved once the resize settles, before any close: a killed process or a logout keeps it.
    qtbot.waitUntil(lambda: saved_geometry() is not None, timeout=3000)
    again, again_keeper = kept_widget(qtbot)
    again_keeper.restore()
    assert again.size() == QSize(520, 410)


def test_a_reopened_window_has_the_size_it_was_closed_at(qtbot: QtBot) -> None:
    widget, keeper = kept_widget(qtbot)
    keeper.restore()
    widget.show()
    widget.resize(480, 300)
    widget.close()
    assert saved_geometry() is not None
    again, again_keeper = kept_widget(qtbot)
    again_keeper.restore()
    assert again.size() == QSize(480, 300)


def test_windows_opened_for_the_user_keep_their_place(windows: Windows, board_file: Path) -> None:
    window = windows.open(board_file)
    assert window is not None and isinstance(window.geometry_keeper, GeometryKeeper)
    window.close()
    assert saved_geometry() is not None


def test_a_first_window_fits_the_screen(qtbot: QtBot, windows: Windows, board_file: Path) -> None:
    window = windows.open(board_file)
    assert window is not None
    qtbot.waitExposed(window)
    available = QGuiApplication.primaryScreen().availableGeometry()
    least = window.minimumSizeHint()
    # Never larger than the screen unless the window cannot be laid out smaller.
    assert window.width() <= max(available.width(), least.width())
    assert window.height() <= max(available.height(), least.height())


def test_the_first_size_shrinks_to_a_laptop_screen() -> None:
    laptop = first_size(QSize(1366, 768 - 32), QSize(900, 450))
    assert laptop.width() <= 1366 and laptop.height() <= 768 - 32
    assert first_size(QSize(2560, 1440), QSize(900, 450)) == QSize(1440, 900)
    # A window that cannot be laid out smaller keeps its least size.
    assert first_size(QSize(800, 600), QSize(1000, 450)).width() == 1000


def test_a_window_left_off_every_screen_comes_back_on_one(qtbot: QtBot) -> None:
    widget, keeper = kept_widget(qtbot)
    keeper.restore()
    widget.show()
    widget.resize(400, 300)
    widget.move(20_000, 20_000)
    widget.close()
    again, again_keeper = kept_widget(qtbot)
    again_keeper.restore()
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(again.frameGeometry().topLeft())


def test_a_refusal_shown_in_the_banner_is_written_to_the_log(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = log_file()
    before = log.read_text(encoding="utf-8") if log.exists() else ""
    real = window.workspace.db.execute

    def full_disk(sql: str, *args: Any, **kwargs: Any) -> Any:
        if sql.lstrip().upper().startswith("UPDATE"):
            raise sqlite3.OperationalError("database or disk is full")
        return real(sql, *args, **kwargs)

    monkeypatch.setattr(window.workspace.db, "execute", full_disk)
    backlog = window.board_view.views[0]
    backlog.setFocus()
    backlog.setCurrentIndex(backlog.model().index(0, 0))
    QtBot.keyClick(backlog, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.banner.isVisible() and "disk is full" in window.banner.text()
    written = log.read_text(encoding="utf-8")[len(before) :]
    assert "disk is full" in written and window.workspace.path.name in written
    assert log.stat().st_mode & 0o077 == 0  # readable by the user only


def test_the_banner_lies_over_the_board_without_moving_it(window: MainWindow) -> None:
    board_top = window.board_view.mapTo(window, QPoint(0, 0))
    window.banner.show_message("A refusal with a long explanation " * 8)
    assert window.banner.isVisible() and window.banner.width() > 0
    assert window.board_view.mapTo(window, QPoint(0, 0)) == board_top
    # It covers the top of the page, and a click puts it away.
    assert window.banner.geometry().top() == 0
    QtBot.mouseClick(window.banner, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()


def test_a_read_only_workspace_does_not_say_its_changes_are_saved(
    qtbot: QtBot, board_file: Path
) -> None:
    ws = Workspace.open(board_file, read_only=True)
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    assert window.saved_label.text() == "Read-only"
    assert "saved" not in window.saved_label.text().lower()
    window.close()
    ws.close()


def test_a_long_workspace_path_does_not_widen_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path.joinpath(*(["a-folder-with-a-long-name"] * 12))
    folder.mkdir(parents=True)
    ws = Workspace.create(folder / "plan.mopsboard")
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.show()
    full = str(ws.path)
    width = window.path_label.fontMetrics().horizontalAdvance(full)
    assert width > 1000  # wider than a small laptop's screen, spelled out
    assert window.statusBar().minimumSizeHint().width() < 500
    assert window.path_label.toolTip() == full
    window.close()
    ws.close()


def test_a_saved_change_is_told_without_laying_the_status_bar_out_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    label = window.saved_label
    width = label.sizeHint().width()
    task = window.model.tasks[window.model.cell_task_ids(0)[0]]
    window.workspace_actions.move_tasks([task.key], window.model.stages[1].key, None)
    assert label.text() == "All changes saved"
    assert label.toolTip().startswith("Last change saved at ")
    assert label.sizeHint().width() == width
