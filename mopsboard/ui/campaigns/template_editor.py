"""Editing a saved template task by task: its tasks listed with stage, team, hours, offset and
what each waits for; the selected task's fields and links edited below; tasks added and removed.
Nothing is written until Save, which is one undoable action (qt/campaigns/template_actions.py);
a template the edits would break (a loop, two tasks of one title) is refused in words and the
editor stays open."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError
from PySide6.QtCore import QSignalBlocker, QSize, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.errors import describe
from mopsboard.domain.scheduling import MAX_SPAN
from mopsboard.domain.template_drafts import DraftTask, TemplateDraft
from mopsboard.domain.templates import STAGE_KINDS, CampaignTemplate
from mopsboard.qt.campaigns.template_actions import TemplateActions
from mopsboard.ui.campaigns.template_task_links import TemplateTaskLinks, lag_words
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.refusals import refusals_of
from mopsboard.ui.common.screen_fit import resize_to_fit
from mopsboard.ui.common.widgets import row_table

COLUMNS = ("Task", "Stage", "Team", "Hours", "Offset", "Days", "Waits for")
# The stage names a template uses (a board that names its stages otherwise gets the kind's).
STAGE_NAMES = tuple(name.capitalize() for name in STAGE_KINDS)


class TemplateEditor(QDialog):
    def __init__(
        self,
        actions: TemplateActions,
        template: CampaignTemplate,
        team_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.setWindowTitle(f"Edit template '{template.name}'")
        self.template_actions = actions
        self.draft = TemplateDraft(template)
        self.saved: CampaignTemplate | None = None
        self._build_table()
        self._build_fields(team_names)
        self.links = TemplateTaskLinks(self.draft)
        self.links.changed.connect(self._refill_current)
        self.links.refused.connect(self._say)
        self.error = QLabel()
        self.error.setObjectName("templateEditorError")
        self.error.setProperty("tone", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveTemplate")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._lay_out(buttons)
        self._fill_table()
        self.table.selectRow(0)
        self._show_selected()
        resize_to_fit(self, QSize(960, 640))

    # -- building -------------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.table = row_table(COLUMNS, "templateTasks", "The template's tasks")
        header = self.table.horizontalHeader()
        # The titles and what each waits for share the room left; long ones are cut, whole in
        # the form below.
        for column in range(len(COLUMNS)):
            stretch = column in (0, len(COLUMNS) - 1)
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.add_button = QPushButton(icon(Icon.PLUS), "Add task")
        self.add_button.setObjectName("templateAddTask")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_task)
        self.remove_button = QPushButton(icon(Icon.TRASH_2), "Remove task")
        self.remove_button.setObjectName("templateRemoveTask")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove_task)

    def _build_fields(self, team_names: Sequence[str]) -> None:
        self.title = QLineEdit()
        self.title.setObjectName("templateTaskTitle")
        self.stage = QComboBox()
        self.stage.setObjectName("templateTaskStage")
        self.stage.setEditable(True)
        self.stage.addItems(STAGE_NAMES)
        self.team = QComboBox()
        self.team.setObjectName("templateTaskTeam")
        self.team.setEditable(True)
        self.team.addItems(["", *team_names])
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("templateTaskHours")
        self.hours.setRange(0, 10_000)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText("Not estimated")
        self.hours.setSuffix(" h")
        self.offset = QSpinBox()
        self.offset.setObjectName("templateTaskOffset")
        self.offset.setRange(-MAX_SPAN, MAX_SPAN)
        self.offset.setSuffix(" working days")
        self.offset.setToolTip("Working days from the launch to the due date; negative: before")
        self.duration = QSpinBox()
        self.duration.setObjectName("templateTaskDuration")
        self.duration.setRange(1, MAX_SPAN)
        self.duration.setSuffix(" working days")
        self.title.editingFinished.connect(lambda: self._edit(title=self.title.text()))
        for combo, name in ((self.stage, "stage"), (self.team, "team")):
            self._on_combo_done(combo, name)
        self.hours.editingFinished.connect(lambda: self._edit(estimate_hours=self._hours()))
        self.offset.editingFinished.connect(lambda: self._edit(offset=self.offset.value()))
        self.duration.editingFinished.connect(lambda: self._edit(duration=self.duration.value()))

    def _on_combo_done(self, combo: QComboBox, field: str) -> None:
        """Edits `field` once a name is typed (Enter or leaving the box) or picked."""
        line = combo.lineEdit()
        if line is not None:
            line.editingFinished.connect(lambda: self._edit(**{field: combo.currentText()}))
        combo.activated.connect(lambda _index: self._edit(**{field: combo.currentText()}))

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        top_layout.addLayout(row)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Title", self.title)
        form.addRow("&Stage", self.stage)
        form.addRow("T&eam", self.team)
        form.addRow("&Estimate", self.hours)
        form.addRow("&Offset from launch", self.offset)
        form.addRow("&Duration", self.duration)
        fields = QGroupBox("Selected task")
        fields.setLayout(form)
        waits = QGroupBox("Waits for")
        waits_layout = QVBoxLayout(waits)
        waits_layout.addWidget(self.links)
        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(fields, 1)
        bottom_layout.addWidget(waits, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # -- the list -------------------------------------------------------------------------------

    def _cells(self, draft: DraftTask) -> tuple[str, ...]:
        task = draft.task
        waits = ", ".join(
            self.draft.title(link.predecessor)
            + ("" if not link.lag_days else f" ({lag_words(link.lag_days)})")
            for link in draft.links
        )
        return (
            task.title,
            task.stage,
            task.team,
            "" if task.estimate_hours is None else f"{task.estimate_hours:g}",
            f"{task.offset:+d}" if task.offset else "launch",
            str(task.duration),
            waits,
        )

    def _fill_table(self) -> None:
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(self.draft.tasks))
            for row, draft in enumerate(self.draft.tasks):
                self._fill_row(row, draft)

    def _fill_row(self, row: int, draft: DraftTask) -> None:
        for column, text in enumerate(self._cells(draft)):
            item = QTableWidgetItem(text)
            if column in (3, 4, 5):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    def _refill_current(self) -> None:
        # A rename shows in every row that waits for the task: all rows are filled again.
        self._fill_table()
        # The links changed: a refusal shown before is about links that are not so any more.
        self._say("")

    def current(self) -> DraftTask | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.draft.tasks[row] if 0 <= row < len(self.draft.tasks) else None

    def _show_selected(self) -> None:
        draft = self.current()
        fields = (self.title, self.stage, self.team, self.hours, self.offset, self.duration)
        for widget in fields:
            widget.setEnabled(draft is not None)
        self.remove_button.setEnabled(draft is not None)
        self.links.show_task(draft.key if draft is not None else None)
        if draft is None:
            return
        task = draft.task
        blockers = [QSignalBlocker(widget) for widget in fields]
        self.title.setText(task.title)
        self.stage.setCurrentText(task.stage)
        self.team.setCurrentText(task.team)
        self.hours.setValue(task.estimate_hours or 0)
        self.offset.setValue(task.offset)
        self.duration.setValue(task.duration)
        del blockers

    def _hours(self) -> float | None:
        return self.hours.value() or None

    # -- changes --------------------------------------------------------------------------------

    def _edit(self, **values: object) -> None:
        draft = self.current()
        if draft is None or all(getattr(draft.task, k) == v for k, v in values.items()):
            return
        try:
            self.draft.edit_task(draft.key, **values)
        except ValidationError as error:
            self._say(describe(error))
            self._show_selected()
            return
        self._say("")
        self._fill_table()

    def _add_task(self) -> None:
        taken = {t.task.title.casefold() for t in self.draft.tasks}
        title = next(
            name
            for n in range(1, len(taken) + 2)
            if (name := "New task" if n == 1 else f"New task {n}").casefold() not in taken
        )
        self.draft.add_task(title)
        self._fill_table()
        self.table.selectRow(len(self.draft.tasks) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def _remove_task(self) -> None:
        draft = self.current()
        if draft is None:
            return
        row = self.draft.tasks.index(draft)
        self.draft.remove_task(draft.key)
        self._fill_table()
        if self.draft.tasks:
            self.table.selectRow(min(row, len(self.draft.tasks) - 1))
        self._show_selected()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter ends the edit of a field (the field took it already); it does not save the
        # whole template, as a dialog's default button would. Escape still cancels.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def save(self) -> None:
        """Writes the edits as one undo step and closes; a refusal is shown and it stays."""
        try:
            edited = self.draft.template()
        except ValidationError as error:
            self._say(describe(error))
            return
        saved, reasons = refusals_of(
            self.template_actions.history.failed,
            lambda: self.template_actions.update_template(edited),
        )
        if saved is None:
            self._say(reasons)
            return
        self.saved = saved
        self.accept()
