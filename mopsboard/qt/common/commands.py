"""Every change is an undoable command: widgets call these actions, which write through the store
and push a command holding what it takes to undo and redo the change.

An action writes first and pushes its command only when the write succeeded, so a refused change
(a hard WIP limit, a review gate, a conflict) never enters the undo history. Undo and redo check
that nobody else changed the rows meanwhile, and ask if someone did (qt/conflicts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mopsboard.domain.errors import ConflictError, MopsboardError, describe
from mopsboard.domain.models import Board, Stage, Task
from mopsboard.qt.common.conflicts import (
    Checked,
    Choice,
    Resolver,
    Swap,
    changed_fields,
    keep_theirs,
    kept_theirs,
    placing,
    rows_named,
    task_swap,
    undo_question,
)
from mopsboard.store.moves import Placement
from mopsboard.store.workspace import Workspace

Step = Callable[[], object] | Checked
# What a refused change raises: the store's own errors, and the models' when it re-validates
# what it is given (a name too long, text that cannot be stored).
REFUSALS = (MopsboardError, ValidationError)


def reason(error: Exception) -> str:
    return describe(error) if isinstance(error, ValidationError) else str(error)


class StoreCommand(QUndoCommand):
    """A change already made once: the first redo() (QUndoStack.push calls it) does nothing."""

    def __init__(self, text: str, actions: WorkspaceActions, redo: Step, undo: Step) -> None:
        super().__init__(text)
        self._actions = actions
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
        try:
            if isinstance(step, Checked):
                self._run_checked(step, word)
            else:
                step()
        except REFUSALS as error:
            # The file changed under the history (another window, another process): drop this
            # step rather than apply it to data it no longer describes.
            self.setObsolete(True)
            self._actions.failed.emit(f"Could not {self.text().lower()}: {reason(error)}")

    def _run_checked(self, step: Checked, word: str) -> None:
        try:
            step.run()
            return
        except ConflictError as error:
            conflict = error
        actions = self._actions
        subject = rows_named(actions.workspace, conflict.table, conflict.row_ids)
        question = undo_question(subject, len(conflict.row_ids), self.text(), word)
        if actions.resolve_conflict(question) is Choice.MINE:
            # Refused too (a third change meanwhile, a rule), it is reported as any refusal.
            step.force()
            return
        self.setObsolete(True)
        actions.failed.emit(kept_theirs(subject, self.text(), word))


class WorkspaceActions(QObject):
    """The changes a user can make, each one transaction and one undo step."""

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

    def _push(self, text: str, redo: Step, undo: Step) -> None:
        self.undo_stack.push(StoreCommand(text, self, redo, undo))

    # -- tasks ----------------------------------------------------------------------------------

    def move_tasks(
        self,
        task_ids: Sequence[int],
        stage_id: int,
        before_id: int | None,
        assign: tuple[str, int | None] | None = None,
    ) -> bool:
        """Moves tasks (setting `assign` on them, for a drop into another swimlane); on refusal
        emits `failed` with the reason and returns False."""
        try:
            result = self.workspace.move_tasks(list(task_ids), stage_id, before_id, assign=assign)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return False
        if result.before == result.after:
            return True
        stage = self.workspace.stage(stage_id)
        count = len(task_ids)
        text = f"Move {count} tasks to {stage.name}" if count > 1 else f"Move task to {stage.name}"
        self._push(
            text,
            placing(self.workspace, result.after),
            placing(self.workspace, result.before),
        )
        if result.over_wip_limit:
            self.wipExceeded.emit(
                f"'{stage.name}' is over its WIP limit of {stage.wip_limit}: finish work before "
                "starting more."
            )
        return True

    def step_task(self, task_id: int, stage_offset: int) -> bool:
        """Moves a task to the previous (-1) or next (+1) stage, at the end of it."""
        task = self.workspace.task(task_id)
        stages = self.workspace.stages(task.board_id)
        positions = [s.id for s in stages]
        target = positions.index(task.stage_id) + stage_offset
        if not 0 <= target < len(stages):
            return False
        return self.move_tasks([task_id], stages[target].id or 0, None)

    def nudge_task(self, task_id: int, neighbour_ids: Sequence[int], offset: int) -> bool:
        """Moves a task up (-1) or down (+1) past its visible neighbour in the same stage."""
        if task_id not in neighbour_ids:
            return False
        row = list(neighbour_ids).index(task_id)
        target = row + offset
        if not 0 <= target < len(neighbour_ids):
            return False
        task = self.workspace.task(task_id)
        if offset < 0:
            before: int | None = neighbour_ids[target]
        else:
            before = neighbour_ids[target + 1] if target + 1 < len(neighbour_ids) else None
        return self.move_tasks([task_id], task.stage_id, before)

    def add_task(self, task: Task) -> Task | None:
        try:
            created = self.workspace.add_task(task)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return None
        holder = {"task": created}

        def undo() -> None:
            holder["task"] = self.workspace.delete_tasks([created.id or 0])[0]

        self._push(
            f"Add task '{created.title}'",
            lambda: self.workspace.restore_tasks([holder["task"]]),
            undo,
        )
        return created

    def edit_task(self, original: Task, edited: Task) -> Task | None:
        """Saves `edited`; raises ConflictError when the task changed since `original` was read
        (the caller asks the user what to do)."""
        saved = self.workspace.update_task(edited)
        swap = task_swap(self.workspace, changed_fields(original, saved))
        self._push(f"Edit '{saved.title}'", swap.to([saved]), swap.to([original]))
        return saved

    def archive_tasks(self, task_ids: Sequence[int], archived: bool = True) -> None:
        try:
            changed = self.workspace.archive_tasks(task_ids, archived)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return
        if not changed:
            return
        word = "Archive" if archived else "Restore"
        text = f"{word} {len(changed)} tasks" if len(changed) > 1 else f"{word} task"
        self._push(
            text,
            lambda: self.workspace.archive_tasks(changed, archived),
            lambda: self.workspace.archive_tasks(changed, not archived),
        )

    # -- boards and stages ----------------------------------------------------------------------

    def add_board(self, name: str) -> Board | None:
        try:
            board = self.workspace.add_board(name)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return None
        swap = self._board_swap(["archived"])
        hidden = board.model_copy(update={"archived": True})
        self._push(f"Add board '{board.name}'", swap.to([board]), swap.to([hidden]))
        return board

    def _board_swap(self, fields: Sequence[str]) -> Swap[Board]:
        ws = self.workspace
        return Swap.one(ws, "boards", ws.board, ws.update_board, fields)

    def rename_board(self, board_id: int, name: str) -> None:
        self._update_board(board_id, {"name": name}, f"Rename board to '{name}'")

    def archive_board(self, board_id: int) -> None:
        self._update_board(board_id, {"archived": True}, "Delete board")

    def _update_board(self, board_id: int, update: dict[str, object], text: str) -> None:
        try:
            old = self.workspace.board(board_id)
            new = self.workspace.update_board(old.model_copy(update=update))
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return
        swap = self._board_swap(list(update))
        self._push(text, swap.to([new]), swap.to([old]))

    def reorder_boards(self, old_order: Sequence[int], new_order: Sequence[int]) -> None:
        try:
            self.workspace.reorder_boards(new_order)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return
        self._push(
            "Reorder boards",
            lambda: self.workspace.reorder_boards(new_order),
            lambda: self.workspace.reorder_boards(old_order),
        )

    def add_stage(self, stage: Stage) -> Stage | None:
        try:
            created = self.workspace.add_stage(stage)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return None
        state = {"stage": created}

        def undo() -> None:
            state["stage"] = self.workspace.stage(created.id or 0)
            self.workspace.delete_stage(created.id or 0, None)

        self._push(
            f"Add stage '{created.name}'",
            lambda: self.workspace.restore_stage(state["stage"]),
            undo,
        )
        return created

    def update_stage(self, edited: Stage) -> Stage | None:
        try:
            old = self.workspace.stage(edited.id or 0)
            new = self.workspace.update_stage(edited)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return None
        ws = self.workspace
        fields = [f for f in changed_fields(old, new) if f != "position"]
        swap = Swap.one(ws, "stages", ws.stage, ws.update_stage, fields)
        self._push(f"Edit stage '{new.name}'", swap.to([new]), swap.to([old]))
        return new

    def reorder_stages(self, board_id: int, new_order: Sequence[int]) -> None:
        old_order = [s.id or 0 for s in self.workspace.stages(board_id)]
        try:
            self.workspace.reorder_stages(board_id, new_order)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return
        self._push(
            "Reorder stages",
            lambda: self.workspace.reorder_stages(board_id, new_order),
            lambda: self.workspace.reorder_stages(board_id, old_order),
        )

    def delete_stage(self, stage_id: int, move_tasks_to: int | None) -> bool:
        try:
            stage = self.workspace.stage(stage_id)
            placements = [
                Placement(t.id or 0, t.stage_id, t.rank)
                for t in self.workspace.tasks(stage.board_id, include_archived=True)
                if t.stage_id == stage_id
            ]
            self.workspace.delete_stage(stage_id, move_tasks_to)
        except REFUSALS as error:
            self.failed.emit(reason(error))
            return False

        def undo() -> None:
            self.workspace.restore_stage(stage)
            if placements:
                self.workspace.place_tasks(placements)

        self._push(
            f"Delete stage '{stage.name}'",
            lambda: self.workspace.delete_stage(stage_id, move_tasks_to),
            undo,
        )
        return True

    def macro(self, text: str) -> _Macro:
        return _Macro(self.undo_stack, text)


class _Macro:
    """Several actions as one undo step (the stage editor's OK, for example)."""

    def __init__(self, stack: QUndoStack, text: str) -> None:
        self._stack = stack
        self._text = text

    def __enter__(self) -> None:
        self._stack.beginMacro(self._text)

    def __exit__(self, *exc: object) -> None:
        self._stack.endMacro()


class ActionGroup(QObject):
    """A family of actions (people, personas, campaigns) sharing one workspace's undo stack."""

    def __init__(self, actions: WorkspaceActions, parent: QObject | None = None) -> None:
        super().__init__(parent or actions)
        self.actions = actions
        self.workspace = actions.workspace

    def _push(self, text: str, redo: Step, undo: Step) -> None:
        self.actions.undo_stack.push(StoreCommand(text, self.actions, redo, undo))

    def _fail(self, error: Exception) -> None:
        text = reason(error)
        self.actions.failed.emit(text)
