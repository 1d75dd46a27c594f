"""The task editor's "Depends on" tab: the tasks this one waits for (title, kind, lag, whether
done), each removable, its kind and lag editable in place (ui/board/link_cell_editing.py), and a
search by title over every board's open tasks to add another with its kind and lag.

Each change is made at once, one undoable action (qt/board/link_actions.py), as a comment is
posted at once: a link joins two tasks, not a field of this one, so the editor's Save or Cancel
leaves it as it is. A refusal (a loop, a task waiting for itself) is shown here in the store's
words, and by the window behind, as every refusal is."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import TaskId
from mopsboard.domain.link_rules import LinkKind
from mopsboard.domain.models import Task
from mopsboard.qt.board.link_actions import LinkActions, LinkCandidate, Predecessor
from mopsboard.ui.board.link_cell_editing import (
    KIND_COLUMN,
    KIND_NAMES,
    LAG_COLUMN,
    LagBox,
    LinkCellDelegate,
    lag_text,
)
from mopsboard.ui.common.refusals import refusals_of
from mopsboard.ui.common.widgets import EntryLine

T = TypeVar("T")

# A search lists at most this many tasks: enough to pick from, few enough to read.
MAX_SHOWN = 50


class TaskLinksEditor(QWidget):
    # How many tasks this one waits for, after each change.
    countChanged = Signal(int)

    def __init__(
        self,
        actions: LinkActions,
        task_id: TaskId,
        *,
        read_only: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskLinks")
        self._actions = actions
        self._task_id = task_id
        self._candidates: list[LinkCandidate] | None = None
        self.shown: list[Predecessor] = []

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("taskPredecessors")
        self.table.setAccessibleName("Tasks this one waits for")
        self.table.setHorizontalHeaderLabels(["Waits for", "Kind", "Lag", "Status"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._read_only = read_only
        if read_only:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        else:
            triggers = QAbstractItemView.EditTrigger
            self.table.setEditTriggers(
                triggers.DoubleClicked | triggers.EditKeyPressed | triggers.SelectedClicked
            )
        self.table.setItemDelegate(LinkCellDelegate(self._link_values, self._edit_row, self.table))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeLink")
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self._remove_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self._selected()) and not read_only)
        )

        self.search = EntryLine()
        self.search.setObjectName("linkSearch")
        self.search.setAccessibleName("Search a task to wait for, by title")
        self.search.setPlaceholderText("Add\u2026 search a task by title, on any board")
        self.search.textChanged.connect(self._fill_results)
        # Enter adds the task found and highlighted, as Add does; the arrows move the highlight.
        self.search.returnPressed.connect(self._add_picked)
        self.search.installEventFilter(self)
        self.results = QListWidget()
        self.results.setObjectName("linkResults")
        self.results.setAccessibleName("Tasks found")
        self.results.itemSelectionChanged.connect(self._enable_add)
        self.results.itemDoubleClicked.connect(lambda _item: self._add_picked())
        self.kind = QComboBox()
        self.kind.setObjectName("linkKind")
        self.kind.setAccessibleName("Kind of link")
        for kind, name in KIND_NAMES.items():
            self.kind.addItem(name, kind.value)
        self.lag = LagBox()
        self.lag.setObjectName("linkLag")
        self.lag.setAccessibleName("Lag in working days")
        self.lag.setToolTip("Working days between them; negative: they overlap")
        self.add_button = QPushButton("Add")
        self.add_button.setObjectName("addLink")
        self.add_button.setAutoDefault(False)
        self.add_button.setEnabled(False)
        self.add_button.clicked.connect(self._add_picked)
        self.error = QLabel()
        self.error.setObjectName("linkError")
        self.error.setProperty("tone", "error")
        self.error.setWordWrap(True)
        self.error.hide()

        self._lay_out(read_only)
        self.refresh()

    def _lay_out(self, read_only: bool) -> None:
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        add_row = QHBoxLayout()
        add_row.addWidget(QLabel("Kind"))
        add_row.addWidget(self.kind)
        add_row.addWidget(QLabel("Lag"))
        add_row.addWidget(self.lag)
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(remove_row)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 2)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        if read_only:
            for widget in (self.remove_button, self.search, self.results, self.kind, self.lag):
                widget.hide()
            self.add_button.hide()
            for label in self.findChildren(QLabel):
                if label is not self.error:
                    label.hide()

    # -- what is shown --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Lists the task's predecessors as the file holds them now, none selected (so Remove is
        off)."""
        self.shown = self._actions.predecessors(self._task_id)
        self.table.setRowCount(len(self.shown))
        for row, predecessor in enumerate(self.shown):
            link = predecessor.link
            cells = (
                predecessor.title,
                KIND_NAMES[link.kind],
                lag_text(link.lag_days),
                "Done" if predecessor.done else "Open",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (KIND_COLUMN, LAG_COLUMN) and not self._read_only:
                    item.setToolTip("Double-click or F2 to change")
                else:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.clearSelection()
        self.remove_button.setEnabled(False)
        self._fill_results()
        self.countChanged.emit(len(self.shown))

    def _select_row(self, row: int) -> None:
        """Selects the link on `row` (the nearest there is) and scrolls it into view."""
        if not self.shown:
            return
        row = min(max(row, 0), len(self.shown) - 1)
        self.table.selectRow(row)
        self.table.scrollTo(self.table.model().index(row, 0))
        self.remove_button.setEnabled(not self._read_only)

    def count(self) -> int:
        return len(self.shown)

    def _fill_results(self) -> None:
        self.results.clear()
        wanted = self.search.text().strip().casefold()
        if not wanted:
            self._enable_add()
            return
        if self._candidates is None:
            # Read once, when a search first needs them: most edits never add a link.
            self._candidates = self._actions.link_candidates()
        linked = {p.link.predecessor_id for p in self.shown}
        found = [
            c
            for c in self._candidates
            if wanted in c.title.casefold()
            and c.task_id != self._task_id
            and c.task_id not in linked
        ]
        for candidate in found[:MAX_SHOWN]:
            item = QListWidgetItem(f"{candidate.title} \u2014 {candidate.board}")
            item.setData(Qt.ItemDataRole.UserRole, int(candidate.task_id))
            self.results.addItem(item)
        if len(found) > MAX_SHOWN:
            more = QListWidgetItem(f"\u2026 and {len(found) - MAX_SHOWN} more: type more")
            more.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(more)
        if len(found) == 1:
            self.results.setCurrentRow(0)
        self._enable_add()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and self.results.count():
                self._highlight(step)
                return True
        return super().eventFilter(watched, event)

    def _highlight(self, step: int) -> None:
        """Moves the highlight in the tasks found by `step`, past the "and more" line."""
        pickable = [
            row
            for row in range(self.results.count())
            if self.results.item(row).flags() & Qt.ItemFlag.ItemIsSelectable
        ]
        if not pickable:
            return
        current = self.results.currentRow()
        if current not in pickable:
            row = pickable[0] if step > 0 else pickable[-1]
        else:
            at = pickable.index(current) + step
            row = pickable[min(max(at, 0), len(pickable) - 1)]
        self.results.setCurrentRow(row)
        self.results.scrollToItem(self.results.item(row))

    def _enable_add(self) -> None:
        self.add_button.setEnabled(self._picked() is not None)

    def _picked(self) -> TaskId | None:
        item = self.results.currentItem()
        if item is None or not item.isSelected():
            return None
        data = item.data(Qt.ItemDataRole.UserRole)
        return None if data is None else TaskId(int(data))

    def _selected(self) -> Predecessor | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.shown[min(rows)] if rows else None

    # -- changes --------------------------------------------------------------------------------

    def _add_picked(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        kind = LinkKind(self.kind.currentData())
        added = self._reporting(
            lambda: self._actions.add_link(
                picked, self._task_id, kind=kind, lag_days=self.lag.value()
            )
        )
        if added is not None:
            self.search.clear()
            self.lag.setValue(0)
            self.refresh()
            keys = [shown.link.key for shown in self.shown]
            if added.key in keys:
                self._select_row(keys.index(added.key))

    def _remove_selected(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        row = self.shown.index(selected)
        if self._reporting(lambda: self._actions.remove_link(selected.link.key) or None):
            self.refresh()
            # The next link is selected, so that Remove takes one after another.
            self._select_row(row)

    def _link_values(self, row: int) -> tuple[LinkKind, int]:
        link = self.shown[row].link
        return link.kind, link.lag_days

    def _edit_row(self, row: int, kind: LinkKind | None, lag_days: int | None) -> bool:
        """Changes the kind or lag of the link on `row`; whether it was changed."""
        if not 0 <= row < len(self.shown):
            return False
        shown = self.shown[row]
        edited = self._reporting(
            lambda: self._actions.edit_link(shown.link.key, kind=kind, lag_days=lag_days)
        )
        if edited is None:
            return False
        self.shown[row] = Predecessor(edited, shown.title, shown.done)
        return True

    def _reporting(self, act: Callable[[], T | None]) -> T | None:
        """Runs an action; shows here why it was refused (the window shows it too)."""
        result, reasons = refusals_of(self._actions.history.failed, act)
        self.error.setText(reasons)
        self.error.setVisible(bool(reasons))
        return result


def add_links_tab(
    tabs: QTabWidget, actions: LinkActions | None, task: Task, *, read_only: bool
) -> TaskLinksEditor | None:
    """Gives a saved task's editor its "Depends on" tab, its title counting the links."""
    if actions is None or task.id is None:
        return None
    editor = TaskLinksEditor(actions, TaskId(task.key), read_only=read_only)
    index = tabs.addTab(editor, "")

    def count_shown(count: int) -> None:
        tabs.setTabText(index, f"Depends on ({count})" if count else "Depends on")

    editor.countChanged.connect(count_shown)
    count_shown(editor.count())
    return editor
