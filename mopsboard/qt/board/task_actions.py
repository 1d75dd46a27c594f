"""Actions on tasks from the board: move (a drop, a key), add, edit, archive."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mopsboard.domain.ids import (
    BoardId,
    CampaignId,
    MemberId,
    PersonaId,
    StageId,
    TaskId,
    TeamId,
)
from mopsboard.domain.models import Task
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import changed_fields, placing, tasks_table


class TaskActions(EntityActions):
    def move_tasks(
        self,
        task_ids: Sequence[int],
        stage_id: StageId,
        before_id: int | None,
        assign: tuple[str, int | None] | None = None,
    ) -> bool:
        """Moves tasks (setting `assign` on them, for a drop into another swimlane); on refusal
        emits `failed` with the reason and returns False."""
        ws = self.workspace
        result = self._attempt(
            lambda: ws.move_tasks(list(task_ids), stage_id, before_id, assign=assign)
        )
        if result is None:
            return False
        if result.before == result.after:
            return True
        stage = ws.stage(stage_id)
        count = len(task_ids)
        text = f"Move {count} tasks to {stage.name}" if count > 1 else f"Move task to {stage.name}"
        if assign is not None and any(p.fields for p in result.after):
            # Said in the undo step's name, so the user sees a lane drop changed more than the
            # stage: "Move task to Ready and assign it to Ana Lima".
            text += " and " + self._lane_words(assign, count)
        self._push(text, placing(ws, result.after), placing(ws, result.before))
        if result.over_wip_limit:
            self.history.wipExceeded.emit(
                f"'{stage.name}' is over its WIP limit of {stage.wip_limit}: finish work before "
                "starting more."
            )
        return True

    def _lane_words(self, assign: tuple[str, int | None], count: int) -> str:
        """What a drop into another swimlane did besides the move, in words."""
        column, value = assign
        them = "them" if count > 1 else "it"
        what = column.removesuffix("_id")
        if value is None:
            if column == "assignee_id":
                return f"unassign {them}"
            return f"take {them} out of {'their' if count > 1 else 'its'} {what}"
        ws = self.workspace
        names: dict[str, Callable[[int], str]] = {
            "assignee_id": lambda i: ws.member(MemberId(i)).name,
            "campaign_id": lambda i: ws.campaign(CampaignId(i)).name,
            "persona_id": lambda i: ws.persona(PersonaId(i)).name,
            "team_id": lambda i: ws.team(TeamId(i)).name,
        }
        name = names[column](value)
        if column == "assignee_id":
            return f"assign {them} to {name}"
        return f"give {them} the {what} '{name}'"

    def step_tasks(self, task_ids: Sequence[TaskId], stage_offset: int) -> bool:
        """Moves tasks of one stage to the previous (-1) or next (+1) stage, at its end and in
        their order, as one undo step."""
        if not task_ids:
            return False
        first = self.workspace.task(task_ids[0])
        stages = self.workspace.stages(first.board_id)
        positions = [s.id for s in stages]
        target = positions.index(first.stage_id) + stage_offset
        if not 0 <= target < len(stages):
            return False
        return self.move_tasks(task_ids, stages[target].key, None)

    def nudge_task(self, task_id: TaskId, neighbour_ids: Sequence[int], offset: int) -> bool:
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
        created = self._attempt(lambda: self.workspace.add_task(task))
        if created is None:
            return None
        holder = {"task": created}

        def undo() -> None:
            holder["task"] = self.workspace.delete_tasks([created.key])[0]

        self._push(
            f"Add task '{created.title}'",
            lambda: self.workspace.restore_tasks([holder["task"]]),
            undo,
        )
        return created

    def duplicate_tasks(self, task_ids: Sequence[int]) -> list[Task]:
        """Copies tasks just below themselves (see MoveStore.duplicate_tasks), one undo step:
        undo deletes the copies, redo puts them back as they were."""
        copies = self._attempt(lambda: self.workspace.duplicate_tasks(task_ids))
        if not copies:
            return []
        holder = {"copies": copies}

        def undo() -> None:
            holder["copies"] = self.workspace.delete_tasks([c.key for c in holder["copies"]])

        text = (
            f"Duplicate {len(copies)} tasks"
            if len(copies) > 1
            else f"Duplicate task '{copies[0].title.removesuffix(' (copy)')}'"
        )
        self._push(text, lambda: self.workspace.restore_tasks(holder["copies"]), undo)
        return copies

    def move_tasks_to_board(self, task_ids: Sequence[int], board_id: BoardId) -> bool:
        """Moves tasks to another board (see MoveStore.move_tasks_to_board), one undo step;
        on refusal emits `failed` with the reason and returns False."""
        ws = self.workspace
        result = self._attempt(lambda: ws.move_tasks_to_board(task_ids, board_id))
        if result is None:
            return False
        board = ws.board(board_id)
        count = len(task_ids)
        what = f"{count} tasks" if count > 1 else "task"
        self._push(
            f"Move {what} to board '{board.name}'",
            placing(ws, result.after),
            placing(ws, result.before),
        )
        if result.over_wip_limit:
            self.history.wipExceeded.emit(
                f"A stage of '{board.name}' is over its WIP limit now: finish work before "
                "starting more."
            )
        return True

    def edit_task(self, original: Task, edited: Task) -> Task | None:
        """Saves `edited`; raises ConflictError when the task changed since `original` was read
        (the caller asks the user what to do)."""
        saved = self.workspace.update_task(edited)
        tasks = tasks_table(self.workspace)
        self._push_fields(
            f"Edit '{saved.title}'", tasks, changed_fields(original, saved), [original], [saved]
        )
        return saved

    def archive_tasks(self, task_ids: Sequence[int], archived: bool = True) -> None:
        changed = self._attempt(lambda: self.workspace.archive_tasks(task_ids, archived))
        if not changed:
            return
        word = "Archive" if archived else "Restore"
        text = f"{word} {len(changed)} tasks" if len(changed) > 1 else f"{word} task"
        self._push(
            text,
            lambda: self.workspace.archive_tasks(changed, archived),
            lambda: self.workspace.archive_tasks(changed, not archived),
        )
