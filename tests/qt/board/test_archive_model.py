"""A board's archived cards as a table, checked by Qt's model tester; finding them by text and
following the store while shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from mopsboard.qt.board.archive_model import (
    CAMPAIGN,
    CARD,
    COLUMNS,
    STAGE,
    ArchiveFilter,
    ArchiveModel,
    TaskIdRole,
)
from mopsboard.store.workspace import Workspace


def _archive(ws: Workspace, *titles: str) -> None:
    ws.archive_tasks([t.key for t in ws.tasks() if t.title in titles])


def _cards(model: ArchiveModel | ArchiveFilter) -> list[str]:
    return sorted(model.index(row, CARD).data() for row in range(model.rowCount()))


def test_archive_model_passes_the_model_tester(qtmodeltester, qtbot: QtBot, board_ws: Workspace):
    _archive(board_ws, "A", "F")
    model = ArchiveModel(board_ws)
    model.set_board(board_ws.boards()[0].key)
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every signal the model emits from here on.
    model.set_active(True)
    _archive(board_ws, "D")
    model.reload()
    board_ws.archive_tasks([t.key for t in board_ws.tasks(include_archived=True)], False)
    model.reload()
    assert model.rowCount() == 0 and model.columnCount() == len(COLUMNS)


def test_archive_filter_passes_the_model_tester(qtmodeltester, qtbot: QtBot, board_ws: Workspace):
    _archive(board_ws, "A", "B", "F")
    model = ArchiveModel(board_ws)
    model.set_board(board_ws.boards()[0].key)
    proxy = ArchiveFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.sort(STAGE, Qt.SortOrder.DescendingOrder)
    proxy.set_text("legal")
    proxy.set_text("")
    _archive(board_ws, "C")
    model.reload()
    assert proxy.rowCount() == 4


def test_archived_cards_say_where_they_return(qtbot: QtBot, board_ws: Workspace) -> None:
    _archive(board_ws, "A", "F")
    model = ArchiveModel(board_ws)
    model.set_board(board_ws.boards()[0].key)
    assert _cards(model) == ["A", "F"]
    row = model.row_of(next(t.key for t in board_ws.tasks(include_archived=True) if t.title == "F"))
    assert model.index(row, STAGE).data() == "Review"
    assert model.index(row, CAMPAIGN).data() == "Spring launch"
    assert board_ws.task(model.index(row, CARD).data(TaskIdRole)).title == "F"


def test_the_filter_finds_cards_by_every_word_typed(qtbot: QtBot, board_ws: Workspace) -> None:
    _archive(board_ws, "A", "B", "F")
    model = ArchiveModel(board_ws)
    model.set_board(board_ws.boards()[0].key)
    proxy = ArchiveFilter()
    proxy.setSourceModel(model)
    proxy.set_text("LEGAL")  # F's label, in any case
    assert _cards(proxy) == ["F"]
    proxy.set_text("legal b")
    assert _cards(proxy) == []
    proxy.set_text("  ")
    assert _cards(proxy) == ["A", "B", "F"]


def test_a_shown_archive_follows_the_store(qtbot: QtBot, board_ws: Workspace) -> None:
    model = ArchiveModel(board_ws)
    model.set_board(board_ws.boards()[0].key)
    model.set_active(True)
    assert _cards(model) == []
    _archive(board_ws, "E")
    qtbot.waitUntil(lambda: _cards(model) == ["E"])
    model.set_active(False)
    _archive(board_ws, "C")
    qtbot.wait(20)
    assert _cards(model) == ["E"]  # hidden, it waits until it is shown again
    model.set_active(True)
    assert _cards(model) == ["C", "E"]
