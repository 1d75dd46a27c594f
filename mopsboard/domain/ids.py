"""Typed row ids, as Anki's `CardId = NewType("CardId", int)`: a task id is not a stage id, and
mypy says so. At run time each is a plain int (no cost on the read path).

A saved record hands out its id as `record.key` (see `models.Record`), which refuses an unsaved
record instead of passing on a made-up id such as 0."""

from __future__ import annotations

from typing import NewType

BoardId = NewType("BoardId", int)
StageId = NewType("StageId", int)
TaskId = NewType("TaskId", int)
CampaignId = NewType("CampaignId", int)
PersonaId = NewType("PersonaId", int)
TeamId = NewType("TeamId", int)
MemberId = NewType("MemberId", int)
TimeOffId = NewType("TimeOffId", int)
TemplateId = NewType("TemplateId", int)
TaskEventId = NewType("TaskEventId", int)
CommentId = NewType("CommentId", int)
ApprovalId = NewType("ApprovalId", int)
ScenarioId = NewType("ScenarioId", int)
ScenarioChangeId = NewType("ScenarioChangeId", int)
CalendarEventId = NewType("CalendarEventId", int)


class UnsavedRecord(LookupError):
    """A record's id was asked for before the record was stored: a bug in the caller."""
