"""A campaign with its work: figures for the table, bars for the timeline, shifting a campaign with
its tasks, creating one from a plan (and taking it back), and the open work per persona."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from mopsboard.domain.campaign_log import CampaignEditKind
from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId, CampaignId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Task
from mopsboard.store.base import now_text
from mopsboard.store.links import LinkStore
from mopsboard.store.salvage import keep_unread
from mopsboard.store.task_rows import MAX_HOURS
from mopsboard.store.tasks import TaskStore

if TYPE_CHECKING:
    # Loaded by the views that show them (the campaigns table, the timeline, the persona map),
    # not by a board or a command that lists tasks.
    from mopsboard.domain.campaign_work import CampaignCost, CampaignFigures, PricedHours, TaskBar
    from mopsboard.domain.persona_hours import PlannedWork


@dataclass(frozen=True)
class ShiftResult:
    campaign: Campaign
    task_ids: tuple[int, ...]


@functools.lru_cache(maxsize=4096)
def _day(text: str | None) -> date | None:
    # A timeline's 50,000 tasks share a few hundred distinct dates: each is parsed once.
    return _parsed_day(text) if text else None


_parsed_day = functools.lru_cache(maxsize=4096)(date.fromisoformat)


def _readable_day(text: str | None) -> date | None:
    """A date another program wrote badly reads as none here: the task itself shows the problem
    (see store/salvage), and these views only leave it out."""
    try:
        return _day(text)
    except (ValueError, TypeError):
        return None


def _readable_hours(value: object) -> float | None:
    return value if type(value) is float and 0 <= value <= MAX_HOURS else None


def _priced(rows: Iterable[Sequence[object]]) -> list[PricedHours]:
    # An estimate or rate another program wrote that cannot be read counts as none.
    priced = []
    for campaign_id, hours, person_rate, team_rate in rows:
        readable = _readable_hours(hours)
        if type(campaign_id) is int and readable is not None:
            priced.append((campaign_id, readable, _rate(person_rate), _rate(team_rate)))
    return priced


def _rate(value: object) -> float | None:
    if type(value) is int:
        value = float(value)
    return value if type(value) is float and value >= 0 and value == value else None


def _shifted_text(text: str | None, days: int) -> str | None:
    from mopsboard.domain.campaign_work import shifted

    # A date that cannot be read stays as the file holds it, for the user to fix.
    day = shifted(_readable_day(text), days)
    return day.isoformat() if day else text


# An approval's row as stored, for a campaign's delete to put back on undo.
APPROVAL_COLUMNS = (
    "id, campaign_id, approved_at, approved_by, note, author, baseline, version, updated_at"
)


class CampaignPlanStore(TaskStore, LinkStore):
    # -- reading --------------------------------------------------------------------------------

    def campaign_figures(self, today: date) -> dict[int, CampaignFigures]:
        """Per campaign id: tasks, open tasks, overdue tasks and estimated hours, in one query."""
        from mopsboard.domain.campaign_work import CampaignFigures

        # Grouped by stage in SQL (read from the covering index), folded by stage kind here.
        with self._read() as db:
            done = {r[0] for r in db.execute("SELECT id FROM stages WHERE kind = 'done'")}
            rows = db.execute(
                "SELECT campaign_id, stage_id, due_date < ?, COUNT(*), "
                "SUM(COALESCE(estimate_hours, 0)) FROM tasks "
                "WHERE campaign_id IS NOT NULL AND archived = 0 "
                "GROUP BY 1, 2, 3",
                [today.isoformat()],
            ).fetchall()
        totals: dict[int, list[float]] = {}
        for campaign_id, stage_id, late, count, hours in rows:
            figures = totals.setdefault(campaign_id, [0, 0, 0, 0.0, 0.0])
            figures[0] += count
            figures[4] += hours or 0.0
            if stage_id in done:
                figures[3] += hours or 0.0
            else:
                figures[1] += count
                figures[2] += count if late else 0
        return {
            campaign_id: CampaignFigures(int(n), int(o), int(late), done_hours, all_hours)
            for campaign_id, (n, o, late, done_hours, all_hours) in totals.items()
        }

    def campaign_costs(self) -> dict[int, CampaignCost]:
        """Per campaign id: planned and actual cost and hours logged (domain/campaign_work.py,
        `campaign_costs`), in two queries."""
        from mopsboard.domain.campaign_work import campaign_costs

        # The person is the assignee (for a log, whoever it names first); the team is theirs,
        # or the task's when nobody is.
        with self._read() as db:
            planned = db.execute(
                "SELECT t.campaign_id, t.estimate_hours, m.hourly_rate, tm.hourly_rate "
                "FROM tasks t LEFT JOIN members m ON m.id = t.assignee_id "
                "LEFT JOIN teams tm ON tm.id = COALESCE(m.team_id, t.team_id) "
                "WHERE t.campaign_id IS NOT NULL AND t.archived = 0 "
                "AND t.estimate_hours IS NOT NULL"
            ).fetchall()
            logged = db.execute(
                "SELECT t.campaign_id, l.hours, m.hourly_rate, tm.hourly_rate "
                "FROM time_logs l JOIN tasks t ON t.id = l.task_id "
                "LEFT JOIN members m ON m.id = COALESCE(l.member_id, t.assignee_id) "
                "LEFT JOIN teams tm ON tm.id = COALESCE(m.team_id, t.team_id) "
                "WHERE t.campaign_id IS NOT NULL AND t.archived = 0"
            ).fetchall()
        return campaign_costs(_priced(planned), _priced(logged))

    def campaign_tasks(self, campaign_id: CampaignId) -> list[Task]:
        """The campaign's tasks that are not archived, in board order."""
        ids = [
            r["id"]
            for r in self._rows(
                "SELECT t.id FROM tasks t JOIN stages s ON s.id = t.stage_id "
                "WHERE t.campaign_id = ? AND t.archived = 0 "
                "ORDER BY t.board_id, s.position, t.rank",
                [campaign_id],
            )
        ]
        return self.tasks_by_id(ids)

    def task_bars(self, campaign_ids: Iterable[int] | None = None) -> list[TaskBar]:
        """Tasks of these campaigns (of every campaign: None) as timeline bars, by start date."""
        from mopsboard.domain.campaign_work import TaskBar

        sql = (
            "SELECT t.id, t.campaign_id, t.title, t.start_date, t.due_date, s.kind = 'done', "
            "t.estimate_hours FROM tasks t JOIN stages s ON s.id = t.stage_id "
            "WHERE t.archived = 0 AND t.campaign_id IS NOT NULL"
        )
        params: list[object] = []
        if campaign_ids is not None:
            wanted = list(campaign_ids)
            if not wanted:
                return []
            sql += f" AND t.campaign_id IN ({', '.join('?' for _ in wanted)})"
            params = list(wanted)
        with self._read() as db:
            rows = db.execute(sql, params).fetchall()
        # Sorted here: faster than SQL sorting on an expression, at 50,000 rows.
        rows.sort(key=lambda r: (r[3] or r[4] or "9999", r[4] or "9999", r[0]))
        try:
            return [
                TaskBar(r[0], r[1], r[2], _day(r[3]), _day(r[4]), bool(r[5]), _readable_hours(r[6]))
                for r in rows
            ]
        except (ValueError, TypeError):
            day = _readable_day
            return [
                TaskBar(r[0], r[1], r[2], day(r[3]), day(r[4]), bool(r[5]), _readable_hours(r[6]))
                for r in rows
            ]

    def campaign_boards(self, campaign_id: CampaignId) -> list[tuple[BoardId, int]]:
        """(board id, number of tasks) of the boards holding the campaign's work, most first."""
        return [
            (BoardId(int(r["board"])), int(r["n"]))
            for r in self._rows(
                "SELECT board_id AS board, COUNT(*) AS n FROM tasks "
                "WHERE campaign_id = ? AND archived = 0 "
                "GROUP BY board_id ORDER BY n DESC, board_id",
                [campaign_id],
            )
        ]

    def planned_work(self) -> list[PlannedWork]:
        """Every open task (not done, not archived): its persona, team, estimate and dates."""
        from mopsboard.domain.persona_hours import PlannedWork

        with self._read() as db:
            rows = db.execute(
                "SELECT t.persona_id, t.team_id, t.estimate_hours, t.start_date, t.due_date "
                "FROM tasks t JOIN stages s ON s.id = t.stage_id "
                "WHERE t.archived = 0 AND s.kind != 'done'"
            ).fetchall()
        try:
            return [PlannedWork(r[0], r[1], float(r[2] or 0), _day(r[3]), _day(r[4])) for r in rows]
        except (ValueError, TypeError):
            # An unreadable estimate plans no hours, as a missing one does.
            day = _readable_day
            return [
                PlannedWork(r[0], r[1], _readable_hours(r[2]) or 0.0, day(r[3]), day(r[4]))
                for r in rows
            ]

    # -- writing --------------------------------------------------------------------------------

    def shift_campaign(self, campaign_id: CampaignId, days: int) -> ShiftResult:
        """Moves the campaign's dates and all its tasks' dates (archived ones too, so a shift
        back restores them exactly) by `days` calendar days, in one unit of work."""
        from mopsboard.domain.campaign_work import shifted_campaign

        with self._write() as db:
            campaign = self._get(Campaign, "campaigns", campaign_id, "campaign")
            moved = self._update("campaigns", shifted_campaign(campaign, days), "campaign")
            rows = db.execute(
                "SELECT id, start_date, due_date FROM tasks WHERE campaign_id = ? "
                "AND (start_date IS NOT NULL OR due_date IS NOT NULL)",
                [campaign_id],
            ).fetchall()
            stamp = now_text()
            updates = []
            for task_id, start, due in rows:
                updates.append(
                    (_shifted_text(start, days), _shifted_text(due, days), stamp, task_id)
                )
            db.executemany(
                "UPDATE tasks SET start_date = ?, due_date = ?, updated_at = ?, "
                "version = version + 1 WHERE id = ?",
                updates,
            )
            ids = tuple(u[3] for u in updates)
            if ids:
                self._changed("tasks", ids, fields={"start_date", "due_date"})
            self._log_campaign_fields(campaign, moved, CampaignEditKind.SHIFTED)
        return ShiftResult(moved, ids)

    def add_campaign_with_tasks(
        self,
        campaign: Campaign,
        tasks: Sequence[Task],
        links: Sequence[tuple[int, int, LinkKind, int]] = (),
    ) -> tuple[Campaign, list[Task]]:
        """A new campaign and its tasks (each tied to it), in one unit of work, with `links`
        between them as (predecessor, successor, kind, lag) by position in `tasks` (a
        template's, `domain.templates.plan_links`). Ids given are kept, so `delete_campaign` can
        be undone exactly."""
        checked = Campaign.model_validate(campaign.model_dump())
        # Tasks put back by an undo keep what the file held and could not be read.
        validated = [
            Task.model_validate(t.model_dump()).model_copy(update={"problems": t.problems})
            for t in tasks
        ]
        with self._write() as db:
            # New tasks obey the board rules as quick add's do; tasks put back by an undo (they
            # have their ids) come back as they were.
            self._check_new_tasks([t for t in validated if t.id is None])
            created = keep_unread(db, "campaigns", campaign, self._insert("campaigns", checked))
            # A task put back gets back the comments and history its delete took with it.
            added = [
                self._insert_task(
                    task.model_copy(update={"campaign_id": created.id}),
                    history=task.id is not None,
                )
                for task in validated
            ]
            if links:
                self.add_links(
                    [
                        TaskLink(
                            predecessor_id=added[before].key,
                            successor_id=added[after].key,
                            kind=kind,
                            lag_days=lag,
                        )
                        for before, after, kind, lag in links
                    ]
                )
        return created, added

    def delete_campaign(self, campaign_id: CampaignId) -> tuple[Campaign, list[Task]]:
        """Deletes a campaign with all its tasks for good (archive it to keep them); returns
        both as they were."""
        with self._write() as db:
            campaign = self._get(Campaign, "campaigns", campaign_id, "campaign")
            ids = [
                r[0]
                for r in db.execute(
                    "SELECT id FROM tasks WHERE campaign_id = ? ORDER BY id", [campaign_id]
                ).fetchall()
            ]
            tasks = self.tasks_by_id(ids)
            self._keep_history(ids)
            self._keep_campaign_history(campaign_id)
            db.execute("DELETE FROM tasks WHERE campaign_id = ?", [campaign_id])
            db.execute("DELETE FROM campaigns WHERE id = ?", [campaign_id])
            if ids:
                self._changed("tasks", ids, "deleted")
            self._changed("campaigns", [campaign_id], "deleted")
        return campaign, tasks

    def restore_campaign(self, campaign: Campaign, tasks: Sequence[Task]) -> None:
        """Puts a deleted campaign back with its tasks, ids included."""
        if campaign.id is None:
            raise MopsboardError("Only a campaign that was stored can be restored.")
        with self._write():
            self.add_campaign_with_tasks(campaign, tasks)
            self._put_back_campaign_history(campaign.id)

    def _keep_campaign_history(self, campaign_id: int) -> None:
        """Remembers the campaign's log and approvals, which deleting it takes with it."""
        kept: dict[int, tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]] = (
            self.__dict__.setdefault("_deleted_campaign_history", {})
        )
        kept[campaign_id] = (self._campaign_log_rows(campaign_id), self._approval_rows(campaign_id))

    def _put_back_campaign_history(self, campaign_id: int) -> None:
        kept: dict[int, tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]] = self.__dict__.get(
            "_deleted_campaign_history", {}
        )
        history = kept.pop(campaign_id, None)
        if history is None:
            return  # deleted by another connection, or long ago: its log starts again
        log, approvals = history
        if self._has_campaign_log():
            # What putting its tasks back just logged is not news: the log is as it was.
            self.db.execute("DELETE FROM campaign_edits WHERE campaign_id = ?", [campaign_id])
        self._put_back_campaign_log(log)
        self._put_back_approvals(approvals)

    def _approval_rows(self, campaign_id: int) -> list[tuple[Any, ...]]:
        if not self._has_table("approvals"):
            return []
        sql = f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE campaign_id = ? ORDER BY id"  # noqa: S608
        return [tuple(r) for r in self.db.execute(sql, [campaign_id]).fetchall()]

    def _put_back_approvals(self, rows: Sequence[tuple[Any, ...]]) -> None:
        # Each under its own id (ids are never reused).
        if rows:
            marks = ", ".join("?" for _ in rows[0])
            self.db.executemany(
                f"INSERT INTO approvals ({APPROVAL_COLUMNS}) VALUES ({marks})",  # noqa: S608
                list(rows),
            )
            self._changed("approvals", [int(r[0]) for r in rows], "inserted")
