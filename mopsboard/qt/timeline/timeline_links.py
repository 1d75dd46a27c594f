"""The links the timeline draws: those with both tasks' bars shown, each with the rows of the two
bars and whether it holds (domain/link_check.py: by how many working days its successor starts
too soon).

Links are read once per reload, in one query, and only when a campaign is expanded; the
successors' calendars come from the campaigns' chains the reload reads anyway
(store/links.launch_chains), so the timeline never reads per bar. A link to a task whose
campaign is collapsed (or to a task the timeline does not show: archived, or in no campaign) is
not drawn: the campaign's row says whether its launch is at risk instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import NamedTuple

from mopsboard.domain.campaign_work import TaskBar
from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_check import Span, allowed_start, days_missing
from mopsboard.domain.link_rules import Edge
from mopsboard.domain.links import TaskLink
from mopsboard.domain.workdays import WEEKDAYS_ONLY, WorkCalendar
from mopsboard.store.workspace import Workspace


class ShownLink(NamedTuple):
    link: TaskLink
    predecessor: TaskBar
    successor: TaskBar
    predecessor_row: int
    successor_row: int
    # Working days the successor starts before the link allows (0: it holds). A link with a
    # done end always holds: that work is over.
    missing: int
    # The first day the link lets the successor start (None: the predecessor has no dates).
    allowed: date | None
    # Both tasks are on their campaign's critical path, and this link is what holds the
    # predecessor there (domain/critical_path.py).
    critical: bool = False

    @property
    def broken(self) -> bool:
        return self.missing > 0

    @property
    def edge(self) -> Edge:
        return self.link.edge


def span_of(bar: TaskBar) -> Span:
    return Span(bar.start, bar.due)


class TimelineLinks:
    """The links of one timeline, laid out over its rows."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._links: list[TaskLink] | None = None
        self._calendars: dict[int, WorkCalendar] = {}
        self._critical: frozenset[tuple[int, int]] = frozenset()
        # Per link id, (days missing, day allowed), worked out once per reload: expanding or
        # collapsing a campaign lays the links out again, but their dates have not changed.
        self._status: dict[int, tuple[int, date | None]] = {}
        self.shown: list[ShownLink] = []

    def reload(
        self,
        chains: Mapping[int, tuple[list[ChainTask], list[Edge]]],
        critical: Iterable[tuple[int, int]] = (),
    ) -> None:
        """Forgets the links read before; `chains` (launch_chains) name the open linked tasks'
        calendars, `critical` the (predecessor, successor) links on a critical path."""
        self._links = None
        self._status = {}
        self._calendars = {task.id: task.calendar for tasks, _ in chains.values() for task in tasks}
        self._critical = frozenset(critical)

    def layout(self, blocks: Iterable[tuple[int, Iterable[TaskBar]]]) -> None:
        """Lays the links out over the rows: `blocks` are (row of the first bar, bars) of each
        expanded campaign, in row order."""
        blocks = list(blocks)
        if not blocks:
            self.shown = []
            return
        if self._links is None:
            self._links = self.workspace.links()
        if not self._links:
            self.shown = []
            return
        ends = {link.predecessor_id for link in self._links}
        ends.update(link.successor_id for link in self._links)
        placed: dict[int, tuple[int, TaskBar]] = {}
        for first_row, bars in blocks:
            for offset, bar in enumerate(bars):
                if bar.id in ends:
                    placed[bar.id] = (first_row + offset, bar)
        drawn = [
            link
            for link in self._links
            if link.predecessor_id in placed and link.successor_id in placed
        ]
        # A done task's calendar is never needed: its links hold.
        calendars = self._calendars_of(
            link.successor_id
            for link in drawn
            if link.key not in self._status
            and not (placed[link.successor_id][1].done or placed[link.predecessor_id][1].done)
        )
        shown = []
        for link in drawn:
            before_row, before = placed[link.predecessor_id]
            after_row, after = placed[link.successor_id]
            status = self._status.get(link.key)
            if status is None:
                status = self._status[link.key] = _status(link, before, after, calendars)
            missing, allowed = status
            critical = (link.predecessor_id, link.successor_id) in self._critical
            shown.append(
                ShownLink(link, before, after, before_row, after_row, missing, allowed, critical)
            )
        self.shown = shown

    def _calendars_of(self, task_ids: Iterable[int]) -> dict[int, WorkCalendar]:
        """The tasks' teams' calendars: from the chains, else (a link across campaigns, whose
        tasks no chain holds) read once for all of those tasks."""
        unknown = sorted({key for key in task_ids if key not in self._calendars})
        if unknown:
            teams = {
                team.key: team.name.casefold()
                for team in self.workspace.teams(include_archived=True)
            }
            by_team = self.workspace.team_calendars()
            for task in self.workspace.tasks_by_id(unknown):
                team = teams.get(task.team_id) if task.team_id is not None else None
                self._calendars[task.key] = by_team.get(team or "", WEEKDAYS_ONLY)
        return self._calendars

    def calendar_of(self, task_id: int) -> WorkCalendar:
        """The task's team's working days (read once when no chain names them)."""
        return self._calendars_of([task_id]).get(task_id, WEEKDAYS_ONLY)

    def of_task(self, task_id: int) -> list[ShownLink]:
        """The shown links the task is in, either end."""
        return [
            shown
            for shown in self.shown
            if task_id in (shown.link.predecessor_id, shown.link.successor_id)
        ]


def _status(
    link: TaskLink, before: TaskBar, after: TaskBar, calendars: Mapping[int, WorkCalendar]
) -> tuple[int, date | None]:
    """By how many working days the link is broken, and the first day it lets its successor
    start."""
    calendar = calendars.get(link.successor_id, WEEKDAYS_ONLY)
    allowed = allowed_start(link.edge, span_of(before), calendar)
    if before.done or after.done:
        return 0, allowed
    return days_missing(link.edge, span_of(before), span_of(after), calendar), allowed
