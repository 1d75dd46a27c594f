"""An exception in a slot: logged, shown with a "Copy details" button, and the app goes on."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from mopsboard import logfile
from mopsboard.paths import log_dir
from mopsboard.store.database import CorruptWorkspace
from mopsboard.store.workspace import Workspace
from mopsboard.ui.shell.error_dialog import ErrorDialog, ExceptionHook
from mopsboard.ui.shell.main_window import MainWindow


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOPSBOARD_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ErrorDialog]]:
    """Error dialogs as they would be shown; each one's "Copy details" is clicked."""
    dialogs: list[ErrorDialog] = []

    def show(dialog: ErrorDialog) -> int:
        dialogs.append(dialog)
        dialog.copy_button.click()
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", show)
    yield dialogs


def _raise_and_catch(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException:
        kind, value, trace = sys.exc_info()
        assert kind is not None and value is not None
        return kind, value, trace


def test_hook_logs_shows_and_copies_the_details(
    qtbot: QtBot, home: Path, shown: list[ErrorDialog]
) -> None:
    hook = ExceptionHook()
    kind, value, trace = _raise_and_catch(ZeroDivisionError("spread over zero weeks"))
    hook(kind, value, trace)  # type: ignore[arg-type]
    log = log_dir() / "mopsboard.log"
    assert log.parent == home / "logs"
    text = log.read_text()
    assert "Traceback" in text and "ZeroDivisionError: spread over zero weeks" in text
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    [dialog] = shown
    message = dialog.message.text()
    assert "ZeroDivisionError: spread over zero weeks" in message
    assert str(log) in message and "You can carry on" in message
    assert "Traceback" in dialog.text.toPlainText()
    assert QApplication.clipboard().text() == dialog.details
    assert dialog.copy_button.text() == "Copied"
    # A second error appends to the same log.
    hook(*_raise_and_catch(KeyError("persona")))  # type: ignore[arg-type]
    assert log.read_text().count("--- ") == 2
    assert len(shown) == 2


def test_a_workspace_error_shows_its_own_words(
    qtbot: QtBot, home: Path, shown: list[ErrorDialog]
) -> None:
    message = "/data/w.mopsboard: the workspace file is damaged. Restore it from a backup."
    ExceptionHook()(*_raise_and_catch(CorruptWorkspace(message)))  # type: ignore[arg-type]
    assert shown[0].message.text().startswith(message)


def test_an_error_while_the_dialog_is_up_is_only_logged(
    qtbot: QtBot, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hook = ExceptionHook()
    dialogs: list[ErrorDialog] = []

    def show_and_fail_again(dialog: ErrorDialog) -> int:
        dialogs.append(dialog)
        hook(*_raise_and_catch(RuntimeError("second")))  # type: ignore[arg-type]
        return 0

    monkeypatch.setattr(ErrorDialog, "exec", show_and_fail_again)
    hook(*_raise_and_catch(RuntimeError("first")))  # type: ignore[arg-type]
    assert len(dialogs) == 1
    text = (log_dir() / "mopsboard.log").read_text()
    assert "RuntimeError: first" in text and "RuntimeError: second" in text


def test_the_log_is_rotated_and_a_failing_log_does_not_stop_the_dialog(
    qtbot: QtBot, home: Path, shown: list[ErrorDialog], monkeypatch: pytest.MonkeyPatch
) -> None:
    log = log_dir() / "mopsboard.log"
    log.parent.mkdir(parents=True)
    log.write_text("x" * (logfile.MAX_LOG_BYTES + 1))
    ExceptionHook()(*_raise_and_catch(ValueError("one")))  # type: ignore[arg-type]
    assert (log.parent / "mopsboard.log.1").stat().st_size > logfile.MAX_LOG_BYTES
    assert log.stat().st_size < 10_000
    # A log folder that cannot be created: the user is still told.
    monkeypatch.setenv("MOPSBOARD_HOME", str(log / "not-a-folder"))
    ExceptionHook()(*_raise_and_catch(ValueError("two")))  # type: ignore[arg-type]
    assert "could not be written" in shown[-1].message.text()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_reaches_the_hook_and_the_app_goes_on(
    qtbot: QtBot,
    home: Path,
    shown: list[ErrorDialog],
    board_ws: Workspace,
    open_window: Callable[..., MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", ExceptionHook())
    window = open_window(board_ws)

    def broken_read(task_id: int) -> object:
        raise RuntimeError(f"cannot read task {task_id}")

    real_read = window.workspace.task
    monkeypatch.setattr(window.workspace, "task", broken_read)
    window.board_view.select_task(next(iter(window.model.tasks)))
    edit = next(a for a in window.actions() if a.text() == "&Edit task\u2026")
    edit.trigger()  # the slot raises
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "RuntimeError: cannot read task" in shown[0].message.text()
    # The window still works: a button's slot runs, and the board still takes commands.
    monkeypatch.setattr(window.workspace, "task", real_read)
    clicked: list[bool] = []
    button = QPushButton("still here")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: clicked.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicked == [True]
    a = next(i for i, t in window.model.tasks.items() if t.title == "A")
    done = next(s.key for s in window.model.stages if s.name == "Done")
    assert window.workspace_actions.move_tasks([a], done, None)
    assert window.workspace.task(a).stage_id == done
    assert len(shown) == 1
