"""The board's filter bar: free text, campaign, persona, assignee, team, due; and swimlanes."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton, QVBoxLayout, QWidget

from mopsboard.domain.filtering import (
    ANY,
    DUE_FILTER_LABELS,
    GROUPING_LABELS,
    DueFilter,
    Grouping,
    TaskFilter,
)
from mopsboard.qt.board.board_parts import Lookups
from mopsboard.ui.common.eliding_combo import ElidingComboBox
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.wrapping_bar import Control, Space, WrappingBar

# Row ids start at 1, so 0 can stand for "has none" in a picker (Qt cannot find None data).
NO_VALUE = 0
# Each reference picker's first and last entries: any value, and none.
PICKER_WORDS = {
    "campaign": ("All campaigns", "No campaign"),
    "persona": ("All personas", "No persona"),
    "assignee": ("All assignees", "Unassigned"),
    "team": ("All teams", "No team"),
}


def _value(combo: QComboBox) -> int | None:
    data = combo.currentData()
    return None if data == NO_VALUE else int(data)


def _combo(name: str, accessible: str, *fit: str) -> ElidingComboBox:
    # As wide as the picker's own words ("All campaigns", "No campaign"): a longer name the
    # user chose is elided, whole in the tooltip and in the list.
    combo = ElidingComboBox()
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setToolTip(accessible)
    combo.fit_texts(*fit)
    return combo


class FilterBar(QWidget):
    filterChanged = Signal(object)  # TaskFilter
    groupingChanged = Signal(object)  # Grouping

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.search = QLineEdit()
        self.search.setObjectName("filterText")
        self.search.setAccessibleName("Filter cards by text")
        self.search.setPlaceholderText("Filter cards (title, description, labels)  Ctrl+F")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon(Icon.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(180)
        self.campaign = _combo("filterCampaign", "Filter by campaign", *PICKER_WORDS["campaign"])
        self.persona = _combo("filterPersona", "Filter by persona", *PICKER_WORDS["persona"])
        self.assignee = _combo("filterAssignee", "Filter by assignee", *PICKER_WORDS["assignee"])
        self.team = _combo("filterTeam", "Filter by team", *PICKER_WORDS["team"])
        self.due = _combo("filterDue", "Filter by due date", *DUE_FILTER_LABELS.values())
        for due, label in DUE_FILTER_LABELS.items():
            self.due.addItem(label, due.value)
        self.grouping = _combo("grouping", "Swimlanes", *GROUPING_LABELS.values())
        for grouping, label in GROUPING_LABELS.items():
            self.grouping.addItem(label, grouping.value)
        self.clear = QToolButton()
        self.clear.setObjectName("clearFilters")
        self.clear.setIcon(icon(Icon.FUNNEL_X))
        self.clear.setToolTip("Clear all filters (Esc in the filter box)")
        self.clear.setAccessibleName("Clear filters")

        # One row in a wide window; in a narrow one the pickers wrap onto a second row rather
        # than be squeezed until their texts are cut.
        self.bar = WrappingBar(
            [
                [Control(self.search, 3), Control(self.campaign, 1), Control(self.persona, 1)],
                [
                    Control(self.assignee, 1),
                    Control(self.team, 1),
                    Control(self.due, 1),
                    Control(self.clear),
                    Space(8),
                    Control(self.grouping, 1),
                ],
            ]
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)

        # Typing filters after a short pause, so a fast typist does not filter on every key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(self._emit)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        for combo in (self.campaign, self.persona, self.assignee, self.team, self.due):
            combo.currentIndexChanged.connect(lambda _i: self._emit())
        self.grouping.currentIndexChanged.connect(
            lambda _i: self.groupingChanged.emit(Grouping(self.grouping.currentData()))
        )
        self.clear.clicked.connect(self.reset)

    def set_lookups(self, lookups: Lookups) -> None:
        """Fills the pickers, keeping the current choices where they still exist."""
        words = PICKER_WORDS
        choices = [
            (
                self.campaign,
                *words["campaign"],
                sorted(((c.name, i) for i, c in lookups.campaigns.items() if not c.archived)),
            ),
            (
                self.persona,
                *words["persona"],
                sorted(((p.name, i) for i, p in lookups.personas.items() if not p.archived)),
            ),
            (
                self.assignee,
                *words["assignee"],
                sorted(((m.name, i) for i, m in lookups.members.items() if m.active)),
            ),
            (
                self.team,
                *words["team"],
                sorted(((t.name, i) for i, t in lookups.teams.items() if not t.archived)),
            ),
        ]
        for combo, all_label, none_label, items in choices:
            current = combo.currentData()
            with QSignalBlocker(combo):
                combo.clear()
                combo.addItem(all_label, ANY)
                for name, row_id in items:
                    combo.addItem(name, row_id)
                combo.addItem(none_label, NO_VALUE)
                found = combo.findData(current)
                combo.setCurrentIndex(found if found >= 0 else 0)

    def current(self) -> TaskFilter:
        return TaskFilter(
            text=self.search.text().strip(),
            campaign_id=_value(self.campaign),
            persona_id=_value(self.persona),
            assignee_id=_value(self.assignee),
            team_id=_value(self.team),
            due=DueFilter(self.due.currentData() or DueFilter.ANY.value),
        )

    def set_field(self, field: str, value: int | None) -> None:
        combo = {
            "campaign": self.campaign,
            "persona": self.persona,
            "assignee": self.assignee,
            "team": self.team,
        }[field]
        found = combo.findData(NO_VALUE if value is None else value)
        if found >= 0:
            combo.setCurrentIndex(found)

    def reset(self) -> None:
        with QSignalBlocker(self.search):
            self.search.clear()
        for combo in (self.campaign, self.persona, self.assignee, self.team, self.due):
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._emit()

    def _emit(self) -> None:
        self._debounce.stop()
        self.filterChanged.emit(self.current())
