"""A board's outline says of every card what its task says: stage, order, estimate, version,
in board order, for rows another program wrote oddly too."""

from __future__ import annotations

import sqlite3

import pytest

from mopsboard.store import board_outline
from mopsboard.store.board_outline import CardOutline
from mopsboard.store.workspace import Workspace


def outline_from_tasks(ws: Workspace, board_id: int) -> list[CardOutline]:
    return [
        CardOutline(t.key, t.stage_id, t.rank, t.estimate_hours, t.version)
        for t in ws.tasks(board_id)  # type: ignore[arg-type]
    ]


def test_the_outline_is_the_tasks_in_brief(board_ws: Workspace) -> None:
    board = board_ws.boards()[0].key
    assert board_ws.board_outline(board) == outline_from_tasks(board_ws, board)
    assert len(board_ws.board_outline(board)) == len(board_ws.tasks(board)) > 3


@pytest.mark.parametrize(
    "value", ["'lots'", "5", "20000.0", "X'00'"], ids=["text", "int", "big", "blob"]
)
def test_an_odd_estimate_reads_as_the_task_reads_it(board_ws: Workspace, value: str) -> None:
    board = board_ws.boards()[0].key
    first = board_ws.tasks(board)[0]
    conn = sqlite3.connect(board_ws.path)
    conn.execute(f"UPDATE tasks SET estimate_hours = {value} WHERE id = ?", [first.key])
    conn.commit()
    conn.close()
    assert board_ws.board_outline(board) == outline_from_tasks(board_ws, board)


def test_archived_cards_and_other_boards_are_left_out(board_ws: Workspace) -> None:
    board = board_ws.boards()[0].key
    tasks = board_ws.tasks(board)
    board_ws.archive_tasks([tasks[0].key])
    other = board_ws.add_board("Other")
    assert [c.id for c in board_ws.board_outline(board)] == [t.key for t in tasks[1:]]
    assert board_ws.board_outline(other.key) == []


@pytest.mark.parametrize(
    ("column", "value"),
    [("labels", "'legal, gdpr'"), ("labels", "'[1, 2]'"), ("title", "X'0102'"), (None, None)],
)
def test_search_fields_are_the_tasks_title_description_and_labels(
    board_ws: Workspace, column: str | None, value: str | None
) -> None:
    board = board_ws.boards()[0].key
    first = board_ws.tasks(board)[0]
    board_ws.update_task(first.model_copy(update={"labels": ("Legal", "GDPR")}))
    if column is not None:
        conn = sqlite3.connect(board_ws.path)
        conn.execute(f"UPDATE tasks SET {column} = {value} WHERE id = ?", [first.key])
        conn.commit()
        conn.close()
    tasks = board_ws.tasks(board)
    expected = {t.key: (t.title, t.description, t.labels) for t in tasks}
    assert board_ws.search_fields([t.key for t in tasks]) == expected
    assert board_ws.search_fields([t.key for t in tasks][1:3]) == {
        t.key: expected[t.key] for t in tasks[1:3]
    }


def test_many_search_fields_come_from_one_pass_over_the_board(
    board_ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(board_outline, "_BY_ID_AT_MOST", 1)
    board = board_ws.boards()[0].key
    tasks = board_ws.tasks(board)
    board_ws.archive_tasks([tasks[0].key])
    wanted = [t.key for t in tasks[1:]]
    expected = {t.key: (t.title, t.description, t.labels) for t in tasks[1:]}
    assert board_ws.search_fields(wanted, board) == expected
