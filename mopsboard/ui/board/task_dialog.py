"""The task editor: every field of a task, with problems shown next to the field in words."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.activity import TaskActivity
from mopsboard.domain.errors import validation_messages
from mopsboard.domain.models import FieldProblem, Priority, Stage, Task
from mopsboard.qt.board.board_parts import Lookups
from mopsboard.qt.board.comment_actions import CommentActions
from mopsboard.qt.board.link_actions import LinkActions
from mopsboard.ui.board.task_activity import ActivityList
from mopsboard.ui.board.task_checklist import ChecklistEditor
from mopsboard.ui.board.task_comments import CommentThread
from mopsboard.ui.board.task_links import add_links_tab
from mopsboard.ui.board.task_people import NONE_CHOICE, TeamAndAssignee
from mopsboard.ui.common.form_errors import FieldErrors
from mopsboard.ui.common.markdown_view import InertMarkdownView
from mopsboard.ui.common.widgets import OptionalDate, ask_to_discard


class TaskDialog(QDialog):
    def __init__(
        self,
        task: Task,
        stages: list[Stage],
        lookups: Lookups,
        parent: QWidget | None = None,
        *,
        comments: CommentActions | None = None,
        activity: Sequence[TaskActivity] = (),
        read_only: bool = False,
        links: LinkActions | None = None,
        refusal: Callable[[Task], str | None] | None = None,
    ) -> None:
        """`comments` gives a saved task its comment thread, `links` its "Depends on" tab,
        `activity` its history (oldest first); `read_only` keeps Save off; `refusal` says what
        the board's rules would refuse in a save (shown by the stage, the editor stays open)."""
        super().__init__(parent)
        self.read_only = read_only
        self.setObjectName("taskDialog")
        self.setWindowTitle(f"Edit task \u2014 {task.title}" if task.id else "New task")
        self.original = task
        self._refusal = refusal
        self.result_task: Task | None = None
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.labels
        self.resize(780, 600)

        self._build_fields(task, stages, lookups)
        form = self._build_form()
        tabs = self._build_tabs(task, comments)
        self.links = add_links_tab(tabs, links, task, read_only=read_only)
        if activity:
            names: dict[int, str] = {s.key: s.name for s in stages}
            self.activity: ActivityList | None = ActivityList(activity, names)
            tabs.addTab(self.activity, "Activity")
        else:
            self.activity = None
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self._connect_validation()
        if read_only:
            self._show_read_only(layout)
        self.kept = self._hold_unread(task, layout)
        self.validate()
        self._as_opened = self._shown()
        self._quiet = False

    # -- building -------------------------------------------------------------------------------

    def _build_fields(self, task: Task, stages: list[Stage], lookups: Lookups) -> None:
        self.title = QLineEdit(task.title)
        self.title.setObjectName("taskTitle")
        self.stage = self._combo(
            "taskStage", [(s.name, s.key) for s in stages], task.stage_id, none=None
        )
        self.campaign = self._combo(
            "taskCampaign", self._names(lookups.campaigns), task.campaign_id, none="No campaign"
        )
        self.persona = self._combo(
            "taskPersona", self._names(lookups.personas), task.persona_id, none="No persona"
        )
        self.people = TeamAndAssignee(lookups, task.team_id, task.assignee_id)
        self.assignee = self.people.assignee
        self.team = self.people.team
        self.estimate = QLineEdit("" if task.estimate_hours is None else f"{task.estimate_hours:g}")
        self.estimate.setObjectName("taskEstimate")
        self.estimate.setPlaceholderText("hours, e.g. 4 or 1.5")
        self.start = OptionalDate("Start date", task.start_date)
        self.start.setObjectName("taskStart")
        self.due = OptionalDate("Due date", task.due_date)
        self.due.setObjectName("taskDue")
        self.priority = QComboBox()
        self.priority.setObjectName("taskPriority")
        for level in Priority:
            self.priority.addItem(level.name.capitalize(), int(level))
        self.priority.setCurrentIndex(self.priority.findData(int(task.priority)))
        self.labels = QLineEdit(", ".join(task.labels))
        self.labels.setObjectName("taskLabels")
        self.labels.setPlaceholderText("comma-separated, e.g. email, legal")

    def _build_form(self) -> QGridLayout:
        """The title across, then two columns of fields (what the task is; who and when), so
        the tabs below keep room for a description or a conversation on a 700 px screen."""
        form = QGridLayout()
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(4)
        columns = (
            (
                ("&Stage", self.stage, "stage_id"),
                ("&Campaign", self.campaign, "campaign_id"),
                ("&Persona", self.persona, "persona_id"),
                ("Priorit&y", self.priority, "priority"),
                ("&Labels", self.labels, "labels"),
            ),
            (
                ("&Assignee", self.assignee, "assignee_id"),
                ("Tea&m", self.team, "team_id"),
                ("&Estimate", self.estimate, "estimate_hours"),
                ("Sta&rt date", self.start, "start_date"),
                ("&Due date", self.due, "due_date"),
            ),
        )
        self._add_field(form, 0, 0, ("&Title", self.title, "title"), span=3)
        for column, fields in enumerate(columns):
            for row, field in enumerate(fields, start=1):
                self._add_field(form, row, 2 * column, field)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)
        return form

    def _add_field(
        self,
        form: QGridLayout,
        row: int,
        column: int,
        field: tuple[str, QWidget, str],
        span: int = 1,
    ) -> None:
        text, widget, name = field
        widget.setAccessibleName(text.replace("&", ""))
        label = QLabel(text)
        # Alt+letter goes to the field itself (a date's text, not its check box's row).
        label.setBuddy(widget.picker if isinstance(widget, OptionalDate) else widget)
        # Level with the field's line, above its error message when there is one.
        label.setFixedHeight(widget.sizeHint().height())
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        top = Qt.AlignmentFlag.AlignTop
        form.addWidget(label, row, column, top)
        form.addWidget(self.field_errors.wrap(widget, name), row, column + 1, 1, span, top)

    def _build_tabs(self, task: Task, comments: CommentActions | None) -> QTabWidget:
        tabs = QTabWidget()
        tabs.setObjectName("taskTabs")
        self.description = QPlainTextEdit(task.description)
        self.description.setObjectName("taskDescription")
        self.description.setAccessibleName("Description (Markdown)")
        self.description.setPlaceholderText("Markdown: **bold**, - lists, [links](https://...)")
        self.preview = InertMarkdownView()
        self.preview.setObjectName("taskPreview")
        tabs.addTab(self.field_errors.wrap(self.description, "description"), "Description")
        tabs.addTab(self.preview, "Preview")
        self.checklist_editor = ChecklistEditor(task.checklist)
        self.checklist = self.checklist_editor.checklist
        self.new_item = self.checklist_editor.new_item
        self.remove_item = self.checklist_editor.remove_item
        tabs.addTab(self.checklist_editor, "Checklist")
        tabs.currentChanged.connect(
            lambda i: self.preview.show_markdown(self.description.toPlainText()) if i == 1 else None
        )
        self.comments: CommentThread | None = None
        if comments is not None and task.id is not None:
            self.comments = CommentThread(comments, task.key, read_only=self.read_only)
            self.comments.setObjectName("taskComments")
            index = tabs.addTab(self.comments, "")

            def count_shown(count: int) -> None:
                tabs.setTabText(index, f"Comments ({count})" if count else "Comments")

            self.comments.countChanged.connect(count_shown)
            count_shown(self.comments.count())
        return tabs

    def _build_buttons(self) -> None:
        self.form_error = self.field_errors.form
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveTask")
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)

    def _show_read_only(self, layout: QVBoxLayout) -> None:
        """Said first, and every field shown as it is, to read and copy but not to change: a
        form that looks editable would take typing it can never save."""
        note = QLabel("Read-only: changes cannot be saved")
        note.setObjectName("readOnlyNote")
        note.setWordWrap(True)
        layout.insertWidget(0, note)
        texts: tuple[QLineEdit | QPlainTextEdit, ...] = (
            self.title,
            self.estimate,
            self.labels,
            self.description,
        )
        for text in texts:
            text.setReadOnly(True)
            # On the dialog's own ground, not the white of a field waiting for typing.
            shaded = text.palette()
            shaded.setColor(QPalette.ColorRole.Base, shaded.color(QPalette.ColorRole.Window))
            text.setPalette(shaded)
        self.description.viewport().setPalette(self.description.palette())
        self.description.setPlaceholderText("")
        for choice in (self.stage, self.campaign, self.persona, self.priority):
            choice.setEnabled(False)
        self.assignee.setEnabled(False)
        self.team.setEnabled(False)
        for optional in (self.start, self.due):
            optional.set_read_only(True)
        self.checklist_editor.set_read_only()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")

    def _connect_validation(self) -> None:
        for line in (self.title, self.estimate, self.labels):
            line.textChanged.connect(self.validate)
        for combo in (
            self.stage,
            self.campaign,
            self.persona,
            self.assignee,
            self.team,
            self.priority,
        ):
            combo.currentIndexChanged.connect(self.validate)
        for optional in (self.start, self.due):
            optional.enabled.toggled.connect(self.validate)
            optional.picker.dateChanged.connect(self.validate)
        self.description.textChanged.connect(self.validate)
        self.checklist.itemChanged.connect(self.validate)
        self.checklist_editor.edited.connect(self.validate)

    @staticmethod
    def _names(records: dict[int, Any]) -> list[tuple[str, int]]:
        return sorted(
            (
                (r.name, i)
                for i, r in records.items()
                if not getattr(r, "archived", False) and getattr(r, "active", True)
            ),
            key=lambda pair: pair[0].casefold(),
        )

    def _combo(
        self, name: str, items: list[tuple[str, int]], current: int | None, none: str | None
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        if none is not None:
            combo.addItem(none, NONE_CHOICE)
        for text, row_id in items:
            combo.addItem(text, row_id)
        found = combo.findData(current if current is not None else NONE_CHOICE)
        combo.setCurrentIndex(max(0, found))
        return combo

    def _add_from_line(self) -> None:
        # Another part's test adds a checklist item by this name, from before the checklist
        # had its own widget (Enter in the line does the same now).
        self.checklist_editor.add_typed_item()

    # -- values the file holds that cannot be read -----------------------------------------------

    def _changes(self) -> dict[str, list[SignalInstance]]:
        """What the user does to give each field of the form a value."""
        dates = {"start_date": self.start, "due_date": self.due}
        combos = {
            "stage_id": self.stage,
            "campaign_id": self.campaign,
            "persona_id": self.persona,
            "assignee_id": self.assignee,
            "team_id": self.team,
            "priority": self.priority,
        }
        model = self.checklist.model()
        return {
            "title": [self.title.textChanged],
            "estimate_hours": [self.estimate.textChanged],
            "labels": [self.labels.textChanged],
            "description": [self.description.textChanged],
            # Remove counts even with nothing selected: it is how to keep no items.
            "checklist": [
                self.checklist.itemChanged,
                model.rowsInserted,
                model.rowsRemoved,
                self.remove_item.clicked,
            ],
            **{f: [d.enabled.toggled, d.picker.dateChanged] for f, d in dates.items()},
            **{f: [c.currentIndexChanged] for f, c in combos.items()},
        }

    def _hold_unread(self, task: Task, layout: QVBoxLayout) -> tuple[FieldProblem, ...]:
        """Save waits until each field the file holds in a form that cannot be read is given a
        value (FieldErrors.hold_unread); those the form does not show are listed, and kept."""
        for problem in task.problems:
            self._show_stored(problem)
        kept = self.field_errors.hold_unread(task, self._changes(), self.validate)
        if kept:
            note = QLabel(
                "Not in this editor, kept as the file holds them: "
                + "; ".join(p.text for p in kept)
            )
            note.setObjectName("taskKeptProblems")
            note.setWordWrap(True)
            layout.insertWidget(layout.indexOf(self.form_error), note)
        return kept

    def _show_stored(self, problem: FieldProblem) -> None:
        """Puts what the file holds in a text field, to be corrected there."""
        stored = problem.stored
        # Labels as a person types them ("legal, gdpr"), not a list gone wrong ('["a", 1]').
        typed = isinstance(stored, str) and not stored.lstrip().startswith(("[", "{", '"'))
        if problem.field == "estimate_hours" and isinstance(stored, str | int | float):
            self.estimate.setText(f"{stored:g}" if isinstance(stored, float) else str(stored))
        elif problem.field == "labels" and typed:
            self.labels.setText(str(stored))

    # -- validating -----------------------------------------------------------------------------

    def _choice(self, combo: QComboBox) -> int | None:
        data = combo.currentData()
        return None if data in (None, NONE_CHOICE) else int(data)

    def _values(self) -> tuple[dict[str, Any], dict[str, str]]:
        problems: dict[str, str] = {}
        estimate: float | None = None
        text = self.estimate.text().strip().replace(",", ".")
        if text:
            try:
                estimate = float(text.removesuffix("h").strip())
            except ValueError:
                problems["estimate_hours"] = "Estimate must be a number of hours, like 4 or 1.5"
        for field, typed in (("start_date", self.start), ("due_date", self.due)):
            if typed.problem():
                problems[field] = typed.problem()
        checklist = [{"text": text, "done": done} for text, done in self.checklist_editor.items()]
        values = self.original.model_dump() | {
            "title": self.title.text(),
            "stage_id": self._choice(self.stage) or self.original.stage_id,
            "campaign_id": self._choice(self.campaign),
            "persona_id": self._choice(self.persona),
            "assignee_id": self.people.assignee_id(),
            "team_id": self.people.team_id(),
            "estimate_hours": estimate,
            "start_date": self.start.value(),
            "due_date": self.due.value(),
            "priority": int(self.priority.currentData()),
            "labels": tuple(p.strip() for p in self.labels.text().split(",") if p.strip()),
            "checklist": tuple(checklist),
            "description": self.description.toPlainText(),
        }
        return values, problems

    def validate(self) -> Task | None:
        values, problems = self._values()
        task: Task | None = None
        try:
            task = Task.model_validate(values)
        except ValidationError as error:
            for field, message in validation_messages(error).items():
                problems.setdefault(field, message)
        form_level = problems.pop("", "")
        if "due date" in form_level:
            # Dates in the wrong order are named by the due date, unless one of them is not a
            # date at all (then the order compares with a date no longer shown).
            if not problems.keys() & {"start_date", "due_date"}:
                problems["due_date"] = form_level
            form_level = ""
        valid = self.field_errors.show(problems, form_level) and task is not None
        self.save_button.setEnabled(valid and not self.read_only)
        return task if valid else None

    # -- leaving --------------------------------------------------------------------------------

    def _shown(self) -> tuple[object, ...]:
        """Everything the form shows, as shown: typed text counts even where it is not (yet) a
        value, such as a checklist item not added or a date not finished."""
        return (
            *(line.text() for line in (self.title, self.estimate, self.labels, self.new_item)),
            *(c.currentData() for c in (self.stage, self.campaign, self.persona, self.priority)),
            self.assignee.currentData(),
            self.team.currentData(),
            *((d.enabled.isChecked(), d.picker.line.text()) for d in (self.start, self.due)),
            self.description.toPlainText(),
            tuple(self.checklist_editor.items()),
            self.comments.draft.toPlainText() if self.comments is not None else "",
        )

    def has_changes(self) -> bool:
        return self._shown() != self._as_opened

    def closeEvent(self, event: QCloseEvent) -> None:
        # QDialog closes by rejecting. Only a close the user asked for (the title bar's button,
        # Alt+F4: spontaneous) asks about changes; a program closing the window is not asked.
        self._quiet = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._quiet = False

    def reject(self) -> None:
        # Esc, Cancel and the window's close button all come here.
        if not self._quiet and self.has_changes():
            question = (
                "Discard your changes to this task?"
                if self.original.id
                else "Discard this new task?"
            )
            if not ask_to_discard(self, question):
                return
        super().reject()

    def _save(self) -> None:
        task = self.validate()
        if task is None:
            return
        refused = self._refusal(task) if self._refusal is not None and task.id else None
        if refused:
            # Said where it can be put right, and nothing typed is lost.
            self.field_errors.show({"stage_id": refused})
            self.stage.setFocus()
            return
        self.result_task = task.model_copy(update={"problems": self.kept})
        self.accept()
