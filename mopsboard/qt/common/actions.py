"""Actions: the changes a user can make, each one transaction and one undo step.

One word for one concept: an *action* is what a user does (move a card, rename a team); the
actions of one entity live in one module beside its models, as Anki's `aqt/operations` has one
module per entity: qt/board/task_actions.py, qt/board/board_actions.py,
qt/people/people_actions.py, qt/personas/persona_actions.py, qt/campaigns/campaign_actions.py.
A *command* is only Qt's word for the undo step an action leaves (`StoreCommand`, here).

Every action is written the same way, on `EntityActions`:
- `_attempt(write)` makes the write. A refusal (the store's errors, and the models' when it
  re-validates what it is given) is reported in words through `ActionHistory.failed` and gives
  None: this module's `attempt` is the one place a refusal is caught.
- The write done, the action pushes its command (`_push`, or `_push_fields` for the usual one:
  undo sets these fields of these rows back, redo sets them again). A refused change never
  enters the undo history.
- Undo and redo check that nobody else changed the rows meanwhile, and ask if someone did
  (qt/common/conflicts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mopsboard.domain.errors import ConflictError, MopsboardError, describe
from mopsboard.domain.models import Record
from mopsboard.qt.common.conflicts import (
    Checked,
    Choice,
    Resolver,
    Swap,
    Table,
    keep_theirs,
    kept_theirs,
    rows_named,
    undo_question,
)
from mopsboard.store.workspace import Workspace

T = TypeVar("T")
R = TypeVar("R", bound="Record[Any]")
Step = Callable[[], object] | Checked


def attempt(
    write: Callable[[], T],
    report: Callable[[str], object],
    also: tuple[type[Exception], ...] = (),
    *,
    conflicts_to_caller: bool = False,
) -> T | None:
    """Makes `write`; a refusal (the store's errors, a model's validation, and any of `also`) is
    passed to `report` in words and gives None. With `conflicts_to_caller`, a ConflictError is
    raised instead, for an editor that asks the user (ui/common/conflict_dialog.py)."""
    refusals: tuple[type[Exception], ...] = (MopsboardError, ValidationError, *also)
    try:
        return write()
    except ConflictError as conflict:
        if conflicts_to_caller:
            raise
        report(str(conflict))
        return None
    except refusals as error:
        report(describe(error) if isinstance(error, ValidationError) else str(error))
        return None


class StoreCommand(QUndoCommand):
    """A change already made once: the first redo() (QUndoStack.push calls it) does nothing."""

    def __init__(self, text: str, history: ActionHistory, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._history = history
        self._redo = redo
        self._undo = undo
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._run(self._redo, "redo")

    def undo(self) -> None:
        self._run(self._undo, "undo")

    def _run(self, step: Step, word: str) -> None:
        # A step dropped inside a macro stays in it (the stack only drops whole macros): it is
        # not applied again.
        if self.isObsolete():
            return
        attempt(lambda: self._apply(step, word), self._refused)

    def _refused(self, reason: str) -> None:
        # The file changed under the history (another window, another process): drop this step
        # rather than apply it to data it no longer describes.
        self.setObsolete(True)
        self._history.failed.emit(f"Could not {self.text().lower()}: {reason}")

    def _apply(self, step: Step, word: str) -> None:
        if not isinstance(step, Checked):
            step()
            return
        try:
            step.run()
            return
        except ConflictError as error:
            conflict = error
        history = self._history
        subject = rows_named(history.workspace, conflict.table, conflict.row_ids)
        question = undo_question(subject, len(conflict.row_ids), self.text(), word)
        if history.resolve_conflict(question) is Choice.MINE:
            # Refused too (a third change meanwhile, a rule), it is reported as any refusal.
            step.force()
            return
        self.setObsolete(True)
        history.failed.emit(kept_theirs(subject, self.text(), word))


class ActionHistory(QObject):
    """A window's one undo history over its workspace, and what its actions report."""

    failed = Signal(str)
    saved = Signal()
    wipExceeded = Signal(str)

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        # Asked when an undo or redo meets someone else's change; the window installs one that
        # asks the user.
        self.resolve_conflict: Resolver = keep_theirs
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._index_changed)

    def _index_changed(self, _index: int) -> None:
        self.saved.emit()

    def push(self, text: str, redo: Step, undo: Step) -> None:
        self.undo_stack.push(StoreCommand(text, self, redo, undo))

    def macro(self, text: str) -> Macro:
        return Macro(self.undo_stack, text)


class Macro:
    """Several actions as one undo step (the stage editor's OK, for example)."""

    def __init__(self, stack: QUndoStack, text: str) -> None:
        self._stack = stack
        self._text = text

    def __enter__(self) -> None:
        self._stack.beginMacro(self._text)

    def __exit__(self, *exc: object) -> None:
        self._stack.endMacro()


class EntityActions:
    """The actions of one entity, over a window's history (its workspace and undo stack)."""

    def __init__(self, history: ActionHistory) -> None:
        self.history = history
        self.workspace = history.workspace

    def _attempt(
        self,
        write: Callable[[], T],
        also: tuple[type[Exception], ...] = (),
        *,
        conflicts_to_caller: bool = False,
    ) -> T | None:
        """The write's result, or None when it was refused (and `failed` said why)."""
        return attempt(
            write, self.history.failed.emit, also, conflicts_to_caller=conflicts_to_caller
        )

    def _succeeds(self, write: Callable[[], object]) -> bool:
        """As `_attempt`, for a write whose result is not needed."""
        return self._attempt(lambda: write() or True) is not None

    def _push(self, text: str, redo: Step, undo: Step) -> None:
        self.history.push(text, redo, undo)

    def _push_fields(
        self,
        text: str,
        table: Table[R],
        fields: Iterable[str],
        before: Sequence[R],
        after: Sequence[R],
    ) -> None:
        """The usual command: undo gives the rows `before`'s values of these fields back, redo
        `after`'s."""
        swap = Swap(table, fields)
        self._push(text, swap.to(after), swap.to(before))
