"""A dependency between two tasks, as the store hands it out (rules in domain/link_rules.py)."""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import MAX_LAG_DAYS, Edge, LinkKind, TaskLinkId
from mopsboard.domain.models import Record, Ref

LagDays = Annotated[int, Field(ge=-MAX_LAG_DAYS, le=MAX_LAG_DAYS)]


class TaskLink(Record[TaskLinkId]):
    """`successor_id` follows `predecessor_id`: it starts `lag_days` working days after the
    predecessor is due (finish to start) or after it starts (start to start); a negative lag
    is before. Links cross boards and campaigns."""

    predecessor_id: Ref[TaskId]
    successor_id: Ref[TaskId]
    kind: LinkKind = LinkKind.FINISH_TO_START
    lag_days: LagDays = 0

    @model_validator(mode="after")
    def _two_tasks(self) -> Self:
        if self.predecessor_id == self.successor_id:
            raise ValueError("a task cannot wait for itself")
        return self

    @property
    def edge(self) -> Edge:
        return Edge(self.predecessor_id, self.successor_id, self.kind, self.lag_days)
