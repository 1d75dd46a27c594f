"""Dependencies between tasks: which links a workspace refuses, and which tasks they block.

Pure and free of pydantic: the headless task listing asks `blocked_tasks` without building a
model (store/task_listing.py), and the store asks `cycle_through` before it writes a link.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from typing import NamedTuple, NewType

from mopsboard.domain.errors import MopsboardError

MAX_LAG_DAYS = 1_000
# Kept here rather than in domain/ids.py, beside the rest of what links are.
TaskLinkId = NewType("TaskLinkId", int)


class LinkKind(StrEnum):
    # The successor starts after the predecessor is due (the common case: copy, then review).
    FINISH_TO_START = "finish_to_start"
    # The successor starts with the predecessor (paid and organic posts going out together).
    START_TO_START = "start_to_start"


class Edge(NamedTuple):
    """A link as the rules see it: ids and how the successor follows."""

    predecessor: int
    successor: int
    kind: LinkKind = LinkKind.FINISH_TO_START
    lag_days: int = 0


class LinkError(MopsboardError):
    """A link the workspace refuses."""


class SelfLinkError(LinkError):
    """A task cannot wait for itself."""


class DuplicateLinkError(LinkError):
    """The two tasks are linked already (in this direction)."""


class CycleError(LinkError):
    """The link would close a loop of tasks each waiting for the one before."""

    def __init__(self, message: str, path: Sequence[int]) -> None:
        super().__init__(message)
        self.path = tuple(path)


def cycle_through(edges: Iterable[tuple[int, int]], predecessor: int, successor: int) -> list[int]:
    """The tasks a new link `predecessor -> successor` would close a loop through, from the
    successor along existing links back to the predecessor ([] when it closes none)."""
    if predecessor == successor:
        return [predecessor]
    following: dict[int, list[int]] = {}
    for before, after in edges:
        following.setdefault(before, []).append(after)
    # Breadth first, so the loop named to the user is the shortest one.
    came_from: dict[int, int] = {successor: successor}
    frontier = [successor]
    while frontier:
        ahead: list[int] = []
        for task in frontier:
            for after in following.get(task, ()):
                if after in came_from:
                    continue
                came_from[after] = task
                if after == predecessor:
                    path = [after]
                    while path[-1] != successor:
                        path.append(came_from[path[-1]])
                    return path[::-1]
                ahead.append(after)
        frontier = ahead
    return []


def _named(task: int, titles: Mapping[int, str], *, first: bool = False) -> str:
    word = "Task" if first else "task"
    title = titles.get(task)
    return f"{word} {task} '{title}'" if title is not None else f"{word} {task}"


def cycle_refusal(path: Sequence[int], titles: Mapping[int, str]) -> CycleError:
    """The refusal of a link `path[-1] -> path[0]` that closes the loop `path`, in words."""
    waiting, awaited = path[0], path[-1]
    chain = " \u2192 ".join(_named(task, titles) for task in path)
    return CycleError(
        f"{_named(waiting, titles, first=True)} cannot wait for {_named(awaited, titles)}: "
        f"{_named(awaited, titles)} already waits for it ({chain}), so neither could ever start. "
        "Remove one of those links first, or link the tasks the other way round.",
        path,
    )


def check_new_link(
    edges: Iterable[tuple[int, int]], predecessor: int, successor: int, titles: Mapping[int, str]
) -> None:
    """Raises the LinkError that refuses `predecessor -> successor` beside `edges`, if any."""
    if predecessor == successor:
        raise SelfLinkError(
            f"{_named(successor, titles, first=True)} cannot wait for itself; pick another task."
        )
    known = list(edges)
    if (predecessor, successor) in known:
        raise DuplicateLinkError(
            f"{_named(successor, titles, first=True)} already waits for "
            f"{_named(predecessor, titles)}; change that link's lag or kind instead."
        )
    path = cycle_through(known, predecessor, successor)
    if path:
        raise cycle_refusal(path, titles)


def blocked_tasks(edges: Iterable[Edge], done: Iterable[int]) -> frozenset[int]:
    """The successors of a finish-to-start link whose predecessor is not in a Done stage.

    `done` holds the tasks in a stage of kind done; a start-to-start link blocks nothing (the
    successor may start once the predecessor has, which a board cannot tell)."""
    finished = set(done)
    return frozenset(
        edge.successor
        for edge in edges
        if edge.kind is LinkKind.FINISH_TO_START and edge.predecessor not in finished
    )
