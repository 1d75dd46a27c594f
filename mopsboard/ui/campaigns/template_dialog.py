"""New campaign from a template: pick a template, a name, a launch date and a board; the preview
lists every task with its dates, counted back from the launch over working days, before anything
is written, and warns about starts in the past and names this workspace lacks. A saved template
is edited task by task from here (ui/campaigns/template_editor.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import MopsboardError
from mopsboard.domain.ids import BoardId
from mopsboard.domain.scheduling import next_working_day
from mopsboard.domain.templates import CampaignTemplate, stage_for
from mopsboard.io.campaign_plans import Prepared, prepare
from mopsboard.qt.campaigns.campaign_actions import CampaignActions
from mopsboard.qt.campaigns.template_actions import TemplateActions
from mopsboard.ui.campaigns.template_editor import TemplateEditor
from mopsboard.ui.common import theme
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.screen_fit import resize_to_fit

TemplateRole = Qt.ItemDataRole.UserRole + 1
PREVIEW_COLUMNS = ("Task", "Stage", "Persona", "Team", "Hours", "Start", "Due")


# How far ahead a new campaign launches by default (later when its template needs the time).
DEFAULT_LEAD_DAYS = 42


class TemplateDialog(QDialog):
    def __init__(
        self,
        actions: CampaignActions,
        board_id: BoardId | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateDialog")
        self.setWindowTitle("New campaign from template")
        self.campaign_actions = actions
        self.workspace = actions.workspace
        self.today = today or date.today()
        self.prepared: Prepared | None = None

        left = self._build_template_list()
        right = self._build_plan_pane(board_id)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 800])
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self._connect_signals()
        self.fill_templates()
        # Room for the preview's seven columns on a large screen; no more than a small one has.
        resize_to_fit(self, QSize(1040, 640))

    # -- building -------------------------------------------------------------------------------

    def _build_template_list(self) -> QWidget:
        self.templates = QListWidget()
        self.templates.setObjectName("templateList")
        self.templates.setAccessibleName("Templates")
        self.templates.currentItemChanged.connect(lambda *_: self._template_changed())
        self.duplicate_button = QPushButton(icon(Icon.COPY), "Duplicate\u2026")
        self.duplicate_button.setObjectName("duplicateTemplate")
        self.duplicate_button.clicked.connect(self.duplicate)
        self.edit_button = QPushButton(icon(Icon.PENCIL), "Edit\u2026")
        self.edit_button.setObjectName("editTemplate")
        self.edit_button.setToolTip("Edit the template's tasks and what each waits for")
        self.edit_button.clicked.connect(self.edit)
        self.delete_button = QPushButton(icon(Icon.TRASH_2), "Delete")
        self.delete_button.setObjectName("deleteTemplate")
        self.delete_button.clicked.connect(self.delete)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Templates"))
        left_layout.addWidget(self.templates, 1)
        row = QHBoxLayout()
        row.addWidget(self.duplicate_button)
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        left_layout.addLayout(row)
        return left

    def _build_plan_pane(self, board_id: BoardId | None) -> QWidget:
        self._build_campaign_fields(board_id)
        self._build_preview()
        form = QFormLayout()
        form.addRow("Campaign &name", self.name)
        form.addRow("&Launch date", self.launch)
        form.addRow("&Board", self.board)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.about)
        right_layout.addWidget(self.warning)
        right_layout.addWidget(self.preview, 1)
        return right

    def _build_campaign_fields(self, board_id: BoardId | None) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("newCampaignName")
        self.name.setAccessibleName("Campaign name")
        self.launch = QDateEdit()
        self.launch.setObjectName("newCampaignLaunch")
        self.launch.setAccessibleName("Launch date")
        self.launch.setCalendarPopup(True)
        self.launch.setDisplayFormat("yyyy-MM-dd")
        default = next_working_day(self.today + date.resolution * DEFAULT_LEAD_DAYS)
        self.launch.setDate(QDate(default.year, default.month, default.day))
        # Until the user picks a date, the launch follows the template: early enough for none
        # of its tasks to start in the past.
        self._launch_picked = False
        self.launch.dateChanged.connect(self._launch_was_picked)
        self.board = QComboBox()
        self.board.setObjectName("newCampaignBoard")
        self.board.setAccessibleName("Board")
        for board in self.workspace.boards():
            self.board.addItem(board.name, board.id)
        found = self.board.findData(board_id)
        self.board.setCurrentIndex(max(0, found))

    def _build_preview(self) -> None:
        self.about = QLabel()
        self.about.setObjectName("templateAbout")
        self.about.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("templateWarning")
        self.warning.setWordWrap(True)
        self.warning.setProperty("tone", "warning")
        self.warning.hide()
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setObjectName("templatePreview")
        self.preview.setAccessibleName("Preview of the tasks")
        self.preview.setHorizontalHeaderLabels(list(PREVIEW_COLUMNS))
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(False)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(PREVIEW_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText("Create campaign")
        self.create_button.setObjectName("createFromTemplate")
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)

    def _connect_signals(self) -> None:
        self.name.textChanged.connect(lambda _t: self.refresh_preview())
        self.launch.dateChanged.connect(lambda _d: self.refresh_preview())
        self.board.currentIndexChanged.connect(lambda _i: self.refresh_preview())

    # -- templates ------------------------------------------------------------------------------

    def fill_templates(self, select: str | None = None) -> None:
        shown = self.template()
        current = select or (shown.name if shown is not None else None)
        with QSignalBlocker(self.templates):
            self.templates.clear()
            for template in self.workspace.templates():
                suffix = "" if template.builtin else "  (saved)"
                item = QListWidgetItem(f"{template.name}{suffix}")
                item.setData(TemplateRole, template)
                item.setToolTip(template.description or template.name)
                self.templates.addItem(item)
                if template.name == current:
                    self.templates.setCurrentItem(item)
            if self.templates.currentItem() is None and self.templates.count():
                self.templates.setCurrentRow(0)
        self._template_changed()

    def template(self) -> CampaignTemplate | None:
        item = self.templates.currentItem()
        data = item.data(TemplateRole) if item is not None else None
        return data if isinstance(data, CampaignTemplate) else None

    def select_template(self, name: str) -> bool:
        for row in range(self.templates.count()):
            data = self.templates.item(row).data(TemplateRole)
            if isinstance(data, CampaignTemplate) and data.name == name:
                self.templates.setCurrentRow(row)
                return True
        return False

    def _launch_was_picked(self) -> None:
        if not self._placing_launch:
            self._launch_picked = True

    _placing_launch = False

    def _fit_launch(self, template: CampaignTemplate) -> None:
        """The first launch, from six weeks ahead on, whose plan starts no task before today
        (counted back along the template's links on the teams' working days, as it will be)."""
        board_id = self.board.currentData()
        if self._launch_picked or board_id is None:
            return
        launch = next_working_day(self.today + date.resolution * DEFAULT_LEAD_DAYS)
        for _ in range(4):  # holidays may move a start again; a few steps settle it
            try:
                plan = prepare(
                    self.workspace,
                    template,
                    template.name,
                    launch,
                    BoardId(int(board_id)),
                    self.today,
                ).plan
            except (MopsboardError, ValueError):
                return
            starts = [planned.start for planned in plan.tasks]
            if not starts or min(starts) >= self.today:
                break
            launch = next_working_day(launch + (self.today - min(starts)))
        self._placing_launch = True
        try:
            self.launch.setDate(QDate(launch.year, launch.month, launch.day))
        finally:
            self._placing_launch = False

    def _template_changed(self) -> None:
        template = self.template()
        if template is not None:
            self._fit_launch(template)
        self.delete_button.setEnabled(template is not None and not template.builtin)
        self.edit_button.setEnabled(template is not None and not template.builtin)
        self.duplicate_button.setEnabled(template is not None)
        if template is not None:
            kind = "Built-in, read-only (duplicate it to change it)." if template.builtin else ""
            self.about.setText(
                f"<b>{_escape(template.name)}</b>: {_escape(template.description)} "
                f"{len(template.tasks)} tasks, {template.estimate_total:g} estimated hours. {kind}"
            )
        self.refresh_preview()

    def duplicate(self) -> None:
        template = self.template()
        if template is None:
            return
        name, ok = QInputDialog.getText(
            self, "Duplicate template", "Name of the copy:", text=f"{template.name} (copy)"
        )
        if ok and name.strip():
            copy = self.campaign_actions.duplicate_template(template, name.strip())
            if copy is not None:
                self.fill_templates(select=copy.name)

    def edit(self) -> TemplateEditor | None:
        """Opens the selected saved template in the editor (window-modal); its Save refreshes
        the list and the preview."""
        template = self.template()
        if template is None or template.builtin:
            return None
        teams = [team.name for team in self.workspace.teams()]
        editor = TemplateEditor(
            TemplateActions(self.campaign_actions.history), template, teams, self
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            if editor.saved is not None:
                self.fill_templates(select=editor.saved.name)

        editor.accepted.connect(saved)
        editor.open()
        return editor

    def delete(self) -> None:
        template = self.template()
        if template is None or template.builtin or template.id is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete template",
            f"Delete the template '{template.name}'? Campaigns made from it stay.\n\n"
            "You can undo this with Edit \u25b8 Undo.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.campaign_actions.delete_template(template.id):
            self.fill_templates()

    # -- preview --------------------------------------------------------------------------------

    def launch_date(self) -> date:
        picked: date = self.launch.date().toPython()  # type: ignore[assignment]
        return picked

    def refresh_preview(self) -> None:
        template = self.template()
        board_id = self.board.currentData()
        self.prepared = None
        self.preview.setRowCount(0)
        name = self.name.text().strip()
        if template is None or board_id is None:
            self._warn("Choose a template and a board." if template is None else "Add a board.")
            self.create_button.setEnabled(False)
            return
        try:
            self.prepared = prepare(
                self.workspace,
                template,
                name or template.name,
                self.launch_date(),
                BoardId(int(board_id)),
                self.today,
            )
        except (MopsboardError, ValueError) as error:
            self._warn(str(error))
            self.create_button.setEnabled(False)
            return
        self._fill_preview(self.prepared, BoardId(int(board_id)))
        self._warn(self._preview_notes(self.prepared))
        self.create_button.setEnabled(bool(name))
        self.create_button.setToolTip("" if name else "Give the campaign a name first.")

    def _fill_preview(self, prepared: Prepared, board_id: BoardId) -> None:
        stages = self.workspace.stages(board_id)
        names = {p.name.casefold() for p in self.workspace.personas()}
        teams = {t.name.casefold() for t in self.workspace.teams()}
        self.preview.setRowCount(len(prepared.plan.tasks))
        for row, planned in enumerate(prepared.plan.tasks):
            source = planned.source
            cells = (
                source.title,
                stage_for(source.stage, stages).name,
                source.persona,
                source.team,
                "" if source.estimate_hours is None else f"{source.estimate_hours:g}",
                planned.start.strftime("%a %d %b %Y"),
                planned.due.strftime("%a %d %b %Y"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2 and text and text.casefold() not in names:
                    item.setForeground(QColor(theme.current().faint))
                    item.setToolTip("This workspace has no such persona: it is left empty.")
                if column == 3 and text and text.casefold() not in teams:
                    item.setForeground(QColor(theme.current().faint))
                    item.setToolTip("This workspace has no such team: it is left empty.")
                if column == 5 and planned.start < self.today:
                    item.setForeground(QColor(theme.current().past_date))
                    item.setToolTip("This start date is in the past.")
                if column == 4:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview.setItem(row, column, item)

    @staticmethod
    def _preview_notes(prepared: Prepared) -> str:
        notes = []
        if prepared.in_past:
            notes.append(
                f"\u26a0 {prepared.in_past} of {len(prepared.tasks)} tasks would start "
                "in the past: choose a later launch date, or plan to catch up."
            )
        if prepared.missing:
            notes.append(
                f"This workspace has no {', '.join(prepared.missing)}: those fields stay empty."
            )
        return "\n".join(notes)

    def _warn(self, text: str) -> None:
        self.warning.setText(text)
        self.warning.setVisible(bool(text))

    def _create(self) -> None:
        if self.prepared is None or not self.name.text().strip():
            return
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
