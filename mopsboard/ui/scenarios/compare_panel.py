"""The scenarios page's right side: the real plan and the checked scenarios compared over some
weeks. One big heat map with a switch between the plans (every plan computed together, so the
switch reads nothing), or the plans' maps one under another; under them, the summary: hours
over-booked per team, each campaign's launch and cost against budget, differences marked."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.calendar import Period
from mopsboard.domain.scenario_compare import Comparison
from mopsboard.qt.scenarios.compare_summary_model import CompareSummaryModel
from mopsboard.qt.scenarios.plan_heat_model import PlanHeatModel
from mopsboard.ui.common.widgets import pydate, qdate
from mopsboard.ui.scenarios.flow_layout import FlowLayout
from mopsboard.ui.scenarios.heat_view import PlanHeatView
from mopsboard.ui.scenarios.summary_table import SummaryTable

NOTHING_CHECKED = (
    "The real plan alone. Check up to three scenarios in the list to compare them with it."
)
MOST_WEEKS = 26
SMALL_ROW = 30


def _toggle(name: str, text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setCheckable(True)
    button.setAutoRaise(True)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button


class ComparePanel(QWidget):
    # The weeks compared changed: the page computes the comparison again.
    periodChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.comparison: Comparison | None = None
        self.map_model = PlanHeatModel(self)
        self.map = PlanHeatView(
            self.map_model,
            name="compareMap",
            accessible="Heat map of the plan shown: planned and available hours per team and week",
        )
        self.small_models: list[PlanHeatModel] = []
        self.small_views: list[PlanHeatView] = []
        # Each small map's plan named over it, whole: a header cell is too narrow for the name.
        self.small_titles: list[QLabel] = []
        self.multiples = QWidget()
        self.multiples.setObjectName("compareMultiples")
        self.multiples_layout = QVBoxLayout(self.multiples)
        self.multiples_layout.setContentsMargins(0, 0, 0, 0)
        self.multiples_layout.setSpacing(6)
        self.multiples_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("compareSideBySide")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.multiples)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.map)
        self.stack.addWidget(scroll)
        self.summary_model = CompareSummaryModel(self)
        self.summary = SummaryTable(self.summary_model)
        self.note = QLabel(NOTHING_CHECKED)
        self.note.setObjectName("compareNote")
        self.note.setProperty("tone", "note")
        self.note.setWordWrap(True)

        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("compareSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.stack)
        splitter.addWidget(self.summary)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_bar())
        body = QVBoxLayout()
        body.setContentsMargins(8, 6, 8, 8)
        body.setSpacing(6)
        body.addWidget(self.note)
        body.addWidget(splitter, 1)
        layout.addLayout(body, 1)

    def _build_bar(self) -> QWidget:
        monday = date.today() - timedelta(days=date.today().weekday())
        self.first = QDateEdit()
        self.first.setObjectName("compareFrom")
        self.first.setAccessibleName("First week compared")
        self.first.setCalendarPopup(True)
        self.first.setDisplayFormat("'week of' d MMM yyyy")
        self.first.setDate(qdate(monday))
        self.first.dateChanged.connect(lambda _d: self.periodChanged.emit())
        self.weeks = QSpinBox()
        self.weeks.setObjectName("compareWeeks")
        self.weeks.setAccessibleName("Number of weeks compared")
        self.weeks.setRange(1, MOST_WEEKS)
        self.weeks.setValue(8)
        self.weeks.setSuffix(" weeks")
        self.weeks.valueChanged.connect(lambda _v: self.periodChanged.emit())
        self.plans = QButtonGroup(self)
        self.plans.setExclusive(True)
        self.plans.idClicked.connect(self.show_plan)
        self.side_by_side = _toggle(
            "compareSideBySideButton", "Side by side", "Show the plans' maps one under another"
        )
        self.side_by_side.toggled.connect(self._set_side_by_side)
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 2)
        bar.setSpacing(6)
        title = QLabel("Compare")
        title.setProperty("tone", "heading")
        bar.addWidget(title)
        bar.addWidget(self.first)
        bar.addWidget(self.weeks)
        bar.addStretch(1)
        bar.addWidget(self.side_by_side)
        # The switch has a row of its own, going on to a second when the plans' names are long
        # or the window narrow: each name reads whole.
        self.switch_label = QLabel("Map of")
        self.switch_label.setProperty("tone", "muted")
        # As tall as the plans' buttons, so that it reads on their line.
        self.switch_label.setMinimumHeight(_toggle("", "Real plan", "").sizeHint().height())
        self.switch_label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        switch_row = QWidget()
        self.switch = FlowLayout(switch_row, spacing=2)
        self.switch.setContentsMargins(10, 0, 10, 4)
        self.switch.addWidget(self.switch_label)
        rows = QVBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(0)
        rows.addLayout(bar)
        rows.addWidget(switch_row)
        widget = QWidget()
        widget.setObjectName("filterBar")
        widget.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        widget.setLayout(rows)
        return widget

    # -- what is compared -------------------------------------------------------------------------

    def period(self) -> Period:
        return Period.of(pydate(self.first.date()), self.weeks.value())

    def set_comparison(self, comparison: Comparison) -> None:
        """The plans computed again: the switch, the maps and the summary show them."""
        shown = self.map_model.shown
        self.comparison = comparison
        plans = comparison.plans
        shown = shown if shown < len(plans) else 0
        self.map_model.set_comparison(comparison, shown)
        self.summary_model.set_comparison(comparison)
        self._fill_switch([plan.name for plan in plans], shown)
        self._fill_multiples(comparison)
        self.note.setText(NOTHING_CHECKED)
        self.note.setVisible(len(plans) == 1)
        self._share_height()

    def _share_height(self) -> None:
        """The map as tall as its rows (up to most of the room), the summary the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        wanted = self.map.fitted_height() if self.stack.currentIndex() == 0 else total * 2 // 3
        top = max(total // 3, min(wanted, total * 2 // 3))
        self.splitter.setSizes([top, total - top])

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _fill_switch(self, names: list[str], shown: int) -> None:
        buttons = self.plans.buttons()
        if [b.text() for b in buttons] != names:
            for button in buttons:
                self.plans.removeButton(button)
                self.switch.removeWidget(button)
                # Out of the panel at once (not when the loop next deletes it): the new
                # buttons take these names.
                button.setParent(None)
                button.deleteLater()
            for number, name in enumerate(names):
                button = _toggle(f"comparePlan-{number}", name, f"Show the map of {name}")
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                self.plans.addButton(button, number)
                self.switch.addWidget(button)
        for number, button in enumerate(self.plans.buttons()):
            button.setChecked(number == shown)
            button.setVisible(len(names) > 1)
            button.setEnabled(not self.side_by_side.isChecked())
        self.switch_label.setVisible(len(names) > 1)

    def _fill_multiples(self, comparison: Comparison) -> None:
        wanted = len(comparison.plans)
        while len(self.small_models) > wanted:
            self.small_models.pop().deleteLater()
            for widget in (self.small_views.pop(), self.small_titles.pop()):
                self.multiples_layout.removeWidget(widget)
                widget.setParent(None)
                widget.deleteLater()
        while len(self.small_models) < wanted:
            number = len(self.small_models)
            model = PlanHeatModel(self)
            title = QLabel()
            title.setObjectName(f"compareSmallTitle-{number}")
            title.setProperty("tone", "heading")
            title.setWordWrap(True)
            view = PlanHeatView(
                model,
                name=f"compareSmallMap-{number}",
                accessible=f"Heat map of compared plan {number + 1}",
                row_height=SMALL_ROW,
            )
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            # The maps scroll sideways together, so a week stays under the same week.
            bar = view.horizontalScrollBar()
            bar.valueChanged.connect(self._scroll_multiples)
            self.small_models.append(model)
            self.small_views.append(view)
            self.small_titles.append(title)
            self.multiples_layout.insertWidget(2 * number, title)
            self.multiples_layout.insertWidget(2 * number + 1, view)
        for number, (model, view) in enumerate(
            zip(self.small_models, self.small_views, strict=True)
        ):
            model.set_comparison(comparison, number)
            self.small_titles[number].setText(comparison.plans[number].name)
            # One scroll bar, under the last map: they all scroll with it.
            view.setHorizontalScrollBarPolicy(
                Qt.ScrollBarPolicy.ScrollBarAsNeeded
                if number == wanted - 1
                else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
            )
            view.setFixedHeight(view.fitted_height())

    def _scroll_multiples(self, value: int) -> None:
        for view in self.small_views:
            if view.horizontalScrollBar().value() != value:
                view.horizontalScrollBar().setValue(value)

    # -- switching --------------------------------------------------------------------------------

    def show_plan(self, number: int) -> None:
        """Flips the big map to another compared plan: nothing is read or computed."""
        self.map_model.show_plan(number)
        button: QAbstractButton | None = self.plans.button(number)
        if button is not None and not button.isChecked():
            button.setChecked(True)

    def _set_side_by_side(self, on: bool) -> None:
        self.stack.setCurrentIndex(1 if on else 0)
        self._share_height()
        for button in self.plans.buttons():
            button.setEnabled(not on)
