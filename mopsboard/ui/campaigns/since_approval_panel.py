"""The campaign's "Since approval" panel: its approvals (by, when, note), then against the latest
baseline: the launch moved by N working days, hours and cost then and now, tasks added and
removed with their hours, hours per team then and now, and the dated changes with who made
them. Approve… and Export change report… sit at its top; they are given the panel, to open
their dialogs over the window it is in."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.baselines import Approval
from mopsboard.domain.since_approval import SinceApproval
from mopsboard.ui.campaigns.change_report import (
    RATES_NOTE,
    approval_line,
    day_text,
    money,
    shift_text,
    signed,
)

# What the panel shows: the comparison with the latest approval (None: never approved), and
# every approval, oldest first.
Source = Callable[[], tuple[SinceApproval | None, Sequence[Approval]]]


def _tree(name: str, headers: Sequence[str], stretch: int = 0) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setHeaderLabels(list(headers))
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    tree.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # The words take the room: the team's or task's name, or what a change was.
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return tree


class SinceApprovalPanel(QWidget):
    def __init__(
        self,
        source: Source,
        approve: Callable[[QWidget], object],
        export: Callable[[QWidget], object],
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sinceApprovalPanel")
        self.source = source
        self.status = QLabel()
        self.status.setObjectName("approvalStatus")
        self.status.setWordWrap(True)
        self.approve_button = QPushButton("Approve\u2026")
        self.approve_button.setObjectName("approveCampaign")
        self.approve_button.setEnabled(not read_only)
        self.approve_button.clicked.connect(lambda: self._approve(approve))
        self.export_button = QPushButton("Export change report\u2026")
        self.export_button.setObjectName("exportChangeReport")
        self.export_button.clicked.connect(lambda: export(self))
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.approve_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)

        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for n, key in enumerate(("Launch", "Hours", "Planned cost", "Scope")):
            label = QLabel(f"<b>{key}</b>")
            value = QLabel()
            value.setObjectName(f"since_{key.split()[-1].lower()}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.figures[key] = value
            grid.addWidget(label, n // 2, (n % 2) * 2)
            grid.addWidget(value, n // 2, (n % 2) * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.teams = _tree("sinceTeams", ("Team", "At approval", "Now", "Change"))
        self.scope = _tree("sinceScope", ("Task", "Hours"))
        self.changes = _tree("sinceChanges", ("When", "Who", "What"), stretch=2)
        self.history = _tree("approvalHistory", ("Approved", "By", "Note"), stretch=2)
        tables = QSplitter(Qt.Orientation.Horizontal)
        tables.addWidget(self.teams)
        tables.addWidget(self.scope)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.setObjectName("sinceSplitter")
        lists.setChildrenCollapsible(False)
        lists.addWidget(tables)
        lists.addWidget(self.changes)
        lists.addWidget(self.history)
        lists.setStretchFactor(0, 2)
        lists.setStretchFactor(1, 3)
        lists.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(lists, 1)
        self.refresh()

    def _approve(self, approve: Callable[[QWidget], object]) -> None:
        # The dialogs it opens belong to the window the panel is in (the campaign dialog).
        approve(self)
        self.refresh()

    def refresh(self) -> None:
        since, history = self.source()
        self._show_history(history)
        self.export_button.setEnabled(since is not None)
        for tree in (self.teams, self.scope, self.changes):
            tree.clear()
        if since is None:
            self.status.setText(
                "Not approved yet. Approve the brief to take a baseline: what changes after "
                "it shows here."
            )
            for value in self.figures.values():
                value.setText("\u2014")
            return
        latest = since.approval
        by = f" by {latest.author}" if latest.author else ""
        self.status.setText(
            f"Approved {approval_line(latest)} (recorded{by}). The plan now against the "
            "baseline it took:"
        )
        self._show_figures(since)
        self._show_lists(since)

    def _show_figures(self, since: SinceApproval) -> None:
        self.figures["Launch"].setText(
            f"{day_text(since.launch_before)} \u2192 {day_text(since.launch_now)}: "
            f"{shift_text(since)}"
        )
        self.figures["Hours"].setText(
            f"{since.hours_before:g} \u2192 {since.hours_now:g} h "
            f"({signed(since.hours_delta, ' h')})"
        )
        budget = f", budget {money(since.budget)}" if since.budget is not None else ""
        rates = f"; {RATES_NOTE}" if since.rates_changed else ""
        self.figures["Planned cost"].setText(
            f"{money(since.cost_before)} \u2192 {money(since.cost_now)} "
            f"({signed(since.cost_delta)}{budget}){rates}"
        )
        self.figures["Scope"].setText(
            f"{len(since.tasks_added)} added, {len(since.tasks_removed)} removed"
        )

    def _show_lists(self, since: SinceApproval) -> None:
        for team in since.teams:
            item = QTreeWidgetItem(
                [team.team, f"{team.before:g} h", f"{team.now:g} h", signed(team.delta, " h")]
            )
            for column in (1, 2, 3):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.teams.addTopLevelItem(item)
        for sign, tasks in (("+", since.tasks_added), ("\u2212", since.tasks_removed)):
            for task in tasks:
                item = QTreeWidgetItem([f"{sign} {task.title}", f"{sign}{task.hours:g} h"])
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                self.scope.addTopLevelItem(item)
        if not since.tasks_added and not since.tasks_removed:
            self.scope.addTopLevelItem(QTreeWidgetItem(["No task added or removed", ""]))
        # Newest first: what happened last is what one looks for.
        for change in reversed(since.changes):
            item = QTreeWidgetItem(
                [f"{change.at:%d %b %Y %H:%M}", change.author or "someone", change.text]
            )
            item.setToolTip(2, change.text)  # a campaign's move names three dates
            self.changes.addTopLevelItem(item)
        if not since.changes:
            rates = f" (the {RATES_NOTE})" if since.rates_changed else ""
            self.changes.addTopLevelItem(
                QTreeWidgetItem(["", "", f"No change since approval{rates}"])
            )

    def _show_history(self, history: Sequence[Approval]) -> None:
        self.history.clear()
        for approval in reversed(history):
            self.history.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        f"{approval.approved_at:%d %b %Y %H:%M} UTC",
                        ", ".join(approval.approved_by),
                        approval.note,
                    ]
                )
            )
