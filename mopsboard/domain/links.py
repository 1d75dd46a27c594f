"""A dependency between two tasks, as the store hands it out (rules in domain/link_rules.py)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import MAX_LAG_DAYS, Edge, LinkKind, TaskLinkId
from mopsboard.domain.models import Record, Ref

LagDays = Annotated[int, Field(ge=-MAX_LAG_DAYS, le=MAX_LAG_DAYS)]


class TaskLink(Record[TaskLinkId]):
    """`successor_id` follows `predecessor_id`: it starts `lag_days` working days after the
    predecessor is due (finish to start) or after it starts (start to start); a negative lag
    is before. Links cross boards and campaigns. A link of a task to itself is refused by the
    store in words (domain/link_rules.py), as a loop is."""

    predecessor_id: Ref[TaskId]
    successor_id: Ref[TaskId]
    kind: LinkKind = LinkKind.FINISH_TO_START
    lag_days: LagDays = 0

    @property
    def edge(self) -> Edge:
        return Edge(self.predecessor_id, self.successor_id, self.kind, self.lag_days)
