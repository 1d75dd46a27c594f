"""The import dialog reads its file on a worker thread; Python's cyclic collector runs on whichever
thread allocates, and a Qt object waiting in a cycle must be destroyed on its own thread (Qt warns,
"Timers cannot be stopped from another thread", and it is unsafe). The reading must not collect."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from mopsboard.ui.shell.main_window import MainWindow
from mopsboard.ui.transfer import import_dialog
from mopsboard.ui.transfer.import_dialog import ImportDialog


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> Iterator[ImportDialog]:
    made = ImportDialog(window.workspace_actions, window)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    yield made


class _Waiting(QObject):
    """A Qt object with a running timer, held only by a reference cycle."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self, interval=60_000)
        self.timer.start()
        self.me = self


def test_reading_a_file_collects_no_window_object_on_its_thread(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = import_dialog.read_preview

    def busy_read(*args: Any) -> Any:
        # A reading allocates as a large file's does: enough to start the collector many times.
        kept = [[n] for n in range(200_000)]
        del kept
        return real(*args)

    monkeypatch.setattr(import_dialog, "read_preview", busy_read)
    source = tmp_path / "posts.csv"
    source.write_text("Title,Channel\nLaunch post,Blog\n", encoding="utf-8")
    gc.collect()
    for _ in range(50):
        _Waiting()
    dialog.open_file(source)
    qtbot.waitUntil(lambda: not dialog.progress.isVisible(), timeout=10_000)
    gc.collect()  # here, on the window's thread, as it should be
