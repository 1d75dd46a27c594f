"""The board's tasks read when first needed (qt/board/board_tasks): a mapping like any other to
whoever uses it, reading in batches behind the scenes."""

from __future__ import annotations

from mopsboard.domain.models import Task
from mopsboard.qt.board.board_tasks import BoardTasks


def task(n: int) -> Task:
    return Task(id=n, board_id=1, stage_id=1, title=f"Task {n}")


class Store:
    def __init__(self, ids: range) -> None:
        self.rows = {n: task(n) for n in ids}
        self.reads: list[list[int]] = []

    def read(self, ids: list[int]) -> list[Task]:
        self.reads.append(sorted(ids))
        return [self.rows[i] for i in ids if i in self.rows]


def test_a_task_is_read_on_first_use_and_once() -> None:
    store = Store(range(1, 11))
    tasks = BoardTasks(store.read, range(1, 11))
    assert (len(tasks), 3 in tasks, 11 in tasks, store.reads) == (10, True, False, [])
    assert tasks[3].title == "Task 3" and tasks.get(3) is tasks[3]
    assert store.reads == [[3]]
    tasks.read([1, 2, 3, 4])
    assert store.reads == [[3], [1, 2, 4]]
    assert tasks.unread == 6
    assert sorted(tasks) == list(range(1, 11))
    assert {t.key for t in tasks.values()} == set(range(1, 11))
    assert store.reads[-1] == [5, 6, 7, 8, 9, 10] and tasks.unread == 0


def test_a_task_not_read_is_not_read_by_get_read() -> None:
    store = Store(range(1, 4))
    tasks = BoardTasks(store.read, range(1, 4))
    assert tasks.get_read(2) is None and store.reads == []
    assert tasks[2] is tasks.get_read(2)


def test_a_task_deleted_before_it_was_read_is_gone() -> None:
    store = Store(range(1, 4))
    tasks = BoardTasks(store.read, range(1, 4))
    del store.rows[2]
    assert tasks.get(2) is None
    assert 2 not in tasks and len(tasks) == 2


def test_set_and_discard_never_read() -> None:
    store = Store(range(1, 4))
    tasks = BoardTasks(store.read, range(1, 4))
    tasks[1] = task(1).model_copy(update={"title": "Fresh"})
    tasks.discard(2)
    del tasks[3]
    assert store.reads == []
    assert dict(tasks.items()) == {1: tasks[1]} and tasks[1].title == "Fresh"
