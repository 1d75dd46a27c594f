"""Moving cards: between and within stages, rewriting only the moved rows; undo and redo put
them back exactly. A drop into another swimlane also sets the field the lanes group by. A card
may also go to another board, or be copied just below itself."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mopsboard.domain import ranking
from mopsboard.domain.activity import ActivityKind
from mopsboard.domain.errors import ConflictError, MopsboardError, NotFoundError
from mopsboard.domain.fields import MAX_NAME
from mopsboard.domain.ids import BoardId, StageId
from mopsboard.domain.models import Stage, Task
from mopsboard.domain.rules import check_wip
from mopsboard.store.base import now_text
from mopsboard.store.tasks import TaskStore


@dataclass(frozen=True)
class Placement:
    """Where a task sits: enough to undo or redo a move exactly."""

    task_id: int
    stage_id: int
    rank: str
    # Reference fields set with the move (a drop into another swimlane), as (column, value).
    fields: tuple[tuple[str, int | None], ...] = ()
    # The version the row must still have (undo and redo pass the one their own write left);
    # None places it whatever happened meanwhile (the user chose to keep their move).
    version: int | None = None
    # The board the task is on, when a move takes it to another board (None: it stays).
    board_id: int | None = None


LANE_FIELDS = frozenset({"campaign_id", "persona_id", "assignee_id", "team_id"})


@dataclass(frozen=True)
class MoveResult:
    before: tuple[Placement, ...]
    after: tuple[Placement, ...]
    over_wip_limit: bool


def _old_fields(
    task: Task, new: tuple[tuple[str, int | None], ...]
) -> tuple[tuple[str, int | None], ...]:
    return tuple((column, getattr(task, column)) for column, _value in new)


def _fields_set(placement: Placement) -> tuple[str, ...]:
    """The task's fields a placement sets besides its stage and order: a lane's, its board."""
    board = ("board_id",) if placement.board_id is not None else ()
    return (*(column for column, _value in placement.fields), *board)


def copy_title(title: str) -> str:
    """A copy's title: the original's and " (copy)", within the length a title may have."""
    ending = " (copy)"
    return title[: MAX_NAME - len(ending)].rstrip() + ending


def _grouped(targets: Mapping[int, int]) -> dict[int, list[int]]:
    """The tasks going to each stage, in their order."""
    groups: dict[int, list[int]] = {}
    for task_id, stage_id in targets.items():
        groups.setdefault(stage_id, []).append(task_id)
    return groups


class MoveStore(TaskStore):
    def move_tasks(
        self,
        task_ids: Sequence[int],
        stage_id: StageId,
        before_task_id: int | None = None,
        *,
        assign: tuple[str, int | None] | None = None,
    ) -> MoveResult:
        """Moves tasks, in the given order, into `stage_id` just above `before_task_id` (None:
        at the end). Only the moved rows are written; board rules may refuse the move.

        `assign` sets one reference of every moved task in the same unit of work: a card dropped
        into the "Spring launch" lane joins that campaign."""
        if not task_ids:
            raise MopsboardError("No task to move.")
        if before_task_id in task_ids:
            raise MopsboardError("A task cannot be placed relative to itself.")
        with self._write():
            tasks = self.tasks_by_id(task_ids)
            if len(tasks) != len(set(task_ids)):
                raise NotFoundError("Some of the tasks to move no longer exist.")
            board_ids = {t.board_id for t in tasks}
            target: Stage = self.stage(stage_id)
            if board_ids != {target.board_id}:
                raise MopsboardError("Tasks can only move between stages of their own board.")
            over = self._check_rules(target.board_id, tasks, stage_id)
            low, high = self._gap(stage_id, before_task_id, set(task_ids))
            if low is not None and high is not None and low >= high:
                low, high = self._rebalance(stage_id, before_task_id, set(task_ids))
            keys = ranking.keys_between(low, high, len(tasks))
            if any(ranking.needs_rebalance(k) for k in keys):
                low, high = self._rebalance(stage_id, before_task_id, set(task_ids))
                keys = ranking.keys_between(low, high, len(tasks))
            new_fields = self._lane_fields(tasks, assign)
            before = tuple(
                Placement(t.key, t.stage_id, t.rank, _old_fields(t, new_fields[i]))
                for i, t in enumerate(tasks)
            )
            after = tuple(
                Placement(t.key, stage_id, k, new_fields[i])
                for i, (t, k) in enumerate(zip(tasks, keys, strict=True))
            )
            self._place(after, {t.id: t.stage_id for t in tasks})
        return MoveResult(before, after, over)

    def _lane_fields(
        self, tasks: Sequence[Task], assign: tuple[str, int | None] | None
    ) -> list[tuple[tuple[str, int | None], ...]]:
        """What each task's references become; a task's team follows its assignee."""
        if assign is None:
            return [() for _ in tasks]
        column, value = assign
        if column not in LANE_FIELDS:
            raise MopsboardError(f"Cards cannot be grouped by {column}.")
        table = {
            "campaign_id": "campaigns",
            "persona_id": "personas",
            "assignee_id": "members",
            "team_id": "teams",
        }[column]
        self._require(table, value, column.removesuffix("_id"))
        result: list[tuple[tuple[str, int | None], ...]] = []
        for task in tasks:
            if getattr(task, column) == value:
                result.append(())
            elif column == "assignee_id" and value is not None:
                team = self.db.execute(
                    "SELECT team_id FROM members WHERE id = ?", [value]
                ).fetchone()[0]
                result.append((("assignee_id", value), ("team_id", team)))
            elif column == "team_id" and task.assignee_id is not None:
                # The assignee works in another team: the card becomes that team's, unassigned.
                result.append((("team_id", value), ("assignee_id", None)))
            else:
                result.append(((column, value),))
        return result

    def _place(self, placements: Sequence[Placement], old_stages: dict[int | None, int]) -> None:
        stamp = now_text()
        done_stages = {
            r[0] for r in self.db.execute("SELECT id FROM stages WHERE kind = 'done'").fetchall()
        }
        for placement in placements:
            if placement.board_id is not None:
                self.db.execute(
                    "UPDATE tasks SET board_id = ? WHERE id = ?",
                    [placement.board_id, placement.task_id],
                )
            for column, value in placement.fields:
                if column not in LANE_FIELDS:
                    raise MopsboardError(f"Cards cannot be grouped by {column}.")
                self.db.execute(
                    f"UPDATE tasks SET {column} = ? WHERE id = ?",  # noqa: S608
                    [value, placement.task_id],
                )
            old_stage = old_stages.get(placement.task_id)
            if old_stage != placement.stage_id:
                completed = stamp if placement.stage_id in done_stages else None
                self.db.execute(
                    "UPDATE tasks SET stage_id = ?, rank = ?, completed_at = ?, updated_at = ?, "
                    "version = version + 1 WHERE id = ?",
                    [placement.stage_id, placement.rank, completed, stamp, placement.task_id],
                )
                self.db.execute(
                    "INSERT INTO task_events (task_id, from_stage_id, to_stage_id, at) "
                    "VALUES (?, ?, ?, ?)",
                    [placement.task_id, old_stage, placement.stage_id, stamp],
                )
            else:
                self.db.execute(
                    "UPDATE tasks SET rank = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                    [placement.rank, stamp, placement.task_id],
                )
        # What the move changed besides the stage is an edit in the task's history.
        edited = ((p.task_id, _fields_set(p)) for p in placements)
        self._log_edits(
            ((task_id, ActivityKind.EDITED, fields) for task_id, fields in edited if fields), stamp
        )
        moved_fields = {column for p in placements for column, _value in p.fields}
        if any(p.board_id is not None for p in placements):
            moved_fields.add("board_id")
        self._changed(
            "tasks", [p.task_id for p in placements], fields={"stage_id", "rank", *moved_fields}
        )

    def move_tasks_to_board(self, task_ids: Sequence[int], board_id: BoardId) -> MoveResult:
        """Moves tasks to another board, each into the stage of the same name as its own there
        (names compared as the stage editor does, ignoring case) or else the board's first
        stage, at the end and in the given order. A hard WIP limit there may refuse it; a
        review gate is not crossed on the way (no stage of the board is passed)."""
        if not task_ids:
            raise MopsboardError("No task to move.")
        with self._write():
            tasks = self.tasks_by_id(task_ids)
            if len(tasks) != len(set(task_ids)):
                raise NotFoundError("Some of the tasks to move no longer exist.")
            board = self.board(board_id)
            if board.archived:
                raise NotFoundError(f"The board '{board.name}' was deleted.")
            if any(t.board_id == board_id for t in tasks):
                raise MopsboardError(f"The tasks are on '{board.name}' already.")
            targets = self._landing(tasks, board_id)
            over = False
            keys: dict[int, str] = {}
            for stage_id, arriving in _grouped(targets).items():
                stage = self.stage(StageId(stage_id))
                present = self.db.execute(
                    "SELECT COUNT(*) FROM tasks WHERE stage_id = ? AND archived = 0", [stage_id]
                ).fetchone()[0]
                over |= check_wip(stage, int(present), len(arriving))
                new_keys = ranking.keys_between(self._last_rank(stage.key), None, len(arriving))
                keys.update(zip(arriving, new_keys, strict=True))
            before = tuple(Placement(t.key, t.stage_id, t.rank, board_id=t.board_id) for t in tasks)
            after = tuple(
                Placement(t.key, targets[t.key], keys[t.key], board_id=board_id) for t in tasks
            )
            self._place(after, {t.id: t.stage_id for t in tasks})
        return MoveResult(before, after, over)

    def board_landing(self, task_ids: Sequence[int], board_id: BoardId) -> dict[int, StageId]:
        """The stage of `board_id` each task would go to (see move_tasks_to_board), by task."""
        with self._read():
            return self._landing(self.tasks_by_id(task_ids), board_id)

    def _landing(self, tasks: Sequence[Task], board_id: BoardId) -> dict[int, StageId]:
        """The stage of `board_id` each task goes to: the one named as its own, or the first."""
        stages = self.stages(board_id)
        if not stages:
            raise MopsboardError(
                f"'{self.board(board_id).name}' has no stages yet: add one before moving "
                "tasks there."
            )
        by_name = {stage.name.casefold(): stage.key for stage in reversed(stages)}
        names = {
            stage.key: stage.name.casefold()
            for source in {t.board_id for t in tasks}
            for stage in self.stages(source)
        }
        return {t.key: by_name.get(names[t.stage_id], stages[0].key) for t in tasks}

    def duplicate_tasks(self, task_ids: Sequence[int]) -> list[Task]:
        """Copies each task just below itself in its stage, in one unit of work, and returns the
        copies. A copy keeps what the work is (description, campaign, persona, people,
        estimate, dates, priority, labels) and its checklist, every item not done yet: it is
        the same work to do again, and ticks carried over would let it through a review gate
        it has not been through. Its title says it is a copy; its history starts anew."""
        with self._write():
            tasks = self.tasks_by_id(task_ids)
            if len(tasks) != len(set(task_ids)):
                raise NotFoundError("Some of the tasks to copy no longer exist.")
            copies = []
            for task in tasks:
                copy = task.model_copy(
                    update={
                        "id": None,
                        "version": 1,
                        "title": copy_title(task.title),
                        "rank": self._rank_below(task),
                        "checklist": tuple(
                            item.model_copy(update={"done": False}) for item in task.checklist
                        ),
                        "archived": False,
                        "created_at": None,
                        "completed_at": None,
                    }
                )
                copies.append(Task.model_validate(copy.model_dump()))
            # A copy is a new card in its original's stage: the rules of a new card hold.
            self._check_new_tasks(copies)
            copies = [self._insert_task(copy) for copy in copies]
        return copies

    def _rank_below(self, task: Task) -> str:
        """An order key between `task` and the card after it in its stage."""
        row = self.db.execute(
            "SELECT id FROM tasks WHERE stage_id = ? AND rank > ? ORDER BY rank LIMIT 1",
            [task.stage_id, task.rank],
        ).fetchone()
        after = row[0] if row else None
        low, high = self._gap(task.stage_id, after, set())
        if low is not None and high is not None and low >= high:
            low, high = self._rebalance(task.stage_id, after, set())
        key = ranking.key_between(low, high)
        if ranking.needs_rebalance(key):
            low, high = self._rebalance(task.stage_id, after, set())
            key = ranking.key_between(low, high)
        return key

    def place_tasks(self, placements: Sequence[Placement]) -> None:
        """Puts tasks exactly at the given places, without board rules (undo and redo).

        Only the stage, the order key and the placement's lane fields are written. A placement
        with a `version` is refused, and nothing written, when the row's version is another
        one: ConflictError lists every such task."""
        with self._write() as db:
            old: dict[int | None, int] = {}
            changed: list[int] = []
            for placement in placements:
                row = db.execute(
                    "SELECT stage_id, version FROM tasks WHERE id = ?", [placement.task_id]
                ).fetchone()
                if row is None:
                    raise NotFoundError(f"There is no task with id {placement.task_id}.")
                old[placement.task_id] = row[0]
                if placement.version is not None and row[1] != placement.version:
                    changed.append(placement.task_id)
            if changed:
                raise self._changed_meanwhile(changed)
            self._place(placements, old)

    def _changed_meanwhile(self, task_ids: Sequence[int]) -> ConflictError:
        titles = [f"'{t.title}'" for t in self.tasks_by_id(task_ids)]
        names = titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} and {titles[-1]}"
        verb = "was" if len(titles) == 1 else "were"
        return ConflictError(
            f"{names} {verb} changed in another window or program meanwhile.",
            "tasks",
            task_ids[0],
            task_ids,
        )

    def append_tasks_to_stage(self, task_ids: Sequence[int], stage_id: StageId) -> None:
        """Moves tasks to the end of a stage, keeping their order (used when a stage goes)."""
        with self._write() as db:
            last = self._last_rank(stage_id)
            keys = ranking.keys_between(last, None, len(task_ids))
            marks = ", ".join("?" * len(task_ids))
            old = {
                r[0]: r[1]
                for r in db.execute(
                    f"SELECT id, stage_id FROM tasks WHERE id IN ({marks})",  # noqa: S608
                    list(task_ids),
                ).fetchall()
            }
            self._place(
                [Placement(t, stage_id, k) for t, k in zip(task_ids, keys, strict=True)], old
            )

    def delete_stage(self, stage_id: StageId, move_tasks_to: StageId | None) -> list[int]:
        """Deletes a stage; its tasks go to `move_tasks_to` (required when it holds any).

        Returns the ids of the tasks that moved.
        """
        with self._write() as db:
            stage = self.stage(stage_id)
            task_ids = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM tasks WHERE stage_id = ? ORDER BY rank", [stage_id]
                ).fetchall()
            ]
            if task_ids:
                if move_tasks_to is None or move_tasks_to == stage_id:
                    raise MopsboardError(
                        f"'{stage.name}' holds {len(task_ids)} tasks: choose a stage to move "
                        "them to before deleting it."
                    )
                target = self.stage(move_tasks_to)
                if target.board_id != stage.board_id:
                    raise MopsboardError("Tasks can only move to a stage of the same board.")
                self.append_tasks_to_stage(task_ids, move_tasks_to)
            db.execute("DELETE FROM stages WHERE id = ?", [stage_id])
            self._shift_stages(stage.board_id, stage.position, -1)
            self._changed("stages", [stage_id], "deleted")
        return task_ids
