"""The store's other parts, as the scenario store reads and writes the real plan through them.

The scenario store is mixed into the Workspace beside the stores it calls (tasks, campaigns,
people, links, capacity). `PlanReader` names them in the order the Workspace's class line gives
them (its bases after OwnWrites, none left out up to the time logs), so that the Workspace's
method order can be made: the scenario store comes first on that line.
"""

from __future__ import annotations

from mopsboard.store.campaigns import CampaignPlanStore
from mopsboard.store.capacity import CapacityStore
from mopsboard.store.catalog import CatalogStore
from mopsboard.store.comments import CommentStore
from mopsboard.store.links import LinkStore
from mopsboard.store.moves import MoveStore
from mopsboard.store.people import PeopleStore
from mopsboard.store.templates import TemplateStore
from mopsboard.store.time_logs import TimeLogStore

__all__ = ["PlanReader"]


class PlanReader(
    CapacityStore,
    MoveStore,
    CampaignPlanStore,
    CatalogStore,
    PeopleStore,
    TemplateStore,
    CommentStore,
    LinkStore,
    TimeLogStore,
):
    """The Workspace's tasks, campaigns, people, links and capacity reads and writes."""
