"""One selection for the whole board: the columns are list views of their own, each with its
own selection model, but a person sees one board. Selecting in a column clears the others, and
cards a move put elsewhere (a drop, Ctrl+Left/Right) stay selected where they landed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection

from mopsboard.domain.ids import TaskId
from mopsboard.ui.board.stage_list import StageListView


class BoardSelection:
    def __init__(self) -> None:
        self.views: list[StageListView] = []

    def follow(self, views: list[StageListView]) -> None:
        """The board's columns, as rebuilt: each one's selection now clears the others'."""
        self.views = views
        for view in views:
            view.selectionModel().selectionChanged.connect(
                lambda selected, _deselected, v=view: self._selected_in(v, selected)
            )

    def _selected_in(self, view: StageListView, selected: QItemSelection) -> None:
        if selected.isEmpty():
            return
        for other in self.views:
            if other is not view and other.selectionModel().hasSelection():
                other.clearSelection()

    def select(self, task_ids: Sequence[TaskId], *, focus: bool = True) -> bool:
        """Selects these cards, in the first column that shows any of them (the cards of one
        move share a column), and nothing else; False when none of them is shown."""
        return any(view.select_tasks(task_ids, focus=focus) for view in self.views)

    def task_ids(self) -> list[TaskId]:
        """The selected cards, in column order."""
        for view in self.views:
            ids = view.selected_task_ids()
            if ids:
                return ids
        return []

    def focused_task_id(self) -> TaskId | None:
        for view in self.views:
            if view.hasFocus():
                return view.current_task_id()
        return None
