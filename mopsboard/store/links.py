"""Links between tasks (`task_links`): reading them, adding one (refused in words when it would
loop, link a task to itself, or repeat a link), changing its lag or kind, removing it.

Every write is one unit of work reporting a `Change("task_links", ...)`. A link goes with either
of its tasks (the foreign keys cascade); undo of a task's or a campaign's delete puts its links
back (store/activity.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.domain.kinds import StageKind
from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_rules import Edge, LinkError, TaskLinkId, blocked_tasks, check_new_link
from mopsboard.domain.links import TaskLink
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar, team_calendar
from mopsboard.store.base import StoreBase, inserted_id, now_text

_CHUNK = 500


class LinkStore(StoreBase):
    # -- reading --------------------------------------------------------------------------------

    def task_link(self, link_id: TaskLinkId) -> TaskLink:
        return self._get(TaskLink, "task_links", link_id, "link")

    def links(self) -> list[TaskLink]:
        return self._all(TaskLink, "task_links")

    def task_links(self, task_id: TaskId) -> list[TaskLink]:
        """The links a task is in, either end."""
        return self.links_of_tasks([task_id])

    def links_of_tasks(self, task_ids: Iterable[int]) -> list[TaskLink]:
        """Every link with either end among `task_ids`, by id."""
        ids = sorted(set(task_ids))
        found: dict[int, TaskLink] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            where = f"predecessor_id IN ({marks}) OR successor_id IN ({marks})"
            for link in self._all(TaskLink, "task_links", where, [*chunk, *chunk]):
                found[link.key] = link
        return [found[key] for key in sorted(found)]

    def campaign_links(self, campaign_id: CampaignId) -> list[TaskLink]:
        """The links with either end in the campaign's tasks (some may reach other campaigns)."""
        where = (
            "predecessor_id IN (SELECT id FROM tasks WHERE campaign_id = ?) "
            "OR successor_id IN (SELECT id FROM tasks WHERE campaign_id = ?)"
        )
        return self._all(TaskLink, "task_links", where, [campaign_id, campaign_id])

    def find_link(self, predecessor_id: TaskId, successor_id: TaskId) -> TaskLink | None:
        found = self._all(
            TaskLink,
            "task_links",
            "predecessor_id = ? AND successor_id = ?",
            [predecessor_id, successor_id],
        )
        return found[0] if found else None

    def blocked_task_ids(self, task_ids: Iterable[int]) -> frozenset[int]:
        """Which of `task_ids` wait for a finish-to-start predecessor not in a Done stage."""
        wanted = set(task_ids)
        links = [link for link in self.links_of_tasks(wanted) if link.successor_id in wanted]
        done = self.done_task_ids({link.predecessor_id for link in links})
        return blocked_tasks((link.edge for link in links), done)

    def done_task_ids(self, task_ids: Iterable[int]) -> set[int]:
        """Which of `task_ids` are in a stage of kind done."""
        predecessors = sorted(set(task_ids))
        done: set[int] = set()
        for start in range(0, len(predecessors), _CHUNK):
            chunk = predecessors[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows = self._rows(
                f"SELECT t.id FROM tasks t JOIN stages s ON s.id = t.stage_id "  # noqa: S608
                f"WHERE t.id IN ({marks}) AND s.kind = ?",
                [*chunk, StageKind.DONE.value],
            )
            done.update(row["id"] for row in rows)
        return done

    def team_calendars(self) -> dict[str, WorkCalendar]:
        """Each team's working days (domain/workdays.py) by its case-folded name: the public
        holidays its active people with a holiday country all have off."""
        rows = self._rows(
            "SELECT t.name, m.holiday_country FROM teams t "
            "LEFT JOIN members m ON m.team_id = t.id AND m.active = 1 ORDER BY t.id"
        )
        countries: dict[str, list[str | None]] = {}
        for row in rows:
            countries.setdefault(str(row["name"]).casefold(), []).append(row["holiday_country"])
        return {name: team_calendar(codes) for name, codes in countries.items()}

    def launch_chains(self) -> dict[int, tuple[list[ChainTask], list[Edge]]]:
        """Per campaign id: its open linked tasks (not archived, not in a done stage, each on
        its team's working days) and the links between them, for domain/launch_risk.py. A
        campaign none of whose open tasks are linked to each other is left out."""
        rows = self._rows(
            "SELECT t.id, t.title, t.campaign_id, t.start_date, t.due_date, tm.name AS team "
            "FROM tasks t JOIN stages s ON s.id = t.stage_id "
            "LEFT JOIN teams tm ON tm.id = t.team_id "
            "WHERE t.campaign_id IS NOT NULL AND t.archived = 0 AND s.kind != ? AND t.id IN "
            "(SELECT predecessor_id FROM task_links UNION SELECT successor_id FROM task_links)",
            [StageKind.DONE.value],
        )
        if not rows:
            return {}
        calendars = self.team_calendars()
        campaign_of: dict[int, int] = {}
        tasks: dict[int, ChainTask] = {}
        for row in rows:
            team = str(row["team"] or "").casefold()
            calendar = calendars.get(team, WEEKDAYS_ONLY)
            campaign_of[row["id"]] = row["campaign_id"]
            tasks[row["id"]] = ChainTask(
                row["id"],
                str(row["title"]),
                _day_or_none(row["start_date"]),
                _day_or_none(row["due_date"]),
                calendar,
            )
        chains: dict[int, tuple[list[ChainTask], list[Edge]]] = {}
        for link in self.links():
            campaign = campaign_of.get(link.predecessor_id)
            if campaign is None or campaign_of.get(link.successor_id) != campaign:
                continue
            chains.setdefault(campaign, ([], []))[1].append(link.edge)
        for linked, edges in chains.values():
            ends = {e.predecessor for e in edges} | {e.successor for e in edges}
            linked.extend(tasks[key] for key in sorted(ends))
        return chains

    # -- writing --------------------------------------------------------------------------------

    def add_link(self, link: TaskLink) -> TaskLink:
        """One link, refused (LinkError, in words) if it loops, repeats or links a task to
        itself. A link with an id keeps it (undo of its removal)."""
        (added,) = self.add_links([link])
        return added

    def add_links(self, links: Sequence[TaskLink]) -> list[TaskLink]:
        """Many links in one unit of work (within the caller's, if one is open): each checked
        against those before it, so one refused refuses them all."""
        checked = [TaskLink.model_validate(link.model_dump()) for link in links]
        added: list[TaskLink] = []
        with self._write() as db:
            edges = [
                (int(row[0]), int(row[1]))
                for row in db.execute("SELECT predecessor_id, successor_id FROM task_links")
            ]
            stamp = now_text()
            for link in checked:
                self._require("tasks", link.predecessor_id, "task")
                self._require("tasks", link.successor_id, "task")
                pair = (link.predecessor_id, link.successor_id)
                self._check_new_link(edges, pair)
                row = {
                    "predecessor_id": link.predecessor_id,
                    "successor_id": link.successor_id,
                    "kind": link.kind.value,
                    "lag_days": link.lag_days,
                    "version": link.version if link.id is not None else 1,
                    "updated_at": stamp,
                }
                if link.id is not None:
                    row = {"id": link.id, **row}
                columns = ", ".join(row)
                marks = ", ".join("?" for _ in row)
                cursor = db.execute(
                    f"INSERT INTO task_links ({columns}) VALUES ({marks})",  # noqa: S608
                    list(row.values()),
                )
                new_id = inserted_id(cursor, link.id)
                edges.append(pair)
                written = {
                    "id": new_id,
                    "version": row["version"],
                    "updated_at": datetime.fromisoformat(stamp),
                }
                added.append(link.model_copy(update=written))
            if added:
                self._changed("task_links", [link.key for link in added], "inserted")
        return added

    def _check_new_link(self, edges: Sequence[tuple[int, int]], pair: tuple[int, int]) -> None:
        try:
            check_new_link(edges, *pair, {})
        except LinkError as refusal:
            # Only a refusal reads titles: it names the tasks as the user knows them.
            tasks = {*pair, *getattr(refusal, "path", ())}
            marks = ", ".join("?" for _ in tasks)
            rows = self.db.execute(
                f"SELECT id, title FROM tasks WHERE id IN ({marks})",  # noqa: S608
                sorted(tasks),
            ).fetchall()
            check_new_link(edges, *pair, {int(row[0]): str(row[1]) for row in rows})
            raise

    def update_link(self, link: TaskLink) -> TaskLink:
        """Saves a link's new lag or kind (its tasks stay: remove it and add another to link
        other tasks); ConflictError if it changed since it was read."""
        current = self.task_link(link.key)
        if (current.predecessor_id, current.successor_id) != (
            link.predecessor_id,
            link.successor_id,
        ):
            raise LinkError(
                "A link joins the same two tasks for good; remove it and link the others."
            )
        with self._write():
            return self._update("task_links", link, "link")

    def delete_link(self, link_id: TaskLinkId) -> TaskLink:
        """Removes a link; returns it as it was (for undo)."""
        with self._write() as db:
            link = self.task_link(link_id)
            db.execute("DELETE FROM task_links WHERE id = ?", [link_id])
            self._changed("task_links", [link_id], "deleted")
        return link


def _day_or_none(value: Any) -> date | None:
    # A date the file holds in some other shape counts as missing, as a salvaged task's does.
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None
