"""The sidebar: the workspace's boards (add, rename, reorder, delete) and the views."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mopsboard.domain.ids import BoardId
from mopsboard.domain.models import Board
from mopsboard.qt.workspace_actions import WorkspaceActions
from mopsboard.ui.common import theme
from mopsboard.ui.common.colour_scheme import follow_scheme
from mopsboard.ui.common.icons import Icon, icon
from mopsboard.ui.common.theme import Scheme

BoardIdRole = Qt.ItemDataRole.UserRole + 1
ViewKeyRole = Qt.ItemDataRole.UserRole + 2
ViewIconRole = Qt.ItemDataRole.UserRole + 3


class _ViewportWide(QStyledItemDelegate):
    """Rows as wide as the list, whatever their text: a long name is elided (whole in its
    tooltip) instead of widening the rows past the list and growing a scroll bar."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(0, super().sizeHint(option, index).height())


def _sidebar_list(listing: QListWidget, name: str, accessible: str) -> None:
    listing.setObjectName(name)
    listing.setAccessibleName(accessible)
    listing.setItemDelegate(_ViewportWide(listing))
    listing.setTextElideMode(Qt.TextElideMode.ElideRight)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


class BoardList(QListWidget):
    """Dragging a board reorders the boards; the new order goes through the undo stack."""

    orderChanged = Signal(list, list)

    def dropEvent(self, event: object) -> None:
        before = self.board_ids()
        super().dropEvent(event)  # type: ignore[arg-type]
        after = self.board_ids()
        if before != after:
            self.orderChanged.emit(before, after)

    def board_ids(self) -> list[int]:
        return [int(self.item(n).data(BoardIdRole)) for n in range(self.count())]


class Sidebar(QWidget):
    boardSelected = Signal(int)
    viewSelected = Signal(str)

    def __init__(self, actions: WorkspaceActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Not "sidebar": that is the name of the places list in Qt's file dialog, which the
        # style sheet would paint dark too.
        self.setObjectName("appSidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.workspace_actions = actions
        self.setFixedWidth(190)
        self.boards = BoardList()
        _sidebar_list(self.boards, "boardList", "Boards")
        self.boards.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.boards.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.boards.customContextMenuRequested.connect(self._menu)
        self.boards.currentItemChanged.connect(self._selected)
        self.boards.orderChanged.connect(self.workspace_actions.reorder_boards)
        self.boards.itemDoubleClicked.connect(lambda _item: self.rename_current())
        # A board picked from the list is shown, whatever view the window was in.
        self.boards.itemClicked.connect(lambda _item: self.select_view("board"))
        self.add_button = QToolButton()
        self.add_button.setObjectName("addBoard")
        self.add_button.setToolTip("New board")
        self.add_button.setAccessibleName("New board")
        self.add_button.clicked.connect(self.add_board)
        self.views = QListWidget()
        _sidebar_list(self.views, "viewList", "Views")
        self.views.currentItemChanged.connect(self._view_selected)
        self.add_view("board", "Board", Icon.KANBAN)
        self.views.setCurrentRow(0)

        heading = QHBoxLayout()
        heading.addWidget(QLabel("BOARDS"))
        heading.addStretch(1)
        heading.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 12, 10, 10)
        title = QLabel("mopsboard")
        title.setObjectName("appTitle")
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addWidget(QLabel("VIEWS"))
        layout.addWidget(self.views)
        layout.addSpacing(6)
        layout.addLayout(heading)
        layout.addWidget(self.boards, 1)
        follow_scheme(self, self._colour_icons)

    def _colour_icons(self, scheme: Scheme) -> None:
        self.add_button.setIcon(icon(Icon.PLUS, scheme.sidebar_text))
        for row in range(self.views.count()):
            item = self.views.item(row)
            item.setIcon(icon(Icon(item.data(ViewIconRole)), scheme.sidebar_text))

    def add_view(self, key: str, title: str, icon_name: Icon) -> None:
        item = QListWidgetItem(icon(icon_name, theme.current().sidebar_text), title)
        item.setData(ViewKeyRole, key)
        item.setData(ViewIconRole, icon_name.value)
        self.views.addItem(item)
        rows = self.views.count()
        # Rows are as tall as the style makes them (icon, padding); the list never scrolls.
        row_height = max(30, self.views.sizeHintForRow(0))
        self.views.setFixedHeight(rows * row_height + 2 * self.views.frameWidth() + 4)
        self.views.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def select_view(self, key: str) -> None:
        for row in range(self.views.count()):
            if self.views.item(row).data(ViewKeyRole) == key:
                self.views.setCurrentRow(row)

    def _view_selected(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is not None:
            self.viewSelected.emit(str(item.data(ViewKeyRole)))

    def show_boards(self, boards: list[Board], current: int | None) -> None:
        self.boards.blockSignals(True)
        self.boards.clear()
        for board in boards:
            item = QListWidgetItem(board.name)
            item.setData(BoardIdRole, board.id)
            item.setToolTip(board.name)
            self.boards.addItem(item)
            if board.id == current:
                self.boards.setCurrentItem(item)
        self.boards.blockSignals(False)

    def select_board(self, board_id: int | None) -> None:
        for row in range(self.boards.count()):
            item = self.boards.item(row)
            if item.data(BoardIdRole) == board_id and self.boards.currentItem() is not item:
                self.boards.blockSignals(True)
                self.boards.setCurrentItem(item)
                self.boards.blockSignals(False)

    def current_board_id(self) -> BoardId | None:
        item = self.boards.currentItem()
        return BoardId(int(item.data(BoardIdRole))) if item else None

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.boardSelected.emit(int(item.data(BoardIdRole)))

    def _menu(self, point: QPoint) -> None:
        if self.boards.itemAt(point) is None:
            return
        menu = QMenu(self)
        colour = theme.current().icon
        menu.addAction(icon(Icon.PENCIL, colour), "Rename\u2026", self.rename_current)
        menu.addAction(icon(Icon.TRASH_2, colour), "Delete\u2026", self.delete_current)
        menu.exec(self.boards.mapToGlobal(point))

    def add_board(self) -> None:
        # Dialogs open over the window (centred on it), not over the sidebar's strip.
        name, ok = QInputDialog.getText(self.window(), "New board", "Name of the new board:")
        if ok and name.strip():
            board = self.workspace_actions.add_board(name.strip())
            if board is not None and board.id is not None:
                # The new board is shown at once: chosen in the list, on the board page.
                self.boardSelected.emit(board.id)
                self.select_board(board.id)
                self.select_view("board")

    def rename_current(self) -> None:
        board_id = self.current_board_id()
        item = self.boards.currentItem()
        if board_id is None or item is None:
            return
        name, ok = QInputDialog.getText(
            self.window(), "Rename board", "New name:", text=item.text()
        )
        if ok and name.strip() and name.strip() != item.text():
            self.workspace_actions.rename_board(board_id, name.strip())

    def delete_current(self) -> None:
        board_id = self.current_board_id()
        item = self.boards.currentItem()
        if board_id is None or item is None:
            return
        answer = QMessageBox.question(
            self.window(),
            "Delete board",
            f"Delete the board '{item.text()}' with its stages and tasks?\n\n"
            "You can undo this with Edit \u25b8 Undo.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.workspace_actions.archive_board(board_id)
