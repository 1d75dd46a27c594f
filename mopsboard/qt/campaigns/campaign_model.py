"""The campaigns table: one row per campaign with the figures of its work, and a proxy that sorts
by the raw values and filters by text, status and archived state.

The model follows the store lazily (see qt/follow.py), so a board drag never pays for a hidden
table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon

from mopsboard.domain.campaign_warnings import warnings_by_campaign
from mopsboard.domain.campaign_work import CampaignCost, CampaignFigures
from mopsboard.domain.launch_risk import LaunchRisk, launch_risk
from mopsboard.domain.models import Campaign, CampaignStatus
from mopsboard.qt.campaigns.warning_icon import warning_icon
from mopsboard.qt.common import palette
from mopsboard.qt.common.follow import Follower
from mopsboard.store.workspace import Workspace

AnyIndex = QModelIndex | QPersistentModelIndex
SortRole = Qt.ItemDataRole.UserRole + 1
CampaignIdRole = Qt.ItemDataRole.UserRole + 2
ProgressRole = Qt.ItemDataRole.UserRole + 3
# The campaign's warnings (domain/campaign_warnings.py), in words: a tuple of str.
WarningsRole = Qt.ItemDataRole.UserRole + 4

COLUMNS = (
    "Campaign",
    "Status",
    "Owner",
    "Channel",
    "Audience",
    "Start",
    "Launch",
    "End",
    "Budget",
    "Cost",
    "Hours",
    "Tasks",
    "Open",
    "Overdue",
    "Progress",
)
(
    NAME,
    STATUS,
    OWNER,
    CHANNEL,
    AUDIENCE,
    START,
    LAUNCH,
    END,
    BUDGET,
    COST,
    HOURS,
    TASKS,
    OPEN,
    OVERDUE,
    PROGRESS,
) = range(len(COLUMNS))
NUMERIC = frozenset({BUDGET, COST, HOURS, TASKS, OPEN, OVERDUE, PROGRESS})
# Rates live on people and teams, so their edits change a campaign's cost; links and
# holiday countries change whether its launch is at risk; imported product launches and the
# personas' names change its warnings.
WATCHED = frozenset(
    {
        "campaigns",
        "tasks",
        "stages",
        "boards",
        "time_logs",
        "members",
        "teams",
        "task_links",
        "calendar_events",
        "personas",
    }
)

HEADER_TIPS = {
    PROGRESS: "Estimated hours done / estimated hours in all",
    HOURS: "Planned / actual hours: the estimates of the campaign's tasks, and the hours logged "
    "on them",
    COST: (
        "Planned cost / actual cost: estimated hours \u00d7 the assignee's hourly rate, and "
        "logged hours \u00d7 the rate of who logged them (else their team's rate)"
    ),
}


@dataclass(frozen=True)
class CampaignRow:
    campaign: Campaign
    figures: CampaignFigures
    cost: CampaignCost = field(default_factory=CampaignCost)
    # Why its chain of linked tasks cannot finish by the launch (domain/launch_risk.py).
    risk: LaunchRisk | None = None
    # What its launch is warned of (domain/campaign_warnings.py), in words.
    warnings: tuple[str, ...] = ()

    @property
    def over_budget(self) -> bool:
        return self.cost.over_budget(self.campaign.budget)


def cost_text(row: CampaignRow) -> str:
    """Planned / actual, as the capacity map reads planned / available; a warning sign when the
    plan is over budget; nothing when nothing is priced or logged."""
    cost = row.cost
    if not (cost.planned_cost or cost.actual_cost):
        return ""
    text = f"{cost.planned_cost:,.0f} / {cost.actual_cost:,.0f}"
    return text + (" \u26a0" if row.over_budget else "")


def hours_text(planned: float, logged: float) -> str:
    """Planned / actual hours, as Cost reads; nothing when there are neither."""
    if not (planned or logged):
        return ""
    return f"{planned:,.0f} / {logged:,.0f}"


def cost_lines(row: CampaignRow) -> list[str]:
    """What the tooltip says of cost: planned against budget, actual, hours at no known rate."""
    cost, budget = row.cost, row.campaign.budget
    lines = [
        f"{cost.logged_hours:g} hours logged; planned cost {cost.planned_cost:,.2f}, "
        f"actual cost {cost.actual_cost:,.2f}"
    ]
    if row.over_budget and budget is not None:
        over = cost.planned_cost - budget
        lines.append(f"Planned cost is {over:,.2f} over the budget of {budget:,.2f}")
    unpriced = [
        f"{hours:g} {what} hours have no hourly rate (set one in Edit \u25b8 Teams)"
        for what, hours in (
            ("estimated", cost.unpriced_planned_hours),
            ("logged", cost.unpriced_logged_hours),
        )
        if hours
    ]
    return lines + unpriced


def _day(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else ""


class CampaignTableModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[CampaignRow] = []
        self.today = date.today()
        self._icons: dict[tuple[str, bool], QIcon] = {}
        self.follower = Follower(workspace, WATCHED, self.reload, self)

    # -- following the store --------------------------------------------------------------------

    def set_active(self, active: bool) -> None:
        """The view is shown (True) or hidden: only a shown table re-reads on changes."""
        self.follower.set_active(active)

    def reload(self) -> None:
        self.follower.loaded()
        self.today = date.today()
        figures = self.workspace.campaign_figures(self.today)
        costs = self.workspace.campaign_costs()
        chains = self.workspace.launch_chains()
        warned = warnings_by_campaign(self.workspace.campaign_warnings())

        def row(campaign: Campaign) -> CampaignRow:
            linked, edges = chains.get(campaign.key, ([], []))
            return CampaignRow(
                campaign,
                figures.get(campaign.key, CampaignFigures()),
                costs.get(campaign.key, CampaignCost()),
                launch_risk(campaign.launch_date, linked, edges, self.today),
                tuple(w.text for w in warned.get(campaign.key, ())),
            )

        rows = [row(c) for c in self.workspace.campaigns(include_archived=True)]
        if [r.campaign.id for r in rows] == [r.campaign.id for r in self.rows]:
            # Same campaigns: update in place, so selection and scroll stay.
            self.rows = rows
            if rows:
                last = self.index(len(rows) - 1, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, campaign_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.campaign.id == campaign_id:
                return number
        return -1

    def campaign_at(self, index: AnyIndex) -> Campaign | None:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        return self.rows[index.row()].campaign

    # -- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == SortRole:
            return self._sort_key(row, column)
        if role == CampaignIdRole:
            return row.campaign.id
        if role == ProgressRole:
            return row.figures.progress
        if role == WarningsRole:
            return row.warnings
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            if row.warnings:
                return self._warning_icon(row.campaign.colour)
            return QColor(row.campaign.colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == OVERDUE and row.figures.overdue:
                return QColor(palette.current().overdue)
            if column == LAUNCH and row.risk:
                return QColor(palette.current().overdue)
            if column in (COST, BUDGET) and row.over_budget:
                return QColor(palette.current().overdue)
            if column == STATUS:
                return QColor(palette.current().status(row.campaign.status))
            if row.campaign.archived:
                return QColor(palette.current().archived)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _text(self, row: CampaignRow, column: int) -> str:
        campaign, figures = row.campaign, row.figures
        if column == NAME:
            # In words before the name, so a long name is cut rather than the mark.
            mark = "At risk \u00b7 " if row.risk else ""
            return mark + campaign.name + ("  (archived)" if campaign.archived else "")
        if column == STATUS:
            return campaign.status.value.capitalize()
        if column in (OWNER, CHANNEL, AUDIENCE):
            return str(getattr(campaign, COLUMN_FIELDS[column]))
        if column in (START, LAUNCH, END):
            return _day(getattr(campaign, COLUMN_FIELDS[column]))
        if column == BUDGET:
            return "" if campaign.budget is None else f"{campaign.budget:,.0f}"
        if column == TASKS:
            return str(figures.tasks)
        if column == OPEN:
            return str(figures.open)
        if column == OVERDUE:
            return str(figures.overdue) if figures.overdue else ""
        if column == COST:
            return cost_text(row)
        if column == HOURS:
            return hours_text(figures.hours_total, row.cost.logged_hours)
        progress = figures.progress
        return "" if progress is None else f"{progress:.0%}"

    def _sort_key(self, row: CampaignRow, column: int) -> Any:
        campaign, figures = row.campaign, row.figures
        if column == NAME:
            return campaign.name.casefold()
        if column == STATUS:
            return list(CampaignStatus).index(campaign.status)
        if column in (OWNER, CHANNEL, AUDIENCE):
            return str(getattr(campaign, COLUMN_FIELDS[column])).casefold()
        if column in (START, LAUNCH, END):
            value = getattr(campaign, COLUMN_FIELDS[column])
            return value.isoformat() if value else None
        values = {
            BUDGET: campaign.budget,
            TASKS: figures.tasks,
            OPEN: figures.open,
            OVERDUE: figures.overdue,
            PROGRESS: figures.progress,
            COST: row.cost.planned_cost,
            HOURS: figures.hours_total,
        }
        return values.get(column)

    def _tooltip(self, row: CampaignRow) -> str:
        campaign, figures = row.campaign, row.figures
        lines = [campaign.name]
        if campaign.objective:
            lines.append(campaign.objective[:300])
        lines.append(
            f"{figures.tasks} tasks, {figures.open} open, {figures.overdue} overdue; "
            f"{figures.hours_done:g} of {figures.hours_total:g} estimated hours done"
        )
        lines.extend(cost_lines(row))
        if row.risk:
            lines.append(f"Launch at risk: {row.risk.reason}")
        if row.warnings:
            lines.append("Warnings:")
            lines.extend(f"\u26a0 {text}" for text in row.warnings)
        return "\n".join(lines)

    def _warning_icon(self, colour: str) -> QIcon:
        key = (colour, palette.current().dark)
        icon = self._icons.get(key)
        if icon is None:
            icon = self._icons[key] = warning_icon(colour)
        return icon


COLUMN_FIELDS = {
    OWNER: "owner",
    CHANNEL: "channel",
    AUDIENCE: "audience",
    START: "start_date",
    LAUNCH: "launch_date",
    END: "end_date",
}


class CampaignFilter(QSortFilterProxyModel):
    """Sorts by each column's raw value (empty values last) and keeps rows matching the text
    (name, owner, channel, audience, objective), the status and the archived choice."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.status: CampaignStatus | None = None
        self.show_archived = False
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    def set_filter(
        self, text: str, status: CampaignStatus | None, show_archived: bool = False
    ) -> None:
        # Qt 6.10 replaced invalidateRowsFilter() with a begin/end pair; older Qt has only it.
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:
            begin()
        self.text = text.strip().casefold()
        self.status = status
        self.show_archived = show_archived
        if begin is not None:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CampaignTableModel) or not 0 <= source_row < len(model.rows):
            return False
        campaign = model.rows[source_row].campaign
        if campaign.archived and not self.show_archived:
            return False
        if self.status is not None and campaign.status is not self.status:
            return False
        if self.text:
            haystack = " ".join(
                (campaign.name, campaign.owner, campaign.channel, campaign.audience)
            ).casefold()
            return self.text in haystack or self.text in campaign.objective.casefold()
        return True

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        a, b = left.data(SortRole), right.data(SortRole)
        if a is None or b is None:
            # Empty values sort after every value, whichever way the column is sorted.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return (a is not None) if ascending else (a is None and b is not None)
        if a == b:
            return bool(left.row() < right.row())
        return bool(a < b)
