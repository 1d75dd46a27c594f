"""The comparison's summary: one column per plan (the real plan first), one row per figure: the
hours over-booked per team and in all, each campaign's launch date and whether it is at risk,
and its planned cost against its budget. A launch a scenario puts launch work after
(domain/scenario_launch_work.py) says so: it is at risk, never "no longer at risk".

A scenario's figure that differs from the real plan's is marked with a sign (a triangle up or
down, and the change) and bold type as well as a background: never by colour alone
(`ChangedRole` says which way, for the view and for tests)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from mopsboard.domain.scenario_compare import CampaignOutlook, Comparison, PlanFigures
from mopsboard.domain.scenario_launch_work import LATE_WORK
from mopsboard.qt.common import palette

AnyIndex = QModelIndex | QPersistentModelIndex
# "worse", "better" or "" (the same as the real plan, or the real plan itself).
ChangedRole = Qt.ItemDataRole.UserRole + 1
# A heading row ("Hours over-booked", "Launch", "Planned cost against budget").
HeadingRole = Qt.ItemDataRole.UserRole + 2
UP, DOWN, MINUS = "\u25b2", "\u25bc", "\u2212"
TOLERANCE = 0.05


class Figure(StrEnum):
    HEADING = "heading"
    OVERLOAD = "overload"
    TOTAL_OVERLOAD = "total overload"
    LAUNCH = "launch"
    COST = "cost"


@dataclass(frozen=True)
class SummaryRow:
    figure: Figure
    label: str
    key: int = 0


def summary_rows(real: PlanFigures) -> list[SummaryRow]:
    rows = [SummaryRow(Figure.HEADING, "Hours over-booked")]
    rows += [SummaryRow(Figure.OVERLOAD, team.name, team.team_id) for team in real.teams]
    rows.append(SummaryRow(Figure.TOTAL_OVERLOAD, "All teams"))
    if real.campaigns:
        rows.append(SummaryRow(Figure.HEADING, "Launch"))
        rows += [SummaryRow(Figure.LAUNCH, c.name, c.campaign_id) for c in real.campaigns]
        rows.append(SummaryRow(Figure.HEADING, "Planned cost against budget"))
        rows += [SummaryRow(Figure.COST, c.name, c.campaign_id) for c in real.campaigns]
    return rows


def _signed(value: float, unit: str = "") -> str:
    return f"{'+' if value > 0 else MINUS}{round(abs(value), 1):,g}{unit}"


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class CompareSummaryModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SummaryRow] = []
        self.plans: tuple[PlanFigures, ...] = ()

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self.plans = comparison.plans if comparison is not None else ()
        self.rows = summary_rows(self.plans[0]) if self.plans else []
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.plans else 1 + len(self.plans)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return "Figure"
        return self.plans[section - 1].name if 0 < section <= len(self.plans) else None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        heading = row.figure is Figure.HEADING
        if role == HeadingRole:
            return heading
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.label
            if role == Qt.ItemDataRole.FontRole and (
                heading or row.figure is Figure.TOTAL_OVERLOAD
            ):
                return _bold()
            return None
        if heading or not 0 < index.column() <= len(self.plans):
            return None
        number = index.column() - 1
        changed = self.changed(row, number)
        if role == ChangedRole:
            return changed
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, number)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, number)
        if role == Qt.ItemDataRole.FontRole and changed:
            return _bold()
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and changed:
            tone = self.tone(row, number, changed)
            if tone is None:
                return None
            colours = palette.current().load(tone)
            return QColor(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- the figures ----------------------------------------------------------------------------

    def overload(self, row: SummaryRow, number: int) -> float:
        plan = self.plans[number]
        if row.figure is Figure.TOTAL_OVERLOAD:
            return plan.overload
        team = plan.team(row.key)  # type: ignore[arg-type]
        return team.overload if team is not None else 0.0

    def outlook(self, row: SummaryRow, number: int) -> CampaignOutlook | None:
        return self.plans[number].campaign(row.key)  # type: ignore[arg-type]

    def tone(self, row: SummaryRow, number: int, changed: str) -> str | None:
        """The load colour a changed figure is painted in, or None. A cost is good or bad by its
        budget: a rise within it is marked (sign, change, bold) but not painted as a problem,
        nor a fall that was within it anyway as a relief."""
        if row.figure is Figure.COST:
            mine, real = self.outlook(row, number), self.outlook(row, 0)
            if mine is None or real is None or mine.over_budget == real.over_budget:
                return (
                    "over" if mine is not None and mine.over_budget and changed == "worse" else None
                )
            return "over" if mine.over_budget else "under"
        return "over" if changed == "worse" else "under"

    def changed(self, row: SummaryRow, number: int) -> str:
        """How the plan's figure differs from the real plan's: "worse", "better" or ""."""
        if number == 0 or row.figure is Figure.HEADING:
            return ""
        if row.figure in (Figure.OVERLOAD, Figure.TOTAL_OVERLOAD):
            delta = self.overload(row, number) - self.overload(row, 0)
            return "" if abs(delta) < TOLERANCE else ("worse" if delta > 0 else "better")
        mine, real = self.outlook(row, number), self.outlook(row, 0)
        if mine is None or real is None:
            return ""
        if row.figure is Figure.LAUNCH:
            if mine.at_risk != real.at_risk:
                return "worse" if mine.at_risk else "better"
            if mine.launch_date == real.launch_date:
                return ""
            # A launch that slips is worse; one brought forward, better.
            later = (
                mine.launch_date is not None
                and real.launch_date is not None
                and mine.launch_date > real.launch_date
            )
            return "worse" if later else "better"
        delta = mine.cost.planned_cost - real.cost.planned_cost
        return "" if abs(delta) < TOLERANCE else ("worse" if delta > 0 else "better")

    def text(self, row: SummaryRow, number: int) -> str:
        """The figure as the table writes it, with the sign and the change when it differs."""
        changed = self.changed(row, number)
        if row.figure in (Figure.OVERLOAD, Figure.TOTAL_OVERLOAD):
            value, real = self.overload(row, number), self.overload(row, 0)
            said = f"{round(value, 1):,g} h"
            if changed:
                said = f"{UP if value > real else DOWN} {said} ({_signed(value - real, ' h')})"
            return said
        mine, real_outlook = self.outlook(row, number), self.outlook(row, 0)
        if mine is None:
            return ""
        if row.figure is Figure.LAUNCH:
            return self._launch_text(mine, real_outlook, changed)
        return self._cost_text(mine, real_outlook, changed)

    @staticmethod
    def _launch_text(mine: CampaignOutlook, real: CampaignOutlook | None, changed: str) -> str:
        day = mine.launch_date
        said = f"{day:%d %b %Y}" if day is not None else "no launch date"
        moved = 0
        if changed and real is not None and day is not None and real.launch_date is not None:
            moved = (day - real.launch_date).days
            if moved:
                said += f" ({_signed(moved, ' d')})"
        if mine.risk is not None and mine.risk.startswith(LATE_WORK):
            said += " \u00b7 at risk: launch work after the launch"
        elif mine.at_risk:
            said += " \u00b7 at risk"
        elif real is not None and real.at_risk:
            said += " \u00b7 no longer at risk"
        if changed:
            went_up = moved > 0 if moved else mine.at_risk
            said = f"{UP if went_up else DOWN} {said}"
        return said

    @staticmethod
    def _cost_text(mine: CampaignOutlook, real: CampaignOutlook | None, changed: str) -> str:
        planned = mine.cost.planned_cost
        budget = f" of {mine.budget:,.0f}" if mine.budget is not None else ""
        said = f"{planned:,.0f}{budget}"
        if mine.over_budget:
            said += " \u00b7 over budget"
        if changed and real is not None:
            delta = planned - real.cost.planned_cost
            said = f"{UP if delta > 0 else DOWN} {said} ({_signed(delta)})"
        return said

    def tooltip(self, row: SummaryRow, number: int) -> str:
        plan = self.plans[number]
        said = f"{row.label} in {plan.name}: {self.text(row, number)}"
        if row.figure is Figure.LAUNCH:
            outlook = self.outlook(row, number)
            if outlook is not None and outlook.risk:
                said += f"\nAt risk: {outlook.risk}"
        changed = self.changed(row, number)
        if changed:
            said += f"\n{'Worse' if changed == 'worse' else 'Better'} than the real plan"
        return said
