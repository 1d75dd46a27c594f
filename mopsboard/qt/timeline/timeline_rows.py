"""The rows of the campaign timeline: a row per campaign (by start date), and under an expanded
campaign a row per task. Opening the timeline reads the campaigns and their figures only; a
campaign's tasks are read when it is first expanded.

Like the other campaign views it follows the store lazily (qt/follow.py).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from PySide6.QtCore import QObject, Signal

from mopsboard.domain.campaign_work import CampaignFigures, TaskBar, campaign_span
from mopsboard.domain.models import Campaign
from mopsboard.qt.common.follow import Follower
from mopsboard.store.workspace import Workspace

WATCHED = frozenset({"campaigns", "tasks", "stages", "boards"})
# Days shown before the first and after the last dated thing.
MARGIN_DAYS = 14


class TimelineRow(NamedTuple):
    campaign: Campaign
    bar: TaskBar | None = None  # None: the campaign's own row

    @property
    def is_campaign(self) -> bool:
        return self.bar is None


def _start_key(campaign: Campaign) -> tuple[date, str]:
    first = campaign.start_date or campaign.launch_date or campaign.end_date or date.max
    return first, campaign.name.casefold()


class TimelineRows(QObject):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaigns: list[Campaign] = []
        self.figures: dict[int, CampaignFigures] = {}
        self.expanded: set[int] = set()
        self.bars: dict[int, list[TaskBar]] = {}
        self.rows: list[TimelineRow] = []
        self.today = date.today()
        self.first = self.today - timedelta(days=MARGIN_DAYS)
        self.last = self.today + timedelta(days=MARGIN_DAYS)
        self.follower = Follower(workspace, WATCHED, self.reload, self)

    # -- following the store --------------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        self.follower.set_active(active)

    def reload(self) -> None:
        self.follower.loaded()
        self.today = date.today()
        self.campaigns = sorted(self.workspace.campaigns(), key=_start_key)
        known = {c.key for c in self.campaigns}
        self.figures = self.workspace.campaign_figures(self.today)
        self.expanded &= known
        self.bars = {}
        self._load_bars(self.expanded)
        self._layout()

    def _load_bars(self, campaign_ids: set[int]) -> None:
        wanted = campaign_ids - self.bars.keys()
        if not wanted:
            return
        for campaign_id in wanted:
            self.bars[campaign_id] = []
        for bar in self.workspace.task_bars(sorted(wanted)):
            self.bars[bar.campaign_id].append(bar)

    def _layout(self) -> None:
        rows: list[TimelineRow] = []
        days: list[date] = [self.today]
        for campaign in self.campaigns:
            rows.append(TimelineRow(campaign))
            bars = self.bars.get(campaign.key, []) if campaign.id in self.expanded else []
            span = campaign_span(campaign, bars)
            if span:
                days += span
            rows += [TimelineRow(campaign, bar) for bar in bars]
        self.rows = rows
        self.first = min(days) - timedelta(days=MARGIN_DAYS)
        self.last = max(days) + timedelta(days=MARGIN_DAYS * 2)
        self.changed.emit()

    # -- expanding ------------------------------------------------------------------------------

    def is_expanded(self, campaign_id: int) -> bool:
        return campaign_id in self.expanded

    def set_expanded(self, campaign_id: int, expanded: bool) -> None:
        if expanded == (campaign_id in self.expanded):
            return
        if expanded:
            self.expanded.add(campaign_id)
            self._load_bars({campaign_id})
        else:
            self.expanded.discard(campaign_id)
        self._layout()

    def expand_all(self, expanded: bool = True) -> None:
        ids = {c.key for c in self.campaigns}
        self.expanded = set(ids) if expanded else set()
        if expanded and ids - self.bars.keys():
            # One query for every campaign, not one per campaign.
            self.bars = {campaign_id: [] for campaign_id in ids}
            for bar in self.workspace.task_bars():
                if bar.campaign_id in self.bars:
                    self.bars[bar.campaign_id].append(bar)
        self._layout()

    def figures_of(self, campaign_id: int) -> CampaignFigures:
        return self.figures.get(campaign_id, CampaignFigures())

    def row_of_campaign(self, campaign_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.is_campaign and row.campaign.id == campaign_id:
                return number
        return -1

    def row_of_task(self, task_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.bar is not None and row.bar.id == task_id:
                return number
        return -1
