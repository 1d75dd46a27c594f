"""The board's search texts: every card's title, description and labels, folded once, which a
text filter tests its words against. They are folded while the window is idle, a batch a turn,
from the task where it is read and from the store's search fields where it is not, so a first
filter on a big board finds them ready; a filter that comes sooner folds the rest in one go."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.filtering import SearchFields, fold_search_fields

if TYPE_CHECKING:
    from mopsboard.domain.ids import BoardId
    from mopsboard.qt.board.board_tasks import BoardTasks
    from mopsboard.store.workspace import Workspace

# Idle folding waits this long after a board is loaded, so the board's first frame (which the
# event loop paints soon after, but not before timers that are due) does not wait for it.
IDLE_START_MS = 100
# Search texts folded in one idle batch: about 3 ms, so input waits no longer than that.
IDLE_FOLD = 1_000


class BoardSearch:
    """Mixed into BoardModel, whose cards it folds the texts of."""

    if TYPE_CHECKING:
        workspace: Workspace
        board_id: BoardId | None
        tasks: BoardTasks

    _search: dict[int, str]
    # The cards idle time has still to fold, in board order (taken from the end).
    _to_fold: list[int]
    _idle: QTimer

    def _start_folding(self, task_ids: Iterable[int]) -> None:
        """Queues these cards for idle time (ones a filter folded meanwhile are skipped)."""
        self._to_fold = list(task_ids)
        self._to_fold.reverse()
        self._idle.start(IDLE_START_MS)

    def _fold_while_idle(self) -> None:
        """One batch of what a first text filter would otherwise fold. The tasks themselves are
        read only for the cards shown (and by what looks at every card, a filter by person or
        date or swimlanes), so a big board holds only what it shows."""
        batch = self._to_fold[-IDLE_FOLD:]
        del self._to_fold[-IDLE_FOLD:]
        try:
            self._fold_search(batch)
        except MopsboardError:
            return  # the file went away or is locked: the first filter folds the rest
        if self._to_fold:
            self._idle.start(0)

    def _fold_search(self, task_ids: Iterable[int]) -> None:
        """Folds the search texts of these cards that have none yet: from the task where it is
        read, from the store's search fields where it is not."""
        missing = [i for i in task_ids if i not in self._search]
        if not missing:
            return
        read = {i: self.tasks.get_read(i) for i in missing}
        fields: dict[int, SearchFields] = {
            i: (t.title, t.description, t.labels) for i, t in read.items() if t is not None
        }
        unread = [i for i, t in read.items() if t is None]
        if unread:
            fields.update(self.workspace.search_fields(unread, self.board_id))
        ids = [i for i in missing if i in fields]
        self._search.update(zip(ids, fold_search_fields([fields[i] for i in ids]), strict=True))
