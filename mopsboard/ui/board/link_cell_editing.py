"""Editing a link's kind and lag in place, in the "Depends on" table (ui/board/task_links.py):
a double-click, F2, or a click on a selected cell opens a kind list or a lag box over the cell;
Enter (or leaving the cell) applies it as one undoable action, Escape leaves it as it was. In
the kind list the arrows change the kind shown only; a kind chosen in the open list with the
mouse applies it at once, as Enter would."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mopsboard.domain.link_rules import MAX_LAG_DAYS, LinkKind

KIND_COLUMN, LAG_COLUMN = 1, 2
KIND_NAMES = {
    LinkKind.FINISH_TO_START: "Finish to start",
    LinkKind.START_TO_START: "Start to start",
}
AnyIndex = QModelIndex | QPersistentModelIndex
# (row, new kind or None, new lag or None): applies the change; whether it was made.
LinkEdit = Callable[[int, LinkKind | None, int | None], bool]
# (row) -> the row's link's kind and lag as they are now.
LinkValues = Callable[[int], tuple[LinkKind, int]]


class KindPicker(QComboBox):
    """The kind list over a cell: `chosen` when a kind is picked in its open list (by mouse or
    by Enter there), not when the arrows step through the kinds on the closed box."""

    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._list_open = False
        self.activated.connect(self._on_activated)

    def showPopup(self) -> None:
        self._list_open = True
        super().showPopup()

    def hidePopup(self) -> None:
        super().hidePopup()
        # The pick that closed the list is reported after the list is hidden: forget it later.
        QTimer.singleShot(0, self._forget_list)

    def _forget_list(self) -> None:
        self._list_open = False

    def _on_activated(self, _row: int) -> None:
        if self._list_open:
            self._list_open = False
            self.chosen.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The delegate has seen Enter and Escape already (it applies or reverts the cell); a
        # closed box would pass them on to the dialog, whose Save or Cancel they would press.
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        if event.key() in keys and not self.view().isVisible():
            event.accept()
            return
        super().keyPressEvent(event)


def lag_text(days: int) -> str:
    if days == 0:
        return "none"
    word = "day" if abs(days) == 1 else "days"
    return f"{days:+d} working {word}"


_LAG_WRITTEN = re.compile(r"\s*([+-]?\d+)(\s+working\s+days?)?\s*", re.IGNORECASE)
# On the way to a lag: a sign, a number, part of "working days", part of "none".
_LAG_TYPING = re.compile(r"\s*[+-]?\d*\s*[a-z ]*", re.IGNORECASE)


class LagBox(QSpinBox):
    """A lag in working days, written as the links table writes it ("none", "+2 working days",
    "-1 working day"); a number typed, signed or not, is read as working days."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-MAX_LAG_DAYS, MAX_LAG_DAYS)

    def textFromValue(self, val: int, /) -> str:
        return lag_text(val)

    def valueFromText(self, text: str, /) -> int:
        written = _LAG_WRITTEN.fullmatch(text)
        return int(written.group(1)) if written else 0

    def validate(self, text: str, pos: int, /) -> tuple[QValidator.State, str, int]:
        written = _LAG_WRITTEN.fullmatch(text)
        if written:
            inside = self.minimum() <= int(written.group(1)) <= self.maximum()
            state = QValidator.State.Acceptable if inside else QValidator.State.Invalid
        elif text.strip().casefold() == "none":
            state = QValidator.State.Acceptable
        elif _LAG_TYPING.fullmatch(text):
            state = QValidator.State.Intermediate
        else:
            state = QValidator.State.Invalid
        return state, text, pos


class LinkCellDelegate(QStyledItemDelegate):
    def __init__(self, values: LinkValues, edit: LinkEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values = values
        self._edit = edit
        self._editor_widths: dict[int, int] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # As wide as the editor that opens over the cell, so that it is never cut.
        hint = super().sizeHint(option, index)
        column = index.column()
        if column not in (KIND_COLUMN, LAG_COLUMN):
            return hint
        if column not in self._editor_widths:
            holder = QWidget()
            sample = self.createEditor(holder, option, index)
            if isinstance(sample, QSpinBox):
                sample.setValue(-MAX_LAG_DAYS // 10)
            self._editor_widths[column] = sample.sizeHint().width()
            holder.deleteLater()
        return QSize(max(hint.width(), self._editor_widths[column]), hint.height())

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        if index.column() == KIND_COLUMN:
            kinds = KindPicker(parent)
            kinds.setObjectName("linkKindEditor")
            kinds.setAccessibleName("Kind of link")
            for kind, name in KIND_NAMES.items():
                kinds.addItem(name, kind.value)
            # Chosen in the list is done: there is nothing more to type.
            kinds.chosen.connect(lambda: self._finish(kinds))
            return kinds
        lag = LagBox(parent)
        lag.setObjectName("linkLagEditor")
        lag.setAccessibleName("Lag in working days")
        return lag

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        kind, lag = self._values(index.row())
        blocker = QSignalBlocker(editor)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(editor.findData(kind.value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(lag)
            editor.selectAll()
        del blocker

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        kind, lag = self._values(index.row())
        if isinstance(editor, QComboBox):
            picked = LinkKind(editor.currentData())
            if picked is not kind and self._edit(index.row(), picked, None):
                model.setData(index, KIND_NAMES[picked])
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            if editor.value() != lag and self._edit(index.row(), None, editor.value()):
                model.setData(index, lag_text(editor.value()))
