"""The rows of the campaign timeline: a row per campaign (by start date), and under an expanded
campaign a row per task. Opening the timeline reads the campaigns and their figures only; a
campaign's tasks are read when it is first expanded. The rows are a view over the campaigns
and their bars (`TimelineRowList`), so expanding 50,000 tasks makes no row until it is shown.

Like the other campaign views it follows the store lazily (qt/follow.py). The links between the
shown bars are laid out with the rows (qt/timeline/timeline_links.py).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from operator import itemgetter
from typing import NamedTuple, overload

from PySide6.QtCore import QObject, Signal

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.domain.campaign_warnings import (
    CampaignWarning,
    campaign_warnings,
    sharing_a_week,
    warnings_by_campaign,
)
from mopsboard.domain.campaign_work import CampaignFigures, TaskBar, campaign_span
from mopsboard.domain.critical_path import CriticalPath, critical_path
from mopsboard.domain.ids import CampaignId
from mopsboard.domain.launch_risk import LaunchRisk, launch_risk
from mopsboard.domain.models import Campaign
from mopsboard.domain.workdays import WorkCalendar
from mopsboard.qt.common.follow import Follower
from mopsboard.qt.timeline.approved_plans import ApprovedPlans
from mopsboard.qt.timeline.timeline_links import TimelineLinks
from mopsboard.store.workspace import Workspace

# Links, and the teams and people whose holidays make the working days links are counted in;
# imported calendar events (drawn, and warned of) and the personas the warnings name.
WATCHED = frozenset(
    {
        "campaigns",
        "tasks",
        "stages",
        "boards",
        "task_links",
        "teams",
        "members",
        "calendar_events",
        "personas",
        "approvals",
    }
)
_START, _DUE = itemgetter(TaskBar._fields.index("start")), itemgetter(TaskBar._fields.index("due"))
# Days shown before the first and after the last dated thing.
MARGIN_DAYS = 14
# How far beyond the campaigns' days imported events widen the timeline.
EVENT_REACH_DAYS = 120


class CampaignPlan(NamedTuple):
    """What a campaign's chain of linked tasks says of its launch."""

    risk: LaunchRisk | None = None
    path: CriticalPath = CriticalPath()


class TimelineRow(NamedTuple):
    campaign: Campaign
    bar: TaskBar | None = None  # None: the campaign's own row

    @property
    def is_campaign(self) -> bool:
        return self.bar is None


def _start_key(campaign: Campaign) -> tuple[date, str]:
    first = campaign.start_date or campaign.launch_date or campaign.end_date or date.max
    return first, campaign.name.casefold()


def bars_span(campaign: Campaign, bars: Sequence[TaskBar]) -> tuple[date, date] | None:
    """What `campaign_span(campaign, bars)` gives, without a list of every date: a campaign may
    hold tens of thousands of bars, and this runs when they are loaded."""
    days = [d for d in (campaign.start_date, campaign.launch_date, campaign.end_date) if d]
    for field in (_START, _DUE):
        dated = [day for day in map(field, bars) if day is not None]
        if dated:
            days += (min(dated), max(dated))
    if not days:
        return None
    return min(days), max(days)


class TimelineRowList(Sequence[TimelineRow]):
    """The rows as the timeline shows them, made on demand: a campaign's row, then (when it is
    expanded) a row per bar. Laying out 50,000 rows then costs one entry per campaign; only the
    rows that are asked for (the visible ones) are made."""

    def __init__(self, blocks: Sequence[tuple[Campaign, Sequence[TaskBar]]] = ()) -> None:
        self._campaigns = [campaign for campaign, _bars in blocks]
        self._bars = [bars for _campaign, bars in blocks]
        # The row number of each campaign's own row.
        self._starts: list[int] = []
        total = 0
        for bars in self._bars:
            self._starts.append(total)
            total += 1 + len(bars)
        self._length = total

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> TimelineRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[TimelineRow]: ...
    def __getitem__(self, index: int | slice) -> TimelineRow | list[TimelineRow]:
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(self._length))]
        number = index + self._length if index < 0 else index
        if not 0 <= number < self._length:
            raise IndexError("timeline row out of range")
        block = bisect_right(self._starts, number) - 1
        offset = number - self._starts[block]
        campaign = self._campaigns[block]
        return TimelineRow(campaign, self._bars[block][offset - 1] if offset else None)

    def __iter__(self) -> Iterator[TimelineRow]:
        for campaign, bars in zip(self._campaigns, self._bars, strict=True):
            yield TimelineRow(campaign)
            for bar in bars:
                yield TimelineRow(campaign, bar)

    def bar_blocks(self) -> Iterator[tuple[int, Sequence[TaskBar]]]:
        """(row of its first bar, its bars) of each campaign whose bars are shown."""
        for start, bars in zip(self._starts, self._bars, strict=True):
            if bars:
                yield start + 1, bars

    def row_of_campaign(self, campaign_id: int) -> int:
        for block, campaign in enumerate(self._campaigns):
            if campaign.id == campaign_id:
                return self._starts[block]
        return -1

    def row_of_task(self, task_id: int, where: Callable[[int], dict[int, int]]) -> int:
        """The row of a task's bar; `where(campaign_id)` gives a campaign's bars' positions."""
        for block, campaign in enumerate(self._campaigns):
            if self._bars[block]:
                position = where(campaign.key).get(task_id)
                if position is not None:
                    return self._starts[block] + 1 + position
        return -1


class TimelineRows(QObject):
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.campaigns: list[Campaign] = []
        self.figures: dict[int, CampaignFigures] = {}
        self.plans: dict[int, CampaignPlan] = {}
        # The tasks on some campaign's critical path.
        self.critical: frozenset[int] = frozenset()
        self.expanded: set[int] = set()
        self.bars: dict[int, list[TaskBar]] = {}
        # Imported calendar events (by first day), and each campaign's warnings.
        self.events: list[CalendarEvent] = []
        self.warnings: dict[CampaignId, list[CampaignWarning]] = {}
        # The latest approved plan of each approved campaign (its ghost bars).
        self.approved = ApprovedPlans(workspace)
        # Per campaign, while its bars stay loaded: its span and where each task's bar is.
        self._spans: dict[int, tuple[tuple[date, date] | None]] = {}
        self._bar_positions: dict[int, dict[int, int]] = {}
        self.rows: TimelineRowList = TimelineRowList()
        self.links = TimelineLinks(workspace)
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
        self._read_plans()
        self._read_warnings()
        self.approved.reload()
        self.expanded &= known
        self._set_bars({})
        self._load_bars(self.expanded)
        self._layout()

    def _read_plans(self) -> None:
        """Launch at risk and the critical path of each campaign, from its chain of linked open
        tasks (read once for all campaigns), as the campaigns table reads its risk."""
        chains = self.workspace.launch_chains()
        self.plans = {}
        for campaign in self.campaigns:
            chain = chains.get(campaign.key)
            if chain is not None:
                linked, edges = chain
                self.plans[campaign.key] = CampaignPlan(
                    launch_risk(campaign.launch_date, linked, edges, self.today),
                    critical_path(campaign.launch_date, linked, edges),
                )
        self.critical = frozenset(key for plan in self.plans.values() for key in plan.path.tasks)
        along = [pair for plan in self.plans.values() for pair in plan.path.links]
        self.links.reload(chains, along)

    def _read_warnings(self) -> None:
        """The imported events, and the warnings of the campaigns shown (as the campaigns table
        reads them, without reading the campaigns again)."""
        self.events = self.workspace.calendar_events()
        names = {p.key: p.name for p in self.workspace.personas(include_archived=True)}
        personas = self.workspace.campaign_personas(sharing_a_week(self.campaigns))
        found = campaign_warnings(self.campaigns, personas, names, self.events)
        self.warnings = warnings_by_campaign(found)

    def warnings_of(self, campaign_id: CampaignId) -> list[CampaignWarning]:
        return self.warnings.get(campaign_id, [])

    def plan_of(self, campaign_id: int) -> CampaignPlan:
        return self.plans.get(campaign_id, CampaignPlan())

    def _load_bars(self, campaign_ids: set[int]) -> None:
        wanted = campaign_ids - self.bars.keys()
        if not wanted:
            return
        for campaign_id in wanted:
            self.bars[campaign_id] = []
            self._spans.pop(campaign_id, None)
            self._bar_positions.pop(campaign_id, None)
        for bar in self.workspace.task_bars(sorted(wanted)):
            self.bars[bar.campaign_id].append(bar)

    def _set_bars(self, bars: dict[int, list[TaskBar]]) -> None:
        self.bars = bars
        self._spans = {}
        self._bar_positions = {}

    def _layout(self) -> None:
        blocks: list[tuple[Campaign, Sequence[TaskBar]]] = []
        days: list[date] = [self.today]
        for campaign in self.campaigns:
            bars = self.bars.get(campaign.key, []) if campaign.id in self.expanded else []
            blocks.append((campaign, bars))
            span = self._span(campaign, bars)
            if span:
                days += span
        if self.events:
            # Events a little beyond the campaigns stay in reach; a calendar reaching years
            # ahead (a repeating event's) does not stretch the timeline that far.
            reach = timedelta(days=EVENT_REACH_DAYS)
            low, high = min(days) - reach, max(days) + reach
            days += [max(low, self.events[0].first_day)]
            days += [min(high, max(e.last_day for e in self.events))]
        self.rows = TimelineRowList(blocks)
        self.links.layout(self.rows.bar_blocks())
        self.first = min(days) - timedelta(days=MARGIN_DAYS)
        self.last = max(days) + timedelta(days=MARGIN_DAYS * 2)
        self.changed.emit()

    def _span(self, campaign: Campaign, bars: list[TaskBar]) -> tuple[date, date] | None:
        if not bars:
            return campaign_span(campaign)
        # Worked out once per loading of the campaign's bars, not on every expand or collapse.
        span = self._spans.get(campaign.key)
        if span is None:
            span = self._spans[campaign.key] = (bars_span(campaign, bars),)
        return span[0]

    def _positions(self, campaign_id: int) -> dict[int, int]:
        """Task id -> its place among the campaign's bars (made when first asked)."""
        found = self._bar_positions.get(campaign_id)
        if found is None:
            bars = self.bars.get(campaign_id, [])
            found = self._bar_positions[campaign_id] = {bar.id: n for n, bar in enumerate(bars)}
        return found

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
            bars: dict[int, list[TaskBar]] = {campaign_id: [] for campaign_id in ids}
            for bar in self.workspace.task_bars():
                if bar.campaign_id in bars:
                    bars[bar.campaign_id].append(bar)
            self._set_bars(bars)
        self._layout()

    def figures_of(self, campaign_id: int) -> CampaignFigures:
        return self.figures.get(campaign_id, CampaignFigures())

    def row_of_campaign(self, campaign_id: int) -> int:
        return self.rows.row_of_campaign(campaign_id)

    def row_of_task(self, task_id: int) -> int:
        return self.rows.row_of_task(task_id, self._positions)

    def calendar_of(self, task_id: int) -> WorkCalendar:
        """The working days a task's moves are counted in: its team's."""
        return self.links.calendar_of(task_id)
