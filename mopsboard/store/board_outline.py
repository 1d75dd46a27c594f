"""A board's cards in outline: what a board needs of every card to lay the board out (its stage,
its place in the stage, its estimate for the stage's hours, the version that tells a stale copy),
read without making a task of each. A board of 50,000 cards reads its outline in a tenth of the
time its tasks take; the tasks themselves are read for the cards a user sees (store/tasks), and
what a text filter looks in for every card (search_fields)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from mopsboard.domain.ids import BoardId
from mopsboard.domain.models import Task
from mopsboard.store.base import StoreBase
from mopsboard.store.task_rows import TASK_COLUMNS, task_from_row
from mopsboard.store.task_values import CONVERSION_ERRORS, MAX_HOURS, labels_of

SearchFields = tuple[str, str, tuple[str, ...]]
# More search fields than this are read in one pass over the board's rows.
_BY_ID_AT_MOST = 2_000


class CardOutline(NamedTuple):
    id: int
    stage_id: int
    rank: str
    estimate_hours: float | None
    version: int


_OUTLINE = (
    "SELECT id, stage_id, rank, estimate_hours, version FROM tasks "
    "WHERE stage_id = ? AND archived = 0 ORDER BY rank"
)


def _plain(row: tuple[object, ...]) -> bool:
    """Whether the row's values are as a task read from it would hold them; otherwise the task
    is read whole, so the outline says what the task says (store/salvage)."""
    _id, _stage, rank, hours, version = row
    return (
        rank.__class__ is str
        and version.__class__ is int
        and (hours is None or (hours.__class__ is float and 0.0 <= hours <= MAX_HOURS))
    )


class OutlineStore(StoreBase):
    def board_outline(self, board_id: BoardId) -> list[CardOutline]:
        """The board's open cards in board order: stage by stage, each in order."""
        with self._read() as db:
            stage_ids = [
                row[0]
                for row in db.execute(
                    "SELECT id FROM stages WHERE board_id = ? ORDER BY position, id", [board_id]
                )
            ]
            outline: list[CardOutline] = []
            for stage_id in stage_ids:
                for row in db.execute(_OUTLINE, [stage_id]):
                    if _plain(row):
                        outline.append(CardOutline._make(row))
                    else:
                        outline.append(self._outline_of_odd_row(row[0]))
        return outline

    def search_fields(
        self, task_ids: Iterable[int], board_id: BoardId | None = None
    ) -> dict[int, SearchFields]:
        """Task id -> (title, description, labels) as the tasks hold them: what a text filter
        looks in, read without making the tasks. Given the board they are on, many are read
        in one pass over the board's rows, faster than by id."""
        ids = list(task_ids)
        with self._read() as db:
            if board_id is not None and len(ids) > _BY_ID_AT_MOST:
                wanted = set(ids)
                rows = [
                    row
                    for row in db.execute(
                        "SELECT id, title, description, labels FROM tasks WHERE board_id = ?",
                        [board_id],
                    )
                    if row[0] in wanted
                ]
            else:
                rows = []
                for start in range(0, len(ids), 500):
                    chunk = ids[start : start + 500]
                    marks = ", ".join("?" for _ in chunk)
                    rows += db.execute(
                        f"SELECT id, title, description, labels FROM tasks WHERE id IN ({marks})",  # noqa: S608
                        chunk,
                    ).fetchall()
            return {row[0]: self._search_fields_of(row) for row in rows}

    def _search_fields_of(self, row: tuple[Any, ...]) -> SearchFields:
        task_id, title, description, labels = row
        try:
            if title.__class__ is not str or description.__class__ is not str:
                raise TypeError(title)
            return (title, description, labels_of(labels))
        except CONVERSION_ERRORS:
            task = self._task_of_odd_row(task_id)
            return (task.title, task.description, task.labels)

    def _task_of_odd_row(self, task_id: int) -> Task:
        row = self.db.execute(
            f"SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?",  # noqa: S608
            [task_id],
        ).fetchone()
        return task_from_row(row)

    def _outline_of_odd_row(self, task_id: int) -> CardOutline:
        task = self._task_of_odd_row(task_id)
        return CardOutline(task.key, task.stage_id, task.rank, task.estimate_hours, task.version)
