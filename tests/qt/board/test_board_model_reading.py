"""A big board opens from its outline: the model reads the tasks of the cards its columns show,
and folds every card's search text while idle; whatever it is asked (a filter, swimlanes, a
drop, an edit by another program) sees the board whole."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from mopsboard.domain.filtering import Grouping, TaskFilter, search_texts
from mopsboard.io.demo import create_demo_file
from mopsboard.qt.board.board_model import BoardModel
from mopsboard.qt.board.cell_model import PAGE
from mopsboard.store.workspace import Workspace

CARDS = 2_400


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.mopsboard"
    create_demo_file(path, tasks=CARDS, boards=1)
    return path


@pytest.fixture
def big_ws(qtbot: QtBot, big_file: Path, tmp_path: Path) -> Workspace:
    """(qtbot: the model reads while idle, on the application's event loop.)"""
    copy = tmp_path / "big.mopsboard"
    copy.write_bytes(big_file.read_bytes())
    ws = Workspace.open(copy)
    yield ws
    ws.close()


def opened(ws: Workspace) -> BoardModel:
    model = BoardModel(ws)
    model.load(ws.boards()[0].key)
    return model


def cells(model: BoardModel) -> list[list[str]]:
    return [[model.tasks[i].title for i in model.cell_task_ids(c)] for c in range(model.rowCount())]


def test_only_the_first_pages_are_read_at_first(big_ws: Workspace) -> None:
    model = opened(big_ws)
    shown_first = sum(min(PAGE, len(model.cell_task_ids(c))) for c in range(model.rowCount()))
    assert len(model.tasks) == CARDS
    assert model.tasks.unread == CARDS - shown_first
    assert [s.total for s in model.stage_summaries()] == [
        len(model.cell_task_ids(c)) for c in range(model.rowCount())
    ]
    all_tasks = big_ws.tasks(model.board_id)
    hours = {s.key: 0.0 for s in model.stages}
    for task in all_tasks:
        hours[task.stage_id] += task.estimate_hours or 0.0
    assert [round(s.hours, 6) for s in model.stage_summaries()] == [
        round(hours[s.key], 6) for s in model.stages
    ]


def test_idle_time_folds_the_search_texts_and_reads_no_more_tasks(
    qtbot: QtBot, big_ws: Workspace
) -> None:
    model = opened(big_ws)
    unread = model.tasks.unread
    qtbot.waitUntil(lambda: len(model._search) == CARDS, timeout=5000)
    assert model.tasks.unread == unread
    folded = opened_and_read(big_ws)
    expected = dict(zip(folded.tasks, search_texts(list(folded.tasks.values())), strict=True))
    assert model._search == expected


def test_a_first_text_filter_reads_no_task(big_ws: Workspace) -> None:
    model = opened(big_ws)
    unread = model.tasks.unread
    model.set_filter(TaskFilter(text="email"))
    assert model.tasks.unread == unread
    late = opened_and_read(big_ws)
    late.set_filter(TaskFilter(text="email"))
    assert cells(model) == cells(late) and sum(map(len, cells(model))) > 0


def opened_and_read(ws: Workspace) -> BoardModel:
    model = opened(ws)
    model.tasks.read_all()
    return model


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.set_filter(TaskFilter(text="email")),
        lambda m: m.set_filter(TaskFilter(assignee_id=None)),
        lambda m: m.set_grouping(Grouping.ASSIGNEE),
    ],
    ids=["words", "assignee", "lanes"],
)
def test_a_filter_or_lanes_before_idle_time_see_the_board_whole(
    big_ws: Workspace, change: object
) -> None:
    early, late = opened(big_ws), opened_and_read(big_ws)
    change(early)  # type: ignore[operator]
    change(late)  # type: ignore[operator]
    assert cells(early) == cells(late) and sum(map(len, cells(early))) > 0


def test_another_programs_edit_of_an_unread_card_shows(big_ws: Workspace) -> None:
    model = opened(big_ws)
    unread = model.cell_task_ids(0)[-1]
    assert unread in model.tasks and unread not in model.tasks._tasks
    conn = sqlite3.connect(big_ws.path)
    conn.execute(
        "UPDATE tasks SET title = 'Renamed elsewhere', version = version + 1 WHERE id = ?",
        [unread],
    )
    conn.commit()
    conn.close()
    model.sync_with_store()
    assert model.tasks[unread].title == "Renamed elsewhere"


def test_a_drop_of_a_card_far_down_a_column_lands(big_ws: Workspace) -> None:
    model = opened(big_ws)
    moved = model.cell_task_ids(0)[-1]
    target = model.stages[1]
    big_ws.move_tasks([moved], target.key, None)
    assert moved in model.cell_task_ids(1) and moved not in model.cell_task_ids(0)
    assert model.tasks[moved].stage_id == target.id


@pytest.mark.parametrize(
    ("wanted", "grouping"),
    [
        (TaskFilter(), Grouping.NONE),
        (TaskFilter(text="email"), Grouping.NONE),
        (TaskFilter(), Grouping.CAMPAIGN),
        (TaskFilter(text="a", assignee_id=None), Grouping.ASSIGNEE),
    ],
)
def test_after_moves_and_edits_the_columns_are_those_of_a_fresh_board(
    big_ws: Workspace, wanted: TaskFilter, grouping: Grouping
) -> None:
    """Only the columns a change touches are worked out again: they must come out as a board
    opened afresh lays them out, and the other columns must not have changed."""
    model = opened(big_ws)
    model.set_filter(wanted)
    model.set_grouping(grouping)
    rng = random.Random(4)
    board = model.board_id
    for step in range(25):
        task = big_ws.task(rng.choice(list(model.tasks)))
        if step % 3:
            big_ws.move_tasks([task.key], rng.choice(model.stages).key, None)
        else:
            big_ws.update_task(task.model_copy(update={"title": f"Email {step}"}))
        fresh = BoardModel(big_ws)
        fresh.set_filter(wanted)
        fresh.set_grouping(grouping)
        fresh.load(board)
        assert model._cells == fresh._cells, f"after step {step}"
        for cell in range(len(model._cells)):
            assert model.cell_model(cell).task_ids == fresh._cells[cell]
