"""What a template's task waits for, in the template editor (ui/campaigns/template_editor.py):
the tasks of the same template it follows, with kind and lag; a link added by picking another
task, or removed. Changes go to the editor's draft; the editor's Save writes them. A link that
would close a loop is refused when it is added, in the words the task editor uses."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.link_rules import MAX_LAG_DAYS, LinkKind, cycle_through
from mopsboard.domain.template_drafts import DraftLink, TemplateDraft
from mopsboard.domain.templates import loop_refusal

KIND_NAMES = {
    LinkKind.FINISH_TO_START: "Finish to start",
    LinkKind.START_TO_START: "Start to start",
}


def lag_words(days: int) -> str:
    if days == 0:
        return "none"
    word = "day" if abs(days) == 1 else "days"
    return f"{days:+d} working {word}"


class TemplateTaskLinks(QWidget):
    # The task's links changed in the draft.
    changed = Signal()
    # A link was not added, for this reason (in words).
    refused = Signal(str)

    def __init__(self, draft: TemplateDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft = draft
        self._key: int | None = None
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("templateTaskAfter")
        self.table.setAccessibleName("Tasks this one waits for")
        self.table.setHorizontalHeaderLabels(["Waits for", "Kind", "Lag"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.predecessor = QComboBox()
        self.predecessor.setObjectName("templateLinkTask")
        self.predecessor.setAccessibleName("Task to wait for")
        # As wide as the room gives, not as the longest title asks.
        self.predecessor.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.predecessor.setMinimumContentsLength(16)
        self.kind = QComboBox()
        self.kind.setObjectName("templateLinkKind")
        self.kind.setAccessibleName("Kind of link")
        for kind, name in KIND_NAMES.items():
            self.kind.addItem(name, kind.value)
        self.lag = QSpinBox()
        self.lag.setObjectName("templateLinkLag")
        self.lag.setAccessibleName("Lag in working days")
        self.lag.setRange(-MAX_LAG_DAYS, MAX_LAG_DAYS)
        self.lag.setSuffix(" working days")
        self.add_button = QPushButton("Add link")
        self.add_button.setObjectName("templateAddLink")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add)
        self.remove_button = QPushButton("Remove link")
        self.remove_button.setObjectName("templateRemoveLink")
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self._remove)
        self.table.itemSelectionChanged.connect(self._enable)
        how = QHBoxLayout()
        how.addWidget(self.kind)
        how.addWidget(self.lag)
        how.addStretch(1)
        how.addWidget(self.add_button)
        how.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.predecessor)
        layout.addLayout(how)
        self.show_task(None)

    def show_task(self, key: int | None) -> None:
        """Lists what the draft's task `key` waits for (None: no task, nothing to edit)."""
        self._key = key
        links = self._draft.task(key).links if key is not None else []
        self.table.setRowCount(len(links))
        for row, link in enumerate(links):
            cells = (
                self._draft.title(link.predecessor),
                KIND_NAMES[link.kind],
                lag_words(link.lag_days),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.predecessor.clear()
        linked = {link.predecessor for link in links}
        for task in self._draft.tasks:
            if task.key != key and task.key not in linked:
                self.predecessor.addItem(task.task.title, task.key)
        self._enable()

    def _enable(self) -> None:
        has_task = self._key is not None
        for widget in (self.predecessor, self.kind, self.lag):
            widget.setEnabled(has_task)
        self.add_button.setEnabled(has_task and self.predecessor.count() > 0)
        self.remove_button.setEnabled(has_task and bool(self.table.selectedItems()))

    def _add(self) -> None:
        picked = self.predecessor.currentData()
        if self._key is None or picked is None:
            return
        link = DraftLink(int(picked), LinkKind(self.kind.currentData()), self.lag.value())
        edges = [
            (old.predecessor, task.key)
            for task in self._draft.tasks
            for old in task.links
            if task.key != self._key or old.predecessor != link.predecessor
        ]
        loop = cycle_through(edges, link.predecessor, self._key)
        if loop:
            self.refused.emit(loop_refusal([self._draft.title(key) for key in loop]))
            return
        self._draft.add_link(self._key, link)
        self.lag.setValue(0)
        self.show_task(self._key)
        self.changed.emit()

    def _remove(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if self._key is None or not rows:
            return
        links = self._draft.task(self._key).links
        for row in reversed(rows):
            self._draft.remove_link(self._key, links[row].predecessor)
        self.show_task(self._key)
        self.changed.emit()
