"""How the board model follows the store: it re-reads only the tasks a change names (or whose
version changed, for a change another program made) and tells the columns which rows changed."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING

from mopsboard.domain.filtering import Grouping
from mopsboard.domain.models import Stage
from mopsboard.qt.board.board_parts import Lane, Lookups
from mopsboard.qt.board.board_tasks import BoardTasks
from mopsboard.store.base import Change
from mopsboard.store.board_outline import CardOutline

if TYPE_CHECKING:
    from mopsboard.domain.ids import BoardId
    from mopsboard.store.workspace import Workspace

# Up to this many changed cards are looked up one by one; more, by one walk of the board.
_FEW_CARDS = 16


class BoardFollowing:
    """Mixed into BoardModel, whose state it keeps up to date."""

    if TYPE_CHECKING:
        workspace: Workspace
        board_id: BoardId | None
        stages: list[Stage]
        lookups: Lookups
        tasks: BoardTasks
        _outline: dict[int, CardOutline]
        _search: dict[int, str]
        _stage_order: dict[int, list[int]]
        _stage_hours: dict[int, float]
        _cells: list[list[int]]
        lanes: list[Lane]
        grouping: Grouping

        def reload(self) -> None: ...
        def _compute_lanes(self) -> list[Lane]: ...
        def _compute_cells(self) -> list[list[int]]: ...
        def _lay_out_lanes(self) -> None: ...
        def _relayout(self, stage_ids: Collection[int] | None = None) -> None: ...
        def _cards_changed(self, task_ids: Collection[int]) -> None: ...

    def sync_with_store(self) -> None:
        """Catches up with changes another window or process committed: only the tasks whose
        version changed are refreshed, so selection and scroll positions stay where they were.
        Stage and lookup changes (rare) reload the board."""
        if self.board_id is None:
            return
        stages = self.workspace.stages(self.board_id)
        lookups = Lookups.load(self.workspace)
        if stages != self.stages or lookups != self.lookups:
            self.reload()
            return
        current = {card.id: card.version for card in self.workspace.board_outline(self.board_id)}
        known = {task_id: card.version for task_id, card in self._outline.items()}
        changed: set[int] = {i for i, version in current.items() if known.get(i) != version}
        changed |= known.keys() - current.keys()
        if changed:
            self.refresh_tasks(changed)

    def _on_change(self, change: Change) -> None:
        if self.board_id is None:
            return
        if change.table in {"stages", "boards", "campaigns", "personas", "members", "teams"}:
            self.reload()
        elif change.table == "tasks":
            if change.ids:
                self.refresh_tasks(change.ids)
            else:
                self.reload()

    def refresh_tasks(self, task_ids: Iterable[int]) -> None:
        """Re-reads these tasks and puts each where it now belongs."""
        ids = list(task_ids)
        fresh = {t.key: t for t in self.workspace.tasks_by_id(ids)}
        # The stages whose columns change: where the tasks were and where they are now.
        touched: set[int] = set()
        for task_id in ids:
            old = self._outline.pop(task_id, None)
            self.tasks.discard(task_id)
            self._search.pop(task_id, None)
            if old is not None:
                touched.add(old.stage_id)
                if old.stage_id in self._stage_hours:
                    self._stage_hours[old.stage_id] -= old.estimate_hours or 0.0
                order = self._stage_order.get(old.stage_id, [])
                position = bisect.bisect_left(order, old.rank, key=self._rank_of_or_old(old))
                if position < len(order) and order[position] == task_id:
                    del order[position]
                else:
                    order.remove(task_id)
        for task_id, task in fresh.items():
            if task.board_id != self.board_id or task.archived:
                continue
            self.tasks[task_id] = task
            self._outline[task_id] = CardOutline(
                task_id, task.stage_id, task.rank, task.estimate_hours, task.version
            )
            self._search.pop(task_id, None)
            touched.add(task.stage_id)
            if task.stage_id in self._stage_hours:
                self._stage_hours[task.stage_id] += task.estimate_hours or 0.0
            order = self._stage_order.setdefault(task.stage_id, [])
            bisect.insort(order, task_id, key=lambda i: self._outline[i].rank)
        if self.grouping is not Grouping.NONE and {lane.key for lane in self.lanes} != {
            lane.key for lane in self._compute_lanes()
        }:
            self._lay_out_lanes()
            return
        self._relayout(touched)
        self._cards_changed(fresh.keys())

    def _rows_of(self, wanted: set[int]) -> dict[int, tuple[int, int]]:
        """Task id -> (cell, row) of each of these cards that is shown. A few cards (a drop)
        are looked up with list.index, which scans in C; walking a 50,000-card board in Python
        for them cost a drop more than the rest of it."""
        if len(wanted) > _FEW_CARDS:
            return {
                task_id: (cell, row)
                for cell, ids in enumerate(self._cells)
                for row, task_id in enumerate(ids)
                if task_id in wanted
            }
        found = {}
        for task_id in wanted:
            card = self._outline.get(task_id)
            if card is None:
                continue  # left the board: no row to paint
            for cell in self._cells_of_stage(card.stage_id):
                try:
                    found[task_id] = (cell, self._cells[cell].index(task_id))
                except ValueError:
                    continue
                break
        return found

    def _cells_of_stage(self, stage_id: int) -> list[int]:
        columns = [n for n, stage in enumerate(self.stages) if stage.key == stage_id]
        count = len(self.stages)
        return [lane * count + column for column in columns for lane in range(len(self.lanes))]

    def _rank_of_or_old(self, old: CardOutline) -> Callable[[int], str]:
        def rank(task_id: int) -> str:
            card = self._outline.get(task_id)
            return card.rank if card is not None else old.rank

        return rank
