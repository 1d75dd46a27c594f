"""The compared plans' heat maps: one row per team, one column per week, each cell the team's
hours (planned and logged, as the Capacity view shows them) against its available hours,
coloured by load as the capacity map colours them, with the hours over-booked. A team's cell
is over-booked when one of its people is, even when the team's total is under its available
hours (domain/scenario_figures.py, `team_week`): it is coloured so and says how many people.

The model holds the whole comparison (domain/scenario_compare.py, every plan computed once):
switching the shown plan (`show_plan`) reads nothing and only tells the view its cells changed.
A scenario's cell that differs from the real plan's says how (`DifferenceRole`: "+8 h" planned,
or the hours available), which the view draws as a sign and bold type as well as a colour."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from mopsboard.domain.ids import TeamId
from mopsboard.domain.scenario_compare import Comparison, PlanFigures, TeamWeek
from mopsboard.domain.workload import LoadLevel, load_level
from mopsboard.qt.common import palette

AnyIndex = QModelIndex | QPersistentModelIndex
LevelRole = Qt.ItemDataRole.UserRole + 1
# The cell's hours over-booked (0.0 when not over).
OverloadRole = Qt.ItemDataRole.UserRole + 2
# How many of the team's people are over-booked that week.
PeopleOverRole = Qt.ItemDataRole.UserRole + 5
# How a scenario's cell differs from the real plan's, in a few words ("+8 h"); "" when it does
# not (and always in the real plan).
DifferenceRole = Qt.ItemDataRole.UserRole + 3
TeamColourRole = Qt.ItemDataRole.UserRole + 4
NAME_COLUMN, FIRST_WEEK_COLUMN = 0, 1
NO_HOURS = TeamWeek(0.0, 0.0)
MINUS = "\u2212"


def hours(value: float) -> str:
    return f"{round(value, 1):g}"


def signed(value: float) -> str:
    return ("+" if value > 0 else MINUS) + hours(abs(value))


def level_of(week: TeamWeek) -> LoadLevel:
    level = load_level(week.hours, week.available)
    # The team's total may fit while one of its people is over: the cell is over-booked.
    if week.over_booked and level in (LoadLevel.UNDER, LoadLevel.FULL):
        return LoadLevel.OVER
    return level


def people_over(week: TeamWeek) -> str:
    if not week.people_over:
        return ""
    return f"{week.people_over} {'person' if week.people_over == 1 else 'people'} over-booked"


class PlanHeatModel(QAbstractTableModel):
    """The map of one of the compared plans (`shown`; 0 is the real plan)."""

    def __init__(self, parent: QObject | None = None, *, titled: bool = False) -> None:
        super().__init__(parent)
        # A small multiple names its plan over its team names; the big map has the switch.
        self.titled = titled
        self.comparison: Comparison | None = None
        self.shown = 0
        self.team_ids: list[TeamId] = []
        self.names: list[str] = []
        self.colours: list[str] = []

    @property
    def plan(self) -> PlanFigures | None:
        return self._plan(self.shown)

    def _plan(self, number: int) -> PlanFigures | None:
        plans = self.comparison.plans if self.comparison is not None else ()
        return plans[number] if 0 <= number < len(plans) else None

    def set_comparison(self, comparison: Comparison | None, shown: int = 0) -> None:
        """New figures (the plan or the scenarios changed): every compared plan at once."""
        self.beginResetModel()
        self.comparison = comparison
        plans = comparison.plans if comparison is not None else ()
        self.shown = min(max(0, shown), max(0, len(plans) - 1))
        real = plans[0] if plans else None
        self.team_ids = [t.team_id for t in real.teams] if real else []
        self.names = [t.name for t in real.teams] if real else []
        colours = {r.team.key: r.team.colour for r in real.capacity.rows} if real else {}
        # The teams are the map's team totals (domain/scenario_compare.py): each has its row.
        self.colours = [colours[key] for key in self.team_ids]
        self.endResetModel()

    def show_plan(self, number: int) -> None:
        """Shows another of the plans already computed: the same rows and weeks, its figures."""
        plans = self.comparison.plans if self.comparison is not None else ()
        if number == self.shown or not 0 <= number < len(plans):
            return
        self.shown = number
        if self.rowCount() and self.columnCount() > FIRST_WEEK_COLUMN:
            self.dataChanged.emit(
                self.index(0, FIRST_WEEK_COLUMN),
                self.index(self.rowCount() - 1, self.columnCount() - 1),
            )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def every_plans_cells(self) -> Iterator[tuple[str, str, str]]:
        """Every compared plan's cells as (figures, level, difference): what a view sizes its
        weeks by, so that switching plans never needs wider ones."""
        plans = self.comparison.plans if self.comparison is not None else ()
        weeks = self.columnCount() - FIRST_WEEK_COLUMN
        for number in range(len(plans)):
            for row in range(len(self.team_ids)):
                for week in range(weeks):
                    cell = self.week(row, week, number)
                    yield (
                        f"{hours(cell.hours)} / {hours(cell.available)}",
                        level_of(cell).value,
                        self.difference(row, week, number),
                    )

    def week(self, row: int, week: int, number: int | None = None) -> TeamWeek:
        """A team's week in the shown plan (or in the plan `number`)."""
        plan = self.plan if number is None else self._plan(number)
        load = plan.team(self.team_ids[row]) if plan is not None else None
        return load.weeks[week] if load is not None else NO_HOURS

    def difference(self, row: int, week: int, number: int | None = None) -> str:
        """How the shown scenario's cell (or plan `number`'s) differs from the real plan's; ""
        when it does not."""
        comparison = self.comparison
        number = self.shown if number is None else number
        if comparison is None or self._plan(number) is None or number == 0:
            return ""
        found = comparison.differences[number - 1].cell(self.team_ids[row], week)
        if found is None:
            return ""
        planned = found.scenario.hours - found.real.hours
        if round(planned, 1):
            return f"{signed(planned)} h"
        available = found.scenario.available - found.real.available
        if round(available, 1):
            return f"{signed(available)} h available"
        if found.scenario.over_booked:
            overload = found.scenario.overload - found.real.overload
            more = found.real.over_booked and round(overload, 1)
            return f"{signed(overload)} h over" if more else "over-booked"
        return "no longer over-booked"

    # -- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.team_ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.comparison is None or not self.team_ids:
            return 0
        return FIRST_WEEK_COLUMN + self.comparison.period.weeks

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        comparison, plan = self.comparison, self.plan
        if comparison is None or plan is None or orientation != Qt.Orientation.Horizontal:
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == NAME_COLUMN:
            return plan.name if self.titled else "Team"
        week = section - FIRST_WEEK_COLUMN
        starts = comparison.period.starts
        return f"{starts[week]:%d %b}" if 0 <= week < len(starts) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        plan = self.plan
        if plan is None or not index.isValid():
            return None
        row = index.row()
        if index.column() == NAME_COLUMN:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self.names[row]
            if role == TeamColourRole:
                return self.colours[row]
            return None
        week = index.column() - FIRST_WEEK_COLUMN
        cell = self.week(row, week)
        level = level_of(cell).value
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hours(cell.hours)} / {hours(cell.available)}"
        if role == LevelRole:
            return level
        if role == OverloadRole:
            return cell.overload
        if role == PeopleOverRole:
            return cell.people_over
        if role == DifferenceRole:
            return self.difference(row, week)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(palette.current().load(level)[0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(palette.current().load(level)[1])
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._words(plan, row, week)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _words(self, plan: PlanFigures, row: int, week: int) -> str:
        assert self.comparison is not None
        cell = self.week(row, week)
        start = self.comparison.period.starts[week]
        said = (
            f"{self.names[row]}, week of {start:%d %b %Y} in {plan.name}: "
            f"{hours(cell.hours)} h planned and logged of {hours(cell.available)} h available"
        )
        if cell.over_booked:
            said += f", {hours(cell.overload)} h over-booked"
            if cell.people_over:
                said += f" ({people_over(cell)})"
        delta = self.difference(row, week)
        if delta:
            said += f"; against the real plan: {delta}"
        return said

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
