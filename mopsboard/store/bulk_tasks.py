"""Adding tens of thousands of tasks in one unit of work (the demo's, an import's): the checks of
`add_tasks` against sets read once, rows written with executemany."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter

from mopsboard.domain import ranking
from mopsboard.domain.campaign_log import CampaignEditKind
from mopsboard.domain.errors import MopsboardError, NotFoundError
from mopsboard.domain.ids import StageId, TaskId
from mopsboard.domain.models import StageKind, Task
from mopsboard.store.base import now_text, to_row
from mopsboard.store.tasks import TaskStore


class BulkTaskStore(TaskStore):
    def bulk_add_tasks(self, tasks: Sequence[Task | Mapping[str, Any]]) -> list[TaskId]:
        """`add_tasks` for tens of thousands of tasks: the same validation and reference checks,
        but references are checked against sets read once and rows go in with executemany.
        Tasks without a rank go to the end of their stage, keys spread so they stay short.
        A task may come as its fields, validated once into a task (a Task is dumped and
        validated again, as a copy made with model_copy or model_construct was never checked)."""
        validated = [
            Task.model_validate(task if isinstance(task, Mapping) else task.model_dump())
            for task in tasks
        ]
        with self._write() as db:
            stages = {
                r[0]: (r[1], r[2]) for r in db.execute("SELECT id, board_id, kind FROM stages")
            }
            member_teams = dict(db.execute("SELECT id, team_id FROM members").fetchall())
            unranked = self._check_bulk_references(validated, stages, member_teams)
            new_keys = {
                stage_id: iter(
                    ranking.keys_between(self._last_rank(StageId(stage_id)), None, count)
                )
                for stage_id, count in unranked.items()
            }
            stamp = now_text()
            rows, ids = self._bulk_rows(validated, stages, member_teams, new_keys, stamp)
            if rows:
                columns = ", ".join(rows[0])
                marks = ", ".join("?" for _ in rows[0])
                db.executemany(
                    f"INSERT INTO tasks ({columns}) VALUES ({marks})",  # noqa: S608
                    [list(row.values()) for row in rows],
                )
                db.executemany(
                    "INSERT INTO task_events (task_id, from_stage_id, to_stage_id, at) "
                    "VALUES (?, NULL, ?, ?)",
                    [(row["id"], row["stage_id"], stamp) for row in rows],
                )
                self._log_membership(
                    ((row["campaign_id"], row["id"], row["title"]) for row in rows),
                    CampaignEditKind.TASK_ADDED,
                    stamp,
                )
            self._changed("tasks", ids, "inserted")
        return ids

    def _check_bulk_references(
        self,
        tasks: Sequence[Task],
        stages: dict[int, tuple[int, str]],
        member_teams: dict[int, int],
    ) -> dict[int, int]:
        """Refuses the first task naming a row that does not exist; returns how many tasks
        without a rank each stage gets."""
        known = {
            table: {r[0] for r in self.db.execute(f"SELECT id FROM {table}")}  # noqa: S608
            for table in ("campaigns", "personas", "teams")
        }
        unranked: dict[int, int] = {}
        for task in tasks:
            stage = stages.get(task.stage_id)
            if stage is None:
                raise NotFoundError(f"There is no stage with id {task.stage_id}.")
            if stage[0] != task.board_id:
                raise MopsboardError(f"Stage {task.stage_id} is not on board {task.board_id}.")
            for table, value, what in (
                ("campaigns", task.campaign_id, "campaign"),
                ("personas", task.persona_id, "persona"),
                # An assignee's team replaces the task's own, as in add_task.
                ("teams", None if task.assignee_id is not None else task.team_id, "team"),
            ):
                if value is not None and value not in known[table]:
                    raise NotFoundError(f"There is no {what} with id {value}.")
            if task.assignee_id is not None and task.assignee_id not in member_teams:
                raise NotFoundError(f"There is no team member with id {task.assignee_id}.")
            if not task.rank:
                unranked[task.stage_id] = unranked.get(task.stage_id, 0) + 1
        return unranked

    def _bulk_rows(
        self,
        tasks: Sequence[Task],
        stages: dict[int, tuple[int, str]],
        member_teams: dict[int, int],
        new_keys: dict[int, Iterator[str]],
        stamp: str,
    ) -> tuple[list[dict[str, Any]], list[TaskId]]:
        # The timestamp as to_row writes it, so bulk rows look like add_task's rows.
        moment_text = TypeAdapter(datetime).dump_python(datetime.fromisoformat(stamp), mode="json")
        # The ids SQLite would give (AUTOINCREMENT): past the highest ever used, not only the
        # highest still there, so no deleted task's id goes to a new one.
        highest = self.db.highest_id("tasks")
        next_id = 1 + max([highest] + [t.id for t in tasks if t.id is not None])
        rows: list[dict[str, Any]] = []
        ids: list[TaskId] = []
        for task in tasks:
            done = stages[task.stage_id][1] == StageKind.DONE.value
            task_id = task.id or next_id
            next_id += task.id is None
            ids.append(TaskId(task_id))
            row = to_row(task, exclude=())
            row["id"] = task_id
            row["rank"] = task.rank or next(new_keys[task.stage_id])
            row["created_at"] = row["created_at"] or moment_text
            row["updated_at"] = moment_text
            row["completed_at"] = (row["completed_at"] or moment_text) if done else None
            if task.assignee_id is not None:
                row["team_id"] = member_teams[task.assignee_id]
            row["version"] = 1
            rows.append(row)
        return rows, ids
