"""A board's cards in outline: what a board needs of every card to lay the board out (its stage,
its place in the stage, its estimate for the stage's hours, the version that tells a stale copy),
read without making a task of each. A board of 50,000 cards reads its outline in a tenth of the
time its tasks take; the tasks themselves are read for the cards a user sees (store/tasks)."""

from __future__ import annotations

from typing import NamedTuple

from mopsboard.domain.ids import BoardId
from mopsboard.store.base import StoreBase
from mopsboard.store.task_rows import TASK_COLUMNS, task_from_row
from mopsboard.store.task_values import MAX_HOURS


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

    def _outline_of_odd_row(self, task_id: int) -> CardOutline:
        row = self.db.execute(
            f"SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?",  # noqa: S608
            [task_id],
        ).fetchone()
        task = task_from_row(row)
        return CardOutline(task.key, task.stage_id, task.rank, task.estimate_hours, task.version)
