"""Actions on the links between tasks (a task waiting for another): add one, remove one, change
its lag or kind, and move a task later pushing its successors along (domain/link_push.py). Each
is one transaction and one undo step; a link the store refuses (a loop, a task waiting for
itself, the same link twice) is reported through `failed` in the store's words and nothing is
written. Undo of an add removes the link; redo puts it back under its own id."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from mopsboard.domain.campaign_work import shifted
from mopsboard.domain.errors import ConflictError, MopsboardError
from mopsboard.domain.ids import BoardId, TaskId
from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_check import Span
from mopsboard.domain.link_push import (
    Push,
    due_past_launch,
    push_successors,
    working_days_later,
)
from mopsboard.domain.link_rules import Edge, LinkKind, TaskLinkId
from mopsboard.domain.links import TaskLink
from mopsboard.domain.models import Campaign, Task
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar
from mopsboard.qt.common.actions import EntityActions
from mopsboard.qt.common.conflicts import Checked, Table, changed_fields, tasks_table

_DATES = ("start_date", "due_date")
# Successors named one by one in the push question; more are counted.
_NAMED = 8
# Tasks named in one sentence about a launch they would then miss.
_NAMED_LATE = 5


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


def _days(count: int) -> str:
    return f"{count} working day{'s' if count != 1 else ''}"


def _day(day: date) -> str:
    return f"{day:%a %d %b}"


@dataclass(frozen=True)
class LateForLaunch:
    """A task the push makes due after its campaign's launch (domain/link_push.py,
    `due_past_launch`): the campaign, its name and launch day, and the task's new due day."""

    task_id: int
    campaign_id: int
    campaign: str
    launch: date
    due: date


@dataclass(frozen=True)
class PushPlan:
    """A task moved later, and the successors that moving it pushes along (domain/link_push.py)."""

    task_id: TaskId
    title: str
    start_date: date | None
    due_date: date | None
    # How many working days later the task itself is.
    working_days: int
    pushes: Sequence[Push]
    titles: Mapping[int, str]
    # The moved task's campaign, and the tasks (it among them) the move makes late for their
    # campaign's launch, in push order.
    campaign_id: int | None = None
    late: Sequence[LateForLaunch] = ()

    @property
    def passes_launch(self) -> bool:
        return bool(self.late)

    def _moved_words(self) -> str:
        words = f"'{self.title}' is now {_days(self.working_days)} later."
        own = next((late for late in self.late if late.task_id == self.task_id), None)
        if own is not None:
            words += (
                f" It is then due {_day(own.due)}, after its campaign's launch on "
                f"{_day(own.launch)}."
            )
        return words

    def _late_words(self) -> list[str]:
        """A sentence per launch the successors would then miss: the moved task's campaign
        first, then in push order."""
        groups: dict[int, list[LateForLaunch]] = {}
        for late in self.late:
            if late.task_id != self.task_id:
                groups.setdefault(late.campaign_id, []).append(late)
        order = sorted(groups, key=lambda key: key != self.campaign_id)
        sentences = []
        for key in order:
            tasks = groups[key]
            first = tasks[0]
            launch = (
                f"the launch on {_day(first.launch)}"
                if key == self.campaign_id
                else f"the launch of '{first.campaign}' on {_day(first.launch)}"
            )
            named = [
                f"'{self.titles.get(late.task_id, '')}' ({_day(late.due)})"
                for late in tasks[:_NAMED_LATE]
            ]
            if len(tasks) > _NAMED_LATE:
                named.append(f"and {len(tasks) - _NAMED_LATE} more")
            sentences.append(
                f"{len(tasks)} of them would then be due after {launch}: {', '.join(named)}."
            )
        return sentences

    def question(self) -> tuple[str, str]:
        """The question put before pushing, and what it would do, in words."""
        count = len(self.pushes)
        whom = f"{count} successor{'s' if count != 1 else ''}"
        if all(push.working_days == self.working_days for push in self.pushes):
            text = f"Push its {whom} by the same {_days(self.working_days)}?"
        else:
            text = f"Push its {whom} later, as far as their links need?"
        lines = []
        for push in self.pushes[:_NAMED]:
            when = push.start_date or push.due_date
            to = f", to {_day(when)}" if when else ""
            lines.append(
                f"\u2022 '{self.titles.get(push.task_id, '')}': {_days(push.working_days)} "
                f"later{to}"
            )
        if count > _NAMED:
            lines.append(f"and {count - _NAMED} more")
        keep = "Keep dates leaves them, and the links they break show red on the timeline."
        # The task's move, its successors' (and the launches they would then miss, a paragraph
        # of their own so they are not read as one more successor), and what Keep does.
        parts = [self._moved_words(), "\n".join(lines), "\n".join(self._late_words()), keep]
        return text, "\n\n".join(part for part in parts if part)


def _late_for_launch(
    moves: Sequence[tuple[Task, Span]], campaigns: Mapping[int, Campaign]
) -> list[LateForLaunch]:
    """Those of the moved tasks (each with its new dates) that would then be due after their
    campaign's launch, having been due on or before it; in the order given."""
    found = []
    for task, after in moves:
        campaign = campaigns.get(task.campaign_id) if task.campaign_id is not None else None
        if campaign is None or campaign.launch_date is None:
            continue
        before = Span(task.start_date, task.due_date)
        due = due_past_launch(before, after, campaign.launch_date)
        if due is not None:
            found.append(
                LateForLaunch(task.key, campaign.key, campaign.name, campaign.launch_date, due)
            )
    return found


def _later(before: Span, after: Span) -> bool:
    return any(
        old is not None and new is not None and new > old
        for old, new in ((before.first, after.first), (before.last, after.last))
    )


def _swap_rows(
    table: Table[Task], fields: Mapping[int, Sequence[str]], rows: Sequence[Task]
) -> Checked:
    """The step that gives each row these of its fields' values (a row's own fields)."""
    values: dict[int, dict[str, object]] = {
        row.key: {name: getattr(row, name) for name in fields[row.key]} for row in rows
    }
    return Checked(lambda: table.set_fields(values, check=True), lambda: table.set_fields(values))


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

    # -- pushing successors --------------------------------------------------------------------

    def push_plan(
        self, task_id: TaskId, start_date: date | None, due_date: date | None
    ) -> PushPlan | None:
        """What moving the task to these dates would push along (None: no successor has to
        move, as when it moved earlier). Reads the successors a link level at a time."""
        ws = self.workspace
        try:
            task = ws.task(task_id)
            if not _later(Span(task.start_date, task.due_date), Span(start_date, due_date)):
                return None
            edges, reached = self._successors(task_id)
            if not reached:
                return None
            done = ws.done_task_ids(reached)
            others = [t for t in ws.tasks_by_id(reached) if not t.archived and t.key not in done]
            calendar_of = self._calendars()
            campaigns: dict[int, Campaign] = {c.key: c for c in ws.campaigns(include_archived=True)}
        except MopsboardError as error:
            self.history.failed.emit(str(error))
            return None
        chain: dict[int, ChainTask] = {
            t.key: ChainTask(t.key, t.title, t.start_date, t.due_date, calendar_of(t))
            for t in others
        }
        calendar = calendar_of(task)
        moved = ChainTask(task.key, task.title, start_date, due_date, calendar)
        later = working_days_later(
            Span(task.start_date, task.due_date), Span(start_date, due_date), calendar
        )
        # Moved earlier (or within a weekend), it pushes nothing: links it breaks show red.
        pushes = push_successors(moved, chain, edges) if later > 0 else []
        if not pushes:
            return None
        titles: dict[int, str] = {key: t.title for key, t in chain.items()}
        moves = [(task, Span(start_date, due_date))]
        by_id: dict[int, Task] = {t.key: t for t in others}
        moves += [(by_id[p.task_id], Span(p.start_date, p.due_date)) for p in pushes]
        late = _late_for_launch(moves, campaigns)
        return PushPlan(
            task.key,
            task.title,
            start_date,
            due_date,
            later,
            pushes,
            titles,
            task.campaign_id,
            late,
        )

    def shift_plan(self, task_id: TaskId, days: int) -> PushPlan | None:
        """What moving the task `days` calendar days later (a drag on the timeline) would push
        along; None when it moves earlier or pushes nothing."""
        if days <= 0:
            return None
        try:
            task = self.workspace.task(task_id)
            start, due = shifted(task.start_date, days), shifted(task.due_date, days)
        except MopsboardError:
            return None  # the move itself says why, when it is made
        return self.push_plan(task_id, start, due)

    def _successors(self, task_id: TaskId) -> tuple[list[Edge], set[int]]:
        """The links out of the task and out of every task after it, and those tasks."""
        edges: list[Edge] = []
        reached: set[int] = set()
        frontier = {int(task_id)}
        while frontier:
            out = [
                link
                for link in self.workspace.links_of_tasks(frontier)
                if link.predecessor_id in frontier
            ]
            edges.extend(link.edge for link in out)
            frontier = {int(link.successor_id) for link in out} - reached - {task_id}
            reached |= frontier
        return edges, reached

    def _calendars(self) -> Callable[[Task], WorkCalendar]:
        """A task's team's working days (weekdays only when it has no team)."""
        ws = self.workspace
        names = {team.key: team.name.casefold() for team in ws.teams(include_archived=True)}
        by_name = ws.team_calendars()

        def calendar_of(task: Task) -> WorkCalendar:
            name = names.get(task.team_id) if task.team_id is not None else None
            return by_name.get(name or "", WEEKDAYS_ONLY)

        return calendar_of

    def reschedule_pushing(self, plan: PushPlan) -> bool:
        """Moves the plan's task to its new dates and its successors as the plan pushes them:
        one transaction, one undo step."""
        values: dict[int, dict[str, object]] = {
            plan.task_id: {"start_date": plan.start_date, "due_date": plan.due_date}
        }
        for push in plan.pushes:
            values[push.task_id] = {"start_date": push.start_date, "due_date": push.due_date}
        tasks = tasks_table(self.workspace)
        done = self._attempt(lambda: tasks.set_fields(values))
        if done is None:
            return False
        before, after = done
        self._push_fields(self._push_text(plan), tasks, _DATES, before, after)
        return True

    def edit_task_pushing(self, original: Task, edited: Task, plan: PushPlan) -> Task | None:
        """Saves the task editor's `edited` (read as `original`) with the successors the plan
        pushes: one transaction, one undo step. Raises ConflictError when the task changed
        since `original` was read (the caller asks the user); other refusals go to `failed`."""
        ws = self.workspace
        moves = {push.task_id: push for push in plan.pushes}
        try:
            pushed = ws.tasks_by_id(list(moves))
            moved = [
                task.model_copy(
                    update={
                        "start_date": moves[task.key].start_date,
                        "due_date": moves[task.key].due_date,
                    }
                )
                for task in pushed
            ]
            saved = ws.update_tasks([edited, *moved])
        except ConflictError:
            raise
        except MopsboardError as error:
            self.history.failed.emit(str(error))
            return None
        fields: dict[int, Sequence[str]] = {task.key: _DATES for task in pushed}
        fields[original.key] = changed_fields(original, saved[0])
        tasks = tasks_table(ws)
        self._push(
            self._push_text(plan, edited=True),
            _swap_rows(tasks, fields, saved),
            _swap_rows(tasks, fields, [original, *pushed]),
        )
        return saved[0]

    def _push_text(self, plan: PushPlan, *, edited: bool = False) -> str:
        count = len(plan.pushes)
        verb = "Edit" if edited else "Reschedule"
        return f"{verb} '{plan.title}', pushing {count} successor{'s' if count != 1 else ''}"

    def _named(self, task_id: TaskId) -> str:
        return f"'{self.workspace.task(task_id).title}'"
