"""The workspace's fixed vocabularies, apart from the models so that a reader which never
validates (the headless listing, the board's first paint) can use them without pydantic."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class StageKind(StrEnum):
    BACKLOG = "backlog"
    ACTIVE = "active"
    REVIEW = "review"
    DONE = "done"


class Priority(IntEnum):
    NONE = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    URGENT = 4


class CampaignStatus(StrEnum):
    PLANNED = "planned"
    ACTIVE = "active"
    LAUNCHED = "launched"
    DONE = "done"
    CANCELLED = "cancelled"


class TeamKind(StrEnum):
    INTERNAL = "internal"
    AGENCY = "agency"
    PARTNER = "partner"
