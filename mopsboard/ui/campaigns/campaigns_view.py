"""The Campaigns view: every campaign with the figures of its work, sortable and filterable;
create, edit, archive, plan from a template, save as a template, show on the board, export;
approve a brief and see what changed since (the campaign dialog's "Since approval" tab)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QHideEvent, QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import CampaignId
from mopsboard.domain.models import Campaign, CampaignStatus
from mopsboard.qt.campaigns.campaign_model import (
    COLUMNS,
    NAME,
    PROGRESS,
    CampaignFilter,
    CampaignIdRole,
    CampaignTableModel,
    ProgressRole,
)
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.campaigns.campaign_editing import CampaignEditing
from mopsboard.ui.common import theme
from mopsboard.ui.common.compact_button import CompactToolButton
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.page_context import PageContext
from mopsboard.ui.common.wrapping_bar import Control, Stretch, WrappingBar

NAME_MIN_WIDTH = 180
COLUMN_WIDTHS = {
    NAME: 220,
    COLUMNS.index("Status"): 76,
    COLUMNS.index("Owner"): 84,
    COLUMNS.index("Channel"): 78,
    COLUMNS.index("Audience"): 92,
    COLUMNS.index("Start"): 84,
    COLUMNS.index("Launch"): 84,
    COLUMNS.index("End"): 84,
    COLUMNS.index("Budget"): 70,
    COLUMNS.index("Cost"): 112,
    COLUMNS.index("Hours"): 72,
    COLUMNS.index("Tasks"): 46,
    COLUMNS.index("Open"): 46,
    COLUMNS.index("Overdue"): 56,
    PROGRESS: 80,
}


class ProgressDelegate(QStyledItemDelegate):
    """Progress as a thin bar with the percentage beside it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        value = index.data(ProgressRole)
        if value is None:
            return
        rect: QRect = option.rect
        bar = QRect(rect.left() + 6, rect.center().y() - 3, max(10, rect.width() - 52), 6)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.PROGRESS_TRACK))
        painter.drawRoundedRect(bar, 3, 3)
        done = QRect(bar)
        done.setWidth(int(bar.width() * float(value)))
        painter.setBrush(QColor(theme.COMPLETE if float(value) >= 1 else theme.PROGRESS))
        if done.width() > 0:
            painter.drawRoundedRect(done, 3, 3)
        painter.restore()

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class CampaignTable(QTableView):
    """The campaigns table: the name takes the width the other columns leave, but never less
    than NAME_MIN_WIDTH (narrower, the table scrolls sideways instead of cutting names)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_name_column()

    def fit_name_column(self) -> None:
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column != NAME and not header.isSectionHidden(column)
        )
        self.setColumnWidth(NAME, max(NAME_MIN_WIDTH, self.viewport().width() - others))


class CampaignsView(QWidget):
    def __init__(
        self, actions: WorkspaceActions, link: PageContext, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("campaignsPage")
        self.editing = CampaignEditing(actions, link, self)
        self.model = CampaignTableModel(actions.workspace, self)
        self.proxy = CampaignFilter(self)
        self.proxy.setSourceModel(self.model)

        self._build_filters()
        toolbar = self._build_toolbar()
        self._build_table()
        self._build_empty_hint()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        self._connect_signals()
        self._apply_filter()

    # -- building -------------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("campaignSearch")
        self.search.setAccessibleName("Filter campaigns")
        self.search.setPlaceholderText("Filter campaigns")
        self.search.setToolTip("Filter by name, owner, channel or audience")
        self.search.setMinimumWidth(160)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon(Icon.SEARCH), QLineEdit.ActionPosition.LeadingPosition)
        self.status = QComboBox()
        self.status.setObjectName("campaignStatusFilter")
        self.status.setAccessibleName("Filter by status")
        self.status.addItem("All statuses", "")
        for status in CampaignStatus:
            self.status.addItem(status.value.capitalize(), status.value)
        self.archived = QCheckBox("Show archived")
        self.archived.setObjectName("showArchivedCampaigns")

    def _build_toolbar(self) -> QWidget:
        self.buttons: dict[str, QToolButton] = {}
        for key, text, icon_name, slot in (
            ("new", "New", Icon.PLUS, self.new_campaign),
            ("template", "From template\u2026", Icon.FILE_PLUS, self.from_template),
            ("edit", "Edit", Icon.PENCIL, self.edit_selected),
            ("archive", "Archive", Icon.ARCHIVE, self.archive_selected),
            ("since", "Approval\u2026", Icon.CHECK, self.since_approval_of_selected),
            ("board", "Show on board", Icon.KANBAN, self.show_selected_on_board),
            ("save", "Save as template\u2026", Icon.SAVE, self.save_selected_as_template),
            ("export", "Export .ics\u2026", Icon.CALENDAR_DAYS, self.editing.export_calendar),
        ):
            button = CompactToolButton(icon(icon_name), text)
            button.setObjectName(f"campaign_{key}")
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons[key] = button
        # One row in a wide window; narrower, the filters go to a second row, and narrower
        # still the buttons show only their icons: never a label cut short. The approval
        # starts the second row: at 1024 px the first has no room left for it.
        first = [button for key, button in self.buttons.items() if key != "since"]
        toolbar = WrappingBar(
            [
                [*(Control(button) for button in first), Stretch()],
                [
                    Control(self.buttons["since"]),
                    Control(self.search, 2),
                    Control(self.status),
                    Control(self.archived),
                ],
            ],
            spacing=4,
        )
        toolbar.setObjectName("filterBar")
        toolbar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        return toolbar

    def _build_table(self) -> None:
        self.table = CampaignTable()
        self.table.setObjectName("campaignTable")
        self.table.setAccessibleName("Campaigns")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("Launch"), Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Arrows move between rows; Tab leaves the table.
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setItemDelegateForColumn(PROGRESS, ProgressDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        header.sectionResized.connect(self._column_resized)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != NAME:
            self.table.fit_name_column()

    def _build_empty_hint(self) -> None:
        self.empty = QLabel(
            "No campaigns yet. Create one, or plan one backwards from its launch date with "
            "\u201cFrom template\u201d."
        )
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _t: self._apply_filter())
        self.status.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.archived.toggled.connect(lambda _on: self._apply_filter())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())

    # -- showing --------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        self.model.set_active(True)
        self._update_buttons()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.model.set_active(False)
        super().hideEvent(event)

    def _apply_filter(self) -> None:
        value = self.status.currentData()
        self.proxy.set_filter(
            self.search.text(),
            CampaignStatus(value) if value else None,
            self.archived.isChecked(),
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        campaign = self.selected_campaign()
        writable = not self.editing.read_only
        for key in ("edit", "save", "board", "archive", "since"):
            self.buttons[key].setEnabled(campaign is not None)
        for key in ("new", "template", "archive", "save"):
            self.buttons[key].setEnabled(self.buttons[key].isEnabled() and writable)
        archived = campaign is not None and campaign.archived
        self.buttons["archive"].setText("Restore" if archived else "Archive")
        self.buttons["board"].setEnabled(campaign is not None and not archived)
        # With no campaign at all, the hint takes the table's place.
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.table.setVisible(not empty)

    # -- selection ------------------------------------------------------------------------------

    def selected_id(self) -> CampaignId | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(CampaignIdRole)
        return CampaignId(int(value)) if value is not None else None

    def selected_campaign(self) -> Campaign | None:
        campaign_id = self.selected_id()
        if campaign_id is None:
            return None
        row = self.model.row_of(campaign_id)
        return self.model.rows[row].campaign if row >= 0 else None

    def select(self, campaign_id: int) -> bool:
        row = self.model.row_of(campaign_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        for key in ("edit", "board", "save", "archive"):
            button = self.buttons[key]
            action = menu.addAction(button.icon(), button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.addSeparator()
        writable = not self.editing.read_only
        for text, icon_name, slot, enabled in (
            ("Approve\u2026", Icon.CHECK, self.approve_selected, writable),
            ("Since approval\u2026", Icon.CHECK, self.since_approval_of_selected, True),
            ("Export change report\u2026", Icon.FILE_DOWN, self.export_selected_report, True),
        ):
            menu.addAction(icon(icon_name), text, slot).setEnabled(enabled)
        menu.exec(self.table.viewport().mapToGlobal(point))

    # -- actions --------------------------------------------------------------------------------

    def new_campaign(self) -> None:
        created = self.editing.new_campaign()
        if created is not None and created.id is not None:
            self.model.reload()
            self.select(created.id)

    def from_template(self) -> None:
        created = self.editing.from_template()
        if created is not None and created.id is not None:
            self.model.reload()
            self.select(created.id)

    def edit_selected(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.edit(campaign_id)

    def approve_selected(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.approve(campaign_id)

    def since_approval_of_selected(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.edit(campaign_id, since_approval=True)

    def export_selected_report(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.export_change_report(campaign_id)

    def archive_selected(self) -> None:
        campaign = self.selected_campaign()
        if campaign is not None and campaign.id is not None:
            self.editing.set_archived(campaign.id, not campaign.archived)

    def show_selected_on_board(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.show_on_board(campaign_id)

    def save_selected_as_template(self) -> None:
        campaign_id = self.selected_id()
        if campaign_id is not None:
            self.editing.save_as_template(campaign_id)
