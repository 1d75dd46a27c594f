"""The F1 list as a dialog: keys and what they do, in two-column tables made from the bindings
the window holds (`hotkeys.bound`), the app's shortcuts beside the keys each view handles
itself; sized so that no line is cut or wrapped and all of it shows on a 700 px screen. Esc or
Close closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mopsboard.ui.common import hotkeys, theme

KEYS, WHAT = range(2)
# Room after a column's longest text, so no line ends at the next column's edge.
COLUMN_PADDING = 14
Part = tuple[str, list[tuple[str, str]]]


def _item(text: str, font: QFont | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    if font is not None:
        item.setFont(font)
    return item


class KeyTable(QTableWidget):
    """Parts of the list, each a title row and then a row per key: keys, what they do."""

    def __init__(self, name: str, parts: list[Part], parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName(name)
        self.setHorizontalHeaderLabels(["Keys", "What they do"])
        self.verticalHeader().hide()
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        bold = QFont(self.font())
        bold.setBold(True)
        for title, rows in parts:
            row = self._add_row()
            heading = _item(title, bold)
            heading.setBackground(QColor(theme.HEADER_BG))
            self.setItem(row, KEYS, heading)
            self.setSpan(row, KEYS, 1, 2)
            for keys, what in rows:
                row = self._add_row()
                self.setItem(row, KEYS, _item(keys, bold))
                self.setItem(row, WHAT, _item(what))
        self.resizeColumnsToContents()
        for column in (KEYS, WHAT):
            self.setColumnWidth(column, self.columnWidth(column) + COLUMN_PADDING)
        frame = 2 * self.frameWidth()
        self.setFixedWidth(header.length() + frame)
        self.setFixedHeight(self.verticalHeader().length() + header.sizeHint().height() + frame)

    def _add_row(self) -> int:
        row = self.rowCount()
        self.insertRow(row)
        return row

    def headings(self) -> list[int]:
        """The rows that title a part of the list."""
        return [row for row in range(self.rowCount()) if self.columnSpan(row, KEYS) > 1]

    def rows(self) -> list[tuple[str, str]]:
        """What the table says: (keys, what they do), part titles left out."""
        titles = set(self.headings())
        return [
            (self._text(row, KEYS), self._text(row, WHAT))
            for row in range(self.rowCount())
            if row not in titles
        ]

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""


class ShortcutsDialog(QDialog):
    def __init__(self, source: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        shortcuts, *views = hotkeys.listed(source)
        self.tables = [KeyTable("shortcutsTable", [shortcuts]), KeyTable("viewKeysTable", views)]
        side_by_side = QHBoxLayout()
        for table in self.tables:
            side_by_side.addWidget(table, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(side_by_side, 1)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetFixedSize)

    def rows(self) -> list[tuple[str, str]]:
        """Every key the dialog lists, with what it does, table after table."""
        return [row for table in self.tables for row in table.rows()]


def show_shortcuts(parent: QWidget) -> ShortcutsDialog:
    """Shows the F1 list for `parent`'s window, bringing it forward when it is already open."""
    window = parent.window()
    dialog = window.findChild(ShortcutsDialog, "shortcutsDialog")
    if dialog is None:
        dialog = ShortcutsDialog(window, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
