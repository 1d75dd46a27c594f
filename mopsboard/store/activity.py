"""A task's history: its moves (`task_events`, written where tasks are added and moved) and its
edits (`task_edits`: which fields one edit changed; archiving and restoring), read as one list.

Edits are logged by the store, in the unit of work of the edit itself, so an undo (which is an
edit too) is logged as one. A task deleted and put back (undo of an add, or of a delete) gets its
history, comments, links and time logs back with it.

For the JSON export: `task_activity(task_id)`; `task_activity()` gives every task's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mopsboard.domain.activity import ActivityKind, TaskActivity
from mopsboard.domain.ids import StageId, TaskId
from mopsboard.store.campaign_log import CampaignLogStore

_LINK_COLUMNS = "id, predecessor_id, successor_id, kind, lag_days, version, updated_at"
_TIME_LOG_COLUMNS = "id, member_id, day, hours, note, at, version, updated_at"
_EDITS_INSERT = "INSERT INTO task_edits (task_id, kind, fields, at) VALUES (?, ?, ?, ?)"
_EDITS_INSERT_BY = (
    "INSERT INTO task_edits (task_id, kind, fields, at, author) VALUES (?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class _History:
    """What goes with a deleted task, to be put back with it."""

    events: list[tuple[Any, ...]]
    edits: list[tuple[Any, ...]]
    comments: list[tuple[Any, ...]]
    links: list[tuple[Any, ...]]
    time_logs: list[tuple[Any, ...]]


class ActivityStore(CampaignLogStore):
    def task_activity(self, task_id: TaskId | None = None) -> list[TaskActivity]:
        """A task's history, oldest first (None: every task's, by task)."""
        where, params = ("WHERE task_id = ?", [task_id]) if task_id is not None else ("", [])
        # A move and an edit saved together share their moment: the move is listed first.
        sql = (
            f"SELECT task_id, 0, from_stage_id, to_stage_id, NULL, NULL, at, id "  # noqa: S608
            f"FROM task_events {where} "
            f"UNION ALL SELECT task_id, 1, NULL, NULL, kind, fields, at, id "
            f"FROM task_edits {where} ORDER BY 1, 7, 2, 8"
        )
        with self._read() as db:
            rows = db.execute(sql, params * 2).fetchall()
        return [entry for entry in map(_activity, rows) if entry is not None]

    def task_events(self, task_id: TaskId) -> list[tuple[int | None, int, str]]:
        with self._read() as db:
            return [
                (r[0], r[1], r[2])
                for r in db.execute(
                    "SELECT from_stage_id, to_stage_id, at FROM task_events WHERE task_id = ? "
                    "ORDER BY id",
                    [task_id],
                ).fetchall()
            ]

    # -- writing, inside the unit of work of the change logged ----------------------------------

    def _log_edits(
        self, entries: Iterable[tuple[int, ActivityKind, Sequence[str]]], at: str
    ) -> None:
        rows = [
            (task_id, kind.value, json.dumps(list(fields)), at) for task_id, kind, fields in entries
        ]
        if not rows:
            return
        # A file schema step 0009 has not reached (an older release's) keeps no author.
        if "author" in self._columns("task_edits"):
            author = self.author()
            self.db.executemany(_EDITS_INSERT_BY, [(*row, author) for row in rows])
        else:
            self.db.executemany(_EDITS_INSERT, rows)

    def _keep_history(self, task_ids: Sequence[int]) -> None:
        """Remembers what deleting these tasks takes with them (for `_put_back_history`)."""
        kept: dict[int, _History] = self.__dict__.setdefault("_deleted_history", {})
        # A file the schema step 0007 has not reached (an older release's, in the upgrade tests).
        has_links = self._has_table("task_links")
        has_time_logs = self._has_table("time_logs")  # step 0008
        for task_id in task_ids:
            kept[task_id] = _History(
                events=self._history_rows("task_events", "from_stage_id, to_stage_id, at", task_id),
                edits=self._history_rows("task_edits", "kind, fields, at", task_id),
                comments=self._history_rows(
                    "comments", "id, author, body, at, version, updated_at", task_id
                ),
                links=self._link_rows(task_id) if has_links else [],
                time_logs=self._history_rows("time_logs", _TIME_LOG_COLUMNS, task_id)
                if has_time_logs
                else [],
            )

    def _has_table(self, name: str) -> bool:
        return self.db.has_table(name)

    def _link_rows(self, task_id: int) -> list[tuple[Any, ...]]:
        sql = (
            f"SELECT {_LINK_COLUMNS} FROM task_links "  # noqa: S608
            "WHERE predecessor_id = ? OR successor_id = ? ORDER BY id"
        )
        return [tuple(row) for row in self.db.execute(sql, [task_id, task_id]).fetchall()]

    def _history_rows(self, table: str, columns: str, task_id: int) -> list[tuple[Any, ...]]:
        sql = f"SELECT {columns} FROM {table} WHERE task_id = ? ORDER BY id"  # noqa: S608
        return [tuple(row) for row in self.db.execute(sql, [task_id]).fetchall()]

    def _put_back_history(self, task_id: int) -> bool:
        """Puts back what deleting the task took with it; False when nothing was kept (the task
        was deleted by another connection, or long ago)."""
        kept: dict[int, _History] = self.__dict__.get("_deleted_history", {})
        history = kept.pop(task_id, None)
        if history is None:
            return False
        db = self.db
        db.executemany(
            "INSERT INTO task_events (task_id, from_stage_id, to_stage_id, at) VALUES (?, ?, ?, ?)",
            [(task_id, *row) for row in history.events],
        )
        db.executemany(_EDITS_INSERT, [(task_id, *row) for row in history.edits])
        # Comment ids are never reused: each goes back under its own.
        db.executemany(
            "INSERT INTO comments (id, task_id, author, body, at, version, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(row[0], task_id, *row[1:]) for row in history.comments],
        )
        if history.comments:
            self._changed("comments", [row[0] for row in history.comments], "inserted")
        self._put_back_links(history.links)
        self._put_back_time_logs(task_id, history.time_logs)
        return True

    def _put_back_time_logs(self, task_id: int, logs: Sequence[tuple[Any, ...]]) -> None:
        # Each under its own id; a person gone meanwhile leaves the log naming nobody.
        self.db.executemany(
            f"INSERT INTO time_logs (id, task_id, {_TIME_LOG_COLUMNS.removeprefix('id, ')}) "  # noqa: S608
            "VALUES (?, ?, (SELECT id FROM members WHERE id = ?), ?, ?, ?, ?, ?, ?)",
            [(row[0], task_id, *row[1:]) for row in logs],
        )
        if logs:
            self._changed("time_logs", [row[0] for row in logs], "inserted")

    def _put_back_links(self, links: Sequence[tuple[Any, ...]]) -> None:
        # A link between two deleted tasks goes back with the second of them to come back, under
        # its own id; one to a task deleted meanwhile stays gone.
        restored = []
        for row in links:
            cursor = self.db.execute(
                f"INSERT INTO task_links ({_LINK_COLUMNS}) "  # noqa: S608
                "SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM tasks WHERE id = ?) "
                "AND EXISTS (SELECT 1 FROM tasks WHERE id = ?) ON CONFLICT DO NOTHING",
                [*row, row[1], row[2]],
            )
            if cursor.rowcount:
                restored.append(row[0])
        if restored:
            self._changed("task_links", restored, "inserted")


def _activity(row: Sequence[Any]) -> TaskActivity | None:
    """A line of the history; None for a row another program wrote that cannot be read (a
    history shows what it can rather than nothing)."""
    task_id, is_edit, from_stage, to_stage, kind, fields, at, _id = row
    try:
        moment = datetime.fromisoformat(str(at))
    except ValueError:
        return None
    if not is_edit:
        return TaskActivity(
            task_id=TaskId(task_id),
            kind=ActivityKind.CREATED if from_stage is None else ActivityKind.MOVED,
            at=moment,
            from_stage_id=None if from_stage is None else StageId(from_stage),
            to_stage_id=StageId(to_stage),
        )
    try:
        names = json.loads(fields)
    except ValueError:
        names = []
    known = kind if kind in set(ActivityKind) else ActivityKind.EDITED.value
    return TaskActivity(
        task_id=TaskId(task_id),
        kind=ActivityKind(known),
        at=moment,
        fields=tuple(str(n) for n in names) if isinstance(names, list) else (),
    )
