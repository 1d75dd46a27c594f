"""The task editor's checklist: items to tick, edit in place, add (type, then Enter, as often as
needed) and remove."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.models import ChecklistItem
from mopsboard.ui.common.widgets import EntryLine


class ChecklistEditor(QWidget):
    # An item was added or removed (ticking and editing one is the list's itemChanged).
    edited = Signal()

    def __init__(self, items: tuple[ChecklistItem, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = QListWidget()
        self.checklist.setObjectName("taskChecklist")
        self.checklist.setAccessibleName("Checklist")
        for item in items:
            self._add_item(item.text, item.done)
        self.new_item = EntryLine()
        self.new_item.setObjectName("newChecklistItem")
        self.new_item.setAccessibleName("New checklist item")
        self.new_item.setPlaceholderText("New item, then Enter")
        self.new_item.returnPressed.connect(self.add_typed_item)
        self.remove_item = QPushButton("Remove")
        self.remove_item.setAutoDefault(False)
        self.remove_item.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.new_item, 1)
        row.addWidget(self.remove_item)
        layout = QVBoxLayout(self)
        layout.addWidget(self.checklist, 1)
        layout.addLayout(row)

    def items(self) -> list[tuple[str, bool]]:
        """Each item's text and whether it is done, in order."""
        rows = [self.checklist.item(n) for n in range(self.checklist.count())]
        return [(item.text(), item.checkState() == Qt.CheckState.Checked) for item in rows]

    def _add_item(self, text: str, done: bool) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
        self.checklist.addItem(item)

    def set_read_only(self) -> None:
        """Items to read, ticked as they are: none to tick, edit, add or remove."""
        fixed = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable
        for row in range(self.checklist.count()):
            item = self.checklist.item(row)
            item.setFlags(item.flags() & ~fixed)
        self.new_item.hide()
        self.remove_item.hide()

    def add_typed_item(self) -> None:
        """Adds what the new-item line holds (Enter there does this)."""
        text = self.new_item.text().strip()
        if text:
            self._add_item(text, False)
            self.new_item.clear()
            self.edited.emit()

    def _remove_selected(self) -> None:
        for item in self.checklist.selectedItems():
            self.checklist.takeItem(self.checklist.row(item))
        self.edited.emit()
