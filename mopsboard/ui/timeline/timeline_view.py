"""The Timeline view: the timeline with its toolbar (scale, expand, today, plan, export)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.calendar_events import CalendarEvent
from mopsboard.domain.ids import CampaignId, TaskId
from mopsboard.qt.timeline.timeline_rows import TimelineRows
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common import theme
from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.common.push_question import ask_to_push
from mopsboard.ui.timeline.event_menu import show_event_menu
from mopsboard.ui.timeline.ghost_bars import (
    LAUNCH_LEGEND,
    LEGEND,
    LEGEND_TIP,
    launch_swatch,
    legend_swatch,
)
from mopsboard.ui.timeline.timeline_paint import Scale
from mopsboard.ui.timeline.timeline_widget import TimelineWidget


def _button(name: str, text: str, icon_name: Icon | None = None) -> QToolButton:
    button = QToolButton()
    button.setObjectName(name)
    button.setText(text)
    button.setAutoRaise(True)
    if icon_name:
        button.setIcon(icon(icon_name))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Said when the toolbar is too narrow for words and shows the icon alone.
        button.setToolTip(text)
    return button


class TimelineView(QWidget):
    def __init__(
        self, actions: WorkspaceActions, link: PageContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePage")
        # Campaign dialogs belong to the campaigns feature; the window hands them in.
        self.link = link
        self.workspace_actions = actions
        self.editing = link.campaign_editor(self)
        self.rows = TimelineRows(actions.workspace, self)
        self.timeline = TimelineWidget(self.rows)
        self.timeline.barMoved.connect(self._bar_moved)
        self.timeline.linkDrawn.connect(self._link_drawn)
        self.timeline.campaignActivated.connect(self._edit)
        self.timeline.selectionChanged.connect(self._update_buttons)
        self.timeline.calendarEventMenu.connect(self._event_menu)
        self._scrolled = False

        self.weeks = _button("timelineWeeks", "Weeks")
        self.months = _button("timelineMonths", "Months")
        group = QButtonGroup(self)
        for button, scale in ((self.weeks, Scale.WEEKS), (self.months, Scale.MONTHS)):
            button.setCheckable(True)
            group.addButton(button)
            button.clicked.connect(lambda _c=False, s=scale: self.timeline.set_scale(s))
        self.months.setChecked(True)
        self.today = _button("timelineToday", "Today", Icon.CALENDAR_DAYS)
        self.today.clicked.connect(lambda: self.timeline.scroll_to_day(self.rows.today, 0.3))
        self.expand = _button("timelineExpand", "Expand all", Icon.CHEVRON_DOWN)
        self.expand.clicked.connect(lambda: self.rows.expand_all(True))
        self.collapse = _button("timelineCollapse", "Collapse all", Icon.CHEVRON_UP)
        self.collapse.clicked.connect(lambda: self.rows.expand_all(False))
        self.template = _button("timelineFromTemplate", "From template\u2026", Icon.FILE_PLUS)
        self.template.clicked.connect(self.editing.from_template)
        self.edit = _button("timelineEdit", "Edit", Icon.PENCIL)
        self.edit.clicked.connect(self._edit_selected)
        self.board = _button("timelineShowOnBoard", "Show on board", Icon.KANBAN)
        self.board.clicked.connect(self._show_selected_on_board)
        self.export = _button("timelineExport", "Export .ics\u2026", Icon.CALENDAR_DAYS)
        self.export.clicked.connect(self.editing.export_calendar)

        bar = QHBoxLayout()
        bar.setContentsMargins(10, 6, 10, 6)
        bar.setSpacing(4)
        for widget in (self.weeks, self.months, self.today, self.expand, self.collapse):
            bar.addWidget(widget)
        bar.addSpacing(12)
        for widget in (self.template, self.edit, self.board, self.export):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.ghost_legend = self._ghost_legend()
        bar.addWidget(self.ghost_legend)
        toolbar = QWidget()
        toolbar.setObjectName("filterBar")
        toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        toolbar.setLayout(bar)
        # The toolbar does not hold the window wide: narrower than its words, its buttons show
        # their icons alone (see _fit_toolbar).
        toolbar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.toolbar = toolbar
        self._worded = (
            self.today,
            self.expand,
            self.collapse,
            self.template,
            self.edit,
            self.board,
            self.export,
        )
        self._worded_width = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.timeline, 1)
        self._update_buttons()

    def _ghost_legend(self) -> QWidget:
        """'Approved plan' and its picture, shown while some campaign on the timeline has been
        approved (its ghost bars are drawn)."""
        legend = QWidget()
        legend.setObjectName("timelineGhostLegend")
        legend.setToolTip(LEGEND_TIP)
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 4, 0)
        row.setSpacing(6)
        swatch, launch = QLabel(), QLabel()
        swatch.setObjectName("timelineGhostLegendSwatch")
        launch.setObjectName("timelineGhostLegendLaunch")

        def paint_swatches(scheme: theme.Scheme) -> None:
            ratio = self.devicePixelRatioF()
            swatch.setPixmap(legend_swatch(scheme.muted, ratio))
            launch.setPixmap(launch_swatch(scheme.text, ratio))

        follow_scheme(swatch, paint_swatches)
        words = QLabel(LEGEND)
        words.setObjectName("timelineGhostLegendText")
        launch_words = QLabel(LAUNCH_LEGEND)
        launch_words.setObjectName("timelineGhostLegendLaunchText")
        row.addWidget(swatch)
        row.addWidget(words)
        row.addSpacing(8)
        row.addWidget(launch)
        row.addWidget(launch_words)
        legend.setVisible(False)
        self.rows.changed.connect(self._show_ghost_legend)
        return legend

    def _show_ghost_legend(self) -> None:
        self.ghost_legend.setVisible(bool(self.rows.approved.approved))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.rows.set_active(True)
        if not self._scrolled:
            self._scrolled = True
            self.timeline.scroll_to_day(self.rows.today, 0.3)
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_toolbar()

    def _fit_toolbar(self) -> None:
        worded = self.today.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        if worded:
            self._worded_width = self.toolbar.sizeHint().width()
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if self.width() >= self._worded_width
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        for button in self._worded:
            button.setToolButtonStyle(style)

    def hideEvent(self, event: QHideEvent) -> None:
        self.rows.set_active(False)
        super().hideEvent(event)

    def _update_buttons(self) -> None:
        item = self.timeline.selected_row()
        self.edit.setEnabled(item is not None and not self.editing.read_only)
        self.board.setEnabled(item is not None)
        self.template.setEnabled(not self.editing.read_only)

    def _bar_moved(self, campaign_id: CampaignId | None, task_id: TaskId | None, days: int) -> None:
        if campaign_id is not None:
            self.editing.campaigns.shift_campaign(campaign_id, days)
        elif task_id is not None:
            self._reschedule(task_id, days)
        # Show the result now, not at the next turn of the event loop.
        self.rows.reload()

    def _reschedule(self, task_id: TaskId, days: int) -> None:
        """A task moved later with successors asks whether to push them along (one undo step
        with the move); kept, or moved earlier, the links it breaks show red."""
        plan = self.workspace_actions.shift_plan(task_id, days)
        if plan is not None and ask_to_push(self, plan):
            self.workspace_actions.reschedule_pushing(plan)
        else:
            self.editing.campaigns.reschedule_task(task_id, days)

    def _link_drawn(self, predecessor_id: int, successor_id: int) -> None:
        # A link refused (a loop, the same link twice) is said in words, in the status bar.
        added = self.workspace_actions.add_link(TaskId(predecessor_id), TaskId(successor_id))
        if added is not None:
            self.rows.reload()

    def _event_menu(self, event: CalendarEvent, where: QPoint) -> None:
        show_event_menu(self, self.workspace_actions, event, where)
        self.rows.reload()

    def _edit(self, campaign_id: CampaignId) -> None:
        if not self.editing.read_only:
            self.editing.edit(campaign_id)

    def _edit_selected(self) -> None:
        item = self.timeline.selected_row()
        if item is not None and item.campaign.id is not None:
            self._edit(item.campaign.id)

    def _show_selected_on_board(self) -> None:
        item = self.timeline.selected_row()
        if item is not None and item.campaign.id is not None:
            self.link.show_on_board("campaign", item.campaign.id)
