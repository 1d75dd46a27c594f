"""The board model: structure checked by Qt's model tester, filtering, grouping, following the
store."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from mopsboard.domain.filtering import DueFilter, Grouping, TaskFilter
from mopsboard.qt.board.board_model import BoardModel, TaskIdRole
from mopsboard.qt.board.board_parts import TASK_MIME
from mopsboard.store.workspace import Workspace


def _loaded(ws: Workspace) -> BoardModel:
    model = BoardModel(ws)
    model.load(ws.boards()[0].id)
    return model


def _cell_titles(model: BoardModel) -> list[list[str]]:
    return [
        [model.tasks[i].title for i in model.cell_task_ids(row)] for row in range(model.rowCount())
    ]


def test_model_passes_qt_model_tester(qtmodeltester, board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    qtmodeltester.check(model, force_py=True)
    model.set_grouping(Grouping.CAMPAIGN)
    qtmodeltester.check(model, force_py=True)


def test_model_tester_follows_moves_and_filters(qtmodeltester, board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every signal the model emits from here on.
    a = next(i for i, t in model.tasks.items() if t.title == "A")
    board_ws.move_tasks([a], model.stages[2].key, None)
    model.set_filter(TaskFilter(text="d"))
    model.set_filter(TaskFilter())
    assert _cell_titles(model)[2] == ["E", "A"]


def test_cells_hold_stages_in_rank_order(board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    assert model.rowCount() == 5
    assert _cell_titles(model) == [["A", "B", "C"], ["D"], ["E"], ["F"], ["G"]]
    first = model.index(0, 0, model.index(0, 0))
    assert first.data(Qt.ItemDataRole.DisplayRole) == "A"
    assert first.data(TaskIdRole) == model.cell_task_ids(0)[0]
    assert model.parent(first) == model.index(0, 0)
    assert not model.parent(model.index(0, 0)).isValid()


def test_text_filter_and_field_filters(board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    model.set_filter(TaskFilter(text="legal"))
    assert _cell_titles(model) == [[], [], [], ["F"], []]
    webinar = board_ws.campaign_named("Intent webinar").id
    model.set_filter(TaskFilter(campaign_id=webinar))
    assert _cell_titles(model) == [["B"], ["D"], [], [], []]
    model.set_filter(TaskFilter(campaign_id=None))
    assert _cell_titles(model) == [[], [], [], [], ["G"]]
    model.set_filter(TaskFilter(due=DueFilter.OVERDUE))
    assert _cell_titles(model) == [["A"], [], [], [], []]
    model.set_filter(TaskFilter(due=DueFilter.NO_DATE))
    assert _cell_titles(model) == [["B"], [], ["E"], ["F"], ["G"]]
    assert model.stage_summaries()[0].total == 3
    assert model.stage_summaries()[0].shown == 1


def test_grouping_by_campaign_builds_lanes(board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    model.set_grouping(Grouping.CAMPAIGN)
    assert [lane.title for lane in model.lanes] == [
        "Intent webinar",
        "Spring launch",
        "No campaign",
    ]
    assert model.rowCount() == 15
    titles = _cell_titles(model)
    assert titles[0:5] == [["B"], ["D"], [], [], []]
    assert titles[5:10] == [["A", "C"], [], ["E"], ["F"], []]
    assert titles[10:15] == [[], [], [], [], ["G"]]


def test_store_changes_show_up_without_reload(board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    ready = model.stages[1].key
    a, b = (next(i for i, t in model.tasks.items() if t.title == n) for n in "AB")
    board_ws.move_tasks([b, a], ready, None)
    assert _cell_titles(model)[:2] == [["C"], ["D", "B", "A"]]
    board_ws.archive_tasks([a])
    assert _cell_titles(model)[1] == ["D", "B"]


def test_mime_data_carries_task_ids_in_view_order(board_ws: Workspace) -> None:
    model = _loaded(board_ws)
    backlog = model.index(0, 0)
    indexes = [model.index(2, 0, backlog), model.index(0, 0, backlog)]
    data = model.mimeData(indexes)
    assert data.hasFormat(TASK_MIME)
    ids = BoardModel.task_ids_from_mime(data)
    assert [model.tasks[i].title for i in ids] == ["A", "C"]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(indexes[0]) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.rowCount(indexes[0]) == 0
    assert not model.index(5, 0, backlog).isValid()
    assert model.index(0, 0, QModelIndex()).isValid()
