"""Actions on the links between tasks (a task waiting for another): add one, remove one, change
its lag or kind. Each is one transaction and one undo step; a link the store refuses (a loop, a
task waiting for itself, the same link twice) is reported through `failed` in the store's words
and nothing is written. Undo of an add removes the link; redo puts it back under its own id."""

from __future__ import annotations

from dataclasses import dataclass

from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.domain.link_rules import LinkKind, TaskLinkId
from mopsboard.domain.links import TaskLink
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Table, changed_fields


@dataclass(frozen=True)
class Predecessor:
    """A task another waits for, as the task editor lists it."""

    link: TaskLink
    title: str
    done: bool


@dataclass(frozen=True)
class LinkCandidate:
    """An open task a link may point to, named as a search shows it."""

    task_id: TaskId
    title: str
    board: str


class LinkActions(EntityActions):
    @property
    def _links(self) -> Table[TaskLink]:
        ws = self.workspace
        return Table.one(ws, "task_links", ws.task_link, ws.update_link)

    # -- reading --------------------------------------------------------------------------------

    def predecessors(self, task_id: TaskId) -> list[Predecessor]:
        """The links `task_id` waits on, in the order they were made, with their tasks' titles
        and whether each is done."""
        ws = self.workspace
        links = [link for link in ws.task_links(task_id) if link.successor_id == task_id]
        before = [link.predecessor_id for link in links]
        titles = {task.key: task.title for task in ws.tasks_by_id(before)}
        done = ws.done_task_ids(before)
        return [
            Predecessor(link, titles.get(link.predecessor_id, ""), link.predecessor_id in done)
            for link in links
        ]

    def link_candidates(self) -> list[LinkCandidate]:
        """Every open (not archived) task on every board, board by board in board order: what a
        search for a task to wait for looks in. Titles are read without making the tasks."""
        ws = self.workspace
        found: list[LinkCandidate] = []
        for board in ws.boards():
            board_id = BoardId(board.key)
            ids = [card.id for card in ws.board_outline(board_id)]
            fields = ws.search_fields(ids, board_id)
            found.extend(
                LinkCandidate(TaskId(task_id), fields[task_id][0], board.name)
                for task_id in ids
                if task_id in fields
            )
        return found

    # -- writing --------------------------------------------------------------------------------

    def add_link(
        self,
        predecessor_id: TaskId,
        successor_id: TaskId,
        *,
        kind: LinkKind = LinkKind.FINISH_TO_START,
        lag_days: int = 0,
    ) -> TaskLink | None:
        """Makes `successor_id` wait for `predecessor_id`; None (and `failed`) when refused."""
        ws = self.workspace
        wanted = TaskLink(
            predecessor_id=predecessor_id, successor_id=successor_id, kind=kind, lag_days=lag_days
        )
        added = self._attempt(lambda: ws.add_link(wanted))
        if added is None:
            return None
        self._push(
            f"Make {self._named(successor_id)} wait for {self._named(predecessor_id)}",
            lambda: ws.add_link(added),
            lambda: ws.delete_link(added.key),
        )
        return added

    def remove_link(self, link_id: TaskLinkId) -> bool:
        ws = self.workspace
        removed = self._attempt(lambda: ws.delete_link(link_id))
        if removed is None:
            return False
        self._push(
            f"Stop {self._named(removed.successor_id)} waiting for "
            f"{self._named(removed.predecessor_id)}",
            lambda: ws.delete_link(removed.key),
            lambda: ws.add_link(removed),
        )
        return True

    def edit_link(
        self, link_id: TaskLinkId, *, kind: LinkKind | None = None, lag_days: int | None = None
    ) -> TaskLink | None:
        """Sets the link's kind and/or lag; None (and `failed`) when refused."""
        values: dict[str, object] = {}
        if kind is not None:
            values["kind"] = kind
        if lag_days is not None:
            values["lag_days"] = lag_days
        done = self._attempt(lambda: self._links.set_one(link_id, values))
        if done is None:
            return None
        before, after = done
        fields = changed_fields(before, after, ("kind", "lag_days"))
        if fields:
            text = (
                f"Change how {self._named(after.successor_id)} waits for "
                f"{self._named(after.predecessor_id)}"
            )
            self._push_fields(text, self._links, fields, [before], [after])
        return after

    def _named(self, task_id: TaskId) -> str:
        return f"'{self.workspace.task(task_id).title}'"
