"""Tasks: reading a board, adding, editing, moving (one row per moved task), archiving."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from mopsboard.domain import ranking
from mopsboard.domain.activity import ActivityKind, edited_fields
from mopsboard.domain.campaign_log import CampaignEditKind
from mopsboard.domain.errors import MopsboardError, NotFoundError, RuleError
from mopsboard.domain.ids import BoardId, StageId, TaskId
from mopsboard.domain.models import StageKind, Task
from mopsboard.domain.rules import check_gate, check_wip
from mopsboard.store.activity import ActivityStore
from mopsboard.store.base import inserted_id, now_text, to_row
from mopsboard.store.board_outline import OutlineStore
from mopsboard.store.boards import BoardStore
from mopsboard.store.predecessor_gates import check_predecessor_gates
from mopsboard.store.salvage import keep_unread, unread_columns
from mopsboard.store.task_rows import TASK_COLUMNS, task_from_row

__all__ = ["TASK_COLUMNS", "TaskStore", "task_from_row"]


class TaskStore(OutlineStore, ActivityStore, BoardStore):
    # -- reading --------------------------------------------------------------------------------

    def tasks(
        self, board_id: BoardId | None = None, *, include_archived: bool = False
    ) -> list[Task]:
        """Tasks in board order: by stage position, then by order key."""
        clauses = []
        params: list[Any] = []
        if board_id is not None:
            # Stage by stage, each read in order from the (stage_id, rank) index: no sort.
            archived = "" if include_archived else " AND archived = 0"
            stage_sql = (
                f"SELECT {TASK_COLUMNS} FROM tasks "  # noqa: S608
                f"WHERE stage_id = ?{archived} ORDER BY rank"
            )
            with self._read() as db:
                stage_ids = [
                    row[0]
                    for row in db.execute(
                        "SELECT id FROM stages WHERE board_id = ? ORDER BY position, id",
                        [board_id],
                    ).fetchall()
                ]
                return [
                    task_from_row(row)
                    for stage_id in stage_ids
                    for row in db.execute(stage_sql, [stage_id]).fetchall()
                ]
        if board_id is not None:
            clauses.append("t.board_id = ?")
            params.append(board_id)
        if not include_archived:
            clauses.append("t.archived = 0")
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        columns = ", ".join(f"t.{c.strip()}" for c in TASK_COLUMNS.split(","))
        sql = (
            f"SELECT {columns} FROM tasks t JOIN stages s ON s.id = t.stage_id {where} "  # noqa: S608
            "ORDER BY t.board_id, s.position, t.rank"
        )
        with self._read() as db:
            return [task_from_row(row) for row in db.execute(sql, params).fetchall()]

    def task(self, task_id: TaskId) -> Task:
        with self._read() as db:
            row = db.execute(
                f"SELECT {TASK_COLUMNS} FROM tasks WHERE id = ?",  # noqa: S608
                [task_id],
            ).fetchone()
        if row is None:
            raise NotFoundError(f"There is no task with id {task_id}.")
        return task_from_row(row)

    def tasks_by_id(self, task_ids: Iterable[int]) -> list[Task]:
        ids = list(task_ids)
        found: dict[int, Task] = {}
        with self._read() as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" for _ in chunk)
                for row in db.execute(
                    f"SELECT {TASK_COLUMNS} FROM tasks WHERE id IN ({marks})",  # noqa: S608
                    chunk,
                ):
                    found[row[0]] = task_from_row(row)
        return [found[i] for i in ids if i in found]

    def count_tasks(self, board_id: BoardId | None = None) -> int:
        with self._read() as db:
            if board_id is None:
                return int(
                    db.execute("SELECT COUNT(*) FROM tasks WHERE archived = 0").fetchone()[0]
                )
            return int(
                db.execute(
                    "SELECT COUNT(*) FROM tasks WHERE archived = 0 AND board_id = ?", [board_id]
                ).fetchone()[0]
            )

    # -- adding and editing ---------------------------------------------------------------------

    def _check_references(self, task: Task) -> Task:
        stage_row = self.db.execute(
            "SELECT board_id, kind FROM stages WHERE id = ?", [task.stage_id]
        ).fetchone()
        if stage_row is None:
            raise NotFoundError(f"There is no stage with id {task.stage_id}.")
        if stage_row[0] != task.board_id:
            raise MopsboardError(f"Stage {task.stage_id} is not on board {task.board_id}.")
        self._require("campaigns", task.campaign_id, "campaign")
        self._require("personas", task.persona_id, "persona")
        if task.assignee_id is not None:
            member = self.db.execute(
                "SELECT team_id FROM members WHERE id = ?", [task.assignee_id]
            ).fetchone()
            if member is None:
                raise NotFoundError(f"There is no team member with id {task.assignee_id}.")
            # The assignee's team follows the assignee.
            task = task.model_copy(update={"team_id": member[0]})
        self._require("teams", task.team_id, "team")
        if stage_row[1] == StageKind.DONE.value and task.completed_at is None:
            task = task.model_copy(update={"completed_at": datetime.fromisoformat(now_text())})
        elif stage_row[1] != StageKind.DONE.value and task.completed_at is not None:
            task = task.model_copy(update={"completed_at": None})
        return task

    def _last_rank(self, stage_id: StageId) -> str | None:
        row = self.db.execute(
            "SELECT MAX(rank) FROM tasks WHERE stage_id = ?", [stage_id]
        ).fetchone()
        return row[0] if row and row[0] else None

    def add_task(self, task: Task) -> Task:
        """Adds a task at the end of its stage (or at `task.rank` when given)."""
        validated = Task.model_validate(task.model_dump())
        with self._write():
            self._check_new_tasks([validated])
            return self._insert_task(validated)

    def add_tasks(self, tasks: Sequence[Task]) -> list[TaskId]:
        """Adds many tasks in one unit of work (imports, templates, demo data)."""
        # All checked first: one bad task refuses the batch before any row is written.
        validated = [Task.model_validate(task.model_dump()) for task in tasks]
        ids: list[TaskId] = []
        with self._write():
            self._check_new_tasks(validated)
            for task in validated:
                ids.append(self._insert_task(task).key)
        return ids

    def _insert_task(self, task: Task, *, history: bool = False) -> Task:
        """Inserts one task; with `history`, a task deleted earlier gets back the history and
        comments it had (instead of a new 'created' event)."""
        self._require("boards", task.board_id, "board")
        task = self._check_references(task)
        stamp = now_text()
        rank = task.rank or ranking.key_after(self._last_rank(task.stage_id))
        if ranking.needs_rebalance(rank):
            # Hundreds of cards appended to one stage: respace its keys, once, in this same unit.
            self._rebalance(task.stage_id, None, set())
            rank = ranking.key_after(self._last_rank(task.stage_id))
        task = task.model_copy(
            update={
                "rank": rank,
                "created_at": task.created_at or datetime.fromisoformat(stamp),
                "updated_at": datetime.fromisoformat(stamp),
            }
        )
        row = to_row(task, exclude=("id",) if task.id is None else ())
        # A deleted task put back (undo) holds again what the file held, readable or not.
        row |= unread_columns(task)
        row["version"] = 1
        columns = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.db.execute(
            f"INSERT INTO tasks ({columns}) VALUES ({marks})",  # noqa: S608
            list(row.values()),
        )
        new_id = inserted_id(cursor, task.id)
        if not (history and self._put_back_history(new_id)):
            self.db.execute(
                "INSERT INTO task_events (task_id, from_stage_id, to_stage_id, at) "
                "VALUES (?, ?, ?, ?)",
                [new_id, None, task.stage_id, stamp],
            )
        self._log_membership(
            [(task.campaign_id, new_id, task.title)], CampaignEditKind.TASK_ADDED, stamp
        )
        self._changed("tasks", [new_id], "inserted")
        return task.model_copy(update={"id": new_id, "version": 1})

    def restore_tasks(self, tasks: Sequence[Task]) -> None:
        """Puts deleted tasks back exactly as they were, ids, history and comments included
        (undo of a delete)."""
        with self._write():
            for task in tasks:
                self._insert_task(task, history=True)

    def update_task(self, task: Task) -> Task:
        """Saves an edited task; refuses with ConflictError if it changed since it was read.
        The edit is logged (which fields changed; a new stage as a move) in the same unit."""
        validated = Task.model_validate(task.model_dump())
        with self._write() as db:
            current = self.task(validated.key)
            validated = self._check_references(validated)
            stamp = now_text()
            if current.stage_id != validated.stage_id:
                # The gate looks at the checklist as edited, leaving from where the task is now.
                leaving = validated.model_copy(update={"stage_id": current.stage_id})
                self._check_rules(current.board_id, [leaving], validated.stage_id)
                db.execute(
                    "INSERT INTO task_events (task_id, from_stage_id, to_stage_id, at) "
                    "VALUES (?, ?, ?, ?)",
                    [current.id, current.stage_id, validated.stage_id, stamp],
                )
            logged = []
            if fields := edited_fields(current, validated):
                logged.append((current.key, ActivityKind.EDITED, fields))
            if current.archived != validated.archived:
                archived = ActivityKind.ARCHIVED if validated.archived else ActivityKind.RESTORED
                logged.append((current.key, archived, ()))
            self._log_edits(logged, stamp)
            self._log_task_campaigns(current, validated, stamp)
            return keep_unread(db, "tasks", task, self._update("tasks", validated, "task"))

    def _log_task_campaigns(self, before: Task, after: Task, stamp: str) -> None:
        """An edit that takes a task out of a campaign, into one, or archives or restores it
        goes in the campaigns' logs."""
        if before.campaign_id != after.campaign_id:
            self._log_membership(
                [(before.campaign_id, before.key, before.title)],
                CampaignEditKind.TASK_REMOVED,
                stamp,
            )
            self._log_membership(
                [(after.campaign_id, after.key, after.title)], CampaignEditKind.TASK_ADDED, stamp
            )
        if before.archived != after.archived:
            kind = (
                CampaignEditKind.TASK_ARCHIVED if after.archived else CampaignEditKind.TASK_RESTORED
            )
            self._log_membership([(after.campaign_id, after.key, after.title)], kind, stamp)

    def stage_refusal(self, edited: Task) -> str | None:
        """What the board's rules would say, in words, to saving `edited` into its stage (a hard
        WIP limit, a review gate, predecessors not done); None when they let it in or its
        stage is the one it has. Writes nothing: an editor asks before it closes."""
        current = self.task(edited.key)
        if current.stage_id == edited.stage_id:
            return None
        leaving = edited.model_copy(update={"stage_id": current.stage_id})
        try:
            with self._read():
                self._check_rules(current.board_id, [leaving], edited.stage_id)
        except RuleError as refusal:
            return str(refusal)
        return None

    def delete_tasks(self, task_ids: Sequence[int]) -> list[Task]:
        """Deletes tasks for good; returns them as they were so the delete can be undone."""
        with self._write() as db:
            tasks = self.tasks_by_id(task_ids)
            self._keep_history([t.key for t in tasks])
            for task in tasks:
                db.execute("DELETE FROM tasks WHERE id = ?", [task.id])
            self._log_membership(
                ((t.campaign_id, t.key, t.title) for t in tasks),
                CampaignEditKind.TASK_DELETED,
                now_text(),
            )
            self._changed("tasks", [t.key for t in tasks], "deleted")
        return tasks

    def archive_tasks(self, task_ids: Sequence[int], archived: bool = True) -> list[int]:
        """Archives (or restores) tasks; returns the ids whose state changed."""
        changed: list[int] = []
        with self._write() as db:
            stamp = now_text()
            for task_id in task_ids:
                cursor = db.execute(
                    "UPDATE tasks SET archived = ?, updated_at = ?, version = version + 1 "
                    "WHERE id = ? AND archived != ?",
                    [int(archived), stamp, task_id, int(archived)],
                )
                if cursor.rowcount:
                    changed.append(task_id)
            kind = ActivityKind.ARCHIVED if archived else ActivityKind.RESTORED
            self._log_edits(((task_id, kind, ()) for task_id in changed), stamp)
            self._log_membership(
                self._campaign_of(changed),
                CampaignEditKind.TASK_ARCHIVED if archived else CampaignEditKind.TASK_RESTORED,
                stamp,
            )
            self._changed("tasks", changed, fields={"archived"})
        return changed

    def _campaign_of(self, task_ids: Sequence[int]) -> list[tuple[int | None, int, str]]:
        """(campaign id, task id, title) of those of these tasks that are in a campaign."""
        found: list[tuple[int | None, int, str]] = []
        for start in range(0, len(task_ids), 500):
            chunk = list(task_ids[start : start + 500])
            marks = ", ".join("?" for _ in chunk)
            rows = self.db.execute(
                f"SELECT campaign_id, id, title FROM tasks WHERE id IN ({marks}) "  # noqa: S608
                "AND campaign_id IS NOT NULL ORDER BY id",
                chunk,
            ).fetchall()
            found.extend((r[0], r[1], str(r[2])) for r in rows)
        return found

    # -- moving ---------------------------------------------------------------------------------

    def _check_rules(
        self, board_id: BoardId, tasks: Sequence[Task], target_stage_id: StageId
    ) -> bool:
        stages = self.stages(board_id)
        target = next((s for s in stages if s.id == target_stage_id), None)
        if target is None:
            raise MopsboardError(f"Stage {target_stage_id} is not on this board.")
        check_gate(stages, tasks, target)
        check_predecessor_gates(self.db, stages, tasks, target)
        arriving = sum(1 for t in tasks if t.stage_id != target_stage_id)
        if target.wip_limit is None or not arriving:
            # Nothing to count against: counting a stage of 10,000 cards cost a drop 2-5 ms.
            return check_wip(target, 0, arriving)
        present = self.db.execute(
            "SELECT COUNT(*) FROM tasks WHERE stage_id = ? AND archived = 0", [target_stage_id]
        ).fetchone()[0]
        return check_wip(target, int(present), arriving)

    def _check_new_tasks(self, tasks: Sequence[Task]) -> None:
        """Refuses new tasks as the board rules refuse moving them into their stages: each
        counts against a hard WIP limit, and a review gate sees it come from the board's first
        stage (a new card has been through none of the stages before its own, so it may enter
        a gate stage, but not one beyond it with its checklist open)."""
        arriving: dict[StageId, list[Task]] = {}
        for task in tasks:
            arriving.setdefault(task.stage_id, []).append(task)
        for stage_id, new in arriving.items():
            stages = self.stages(new[0].board_id)
            target = next((s for s in stages if s.id == stage_id), None)
            if target is None:
                continue  # not a stage of that board: _check_references says so
            check_gate(
                stages, [t.model_copy(update={"stage_id": stages[0].id}) for t in new], target
            )
            present = self.db.execute(
                "SELECT COUNT(*) FROM tasks WHERE stage_id = ? AND archived = 0", [stage_id]
            ).fetchone()[0]
            check_wip(target, int(present), len(new))

    def _gap(
        self, stage_id: StageId, before_task_id: int | None, moving: set[int]
    ) -> tuple[str | None, str | None]:
        """The order keys the moved tasks must fit between."""
        # PostgreSQL takes no empty IN list.
        others = f" AND id NOT IN ({', '.join('?' for _ in moving)})" if moving else ""
        if before_task_id is None:
            row = self.db.execute(
                f"SELECT MAX(rank) FROM tasks WHERE stage_id = ?{others}",  # noqa: S608
                [stage_id, *moving],
            ).fetchone()
            return (row[0] if row and row[0] else None), None
        anchor = self.db.execute(
            "SELECT rank, stage_id FROM tasks WHERE id = ?", [before_task_id]
        ).fetchone()
        if anchor is None or anchor[1] != stage_id:
            raise MopsboardError("The drop position is no longer in that stage.")
        row = self.db.execute(
            f"SELECT MAX(rank) FROM tasks WHERE stage_id = ? AND rank < ?{others}",  # noqa: S608
            [stage_id, anchor[0], *moving],
        ).fetchone()
        return (row[0] if row and row[0] else None), anchor[0]

    def _rebalance(
        self, stage_id: StageId, before_task_id: int | None, moving: set[int]
    ) -> tuple[str | None, str | None]:
        """Rewrites a stage's keys evenly (rare: keys grew long or collided), in the same unit of
        work as the move that needed it; returns the new gap."""
        rows = self.db.execute(
            "SELECT id FROM tasks WHERE stage_id = ? ORDER BY rank, id", [stage_id]
        ).fetchall()
        ids = [r[0] for r in rows if r[0] not in moving]
        keys = ranking.spread_keys(len(ids) + 1)
        stamp = now_text()
        for task_id, key in zip(ids, keys, strict=False):
            self.db.execute(
                "UPDATE tasks SET rank = ?, updated_at = ?, version = version + 1 WHERE id = ?",
                [key, stamp, task_id],
            )
        self._changed("tasks", ids, fields={"rank"})
        return self._gap(stage_id, before_task_id, moving)
