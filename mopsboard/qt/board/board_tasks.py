"""The tasks of the board a model shows, read when first needed.

A board opens from its outline (store/board_outline): every card's stage, order, estimate and
version, which is all the layout needs. The tasks themselves are read for the cards the columns
show, a page at a time, so a board of 50,000 cards paints as soon as a small one does and holds
only what it shows. Whatever needs every task (a filter by person or date, swimlanes) reads
the ones still missing first, in one go, so it sees the board whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping

from mopsboard.domain.models import Task

Reader = Callable[[list[int]], list[Task]]


class BoardTasks(MutableMapping[int, Task]):
    """Task id -> task for every card of the board; a task not read yet is read on first use."""

    def __init__(self, read: Reader, ids: Iterable[int] = ()) -> None:
        self._read = read
        self._tasks: dict[int, Task] = {}
        self._unread: set[int] = set(ids)

    @classmethod
    def of(cls, tasks: Iterable[Task]) -> BoardTasks:
        """Tasks already read (a board given its tasks whole)."""
        board = cls(lambda _ids: [])
        board._tasks = {t.key: t for t in tasks}
        return board

    @property
    def unread(self) -> int:
        return len(self._unread)

    def read(self, task_ids: Iterable[int]) -> None:
        """Reads those of these tasks not read yet, in one go."""
        wanted = [i for i in task_ids if i in self._unread]
        if not wanted:
            return
        for task in self._read(wanted):
            self._tasks[task.key] = task
        # One deleted meanwhile is not on the board any more; the store's change report (or the
        # next sync) tells the model so.
        self._unread.difference_update(wanted)

    def read_all(self) -> None:
        self.read(list(self._unread))

    def get_read(self, task_id: int) -> Task | None:
        """The task if it has been read; never reads it."""
        return self._tasks.get(task_id)

    def discard(self, task_id: int) -> None:
        """Forgets a task, read or not, without reading it."""
        self._tasks.pop(task_id, None)
        self._unread.discard(task_id)

    # -- MutableMapping --------------------------------------------------------------------------

    def __getitem__(self, task_id: int) -> Task:
        task = self._tasks.get(task_id)
        if task is None and task_id in self._unread:
            self.read([task_id])
            task = self._tasks.get(task_id)
        if task is None:
            raise KeyError(task_id)
        return task

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._tasks or task_id in self._unread

    def __setitem__(self, task_id: int, task: Task) -> None:
        self._unread.discard(task_id)
        self._tasks[task_id] = task

    def __delitem__(self, task_id: int) -> None:
        if task_id not in self:
            raise KeyError(task_id)
        self.discard(task_id)

    def __iter__(self) -> Iterator[int]:
        yield from list(self._tasks)
        yield from list(self._unread)

    def __len__(self) -> int:
        return len(self._tasks) + len(self._unread)

    def values(self) -> list[Task]:  # type: ignore[override]
        self.read_all()
        return list(self._tasks.values())

    def items(self) -> list[tuple[int, Task]]:  # type: ignore[override]
        self.read_all()
        return list(self._tasks.items())
