"""One cell of the board (a stage's cards), as its list view sees it: checked by Qt's model tester
on a column long enough that it pages (PAGE cards at a time), while cards move in, out and
within it, a filter hides some, and the grouping changes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from pytestqt.modeltest import ModelTester

from mopsboard.domain.filtering import Grouping, TaskFilter
from mopsboard.domain.models import Task
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.board.cell_model import PAGE, CellModel
from mopsboard.store.workspace import Workspace

EXTRA = 2 * PAGE + 50  # the backlog holds A, B, C and these: two full pages and a part


def _long_backlog(ws: Workspace) -> BoardModel:
    board = ws.boards()[0].key
    backlog = ws.stage_named(board, "Backlog").key
    ws.add_tasks([Task(board_id=board, stage_id=backlog, title=f"Bulk {n}") for n in range(EXTRA)])
    model = BoardModel(ws)
    model.load(board)
    return model


def _titles(cell: CellModel) -> list[str]:
    return [cell.index(row).data() for row in range(cell.rowCount())]


def test_a_long_cell_pages_and_passes_the_model_tester(qtmodeltester, board_ws: Workspace) -> None:
    model = _long_backlog(board_ws)
    backlog = model.cell_model(0)
    assert len(backlog.task_ids) == 3 + EXTRA
    assert backlog.rowCount() == PAGE and backlog.canFetchMore(QModelIndex())
    pages: list[tuple[int, int]] = []
    backlog.rowsInserted.connect(lambda _parent, first, last: pages.append((first, last)))
    # The tester asks for more while the model says there is more, checking each insertion.
    qtmodeltester.check(backlog, force_py=True)
    assert pages == [(PAGE, 2 * PAGE - 1), (2 * PAGE, 2 + EXTRA)]
    assert backlog.rowCount() == 3 + EXTRA and not backlog.canFetchMore(QModelIndex())
    assert _titles(backlog)[:4] == ["A", "B", "C", "Bulk 0"]
    assert _titles(backlog)[-1] == f"Bulk {EXTRA - 1}"


@pytest.fixture
def second_modeltester(request: pytest.FixtureRequest) -> Iterator[ModelTester]:
    # One tester follows one model: checking a second with the same tester leaves it connected
    # to the first model's signals while it counts the second model's rows.
    tester = ModelTester(request.config)
    yield tester
    tester._cleanup()


def test_the_model_tester_follows_moves_filters_and_regrouping(
    qtmodeltester: ModelTester, second_modeltester: ModelTester, board_ws: Workspace
) -> None:
    model = _long_backlog(board_ws)
    backlog = model.cell_model(0)
    ready = model.cell_model(1)
    # The testers stay connected and check every signal the cells emit from here on.
    qtmodeltester.check(backlog, force_py=True)
    second_modeltester.check(ready, force_py=True)
    ids = {t.title: i for i, t in model.tasks.items()}
    b_row = QPersistentModelIndex(backlog.index(1))
    assert b_row.data() == "B"
    # Out of the cell (a removal), into it at the top (an insertion), within it (a reorder).
    board_ws.move_tasks([ids["A"]], model.stages[1].key, None)
    assert _titles(ready) == ["D", "A"]
    board_ws.move_tasks([ids["D"]], model.stages[0].key, ids["B"])
    board_ws.move_tasks([ids["C"]], model.stages[0].key, ids["D"])
    assert _titles(backlog)[:4] == ["C", "D", "B", "Bulk 0"]
    assert b_row.isValid() and b_row.row() == 2 and b_row.data() == "B"
    # A filter hides cards (removals and a relayout), clearing it brings them back.
    model.set_filter(TaskFilter(text="bulk 1"))
    # Every word is looked for: "Bulk 21" has a 1 too.
    assert _titles(backlog) == [f"Bulk {n}" for n in range(EXTRA) if "1" in str(n)]
    assert _titles(ready) == []
    model.set_filter(TaskFilter())
    assert _titles(ready) == ["A"]
    # A new grouping resets the same cell models to their first page (the tester then pages).
    model.set_grouping(Grouping.CAMPAIGN)
    assert len(model.lanes) > 1
    model.set_grouping(Grouping.NONE)
    assert model.cell_model(0) is backlog and model.cell_model(1) is ready
    assert _titles(backlog)[:4] == ["C", "D", "B", "Bulk 0"] and _titles(ready) == ["A"]


def test_a_partly_loaded_cell_follows_moves_without_loading_the_rest(board_ws: Workspace) -> None:
    # Without the tester: it asks for more on every signal, so under it a cell is always whole.
    model = _long_backlog(board_ws)
    backlog = model.cell_model(0)
    ready = model.cell_model(1)
    assert backlog.rowCount() == PAGE < len(backlog.task_ids)
    ids = {t.title: i for i, t in model.tasks.items()}
    b_row = QPersistentModelIndex(backlog.index(1))
    board_ws.move_tasks([ids["A"]], model.stages[1].key, None)
    board_ws.move_tasks([ids["D"]], model.stages[0].key, ids["B"])
    board_ws.move_tasks([ids["C"]], model.stages[0].key, ids["D"])
    assert _titles(ready) == ["A"]
    assert _titles(backlog)[:4] == ["C", "D", "B", "Bulk 0"]
    assert _titles(backlog)[-1] == f"Bulk {PAGE - 4}"
    assert b_row.isValid() and b_row.row() == 2 and b_row.data() == "B"
    assert backlog.rowCount() == PAGE  # still the page asked for, not the whole column
    # A card past the loaded page: asking for its row loads the cards up to it.
    last = ids[f"Bulk {EXTRA - 1}"]
    assert backlog.row_of(last) == len(backlog.task_ids) - 1
    assert backlog.rowCount() == len(backlog.task_ids)


def test_an_edit_in_place_tells_the_cell_and_the_board_which_row_changed(
    qtmodeltester: ModelTester, board_ws: Workspace
) -> None:
    model = BoardModel(board_ws)
    model.load(board_ws.boards()[0].key)
    backlog = model.cell_model(0)
    qtmodeltester.check(backlog, force_py=True)
    cell_rows: list[tuple[int, int]] = []
    board_rows: list[tuple[int, int]] = []
    backlog.dataChanged.connect(
        lambda first, last, _roles: cell_rows.append((first.row(), last.row()))
    )
    model.dataChanged.connect(
        lambda first, last, _roles: board_rows.append((first.parent().row(), first.row()))
    )
    b = next(t for t in model.tasks.values() if t.title == "B")
    board_ws.update_task(b.model_copy(update={"estimate_hours": 9.0}))
    # The card stays where it was: no row comes, goes or moves, yet its row is repainted.
    assert cell_rows == [(1, 1)]
    assert board_rows == [(0, 1)]
    assert model.tasks[b.key].estimate_hours == 9.0


def _board_rows(model: BoardModel) -> list[tuple[int, int]]:
    rows: list[tuple[int, int]] = []
    model.dataChanged.connect(
        lambda first, _last, _roles: rows.append((first.parent().row(), first.row()))
    )
    return rows


@pytest.mark.parametrize("many", [False, True])
def test_edits_in_place_name_the_cards_in_swimlanes_too(board_ws: Workspace, many: bool) -> None:
    """Cards are found in their swimlane's cell, one by one for a few and by a walk of the
    board for many."""
    model = _long_backlog(board_ws) if many else BoardModel(board_ws)
    if not many:
        model.load(board_ws.boards()[0].key)
    model.set_grouping(Grouping.CAMPAIGN)
    assert len(model.lanes) > 1
    edited = [t for t in model.tasks.values() if t.title in ("A", "B", "C") or many][:40]
    rows = _board_rows(model)
    board_ws.update_tasks([t.model_copy(update={"estimate_hours": 3.5}) for t in edited])
    named = {model.task_at(model.index(row, 0, model.index(cell, 0))).key for cell, row in rows}
    assert named == {t.key for t in edited}
    assert len(rows) == len(edited)
