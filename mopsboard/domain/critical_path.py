"""The critical path of a campaign: its linked tasks that cannot slip a working day without
moving the launch, as planned.

The rule, as the README states it (section Timeline):

- The tasks are the campaign's open linked tasks as launch at risk takes them
  (domain/launch_risk.py: not archived, not done, each on its team's working days), those due on
  or before the launch (a missing due date counts as the start date; a task with neither is left
  out), and the links between them. A campaign without a launch date has none.
- Each task's latest finish is the earliest of the launch day (rolled back to a working day of
  its calendar) and, for each link it precedes, the latest due day that link allows given the
  successor's latest start, as scheduling backwards counts it (domain/link_schedule.py,
  `latest_due`). A task's latest start is its latest finish less `duration - 1` working days,
  its duration being the working days from its start date to its due date, both included.
- A task's slack is the working days of its own calendar from its due date to its latest finish
  (negative when it is due after it). The critical path is the tasks with a slack of 0 or less,
  and the links between two of them that set the predecessor's latest finish.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from mopsboard.domain.launch_risk import ChainTask
from mopsboard.domain.link_rules import Edge
from mopsboard.domain.link_schedule import Placement, latest_due
from mopsboard.domain.workdays import WorkCalendar


@dataclass(frozen=True)
class CriticalPath:
    # Each counted task's due date, latest finish and calendar (its slack is counted when asked:
    # a campaign's tasks may be due weeks before their latest finish, a long count per task).
    ends: Mapping[int, tuple[date, date, WorkCalendar]] = field(default_factory=dict)
    tasks: frozenset[int] = frozenset()
    # (predecessor, successor) of the links along the path.
    links: frozenset[tuple[int, int]] = frozenset()

    def slack(self, task_id: int) -> int | None:
        """Working days the task may slip without moving the launch (negative: it is late);
        None for a task the path does not count."""
        found = self.ends.get(task_id)
        return None if found is None else slack_days(*found)


def slack_days(due: date, latest: date, calendar: WorkCalendar) -> int:
    """Working days from `due` to `latest`, negative when `latest` is before `due`."""
    if latest >= due:
        return calendar.working_days_in(due + timedelta(days=1), latest)
    return -calendar.working_days_in(latest + timedelta(days=1), due)


def critical_path(
    launch: date | None, tasks: Iterable[ChainTask], edges: Iterable[Edge]
) -> CriticalPath:
    """The campaign's critical path (the module's rule); `tasks` are its open linked tasks and
    `edges` the links between them (others are left out)."""
    if launch is None:
        return CriticalPath()
    counted = {
        task.id: task
        for task in tasks
        if (task.due_date or task.start_date) is not None
        and (task.due_date or task.start_date or launch) <= launch
    }
    links = [e for e in edges if e.predecessor in counted and e.successor in counted]
    placements = {
        key: Placement(launch, task.duration, task.calendar) for key, task in counted.items()
    }
    latest = _latest(launch, placements, links)
    if latest is None:
        return CriticalPath()
    ends: dict[int, tuple[date, date, WorkCalendar]] = {}
    for key, task in counted.items():
        due = task.due_date or task.start_date
        assert due is not None
        ends[key] = (due, latest[key][1], task.calendar)
    critical = frozenset(key for key, end in ends.items() if _no_slack(*end))
    along = frozenset(
        (e.predecessor, e.successor)
        for e in links
        if e.predecessor in critical
        and e.successor in critical
        and latest_due(latest[e.successor][0], e, placements[e.predecessor])
        == latest[e.predecessor][1]
    )
    return CriticalPath(ends, critical, along)


def _no_slack(due: date, latest: date, calendar: WorkCalendar) -> bool:
    """Whether `slack_days(due, latest, calendar) <= 0`, without counting the days between."""
    return latest <= due or calendar.add_working_days(due, 1) > latest


def _latest(
    launch: date, placements: Mapping[int, Placement], links: list[Edge]
) -> dict[int, tuple[date, date]] | None:
    """(latest start, latest finish) of every task, from the launch backwards along `links`;
    None when they loop (the store refuses a loop; a file may hold one all the same)."""
    following: dict[int, list[Edge]] = {key: [] for key in placements}
    for edge in links:
        following[edge.predecessor].append(edge)
    sorter = graphlib.TopologicalSorter(
        {key: {e.successor for e in out} for key, out in following.items()}
    )
    try:
        order = list(sorter.static_order())
    except graphlib.CycleError:
        return None
    found: dict[int, tuple[date, date]] = {}
    for key in order:
        placement = placements[key]
        calendar = placement.calendar
        finish = calendar.previous_working_day(launch)
        for edge in following[key]:
            finish = min(finish, latest_due(found[edge.successor][0], edge, placement))
        found[key] = (calendar.add_working_days(finish, -(placement.duration - 1)), finish)
    return found


__all__ = ["CriticalPath", "critical_path", "slack_days"]
